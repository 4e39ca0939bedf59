import DefaultTheme from 'vitepress/theme'
import type { Theme } from 'vitepress'
import HeapExample from './components/HeapExample.vue'
import './style.css'

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('HeapExample', HeapExample)
  },
} satisfies Theme

import { defineConfig } from 'vitepress'
import { pyconPlugin } from './pycon'

export default defineConfig({
  title: 'heap',
  description: "CPython's memory management, simulated: every reference, every refcount, every collector phase",
  cleanUrls: false,
  lastUpdated: false,
  srcExclude: ['**/generated/**', 'README.md', 'test/**'],
  head: [['meta', { name: 'theme-color', content: '#1d4ed8' }]],
  markdown: {
    config(md) {
      pyconPlugin(md)
    },
  },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/reference-counting' },
      { text: 'Playground', link: '/playground' },
      { text: 'Versions', link: '/reference/versions' },
      { text: 'API', link: '/reference/api/' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Reference counting', link: '/guide/reference-counting' },
          { text: 'Small ints and immortality', link: '/guide/small-ints' },
          { text: 'What del does', link: '/guide/del' },
          { text: 'When objects are destroyed', link: '/guide/destruction' },
          { text: 'Forced deallocation (ctypes)', link: '/guide/forced-deallocation' },
          { text: 'Reference cycles', link: '/guide/cycles' },
          { text: 'Generations and thresholds', link: '/guide/generations' },
          { text: 'Finalizers and gc.garbage', link: '/guide/finalizers' },
          { text: 'Use with, not refcounts', link: '/guide/context-managers' },
          { text: 'Weak references', link: '/guide/weak-references' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'What changed between versions', link: '/reference/versions' },
          { text: 'Package API', link: '/reference/api/' },
          { text: 'Playground', link: '/playground' },
        ],
      },
    ],
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
  vite: {
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 2000 },
  },
})

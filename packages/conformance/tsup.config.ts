import { defineConfig } from 'tsup'

// dist/index.js is used by scripts/report.mjs; the package is private, so no .d.ts.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
})

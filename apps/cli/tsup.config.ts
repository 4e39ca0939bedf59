import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', 'repl-worker': 'src/commands/repl-worker.ts', 'run-worker': 'src/commands/run-worker.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
})

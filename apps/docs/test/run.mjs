#!/usr/bin/env node
// The docs' test: the examples check, the interpreter chunk's size, then the browser tests. Each runs even when an
// earlier one failed (so CI shows all three); the exit status fails if any did.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const steps = [
  ['examples (recorded from CPython, checked with heap check)', 'scripts/check-examples.mjs'],
  ['interpreter chunk size', 'test/bundle-size.mjs'],
  ['browser end-to-end tests', 'test/e2e.mjs'],
]
const results = []
for (const [name, script] of steps) {
  console.log(`\n::: ${name}`)
  const t0 = Date.now()
  const r = spawnSync(process.execPath, [join(root, script)], { cwd: root, stdio: 'inherit' })
  results.push({ name, ok: r.status === 0, s: ((Date.now() - t0) / 1000).toFixed(1) })
}
console.log('\n=== docs tests ===')
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.s}s)`)
process.exit(results.every((r) => r.ok) ? 0 : 1)

#!/usr/bin/env node
// The interpreter chunk (the Web Worker running python-lite) must stay within 250 KB gzipped.
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const LIMIT = 250 * 1024
const assets = join(dirname(fileURLToPath(import.meta.url)), '..', '.vitepress', 'dist', 'assets')
const workers = readdirSync(assets).filter((f) => /^worker-.*\.js$/.test(f))
if (workers.length === 0) {
  console.error('bundle-size: no worker chunk in .vitepress/dist/assets — build the site first')
  process.exit(1)
}
let failed = 0
for (const f of workers) {
  const raw = readFileSync(join(assets, f))
  const gz = gzipSync(raw, { level: 9 }).length
  const ok = gz <= LIMIT
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} interpreter chunk ${f}: ${(raw.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped (limit ${LIMIT / 1024} KB)`)
}
console.log(`${workers.length - failed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)

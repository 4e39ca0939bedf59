#!/usr/bin/env node
// Runs the same programs under heap and under real CPython 3.11 in one run and prints the ratios
// (whole-process wall time, best of N). Not a test: numbers are printed, never asserted.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import cliProgress from 'cli-progress'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..', '..')
const heap = join(root, 'apps', 'cli', 'bin', 'heap.js')
const programs = join(here, 'programs')
const runs = Number(process.env.BENCH_RUNS ?? 3)

function python() {
  for (const cmd of ['python3.11', 'python3']) {
    const r = spawnSync(cmd, ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' })
    if (r.status === 0) return { cmd, version: r.stdout.trim() }
  }
  return null
}

function time(cmd, args) {
  let best = Infinity
  let out = ''
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 })
    const t = performance.now() - t0
    if (r.status !== 0) return { ms: NaN, out: r.stderr.slice(0, 300) }
    out = r.stdout
    best = Math.min(best, t)
  }
  return { ms: best, out }
}

const py = python()
const files = readdirSync(programs).filter((f) => f.endsWith('.py')).sort()
// On a terminal a progress bar runs on stderr while the programs run; the table follows.
const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'bench [{bar}] {value}/{total} {label}', clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic) : null
bar?.start(files.length * 2, 0, { label: '' })
const rows = []
for (const f of files) {
  const file = join(programs, f)
  bar?.update({ label: `${f} under heap` })
  const h = time(process.execPath, [heap, 'run', '--python', '3.11', file])
  bar?.increment(1, { label: `${f} under CPython` })
  const c = py ? time(py.cmd, [file]) : { ms: NaN, out: '' }
  bar?.increment(1)
  const ratio = h.ms / c.ms
  rows.push([f.padEnd(18), h.ms.toFixed(0).padStart(10), c.ms.toFixed(0).padStart(13), (Number.isFinite(ratio) ? ratio.toFixed(2) + 'x' : '-').padStart(7), ' ' + (h.out === c.out ? 'yes' : 'NO')].join(' '))
}
bar?.stop()
console.log(`heap vs CPython${py ? ' ' + py.version : ' (not found)'} — whole-process wall time, best of ${runs}`)
console.log('program'.padEnd(18), 'heap (ms)'.padStart(10), 'cpython (ms)'.padStart(13), 'ratio'.padStart(7), ' same output')
for (const r of rows) console.log(r)

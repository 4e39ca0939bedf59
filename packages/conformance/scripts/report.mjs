#!/usr/bin/env node
// Per-profile match table of @heap/python-lite against the recordings.
//
//   node scripts/report.mjs [--profile 3.11[,3.12]] [--case gc/] [--areas] [--verbose] [--update-failing]
//
// --areas           one row per area as well
// --verbose         print the diff of every mismatch, unexpected pass and simulator error
// --update-failing  rewrite lists/<profile>/failing.txt from this run (keeps existing reasons)
//
// Uses dist/index.js (built with tsup from src/); builds it when missing or older than src/.
import { existsSync, statSync, readdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { spawnSync } from 'node:child_process'

const PKG = join(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(PKG, 'dist', 'index.js')

const args = process.argv.slice(2)
const opt = { profiles: null, filter: null, areas: false, verbose: false, updateFailing: false }
for (let i = 0; i < args.length; i++) {
  const a = args[i]
  if (a === '--profile' || a === '-p') opt.profiles = args[++i].split(',')
  else if (a === '--case' || a === '-c') opt.filter = args[++i]
  else if (a === '--areas') opt.areas = true
  else if (a === '--verbose' || a === '-v') opt.verbose = true
  else if (a === '--update-failing') opt.updateFailing = true
  else if (a === '--help' || a === '-h') {
    console.log('node scripts/report.mjs [--profile 3.11[,3.12]] [--case text] [--areas] [--verbose] [--update-failing]')
    process.exit(0)
  } else {
    console.error(`unknown argument ${a}`)
    process.exit(2)
  }
}

function newestMtime(dir) {
  let t = 0
  for (const e of readdirSync(dir)) {
    const p = join(dir, e)
    const s = statSync(p)
    t = Math.max(t, s.isDirectory() ? newestMtime(p) : s.mtimeMs)
  }
  return t
}
if (!existsSync(DIST) || statSync(DIST).mtimeMs < newestMtime(join(PKG, 'src'))) {
  const local = [join(PKG, 'node_modules', '.bin', 'tsup'), join(PKG, '..', '..', 'node_modules', '.bin', 'tsup')].find((p) => existsSync(p))
  const r = local ? spawnSync(local, [], { cwd: PKG, stdio: ['ignore', 'ignore', 'inherit'] }) : spawnSync('pnpm', ['exec', 'tsup'], { cwd: PKG, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) {
    console.error('could not build dist/index.js (pnpm --filter @heap/conformance build)')
    process.exit(1)
  }
}

const lib = await import(pathToFileURL(DIST).href)
const engine = await lib.loadEngine()
if (!engine.ok) {
  console.error(engine.error)
  process.exit(1)
}

const profiles = opt.profiles ?? Object.keys(lib.PROFILES).filter((p) => !lib.PROFILES[p].optional)
const rows = []
const areaRows = []
let problems = 0
for (const profile of profiles) {
  const t0 = Date.now()
  const s = lib.runProfile(profile, engine.runSource, { filter: opt.filter ? (k) => k.includes(opt.filter) : undefined })
  const matched = s.pass + s.unexpectedPass
  const ran = s.total - s.skip
  rows.push([profile, `${matched}/${ran}`, pct(matched, ran), s.expectedFail, s.fail, s.unexpectedPass, s.error, s.skip, `${((Date.now() - t0) / 1000).toFixed(1)}s`])
  problems += s.fail + s.unexpectedPass + s.error
  if (opt.areas) {
    const byArea = new Map()
    for (const v of s.verdicts) {
      const a = v.run.case.area
      const r = byArea.get(a) ?? { matched: 0, ran: 0 }
      if (v.verdict !== 'skip') r.ran++
      if (v.verdict === 'pass' || v.verdict === 'unexpected-pass') r.matched++
      byArea.set(a, r)
    }
    for (const [a, r] of [...byArea.entries()].sort()) areaRows.push([profile, a, `${r.matched}/${r.ran}`, pct(r.matched, r.ran)])
  }
  if (opt.verbose) {
    for (const v of s.verdicts) if (v.verdict === 'fail' || v.verdict === 'unexpected-pass' || v.verdict === 'error') console.log(`\n${v.message}`)
  }
  if (opt.updateFailing) {
    const failures = s.verdicts.filter((v) => v.verdict === 'fail' || v.verdict === 'error' || v.verdict === 'expected-fail').map((v) => ({ caseId: v.run.case.id, mode: v.run.mode }))
    lib.writeFailing(profile, failures, { reason: 'TODO: triage (added by report.mjs --update-failing)' })
    console.log(`lists/${profile}/failing.txt: ${failures.length} entries`)
  }
}

function pct(a, b) {
  return b ? `${((100 * a) / b).toFixed(1)}%` : '-'
}
function table(head, body) {
  const w = head.map((h, i) => Math.max(String(h).length, ...body.map((r) => String(r[i]).length)))
  const line = (r) => r.map((c, i) => (i === 0 || i === 1 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ')
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)].join('\n')
}
console.log(table(['profile', 'matched', '%', 'expected-fail', 'fail', 'unexpected-pass', 'error', 'skip', 'time'], rows))
if (opt.areas) console.log('\n' + table(['profile', 'area', 'matched', '%'], areaRows))
process.exit(problems && !opt.updateFailing ? 1 : 0)

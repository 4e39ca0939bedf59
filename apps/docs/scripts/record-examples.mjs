#!/usr/bin/env node
// Fills in the outputs of every ```pycon block of the pages by running the real interpreter (`python -i`, stdin
// piped, stderr merged into stdout), so that transcripts are recorded, never written by hand. `heap check` then
// verifies the simulation against them (scripts/check-examples.mjs).
//
// A block's info string names the CPython that records it: ```pycon (3.11), ```pycon 3.8, ```pycon 3.12 …, or
// ```pycon legacy (2.7). `unchecked: REASON` may follow; such blocks are recorded too.
// Usage: node scripts/record-examples.mjs [--check] [files...]
//   --check  records into memory and fails when a page's transcript differs from what CPython prints now
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parsePyconInfo } from './pycon-info.mjs'

const here = dirname(fileURLToPath(import.meta.url))
export const docsRoot = join(here, '..')

/** The pyenv release that records each profile's transcripts. */
export const RECORDERS = { legacy: '2.7.18', '3.8': '3.8.18', '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0' }


/** The Markdown pages of the site. */
export function pageFiles(dir = docsRoot) {
  const out = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'generated' || name === 'test' || name === 'scripts' || name === 'api') continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...pageFiles(p))
    else if (name.endsWith('.md') && name !== 'README.md') out.push(p)
  }
  return out.sort()
}

/** Every ```pycon block of a page: its info, body, and where it is. */
export function pyconBlocks(text) {
  const out = []
  const re = /^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm
  for (let m; (m = re.exec(text)) !== null; ) {
    const info = parsePyconInfo(m[1])
    if (info === null) continue
    const line = text.slice(0, m.index).split('\n').length
    out.push({ ...info, info: m[1], body: m[2], start: m.index, end: m.index + m[0].length, line })
  }
  return out
}

/** The typed lines of a transcript: `>>> ` and `... ` lines (outputs are dropped). */
export function inputs(body) {
  return body.split('\n').filter((l) => l.startsWith('>>>') || l.startsWith('...'))
}

/** Runs the typed lines in `python -i` and rebuilds the transcript from the merged output, split at the prompts. */
export function transcript(lines, pythonVersion) {
  const cwd = mkdtempSync(join(tmpdir(), 'heap-docs-'))
  const input = lines.map((l) => l.replace(/^(>>>|\.\.\.) ?/, '')).join('\n') + '\n'
  const env = { ...process.env, PYENV_VERSION: pythonVersion, PYTHONUNBUFFERED: '1', PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1' }
  delete env.PYTHONSTARTUP
  const r = spawnSync('sh', ['-c', 'exec python -i 2>&1'], { cwd, input, encoding: 'utf8', env, timeout: 60_000 })
  rmSync(cwd, { recursive: true, force: true })
  if (r.error) throw r.error
  const parts = r.stdout.split(/(>>> |\.\.\. )/)
  const outs = []
  let cur = null
  for (const p of parts) {
    if (p === '>>> ' || p === '... ') {
      if (cur !== null) outs.push(cur)
      cur = ''
    } else if (cur !== null) cur += p
  }
  if (cur !== null) outs.push(cur)
  // outs[i] is what followed the i-th prompt; the first chunk (before any prompt) is the banner, dropped by -i.
  const result = []
  for (let i = 0; i < lines.length; i++) {
    result.push(lines[i])
    const o = (outs[i] ?? '').replace(/\n$/, '')
    if (o !== '') result.push(...o.split('\n'))
  }
  return result.join('\n')
}

/** Addresses differ from run to run. */
const norm = (s) => s.replace(/0x[0-9a-fA-F]+/g, '0xADDR').replace(/[ \t]+$/gm, '')

/** The page with every transcript re-recorded; `changed` lists the blocks whose text changed. */
export function recordPage(text) {
  const changed = []
  let out = ''
  let at = 0
  for (const b of pyconBlocks(text)) {
    const version = RECORDERS[b.profile]
    if (version === undefined) throw new Error(`line ${b.line}: no recorder for profile ${b.profile} (have ${Object.keys(RECORDERS).join(', ')})`)
    const lines = inputs(b.body)
    const fresh = lines.length === 0 ? b.body : transcript(lines, version) + '\n'
    out += text.slice(at, b.start)
    const keep = norm(fresh) === norm(b.body)
    if (!keep) changed.push({ line: b.line, version, before: b.body, after: fresh })
    out += '```' + b.info + '\n' + (keep ? b.body : fresh) + '```'
    at = b.end
  }
  out += text.slice(at)
  return { text: out, changed }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const check = args.includes('--check')
  const files = args.filter((a) => !a.startsWith('--'))
  let stale = 0
  for (const file of files.length > 0 ? files : pageFiles()) {
    const text = readFileSync(file, 'utf8')
    const { text: updated, changed } = recordPage(text)
    for (const c of changed) console.log(`${relative(docsRoot, file)}:${c.line}: ${check ? 'differs from' : 'recorded with'} CPython ${c.version}`)
    if (changed.length === 0) continue
    stale += changed.length
    if (!check) writeFileSync(file, updated)
  }
  if (check && stale > 0) process.exit(1)
}

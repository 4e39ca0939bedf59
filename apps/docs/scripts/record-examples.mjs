#!/usr/bin/env node
// Fills the outputs of every ```pycon block in the docs by running the real interpreter (python -i, stdin piped),
// so that transcripts are recorded, never written by hand. `heap check` then verifies the simulation against them.
// Usage: node scripts/record-examples.mjs [--python 3.11.7] [files...]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const docsRoot = join(here, '..')
const args = process.argv.slice(2)
let version = '3.11.7'
const files = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--python') version = args[++i]
  else files.push(args[i])
}

function walk(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...walk(p))
    else if (name.endsWith('.md')) out.push(p)
  }
  return out
}

/** The input lines of a transcript: `>>> ` and `... ` lines (outputs are dropped). */
function inputs(block) {
  return block.split('\n').filter((l) => l.startsWith('>>>') || l.startsWith('...'))
}

/** Runs the statements in python -i and splits the merged output at the prompts. */
export function transcript(lines, pythonVersion) {
  const cwd = mkdtempSync(join(tmpdir(), 'heap-docs-'))
  const input = lines.map((l) => l.replace(/^(>>>|\.\.\.) ?/, '')).join('\n') + '\n'
  const r = spawnSync('python', ['-i'], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, PYENV_VERSION: pythonVersion, PYTHONUNBUFFERED: '1', PYTHONHASHSEED: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  // stdout and stderr were captured separately; to interleave, run again with stderr merged into stdout.
  const m = spawnSync('sh', ['-c', 'python -i 2>&1'], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, PYENV_VERSION: pythonVersion, PYTHONUNBUFFERED: '1', PYTHONHASHSEED: '0' },
  })
  void r
  const merged = m.stdout
  // Chunks separated by prompts; the chunk after the prompt that read a statement's last line is its output.
  const parts = merged.split(/(>>> |\.\.\. )/)
  const outs = []
  let cur = null
  for (const p of parts) {
    if (p === '>>> ' || p === '... ') {
      if (cur !== null) outs.push(cur)
      cur = ''
    } else if (cur !== null) cur += p
  }
  if (cur !== null) outs.push(cur)
  // outs[i] is what followed the i-th prompt. Rebuild the transcript line by line.
  const result = []
  for (let i = 0; i < lines.length; i++) {
    result.push(lines[i])
    const o = (outs[i] ?? '').replace(/\n$/, '')
    if (o !== '') result.push(...o.split('\n'))
  }
  return result.join('\n')
}

const targets = files.length > 0 ? files : walk(docsRoot)
for (const file of targets) {
  const text = readFileSync(file, 'utf8')
  let changed = false
  const updated = text.replace(/```pycon\n([\s\S]*?)```/g, (whole, body) => {
    const lines = inputs(body)
    if (lines.length === 0) return whole
    const t = transcript(lines, version)
    const block = '```pycon\n' + t + '\n```'
    // Addresses differ from run to run: keep the old text when only they changed.
    const norm = (s) => s.replace(/0x[0-9a-f]+/g, '0xADDR')
    if (norm(block) === norm(whole)) return whole
    changed = true
    return block
  })
  if (changed) {
    writeFileSync(file, updated)
    console.log(`recorded ${relative(docsRoot, file)} with CPython ${version}`)
  }
}

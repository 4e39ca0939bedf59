#!/usr/bin/env node
// Verifies every example of every page:
//  1. each ```pycon block names a profile that has a recorder, and a block marked `unchecked:` gives its reason;
//  2. the transcripts are what real CPython prints (re-recorded in memory with scripts/record-examples.mjs and
//     compared, addresses aside) — skipped, with a notice, on a machine without the pyenv interpreters;
//  3. heap prints the same: the CLI's `heap check --python PROFILE` runs over the pages (3.11 blocks) and over
//     temporary copies holding the blocks recorded with other versions.
// Usage: node scripts/check-examples.mjs [--no-record] [files...]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { RECORDERS, docsRoot, pageFiles, pyconBlocks, recordPage } from './record-examples.mjs'

const repoRoot = join(docsRoot, '..', '..')
const heap = join(repoRoot, 'apps', 'cli', 'bin', 'heap.js')
const args = process.argv.slice(2)
const skipRecord = args.includes('--no-record')
const files = args.filter((a) => !a.startsWith('--'))
const pages = files.length > 0 ? files.map((f) => join(process.cwd(), f)) : pageFiles()

let problems = 0
const problem = (msg) => {
  problems++
  console.log(`✗ ${msg}`)
}

// 1. Well-formed blocks.
const byProfile = new Map()
let total = 0
let unchecked = 0
for (const file of pages) {
  const rel = relative(docsRoot, file)
  for (const b of pyconBlocks(readFileSync(file, 'utf8'))) {
    total++
    if (!(b.profile in RECORDERS)) problem(`${rel}:${b.line}: no recorder for profile '${b.profile}'`)
    if (b.unchecked !== null) {
      unchecked++
      if (b.unchecked.length < 10) problem(`${rel}:${b.line}: an unchecked transcript needs a reason the reader can see`)
      console.log(`- ${rel}:${b.line}: not checked (${b.profile}): ${b.unchecked}`)
      continue
    }
    if (!byProfile.has(b.profile)) byProfile.set(b.profile, [])
    byProfile.get(b.profile).push({ file, rel, block: b })
  }
}
console.log(`${total} transcripts on ${pages.length} pages; ${unchecked} marked as not checked`)

// 2. Recorded from CPython.
const havePyenv = spawnSync('pyenv', ['versions', '--bare'], { encoding: 'utf8' })
const installed = havePyenv.status === 0 ? new Set(havePyenv.stdout.split('\n').map((s) => s.trim())) : new Set()
if (skipRecord) console.log('recordings: not re-checked (--no-record)')
else if (!Object.values(RECORDERS).every((v) => installed.has(v))) console.log(`recordings: not re-checked — this machine lacks the pyenv interpreters (${Object.values(RECORDERS).join(', ')})`)
else {
  let stale = 0
  for (const file of pages) {
    const { changed } = recordPage(readFileSync(file, 'utf8'))
    for (const c of changed) {
      stale++
      problem(`${relative(docsRoot, file)}:${c.line}: the transcript is not what CPython ${c.version} prints — run node scripts/record-examples.mjs`)
    }
  }
  if (stale === 0) console.log('recordings: every transcript is what CPython prints')
}

// 3. heap prints the same.
const tmp = mkdtempSync(join(tmpdir(), 'heap-docs-check-'))
try {
  for (const [profile, items] of [...byProfile].sort()) {
    let targets
    if (profile === '3.11') targets = [...new Set(items.map((i) => i.file))]
    else {
      // The CLI checks plain ```pycon blocks: copy this profile's blocks into one file per page.
      const perPage = new Map()
      for (const i of items) {
        if (!perPage.has(i.rel)) perPage.set(i.rel, [])
        perPage.get(i.rel).push(`<!-- ${i.rel}:${i.block.line} -->\n\`\`\`pycon\n${i.block.body}\`\`\`\n`)
      }
      targets = []
      for (const [rel, blocks] of perPage) {
        const p = join(tmp, `${profile}-${rel.replace(/[\\/]/g, '_')}`)
        writeFileSync(p, blocks.join('\n'))
        targets.push(p)
      }
    }
    const check = (list) => {
      const r = spawnSync(process.execPath, [heap, 'check', '--python', profile, ...list], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 })
      return { status: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') }
    }
    const show = (out) => process.stdout.write(out.split('\n').filter((l) => !/^\s+at /.test(l)).map((l) => '    ' + l.replaceAll(tmp + '/', '')).join('\n') + '\n')
    const r = check(targets)
    if (r.status === 0 || r.status === 1) {
      console.log(`heap check --python ${profile}: ${r.out.trim().split('\n').pop()}`)
      if (r.status !== 0) {
        problem(`heap check --python ${profile}: transcripts differ`)
        show(r.out.trim().split('\n').slice(0, -1).join('\n'))
      }
      continue
    }
    // The CLI itself failed (an internal error of the simulation): page by page, to say where.
    problem(`heap check --python ${profile} stopped with status ${r.status}`)
    for (const t of targets) {
      const one = check([t])
      console.log(`  ${relative(docsRoot, t).replaceAll(tmp + '/', '')}: ${one.status === 0 || one.status === 1 ? one.out.trim().split('\n').pop() : 'heap check stopped: ' + one.out.trim().split('\n').find((l) => l.includes('error'))}`)
      if (one.status !== 0) show(one.out)
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

if (problems > 0) {
  console.log(`\ncheck-examples: ${problems} problem(s)`)
  process.exit(1)
}
console.log('\ncheck-examples: every example verified')

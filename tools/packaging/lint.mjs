#!/usr/bin/env node
// publint and Are the Types Wrong? on the packed tarballs of every published @heap package.
//   node tools/packaging/lint.mjs            packs (needs `pnpm build` first) and lints
// test.mjs calls lintTarballs() on the tarballs it packed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { ROOT, indent, pack, publishablePackages, run } from './lib.mjs'

const require = createRequire(join(ROOT, 'package.json'))
const ATTW = join(require.resolve('@arethetypeswrong/cli/package.json'), '../dist/index.js')

/** Lints each tarball; returns the names with problems (every publint message counts, suggestions too). */
export async function lintTarballs(tarballs, log = console.log) {
  const failed = []
  for (const t of tarballs) {
    const problems = []
    const bytes = readFileSync(t.file)
    const { messages } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      level: 'suggestion',
      strict: true,
    })
    for (const m of messages) problems.push(`publint ${m.type}: ${stripAnsi(formatMessage(m, t.manifest) ?? m.code)}`)
    // ESM-only packages: the esm-only profile ignores node10 and require() from CommonJS.
    const attw = await run(process.execPath, [ATTW, t.file, '--profile', 'esm-only', '--no-color', '--no-emoji', '--format', 'table-flipped'])
    if (attw.code !== 0) problems.push(`attw:\n${indent((attw.stdout + attw.stderr).trim())}`)
    if (problems.length) {
      failed.push(t.name)
      log(`  FAIL ${t.name}`)
      for (const p of problems) log(indent(p, '       '))
    } else {
      log(`  ok   ${t.name}: publint clean, attw (esm-only) clean`)
    }
  }
  return failed
}

function stripAnsi(s) {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dest = mkdtempSync(join(tmpdir(), 'heap-lint-'))
  try {
    const tarballs = []
    for (const p of publishablePackages()) tarballs.push(await pack(p, dest))
    console.log('::: publint + attw')
    const failed = await lintTarballs(tarballs)
    if (failed.length) {
      console.log(`\npackaging lint: ${failed.length} package(s) with problems: ${failed.join(', ')}`)
      process.exitCode = 1
    } else {
      console.log(`\npackaging lint: ${tarballs.length} packages clean`)
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e)
    process.exitCode = 1
  } finally {
    rmSync(dest, { recursive: true, force: true })
  }
}

#!/usr/bin/env node
// Records what real CPython's parser says, for the parser tests: ASTs (CPython 3.11's `ast` module) of snippets and
// stdlib files, and SyntaxError data per version (pyenv builds). Run from packages/python-lite:
//   node scripts/record-parser-fixtures.mjs
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '..', 'test', 'fixtures')
const spec = JSON.parse(readFileSync(join(out, 'parser-inputs.json'), 'utf8'))

const AST_SCRIPT = readFileSync(join(here, 'ast_json.py'), 'utf8')
const ERR_SCRIPT = String.raw`
import json, sys
src = sys.stdin.read()
try:
    compile(src, "t.py", sys.argv[1])
    print(json.dumps(None))
except SyntaxError as e:
    print(json.dumps({"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
        "end_lineno": getattr(e, "end_lineno", None), "end_offset": getattr(e, "end_offset", None)}))
`

function python(version) {
  return execFileSync('pyenv', ['prefix', version], { encoding: 'utf8' }).trim() + '/bin/python'
}

function ast(source) {
  return JSON.parse(execFileSync(python('3.11.7'), ['-c', AST_SCRIPT, 'exec', 't.py'], { input: source, encoding: 'utf8', maxBuffer: 1 << 28 }))
}

const snippets = spec.snippets.map((source) => ({ source, ast: ast(source) }))
// The conformance cases are the big corpus (our own programs; the stdlib stays out of the repository).
const cases = join(here, '..', '..', 'conformance', 'cases')
const corpus = []
for (const file of spec.corpus) {
  const src = readFileSync(join(cases, file), 'utf8')
  let canonical
  try {
    canonical = execFileSync(python('3.11.7'), ['-c', AST_SCRIPT, 'exec', file, 'canonical'], { input: src, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'ignore'] })
  } catch {
    continue // not valid 3.11 syntax (a SyntaxError case): covered by the error fixtures
  }
  corpus.push({ file, sha256: createHash('sha256').update(canonical.trim()).digest('hex') })
}
const versions = { '3.8': '3.8.18', '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0' }
const errors = spec.errors.map(({ source, mode }) => {
  const byVersion = {}
  for (const [profile, v] of Object.entries(versions)) {
    byVersion[profile] = JSON.parse(execFileSync(python(v), ['-c', ERR_SCRIPT, mode ?? 'exec'], { input: source, encoding: 'utf8' }))
  }
  return { source, mode: mode ?? 'exec', expected: byVersion }
})
writeFileSync(join(out, 'parser-recorded.json'), JSON.stringify({ recordedWith: versions, snippets, corpus, errors }, null, 1) + '\n')
console.log(`recorded ${snippets.length} snippets, ${corpus.length} corpus files, ${errors.length} error cases`)

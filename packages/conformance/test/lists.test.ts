import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseList, findEntry, checkLists, loadLists, writeFailing } from '../src/lists.js'
import { loadCases, PROFILES, LISTS_DIR } from '../src/manifest.mjs'

describe('parseList', () => {
  test('reads ids, optional modes and reasons; skips comments', () => {
    const entries = parseList('# header\n\ngc/debug_stats   # generation sizes are absolute\nseed/dealloc_py3.repl # random return value echoed\n')
    expect(entries).toEqual([
      { caseId: 'gc/debug_stats', mode: null, reason: 'generation sizes are absolute', line: 3 },
      { caseId: 'seed/dealloc_py3', mode: 'repl', reason: 'random return value echoed', line: 4 },
    ])
  })

  test('an entry needs a reason', () => {
    expect(() => parseList('gc/debug_stats\n', 'failing.txt')).toThrow(/failing.txt:1: "gc\/debug_stats" needs a reason/)
  })

  test('rejects malformed ids', () => {
    expect(() => parseList('debug_stats # no area\n')).toThrow(/malformed/)
  })

  test('findEntry matches a whole case or one mode', () => {
    const entries = parseList('a/b # all modes\nc/d.repl # repl only\n')
    expect(findEntry(entries, 'a/b', 'script')).toBeTruthy()
    expect(findEntry(entries, 'c/d', 'repl')).toBeTruthy()
    expect(findEntry(entries, 'c/d', 'script')).toBeUndefined()
  })

  test('checkLists reports unknown cases, missing modes, duplicates and overlaps', () => {
    const known = new Map([['a/b', ['script' as const]]])
    const lists = { failing: parseList('a/b # x\na/b # again\nz/z # unknown\na/b.repl # no repl\n'), skip: parseList('a/b.script # also skipped\n') }
    const problems = checkLists(lists, known)
    expect(problems.some((p) => p.includes('duplicate'))).toBe(true)
    expect(problems.some((p) => p.includes('unknown case z/z'))).toBe(true)
    expect(problems.some((p) => p.includes('has no repl mode'))).toBe(true)
    expect(problems.some((p) => p.includes('also in skip.txt'))).toBe(true)
  })

  test('writeFailing keeps reasons, drops passes, adds new failures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lists-'))
    mkdirSync(join(dir, '3.11'))
    writeFileSync(join(dir, '3.11', 'failing.txt'), 'a/b # old reason\nc/d # now passing\n')
    writeFailing('3.11', [{ caseId: 'a/b', mode: 'script' }, { caseId: 'e/f', mode: 'repl' }], { listsDir: dir, reason: 'new' })
    const text = readFileSync(join(dir, '3.11', 'failing.txt'), 'utf8')
    expect(text).toContain('# old reason')
    expect(text).not.toContain('c/d')
    expect(text).toMatch(/e\/f\.repl\s+# new/)
    expect(loadLists('3.11', dir).failing).toHaveLength(2)
  })
})

describe('the committed lists', () => {
  test('are well formed and name existing cases', () => {
    const cases = loadCases()
    const known = new Map(cases.map((c) => [c.id, Object.keys(c.modes) as ('script' | 'repl')[]]))
    const profiles = existsSync(LISTS_DIR) ? readdirSync(LISTS_DIR) : []
    for (const p of profiles) {
      expect(PROFILES[p], `lists/${p} is not a profile`).toBeTruthy()
      expect(checkLists(loadLists(p), known)).toEqual([])
    }
  })
})

import { describe, expect, test } from 'vitest'
import { compareRun, unifiedDiff, diffLines, formatMismatches } from '../src/compare.js'
import type { Recording } from '../src/manifest.mjs'

const recording = (over: Partial<Recording> = {}): Recording => ({
  case: 'gc/x',
  mode: 'script',
  profile: '3.11',
  python: '3.11.7',
  oracle: 'cpython 3.11.7',
  pointerSize: 8,
  command: 'python x.py',
  argv: [],
  stdin: null,
  stdout: 'a\nb\n',
  stderr: 'Exception ignored in: <function T.__del__ at 0xADDR>\n',
  merged: 'a\nException ignored in: <function T.__del__ at 0xADDR>\nb\n',
  exitCode: 0,
  mainPath: 'none',
  flags: [],
  recordedAt: '2026-01-01T00:00:00.000Z',
  ...over,
})

describe('compareRun', () => {
  test('passes when the normalised streams and the exit code match', () => {
    const r = compareRun({ stdout: 'a\nb\n', stderr: 'Exception ignored in: <function T.__del__ at 0x7f00aabbccdd>\n', merged: 'a\nException ignored in: <function T.__del__ at 0x55aa>\nb\n', exitCode: 0 }, recording())
    expect(r.pass).toBe(true)
    expect(r.mismatches).toEqual([])
  })

  test('reports each differing field with a unified diff', () => {
    const r = compareRun({ stdout: 'a\nc\n', stderr: 'Exception ignored in: <function T.__del__ at 0x7f00aabbccdd>\n', merged: 'a\nb\n', exitCode: 1 }, recording())
    expect(r.pass).toBe(false)
    expect(r.mismatches.map((m) => m.field)).toEqual(['stdout', 'exitCode', 'merged'])
    expect(r.mismatches[0]!.diff).toBe('--- expected stdout\n+++ actual stdout\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n')
    expect(r.mismatches[1]!.diff).toBe('-exit code 0\n+exit code 1\n')
    expect(formatMismatches('gc/x.script [3.11]', r)).toContain('stdout, exitCode, merged differ')
  })

  test('can compare a subset of the fields', () => {
    const r = compareRun({ stdout: 'a\nb\n', stderr: 'other\n', merged: '', exitCode: 0 }, recording(), { fields: ['stdout', 'exitCode'] })
    expect(r.pass).toBe(true)
  })

  test('a nondeterministic recording accepts any recorded outcome', () => {
    const rec = recording({
      flags: ['nondeterministic'],
      outcomes: {
        separate: [
          { stdout: 'survived\n', stderr: '', exitCode: 0, count: 2 },
          { stdout: 'survived\n', stderr: 'Segmentation fault (core dumped)\n', exitCode: 139, count: 2 },
        ],
        merged: [
          { merged: 'survived\n', exitCode: 0, count: 3 },
          { merged: 'survived\nSegmentation fault (core dumped)\n', exitCode: 139, count: 1 },
        ],
      },
    })
    expect(compareRun({ stdout: 'survived\n', stderr: 'Segmentation fault (core dumped)\n', merged: 'survived\nSegmentation fault (core dumped)\n', exitCode: 139 }, rec).pass).toBe(true)
    expect(compareRun({ stdout: 'survived\n', stderr: '', merged: 'survived\n', exitCode: 0 }, rec).pass).toBe(true)
    const bad = compareRun({ stdout: 'died\n', stderr: '', merged: 'died\n', exitCode: 0 }, rec)
    expect(bad.pass).toBe(false)
    expect(bad.mismatches.map((m) => m.field)).toEqual(['stdout', 'merged'])
  })
})

describe('unifiedDiff', () => {
  test('is empty for equal texts', () => {
    expect(unifiedDiff('x\n', 'x\n')).toBe('')
  })

  test('shows context and separate hunks', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n'
    const b = a.replace('line 2\n', 'LINE 2\n').replace('line 17\n', '')
    expect(unifiedDiff(a, b)).toBe(
      [
        '--- expected',
        '+++ actual',
        '@@ -1,6 +1,6 @@',
        ' line 0',
        ' line 1',
        '-line 2',
        '+LINE 2',
        ' line 3',
        ' line 4',
        ' line 5',
        '@@ -15,6 +15,5 @@',
        ' line 14',
        ' line 15',
        ' line 16',
        '-line 17',
        ' line 18',
        ' line 19',
        '',
      ].join('\n'),
    )
  })

  test('makes a missing final newline and trailing spaces visible', () => {
    expect(unifiedDiff('a\n', 'a')).toContain('\\ No newline at end of file')
    expect(unifiedDiff('>>> \n', '>>>\n')).toContain('->>>·')
  })

  test('handles empty sides', () => {
    expect(unifiedDiff('', 'x\n')).toBe('--- expected\n+++ actual\n@@ -0,0 +1,1 @@\n+x\n')
    expect(unifiedDiff('x\n', '')).toBe('--- expected\n+++ actual\n@@ -1,1 +0,0 @@\n-x\n')
  })

  test('diffLines finds a longest common subsequence', () => {
    const ops = diffLines(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd'])
    expect(ops.map((o) => o.kind + o.line).join(' ')).toBe(' a -b  c +x  d')
  })
})

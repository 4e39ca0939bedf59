import { describe, expect, test } from 'vitest'
import { caseRuns, PROFILES } from '../src/cases.js'
import { judge, runProfile } from '../src/runner.js'
import { parseList } from '../src/lists.js'
import type { RunSource } from '../src/engine.js'

const noLists = { failing: [], skip: [] }
const replay = (rec: { stdout: string; stderr: string; merged: string; exitCode: number }): RunSource => () => ({ stdout: rec.stdout, stderr: rec.stderr, merged: rec.merged, exitCode: rec.exitCode })

describe('judge', () => {
  const runs = caseRuns('3.11')

  test('a simulator that reproduces every recording passes every case, on every profile', () => {
    for (const p of Object.keys(PROFILES)) {
      for (const run of caseRuns(p)) expect(judge(run, replay(run.recording), noLists).verdict, `${run.key} [${p}]`).toBe('pass')
    }
  })

  test('runSource gets the case source and options', () => {
    const run = runs.find((r) => r.key === 'language/sys_argv.script')!
    let seen: Parameters<RunSource> | undefined
    judge(run, (...a) => ((seen = a), { stdout: '', stderr: '', merged: '', exitCode: 0 }), noLists)
    expect(new TextDecoder().decode(seen![0] as Uint8Array)).toContain('sys.argv')
    expect(seen![1]).toMatchObject({ profile: '3.11', mode: 'script', filename: 'sys_argv.py', argv: ['sys_argv.py', 'alpha', '--beta', '3'], pointerSize: 8 })
  })

  test('a 3.11-dbg run is the 3.11 profile as a debug build', () => {
    const run = caseRuns('3.11-dbg').find((r) => r.key === 'debug/negative_refcount_del.script')!
    let seen: Parameters<RunSource> | undefined
    judge(run, (...a) => ((seen = a), { stdout: '', stderr: '', merged: '', exitCode: 0 }), noLists)
    expect(seen![1]).toMatchObject({ profile: '3.11', debugBuild: true })
    const release = runs.find((r) => r.key === 'language/sys_argv.script')!
    judge(release, (...a) => ((seen = a), { stdout: '', stderr: '', merged: '', exitCode: 0 }), noLists)
    expect(seen![1].debugBuild).toBeUndefined()
  })

  test('a mismatch fails with a diff; a listed mismatch is an expected failure; a listed match is an unexpected pass', () => {
    const run = runs.find((r) => r.key === 'seed/cycle_gc.script')!
    const wrong: RunSource = () => ({ stdout: 'Initialized\nInitialized\n0\n', stderr: '', merged: 'Initialized\nInitialized\n0\n', exitCode: 0 })
    const v = judge(run, wrong, noLists)
    expect(v.verdict).toBe('fail')
    expect(v.message).toContain('-Destructed')
    const listed = { failing: parseList('seed/cycle_gc # known\n'), skip: [] }
    expect(judge(run, wrong, listed).verdict).toBe('expected-fail')
    expect(judge(run, replay(run.recording), listed).verdict).toBe('unexpected-pass')
    expect(judge(run, wrong, { failing: [], skip: parseList('seed/cycle_gc.script # not now\n') }).verdict).toBe('skip')
  })

  test('a simulator that throws is an error, unless the case is listed as failing', () => {
    const run = runs[0]!
    const boom: RunSource = () => {
      throw new Error('not implemented')
    }
    expect(judge(run, boom, noLists).verdict).toBe('error')
    expect(judge(run, boom, { failing: parseList(`${run.case.id} # x\n`), skip: [] }).verdict).toBe('expected-fail')
  })

  test('runProfile summarises a profile with its committed lists', () => {
    const s = runProfile('3.12', () => ({ stdout: '', stderr: '', merged: '', exitCode: 0 }), { filter: (k) => k.startsWith('seed/') })
    expect(s.total).toBeGreaterThan(20)
    expect(s.pass + s.fail + s.expectedFail + s.unexpectedPass + s.skip + s.error).toBe(s.total)
  })
})

// Runs every recorded case through @heap/python-lite and compares it with what real CPython printed.
//
//   HEAP_CONFORMANCE_PROFILES=3.11,3.12   only these profiles (default: every non-optional profile)
//   HEAP_CONFORMANCE_CASE=gc/             only case keys (`area/name.mode`) containing this text
//
// Lists: lists/<profile>/skip.txt (not run) and failing.txt (expected to differ; a pass is an error).
import { describe, expect, test } from 'vitest'
import { loadEngine } from '../src/engine.js'
import { caseRuns, PROFILES } from '../src/cases.js'
import { loadLists } from '../src/lists.js'
import { judge } from '../src/runner.js'

const engine = await loadEngine()

const profiles = (process.env.HEAP_CONFORMANCE_PROFILES?.split(',').map((s) => s.trim()).filter(Boolean) ?? Object.keys(PROFILES).filter((p) => !PROFILES[p]!.optional))
const filter = process.env.HEAP_CONFORMANCE_CASE

if (!engine.ok) {
  test('the simulator (@heap/python-lite) is available', () => {
    throw new Error(engine.error)
  })
} else {
  const runSource = engine.runSource
  for (const profile of profiles) {
    const runs = caseRuns(profile).filter((r) => !filter || r.key.includes(filter))
    const lists = loadLists(profile)
    describe(`profile ${profile}`, () => {
      for (const run of runs) {
        const skipped = lists.skip.find((e) => e.caseId === run.case.id && (e.mode === null || e.mode === run.mode))
        if (skipped) {
          test.skip(`${run.key} (${skipped.reason})`, () => {})
          continue
        }
        // The simulated run has its own time budget (the case's timeoutMs); vitest waits a little longer than it.
        test(run.key, () => {
          const v = judge(run, runSource, lists)
          if (v.verdict === 'pass' || v.verdict === 'expected-fail') return
          expect.fail(v.message)
        }, run.case.timeoutMs + 10_000)
      }
    })
  }
}

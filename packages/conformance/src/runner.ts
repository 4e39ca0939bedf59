// Run cases through the simulator and judge them against recordings and lists.
import { caseRuns, runInput } from './cases.js'
import type { CaseRun } from './cases.js'
import { compareRun, formatMismatches } from './compare.js'
import type { CompareResult, Field } from './compare.js'
import { findEntry, loadLists } from './lists.js'
import type { ProfileLists } from './lists.js'
import type { RunSource } from './engine.js'

export type Verdict = 'pass' | 'fail' | 'expected-fail' | 'unexpected-pass' | 'skip' | 'error'

export interface RunVerdict {
  run: CaseRun
  verdict: Verdict
  /** failing.txt / skip.txt reason when listed */
  reason?: string
  result?: CompareResult
  error?: string
  /** a readable report for failures, unexpected passes and errors */
  message: string
}

/** Run one case and judge it. Never throws. */
export function judge(run: CaseRun, runSource: RunSource, lists: ProfileLists, opts: { fields?: Field[] } = {}): RunVerdict {
  const title = `${run.key} [${run.profile}]`
  const skip = findEntry(lists.skip, run.case.id, run.mode)
  if (skip) return { run, verdict: 'skip', reason: skip.reason, message: `${title}: skipped (${skip.reason})` }
  const failing = findEntry(lists.failing, run.case.id, run.mode)
  let result: CompareResult
  try {
    const { source, options } = runInput(run)
    const actual = runSource(source, options)
    result = compareRun(actual, run.recording, { fields: opts.fields })
  } catch (e) {
    const error = e instanceof Error ? (e.stack ?? e.message) : String(e)
    if (failing) return { run, verdict: 'expected-fail', reason: failing.reason, error, message: `${title}: simulator threw (listed as failing: ${failing.reason})` }
    return { run, verdict: 'error', error, message: `${title}: the simulator threw\n${error}` }
  }
  if (result.pass && failing) {
    return { run, verdict: 'unexpected-pass', reason: failing.reason, result, message: `${title}: unexpected pass — remove it from lists/${run.profile}/failing.txt (${failing.reason})` }
  }
  if (result.pass) return { run, verdict: 'pass', result, message: `${title}: ok` }
  if (failing) return { run, verdict: 'expected-fail', reason: failing.reason, result, message: formatMismatches(title, result) }
  return { run, verdict: 'fail', result, message: formatMismatches(title, result) }
}

export interface ProfileSummary {
  profile: string
  total: number
  pass: number
  fail: number
  expectedFail: number
  unexpectedPass: number
  skip: number
  error: number
  verdicts: RunVerdict[]
}

/** Run every recorded case of a profile. `filter` selects case keys (`area/name.mode`). */
export function runProfile(profile: string, runSource: RunSource, opts: { filter?: (key: string) => boolean; fields?: Field[] } = {}): ProfileSummary {
  const lists = loadLists(profile)
  const runs = caseRuns(profile).filter((r) => !opts.filter || opts.filter(r.key))
  const verdicts = runs.map((r) => judge(r, runSource, lists, opts))
  const count = (v: Verdict) => verdicts.filter((x) => x.verdict === v).length
  return { profile, total: runs.length, pass: count('pass'), fail: count('fail'), expectedFail: count('expected-fail'), unexpectedPass: count('unexpected-pass'), skip: count('skip'), error: count('error'), verdicts }
}

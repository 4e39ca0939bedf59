// Cases, their manifest entries and their recordings, typed for the runner.
import { readFileSync } from 'node:fs'
import { loadCases, profilesFor, loadExpected, PROFILES, supportFiles } from './manifest.mjs'
import type { Case, Mode, Recording } from './manifest.mjs'
import type { RunOptions } from './engine.js'

export { loadCases, profilesFor, loadExpected, expectedPath, PROFILES, PY3_PROFILES, FLAGS, CASES_DIR, EXPECTED_DIR, LISTS_DIR, PACKAGE_DIR, discoverCases, validateEntry, loadManifest } from './manifest.mjs'
export type { Case, Mode, Recording, Flag, Manifest, ManifestEntry, Outcome, ProfileInfo, CaseFiles } from './manifest.mjs'

/** One comparison to make: a case, in a mode, against the recording of a profile. */
export interface CaseRun {
  case: Case
  mode: Mode
  profile: string
  /** `area/name.mode` */
  key: string
  recording: Recording
}

/** Every recorded (case, mode) of a profile. Cases not recorded for the profile are left out. */
export function caseRuns(profile: string, opts: { cases?: Case[]; expectedDir?: string } = {}): CaseRun[] {
  const cases = opts.cases ?? loadCases()
  const out: CaseRun[] = []
  for (const c of cases) {
    for (const mode of Object.keys(c.modes) as Mode[]) {
      const { profiles } = profilesFor(c, mode, { includeOptional: true })
      if (!profiles.includes(profile)) continue
      const recording = loadExpected(profile, c.id, mode, opts.expectedDir)
      if (!recording) continue
      out.push({ case: c, mode, profile, key: `${c.id}.${mode}`, recording })
    }
  }
  return out
}

/**
 * The source and options to hand to runSource for one case run: a script as its bytes (the interpreter decodes them
 * as CPython's tokenizer does), a REPL session as text.
 */
export function runInput(run: Pick<CaseRun, 'case' | 'mode' | 'profile'>, extra: Partial<RunOptions> = {}): { source: string | Uint8Array; options: RunOptions } {
  const file = run.case.modes[run.mode]
  if (!file) throw new Error(`${run.case.id} has no ${run.mode} mode`)
  const files: Record<string, string | Uint8Array> = supportFiles(run.case)
  const engine = PROFILES[run.profile]?.engine
  const options: RunOptions = {
    profile: engine?.profile ?? run.profile,
    ...(engine?.debugBuild ? { debugBuild: true } : {}),
    mode: run.mode,
    filename: file.filename,
    // sys.argv as CPython builds it: the script as given, then its arguments ('' at the REPL).
    argv: run.mode === 'script' ? [file.filename, ...run.case.argv] : [''],
    files,
    pointerSize: PROFILES[run.profile]?.pointerSize ?? 8,
    maxSteps: 50_000_000,
    timeoutMs: run.case.timeoutMs,
    ...extra,
  }
  if (run.mode === 'script' && run.case.stdin !== null) options.stdin = run.case.stdin
  return { source: run.mode === 'script' ? new Uint8Array(readFileSync(file.path)) : readFileSync(file.path, 'utf8'), options }
}

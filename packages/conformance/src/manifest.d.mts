export type Mode = 'script' | 'repl'

export interface ProfileInfo {
  id: string
  /** CPython version of the oracle */
  python: string
  oracle: 'native' | 'pyodide'
  pyodide?: string
  /** The oracle's executable, when it is not the pyenv build of `python` (the debug build) */
  bin?: string
  /** How the simulator runs this profile, when not as the profile of the same id: `runSource`'s profile and debugBuild */
  engine?: { profile: string; debugBuild?: boolean }
  pointerSize: 4 | 8
  modes: Mode[]
  optional: boolean
}

export type Flag = 'nondeterministic' | 'shutdown' | 'crash' | 'interpreter-dependent' | 'pointer-size' | 'allocator' | 'needs-testcapi' | 'slow'

export interface ManifestEntry {
  note: string
  py2?: boolean
  profiles?: string[]
  skip?: Record<string, string>
  flags?: Flag[]
  stdin?: string
  argv?: string[]
  runs?: number
  timeoutMs?: number
}

export interface Manifest {
  $comment?: string
  cases: Record<string, ManifestEntry>
}

export interface CaseModeFile {
  /** absolute path of the file */
  path: string
  /** its file name as the interpreter is given it (`gc1.py`, `main.py`, `seed.repl`) */
  filename: string
}

export interface CaseFiles {
  id: string
  area: string
  name: string
  /** folder holding the case's files */
  dir: string
  modes: Partial<Record<Mode, CaseModeFile>>
  /** other files of a multi-file case, relative to `dir` */
  support: string[]
}

export interface Case extends CaseFiles {
  note: string
  py2: boolean
  flags: Flag[]
  argv: string[]
  stdin: string | null
  runs: number
  timeoutMs: number
  profiles: string[] | null
  skip: Record<string, string>
}

export interface Outcome {
  stdout?: string
  stderr?: string
  merged?: string
  exitCode: number
  /** how many of the recorded runs gave this outcome */
  count: number
}

export interface Recording {
  case: string
  mode: Mode
  profile: string
  python: string
  oracle: string
  pointerSize: 4 | 8
  command: string
  argv: string[]
  stdin: string | null
  stdout: string
  stderr: string
  merged: string
  exitCode: number
  /** how the main script's path appeared in the raw output before normalisation */
  mainPath: 'absolute' | 'as-given' | 'none'
  flags: Flag[]
  /** nondeterministic cases: every distinct outcome of the separate-stream runs and of the merged runs */
  outcomes?: { separate: Outcome[]; merged: Outcome[] }
  recordedAt: string
}

export const PACKAGE_DIR: string
export const CASES_DIR: string
export const EXPECTED_DIR: string
export const LISTS_DIR: string
export const MANIFEST_PATH: string
export const PROFILES: Record<string, ProfileInfo>
export const PY3_PROFILES: string[]
export const FLAGS: Flag[]
export function loadManifest(path?: string): Manifest
export function discoverCases(casesDir?: string): CaseFiles[]
export function validateEntry(id: string, entry: unknown): string[]
export function loadCases(opts?: { casesDir?: string; manifest?: Manifest }): Case[]
export function profilesFor(c: Case, mode: Mode, opts?: { includeOptional?: boolean }): { profiles: string[]; excluded: Record<string, string> }
export function expectedPath(profile: string, caseId: string, mode: Mode, expectedDir?: string): string
export function loadExpected(profile: string, caseId: string, mode: Mode, expectedDir?: string): Recording | null
export function supportFiles(c: CaseFiles): Record<string, Uint8Array>

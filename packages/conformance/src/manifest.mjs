// Case discovery and the manifest, shared by the recorder (Node, no build) and the runner (src/cases.ts).
// Types in manifest.d.mts. The format is documented in README.md ("Cases and the manifest").
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import { join, dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..')
export const CASES_DIR = join(PACKAGE_DIR, 'cases')
export const EXPECTED_DIR = join(PACKAGE_DIR, 'expected')
export const LISTS_DIR = join(PACKAGE_DIR, 'lists')
export const MANIFEST_PATH = join(CASES_DIR, 'manifest.json')

/**
 * The oracles. `optional` profiles are recorded only when asked for (`--profile 3.9`, `--all`).
 * @type {Record<string, import('./manifest.d.mts').ProfileInfo>}
 */
export const PROFILES = {
  legacy: { id: 'legacy', python: '2.7.18', oracle: 'native', pointerSize: 8, modes: ['script', 'repl'], optional: false },
  '3.8': { id: '3.8', python: '3.8.18', oracle: 'native', pointerSize: 8, modes: ['script', 'repl'], optional: false },
  '3.9': { id: '3.9', python: '3.9.18', oracle: 'native', pointerSize: 8, modes: ['script', 'repl'], optional: true },
  '3.10': { id: '3.10', python: '3.10.13', oracle: 'native', pointerSize: 8, modes: ['script', 'repl'], optional: true },
  '3.11': { id: '3.11', python: '3.11.7', oracle: 'native', pointerSize: 8, modes: ['script', 'repl'], optional: false },
  '3.12': { id: '3.12', python: '3.12.1', oracle: 'native', pointerSize: 8, modes: ['script', 'repl'], optional: false },
  '3.13': { id: '3.13', python: '3.13.0', oracle: 'native', pointerSize: 8, modes: ['script', 'repl'], optional: false },
  '3.14': { id: '3.14', python: '3.14.2', oracle: 'pyodide', pyodide: '314.0.7', pointerSize: 4, modes: ['script'], optional: false },
  // A --with-pydebug build (Debian's python3.11-dbg, 3.11.2): only cases that list it in `profiles` are recorded
  // for it; the simulator runs them as profile 3.11 with `debugBuild: true`.
  '3.11-dbg': { id: '3.11-dbg', python: '3.11.2', oracle: 'native', bin: '/usr/bin/python3.11-dbg', engine: { profile: '3.11', debugBuild: true }, pointerSize: 8, modes: ['script', 'repl'], optional: false },
}

/** Profiles every Python-3 case is recorded for unless its manifest entry says otherwise. */
export const PY3_PROFILES = ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14']

export const FLAGS = ['nondeterministic', 'shutdown', 'crash', 'interpreter-dependent', 'pointer-size', 'allocator', 'needs-testcapi', 'slow']

const ENTRY_KEYS = new Set(['note', 'py2', 'profiles', 'skip', 'flags', 'stdin', 'argv', 'runs', 'timeoutMs'])

/** @returns {import('./manifest.d.mts').Manifest} */
export function loadManifest(path = MANIFEST_PATH) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/**
 * Find every case under `cases/`:
 * - `<area>/<name>.py` is script mode, `<area>/<name>.repl` interactive mode (fed to `python -i` on stdin);
 * - `<area>/<name>/` holding `main.py` and/or `main.repl` is a multi-file case: every other file in that folder is
 *   copied next to it (modules to import, data files to open).
 * @returns {import('./manifest.d.mts').CaseFiles[]}
 */
export function discoverCases(casesDir = CASES_DIR) {
  /** @type {Map<string, import('./manifest.d.mts').CaseFiles>} */
  const found = new Map()
  for (const area of readdirSync(casesDir).sort()) {
    const areaDir = join(casesDir, area)
    if (!statSync(areaDir).isDirectory()) continue
    for (const entry of readdirSync(areaDir).sort()) {
      const p = join(areaDir, entry)
      if (statSync(p).isDirectory()) {
        const id = `${area}/${entry}`
        const files = walk(p).map((f) => relative(p, f)).sort()
        const modes = {}
        if (files.includes('main.py')) modes.script = { path: join(p, 'main.py'), filename: 'main.py' }
        if (files.includes('main.repl')) modes.repl = { path: join(p, 'main.repl'), filename: 'main.repl' }
        if (!modes.script && !modes.repl) throw new Error(`multi-file case ${id} has neither main.py nor main.repl`)
        const support = files.filter((f) => f !== 'main.py' && f !== 'main.repl' && !f.includes('__pycache__'))
        found.set(id, { id, area, name: entry, dir: p, modes, support })
        continue
      }
      const m = /^(.+)\.(py|repl)$/.exec(entry)
      if (!m) continue
      const id = `${area}/${m[1]}`
      const c = found.get(id) ?? { id, area, name: m[1], dir: areaDir, modes: {}, support: [] }
      c.modes[m[2] === 'py' ? 'script' : 'repl'] = { path: p, filename: entry }
      found.set(id, c)
    }
  }
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function walk(dir) {
  const out = []
  for (const e of readdirSync(dir)) {
    const p = join(dir, e)
    if (statSync(p).isDirectory()) out.push(...walk(p))
    else out.push(p)
  }
  return out
}

/**
 * Validate a manifest entry; returns a list of problems.
 * @param {string} id
 * @param {any} entry
 * @returns {string[]}
 */
export function validateEntry(id, entry) {
  const problems = []
  if (typeof entry !== 'object' || entry === null) return [`${id}: entry must be an object`]
  for (const k of Object.keys(entry)) if (!ENTRY_KEYS.has(k)) problems.push(`${id}: unknown key "${k}"`)
  if (typeof entry.note !== 'string' || !entry.note.trim()) problems.push(`${id}: "note" (what the case shows) is required`)
  for (const f of entry.flags ?? []) if (!FLAGS.includes(f)) problems.push(`${id}: unknown flag "${f}"`)
  for (const p of entry.profiles ?? []) if (!PROFILES[p]) problems.push(`${id}: unknown profile "${p}"`)
  for (const [p, why] of Object.entries(entry.skip ?? {})) {
    if (!PROFILES[p]) problems.push(`${id}: skip names unknown profile "${p}"`)
    if (typeof why !== 'string' || !why.trim()) problems.push(`${id}: skip.${p} needs a reason`)
  }
  if (entry.argv !== undefined && !(Array.isArray(entry.argv) && entry.argv.every((a) => typeof a === 'string'))) problems.push(`${id}: argv must be a list of strings`)
  if (entry.stdin !== undefined && typeof entry.stdin !== 'string') problems.push(`${id}: stdin must be a string`)
  if (entry.runs !== undefined && !(Number.isInteger(entry.runs) && entry.runs > 1)) problems.push(`${id}: runs must be an integer > 1`)
  if (entry.runs !== undefined && !(entry.flags ?? []).includes('nondeterministic')) problems.push(`${id}: runs only makes sense with the nondeterministic flag`)
  return problems
}

/**
 * Join discovered files with their manifest entries.
 * @returns {import('./manifest.d.mts').Case[]}
 */
export function loadCases({ casesDir = CASES_DIR, manifest = loadManifest(join(casesDir, 'manifest.json')) } = {}) {
  const problems = []
  const entries = manifest.cases ?? {}
  const files = discoverCases(casesDir)
  const ids = new Set(files.map((c) => c.id))
  for (const id of Object.keys(entries)) if (!ids.has(id)) problems.push(`${id}: in the manifest but no case file exists`)
  const cases = files.map((f) => {
    const entry = entries[f.id]
    if (!entry) {
      problems.push(`${f.id}: case file has no manifest entry`)
      return null
    }
    problems.push(...validateEntry(f.id, entry))
    return { ...f, note: entry.note, py2: !!entry.py2, flags: entry.flags ?? [], argv: entry.argv ?? [], stdin: entry.stdin ?? null, runs: entry.runs ?? ((entry.flags ?? []).includes('nondeterministic') ? 5 : 1), timeoutMs: entry.timeoutMs ?? 60000, profiles: entry.profiles ?? null, skip: entry.skip ?? {} }
  })
  if (problems.length) throw new Error(`conformance manifest problems:\n  ${problems.join('\n  ')}`)
  return /** @type {any} */ (cases)
}

/**
 * Which profiles a case is recorded (and compared) for in one mode, and why the others are not.
 * @param {import('./manifest.d.mts').Case} c
 * @param {'script' | 'repl'} mode
 * @param {{ includeOptional?: boolean }} [opts]
 * @returns {{ profiles: string[], excluded: Record<string, string> }}
 */
export function profilesFor(c, mode, { includeOptional = false } = {}) {
  const base = c.profiles ?? [...(c.py2 ? ['legacy'] : []), ...PY3_PROFILES]
  /** @type {Record<string, string>} */
  const excluded = {}
  const profiles = []
  for (const p of base) {
    const info = PROFILES[p]
    if (info.optional && !includeOptional) continue
    if (c.skip[p]) excluded[p] = c.skip[p]
    else if (!info.modes.includes(mode)) excluded[p] = `the ${info.oracle} oracle has no ${mode} mode`
    else if (info.oracle === 'pyodide' && c.flags.includes('shutdown')) excluded[p] = 'depends on interpreter shutdown, which Pyodide never runs'
    else profiles.push(p)
  }
  return { profiles, excluded }
}

/** `expected/<profile>/<area>/<name>.<mode>.json` */
export function expectedPath(profile, caseId, mode, expectedDir = EXPECTED_DIR) {
  return join(expectedDir, profile, `${caseId}.${mode}.json`)
}

/** @returns {import('./manifest.d.mts').Recording | null} */
export function loadExpected(profile, caseId, mode, expectedDir = EXPECTED_DIR) {
  const p = expectedPath(profile, caseId, mode, expectedDir)
  if (!existsSync(p)) return null
  return JSON.parse(readFileSync(p, 'utf8'))
}

/** Read the files a case needs besides its main file (multi-file cases), keyed by path relative to the case. */
export function supportFiles(c) {
  /** @type {Record<string, Uint8Array>} */
  const out = {}
  for (const f of c.support) out[f] = new Uint8Array(readFileSync(join(c.dir, f)))
  return out
}

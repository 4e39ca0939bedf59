// The start-up image of each profile, measured: what a fresh CPython holds before the program's first line that
// the simulation does not build (site and the stdlib modules it imports, the io stack, codecs...). The recordings
// of cases/startup/image against the same case run under @heap/python-lite with `startupImage: false`; the
// differences become packages/core/src/profiles/startup-images.ts (scripts/calibrate-startup.mjs writes it, a test
// checks it is current).
import { loadCases, loadExpected, runInput, PROFILES } from './cases.js'
import type { RunSource } from './engine.js'

export const STARTUP_CASE = 'startup/image'
/** Refcounts at or above this are immortal (3.12+) or saturated: start-up does not move them. */
const IMMORTAL = 2 ** 30
/** Objects whose count the simulation must not raise: the program's own module is torn down at exit. */
const UNCALIBRATED = new Set(['module:__main__'])

interface Measured {
  refs: Map<string, { id: string; type: string; n: number }>
  sizes: number[]
  frozen: number
  stats: number[][]
  after: { unreachable: number; tracked: number }
}

export interface StartupImageData {
  refs: [string, number][]
  gcObjects: number[]
  untrackable: number[]
  frozen: number
  stats: number[][]
}

function parse(stdout: string): Measured {
  const img: Measured = { refs: new Map(), sizes: [0, 0, 0], frozen: 0, stats: [], after: { unreachable: 0, tracked: 0 } }
  for (const line of stdout.split('\n')) {
    const w = line.split(' ')
    if (w[0] === 'gc.sizes') img.sizes = w.slice(1).map(Number)
    else if (w[0] === 'gc.frozen') img.frozen = Number(w[1])
    else if (w[0] === 'gc.after') img.after = { unreachable: Number(w[1]), tracked: Number(w[2]) }
    else if (w[0] === 'gc.stats') img.stats[Number(w[1])] = w.slice(2).map(Number)
    else if (w[0] === 'ref') img.refs.set(w[1]!, { id: w[2]!, type: w[3]!, n: Number(w[4]) })
  }
  return img
}

/** The image of every profile and mode with a recording, and notes on what the simulation holds in excess. */
export function computeStartupImages(runSource: RunSource): { images: Record<string, { script: StartupImageData | null; repl: StartupImageData | null }>; notes: string[] } {
  const theCase = loadCases().find((c) => c.id === STARTUP_CASE)
  if (!theCase) throw new Error(`no case ${STARTUP_CASE}`)
  const profiles = Object.keys(PROFILES).filter((p) => !PROFILES[p]!.optional)
  const images: Record<string, { script: StartupImageData | null; repl: StartupImageData | null }> = {}
  const notes: string[] = []
  for (const profile of profiles) {
    images[profile] = { script: null, repl: null }
    for (const mode of ['script', 'repl'] as const) {
      const recording = loadExpected(profile, STARTUP_CASE, mode)
      if (!recording || recording.exitCode !== 0 || recording.stdout === undefined) continue
      const { source, options } = runInput({ case: theCase, mode, profile }, { startupImage: false })
      const run = runSource(source, options)
      if (run.exitCode !== 0) throw new Error(`${profile} ${mode}: the image case failed under heap:\n${run.stderr}`)
      images[profile]![mode] = difference(parse(recording.stdout), parse(run.stdout), `${profile} ${mode}`, notes)
    }
  }
  return { images, notes }
}

function difference(cpy: Measured, sim: Measured, where: string, notes: string[]): StartupImageData {
  const refs: [string, number][] = []
  // each object once (builtins.__debug__ is True), and only where both interpreters name the same kind of object
  const seen = { cpy: new Set<string>(), sim: new Set<string>() }
  for (const [key, c] of cpy.refs) {
    const s = sim.refs.get(key)
    if (s === undefined || seen.cpy.has(c.id) || seen.sim.has(s.id) || c.type !== s.type) continue
    seen.cpy.add(c.id)
    seen.sim.add(s.id)
    if (UNCALIBRATED.has(key) || c.n >= IMMORTAL || s.n >= IMMORTAL) continue
    if (c.n > s.n) refs.push([key, c.n - s.n])
    else if (c.n < s.n) notes.push(`${where}: ${key} has ${s.n - c.n} more references under heap than in CPython`)
  }
  // 2.7 has no per-generation get_objects: everything counts in the oldest generation
  const sizes = cpy.sizes[0]! < 0 ? [0, 0, cpy.sizes[2]! - sim.sizes.reduce((a, b) => a + Math.max(b, 0), 0)] : cpy.sizes.map((n, g) => n - (sim.sizes[g] ?? 0))
  const stats = cpy.stats.map((row, g) => row.map((n, i) => n - (sim.stats[g]?.[i] ?? 0)))
  // what the full collection at the end of the case untracked beyond the simulation's own: start-up's atomic
  // tuples (and dicts), taken from the youngest generations first
  const extra = sizes.map((n) => Math.max(n, 0))
  let dropped = Math.max(extra.reduce((a, b) => a + b, 0) - (cpy.after.tracked - sim.after.tracked), 0)
  const untrackable = extra.map((n) => {
    const k = Math.min(n, dropped)
    dropped -= k
    return k
  })
  if (cpy.after.unreachable !== sim.after.unreachable) notes.push(`${where}: the first full collection finds ${cpy.after.unreachable} unreachable objects in CPython, ${sim.after.unreachable} under heap`)
  sizes.forEach((n, g) => n < 0 && notes.push(`${where}: generation ${g} holds ${-n} more objects under heap than in CPython`))
  return {
    refs,
    gcObjects: extra.map((n, g) => n - untrackable[g]!),
    untrackable,
    frozen: Math.max(cpy.frozen - sim.frozen, 0),
    stats: stats.map((r) => r.map((n) => Math.max(n, 0))),
  }
}

/** The generated module's text. */
export function renderStartupImages(images: Record<string, { script: unknown; repl: unknown }>): string {
  const ident = (p: string): string => p.replace(/\W/g, '_').toUpperCase()
  const body = [
    '// generated by packages/conformance/scripts/calibrate-startup.mjs from the recordings of cases/startup/image; do not edit',
    "import type { StartupImages } from './types.js'",
    '',
  ]
  for (const [profile, modes] of Object.entries(images)) {
    // profiles without a recording of the image (3.11-dbg runs as 3.11) get none
    if (modes.script === null && modes.repl === null) continue
    body.push(`export const STARTUP_IMAGE_${ident(profile)}: StartupImages = ${JSON.stringify(modes)}`)
  }
  return body.join('\n') + '\n'
}

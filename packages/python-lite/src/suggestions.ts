/**
 * "Did you mean" hints for NameError and AttributeError (3.10+), and "Did you forget to import" (3.12+).
 * @cpython Python/suggestions.c#calculate_suggestions
 */
import {
  PyErr,
  Py_DECREF,
  type PyBaseExceptionObject,
  type PyDictObject,
  type PyObject,
  type PyUnicodeObject,
  PyType_IsSubtype,
} from '@heap/core'
import type { Interpreter } from './interp.js'
import type { PyFrameObject } from './vm/frame.js'
import { STDLIB_MODULE_NAMES } from './stdlib-names.js'

const MAX_CANDIDATE_ITEMS = 750
const MAX_STRING_SIZE = 40
const MOVE_COST = 2
const CASE_COST = 1

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST
  if (a === b) return 0
  if (a >= 65 && a <= 90) a += 32
  if (b >= 65 && b <= 90) b += 32
  return a === b ? CASE_COST : MOVE_COST
}

/** @cpython Python/suggestions.c#levenshtein_distance */
export function levenshtein(a0: string, b0: string, maxCost: number): number {
  let a = a0
  let b = b0
  if (a === b) return 0
  let pre = 0
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++
  a = a.slice(pre)
  b = b.slice(pre)
  let suf = 0
  while (suf < a.length && suf < b.length && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++
  a = a.slice(0, a.length - suf)
  b = b.slice(0, b.length - suf)
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1
  if (b.length < a.length) [a, b] = [b, a]
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1
  const buffer: number[] = []
  for (let i = 0; i < a.length; i++) buffer[i] = (i + 1) * MOVE_COST
  let result = 0
  for (let bi = 0; bi < b.length; bi++) {
    const code = b.charCodeAt(bi)
    let distance = bi * MOVE_COST
    result = distance
    let minimum = Infinity
    for (let ai = 0; ai < a.length; ai++) {
      const substitute = distance + substitutionCost(code, a.charCodeAt(ai))
      distance = buffer[ai]!
      const insertDelete = Math.min(result, distance) + MOVE_COST
      result = Math.min(insertDelete, substitute)
      buffer[ai] = result
      if (result < minimum) minimum = result
    }
    if (minimum > maxCost) return maxCost + 1
  }
  return result
}

/** @cpython Python/suggestions.c#calculate_suggestions */
export function calculateSuggestion(candidates: readonly string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null
  let best: string | null = null
  let bestDistance = Infinity
  for (const item of candidates) {
    if (item === name) continue
    let maxDistance = Math.floor(((name.length + item.length + 3) * MOVE_COST) / 6)
    maxDistance = Math.min(maxDistance, bestDistance - 1)
    const d = levenshtein(name, item, maxDistance)
    if (d > maxDistance) continue
    if (best === null || d < bestDistance) {
      best = item
      bestDistance = d
    }
  }
  return best
}

function keysOf(d: PyObject | null): string[] {
  if (d === null) return []
  const md = d as PyDictObject
  const out: string[] = []
  for (let i = 0; i < md.ma_keys.length; i++) {
    const k = md.ma_keys[i]
    if (k !== undefined && (k as PyUnicodeObject).value !== undefined) out.push((k as PyUnicodeObject).value)
  }
  return out.sort()
}

/** The hint appended to the printed exception line ('' when none). */
export function suggestionFor(interp: Interpreter, exc: PyObject): string | null {
  const rt = interp.rt
  const mode = interp.profile.output.nameErrorHints
  if (mode === 'none') return null
  const e = exc as PyBaseExceptionObject
  const fields = (e.fields ?? {}) as Record<string, PyObject | null>
  const nameObj = fields['name'] ?? null
  if (nameObj === null || nameObj.ob_type !== rt.types.str) return null
  const name = (nameObj as PyUnicodeObject).value
  if (PyType_IsSubtype(exc.ob_type, rt.exc['NameError']!)) {
    // The innermost frame of the traceback.
    let tb = e.traceback as unknown as { tb_next: PyObject | null; tb_frame: PyObject } | null
    if (tb === null) return null
    while (tb.tb_next !== null) tb = tb.tb_next as unknown as { tb_next: PyObject | null; tb_frame: PyObject }
    const f = (tb.tb_frame as PyFrameObject).f_frame
    if (f === null) return null
    const locals = f.locals !== null ? keysOf(f.locals) : f.unit.localsplusNames.slice(0, f.unit.nlocals).sort()
    let hit = calculateSuggestion(locals, name)
    if (hit === null) hit = calculateSuggestion(keysOf(f.globals), name)
    if (hit === null) hit = calculateSuggestion(keysOf(f.builtins.ob_type === rt.types.dict ? f.builtins : null), name)
    if (hit !== null) return `. Did you mean: '${hit}'?`
    if (mode === 'did-you-mean+forgot-import' && STDLIB_MODULE_NAMES.has(name)) return `. Did you forget to import '${name}'?`
    return null
  }
  if (PyType_IsSubtype(exc.ob_type, rt.exc['AttributeError']!)) {
    const obj = fields['obj'] ?? null
    if (obj === null) return null
    let names: string[]
    try {
      names = interp.dirNames(obj)
    } catch (err) {
      if (err instanceof PyErr) {
        Py_DECREF(err.exc)
        return null
      }
      throw err
    }
    const hit = calculateSuggestion(names, name)
    return hit !== null ? `. Did you mean: '${hit}'?` : null
  }
  return null
}

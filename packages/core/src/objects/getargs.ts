/**
 * Argument checking for builtin functions and methods (vectorcall convention), with CPython's messages.
 * `fname` is the qualified name ('list.append'); the profile decides whether messages show it qualified (3.10+)
 * or short (3.8).
 * @cpython Python/getargs.c#_PyArg_CheckPositional
 */
import { PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import type { Runtime } from '../runtime/runtime.js'
import type { PyTupleObject } from './tupleobject.js'
import type { PyUnicodeObject } from './unicodeobject.js'

/** The name a message shows for a builtin callable: qualified on 3.10+, bare before. */
export function displayName(rt: Runtime, fname: string): string {
  if (rt.profile.output.builtinNames === 'qualified') return fname
  const dot = fname.lastIndexOf('.')
  return dot >= 0 ? fname.slice(dot + 1) : fname
}

function bareName(fname: string): string {
  const dot = fname.lastIndexOf('.')
  return dot >= 0 ? fname.slice(dot + 1) : fname
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The keyword names of a call (JS strings). */
export function kwnamesList(kwnames: PyObject | null): string[] {
  if (kwnames === null) return []
  return (kwnames as PyTupleObject).ob_item.map((k) => (k as PyUnicodeObject).value)
}

/** `_PyArg_NoKwnames`: the callable accepts no keyword arguments. */
export function noKwargs(rt: Runtime, fname: string, kwnames: PyObject | null): void {
  if (kwnames !== null && (kwnames as PyTupleObject).ob_item.length > 0) {
    throw PyErr_Format(rt, 'TypeError', `${displayName(rt, fname)}() takes no keyword arguments`)
  }
}

/** METH_NOARGS: "list.clear() takes no arguments (1 given)". */
export function checkNoArgs(rt: Runtime, fname: string, nargs: number, kwnames: PyObject | null): void {
  noKwargs(rt, fname, kwnames)
  if (nargs !== 0) throw PyErr_Format(rt, 'TypeError', `${displayName(rt, fname)}() takes no arguments (${nargs} given)`)
}

/** METH_O: "list.append() takes exactly one argument (0 given)". */
export function checkOneArg(rt: Runtime, fname: string, nargs: number, kwnames: PyObject | null): void {
  noKwargs(rt, fname, kwnames)
  if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `${displayName(rt, fname)}() takes exactly one argument (${nargs} given)`)
}

/** `_PyArg_CheckPositional`: "pop expected at most 1 argument, got 2" (positional-only clinic functions). */
export function checkPositional(rt: Runtime, fname: string, nargs: number, min: number, max: number): void {
  const name = bareName(fname)
  if (nargs < min) {
    const word = min === max ? '' : 'at least '
    throw PyErr_Format(rt, 'TypeError', `${name} expected ${word}${plural(min, 'argument')}, got ${nargs}`)
  }
  if (nargs > max) {
    const word = min === max ? '' : 'at most '
    throw PyErr_Format(rt, 'TypeError', `${name} expected ${word}${plural(max, 'argument')}, got ${nargs}`)
  }
}

/**
 * Binds positional and keyword arguments to named parameters (Argument Clinic style). Returns one borrowed
 * object (or null when not given) per parameter.
 * - `params`: parameter names in order; the first `posOnly` are positional-only;
 * - `required`: how many leading parameters must be given.
 */
export function parseArgs(
  rt: Runtime,
  fname: string,
  args: readonly PyObject[],
  start: number,
  nargs: number,
  kwnames: PyObject | null,
  params: readonly string[],
  required: number,
  posOnly = 0,
  maxPositional = params.length,
): (PyObject | null)[] {
  const out: (PyObject | null)[] = new Array(params.length).fill(null)
  const shown = displayName(rt, fname)
  if (nargs > maxPositional) {
    const what = maxPositional === required ? `exactly ${maxPositional}` : `at most ${maxPositional}`
    if (kwnames === null && posOnly === params.length) {
      checkPositional(rt, fname, nargs, required, maxPositional)
    }
    throw PyErr_Format(
      rt,
      'TypeError',
      `${shown}() takes ${what === `exactly ${maxPositional}` ? '' : 'at most '}${plural(maxPositional, 'positional argument')} (${nargs} given)`.replace('takes  ', 'takes '),
    )
  }
  for (let i = 0; i < nargs; i++) out[i] = args[start + i]!
  const names = kwnamesList(kwnames)
  for (let j = 0; j < names.length; j++) {
    const name = names[j]!
    const ix = params.indexOf(name)
    if (ix < 0 || ix < posOnly) {
      if (posOnly === params.length && params.length > 0) throw PyErr_Format(rt, 'TypeError', `${shown}() takes no keyword arguments`)
      const tpl = rt.profile.messages['invalidKeyword'] ?? "{func}() got an unexpected keyword argument '{name}'"
      throw PyErr_Format(rt, 'TypeError', tpl.replace('{func}', shown).replace('{name}', name))
    }
    if (out[ix] !== null) {
      throw PyErr_Format(rt, 'TypeError', `argument for ${shown}() given by name ('${name}') and position (${ix + 1})`)
    }
    out[ix] = args[start + nargs + j]!
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === null) {
      if (posOnly === params.length) checkPositional(rt, fname, nargs, required, maxPositional)
      throw PyErr_Format(rt, 'TypeError', `${shown}() missing required argument '${params[i]}' (pos ${i + 1})`)
    }
  }
  return out
}

/**
 * The operations the eval loop performs on objects, kept out of the loop's body so each reads like its CPython
 * counterpart.
 * @cpython Python/ceval.c
 */
import * as core from '@heap/core'
import {
  PyErr,
  PyErr_Format,
  PyLong_FromNumber,
  PyObject_GetAttr,
  PyObject_GetIter,
  PyObject_IsTrue,
  PyObject_RichCompareBool,
  PyObject_Vectorcall,
  PyTuple_FromArraySteal,
  PyType_IsSubtype,
  PyUnicode_FromString,
  Py_DECREF,
  Py_INCREF,
  Py_XDECREF,
  Py_EQ,
  errMatches,
  type PyBaseExceptionObject,
  type PyDictObject,
  type PyFunctionObject,
  type PyLongObject,
  type PyObject,
  type PyTupleObject,
  type PyTypeObject,
  type PyUnicodeObject,
  type Runtime,
} from '@heap/core'
import { Op } from '../compiler/opcodes.js'
import { createFunctionFrame, functionCallTakingArgs, functionVectorcall } from './call.js'
import { _PyFrame_GetFrameObject, type Frame } from './frame.js'
import type { ThreadState } from './threadstate.js'
import * as gen from './genobject.js'
import * as imp from './import.js'
import { fill } from './errors.js'

export { PyLong_FromNumber }

const coreAny = core as unknown as Record<string, unknown>
/** A core function that another module provides (resolved lazily so the VM builds while they land). */
function coreFn<T>(name: string): T {
  const f = coreAny[name]
  if (typeof f !== 'function') throw new Error(`@heap/core does not export ${name}`)
  return f as T
}

// --- numbers -------------------------------------------------------------------------------------------------

/** `PyNumber_Power` / `PyNumber_InPlacePower` (two-argument form). */
export function PyNumber_Power(rt: Runtime, a: PyObject, b: PyObject, inplace: boolean): PyObject {
  const NI = rt.NotImplemented
  const tryslot = (f: ((x: PyObject, y: PyObject, z: PyObject) => PyObject) | null, x: PyObject, y: PyObject): PyObject | null => {
    if (f === null) return null
    const r = f(x, y, rt.None)
    if (r === NI) {
      Py_DECREF(r)
      return null
    }
    return r
  }
  if (inplace) {
    const r = tryslot(a.ob_type.nb_inplace_power, a, b)
    if (r !== null) return r
  }
  const sa = a.ob_type.nb_power
  let sb = b.ob_type !== a.ob_type ? b.ob_type.nb_power : null
  if (sb === sa) sb = null
  if (sa !== null) {
    if (sb !== null && PyType_IsSubtype(b.ob_type, a.ob_type)) {
      const r = tryslot(sb, a, b)
      if (r !== null) return r
      sb = null
    }
    const r = tryslot(sa, a, b)
    if (r !== null) return r
  }
  if (sb !== null) {
    const r = tryslot(sb, a, b)
    if (r !== null) return r
  }
  throw PyErr_Format(rt, 'TypeError', `unsupported operand type(s) for ${inplace ? '**=' : '** or pow()'}: '${a.ob_type.tp_name}' and '${b.ob_type.tp_name}'`)
}

/** Fast paths for exact ints (the result object is what the slot would produce). Null: take the general path. */
export function fastBinaryOp(rt: Runtime, oparg: number, lhs: PyObject, rhs: PyObject): PyObject | null {
  const intType = rt.types.int
  if (lhs.ob_type !== intType || rhs.ob_type !== intType) return null
  const a = (lhs as PyLongObject).ob_ival
  const b = (rhs as PyLongObject).ob_ival
  if (typeof a !== 'number' || typeof b !== 'number') return null
  let r: number
  switch (oparg) {
    case 0: // NB_ADD
    case 13:
      r = a + b
      break
    case 10: // NB_SUBTRACT
    case 23:
      r = a - b
      break
    case 5: // NB_MULTIPLY
    case 18:
      r = a * b
      break
    default:
      return null
  }
  if (!Number.isSafeInteger(r)) return null
  return PyLong_FromNumber(rt, r)
}

/** Fast comparisons of exact ints. */
export function fastCompare(rt: Runtime, op: number, lhs: PyObject, rhs: PyObject): PyObject | null {
  const intType = rt.types.int
  if (lhs.ob_type !== intType || rhs.ob_type !== intType) return null
  const a = (lhs as PyLongObject).ob_ival
  const b = (rhs as PyLongObject).ob_ival
  let t: boolean
  switch (op) {
    case 0:
      t = a < b
      break
    case 1:
      t = a <= b
      break
    case 2:
      t = a === b
      break
    case 3:
      t = a !== b
      break
    case 4:
      t = a > b
      break
    default:
      t = a >= b
  }
  const r = t ? rt.True : rt.False
  Py_INCREF(r)
  return r
}

export function unaryOp(rt: Runtime, op: number, v: PyObject): PyObject {
  const t = v.ob_type
  let f: ((x: PyObject) => PyObject) | null
  let sym: string
  if (op === Op.UNARY_NEGATIVE) {
    f = t.nb_negative
    sym = '-'
  } else if (op === Op.UNARY_POSITIVE) {
    f = t.nb_positive
    sym = '+'
  } else {
    f = t.nb_invert
    sym = '~'
  }
  if (f === null) throw PyErr_Format(rt, 'TypeError', `bad operand type for unary ${sym}: '${t.tp_name}'`)
  return f(v)
}

// --- names -----------------------------------------------------------------------------------------------------

/** A name's value in a namespace mapping (borrowed), or null. */
export function mappingGetStr(rt: Runtime, mapping: PyObject, name: string, nameObj: PyObject | null): PyObject | null {
  if (mapping.ob_type === rt.types.dict) return core.PyDict_GetItemStr(mapping as PyDictObject, name)
  const key = nameObj ?? PyUnicode_FromString(rt, name)
  try {
    const v = core.PyObject_GetItem(mapping, key)
    // Borrowed semantics: the mapping keeps it alive in practice; we hand our reference to the caller's INCREF.
    Py_DECREF(v)
    return v
  } catch (e) {
    if (errMatches(e, 'KeyError')) {
      Py_DECREF(e.exc)
      return null
    }
    throw e
  } finally {
    if (nameObj === null) Py_DECREF(key)
  }
}

export function mappingSet(rt: Runtime, mapping: PyObject, key: PyObject, value: PyObject): void {
  if (mapping.ob_type === rt.types.dict) core.PyDict_SetItem(mapping as PyDictObject, key, value)
  else core.PyObject_SetItem(mapping, key, value)
}

export function mappingDel(rt: Runtime, mapping: PyObject, key: PyObject): boolean {
  if (mapping.ob_type === rt.types.dict) return core.PyDict_DelItemIfPresent(mapping as PyDictObject, key)
  try {
    core.PyObject_DelItem(mapping, key)
    return true
  } catch (e) {
    if (errMatches(e, 'KeyError')) {
      Py_DECREF(e.exc)
      return false
    }
    throw e
  }
}

/** LOAD_GLOBAL: globals, then builtins (a dict or a module). Borrowed. */
export function globalsGet(globals: PyObject, builtins: PyObject, name: string): PyObject | null {
  const v = core.PyDict_GetItemStr(globals as PyDictObject, name)
  if (v !== null) return v
  const rt = globals.ob_type.tp_runtime
  const b = builtins.ob_type === rt.types.dict ? builtins : ((builtins as unknown as { md_dict?: PyObject }).md_dict ?? builtins)
  return core.PyDict_GetItemStr(b as PyDictObject, name)
}

// --- attributes and methods ------------------------------------------------------------------------------------

/** `_PyObject_GetMethod`: [callable, true] for an unbound method to call with self, else [attribute, false]. */
export function getMethod(obj: PyObject, name: PyObject): [PyObject, boolean] {
  return core._PyObject_GetMethod(obj, name)
}

export function superLookup(rt: Runtime, sup: PyObject, cls: PyObject, self: PyObject, name: PyObject): PyObject {
  const s = PyObject_Vectorcall(sup, [cls, self], 0, 2, null)
  try {
    return PyObject_GetAttr(s, name)
  } finally {
    Py_DECREF(s)
  }
}

export function methodSelf(m: PyObject): PyObject {
  return (m as unknown as { im_self: PyObject }).im_self
}
export function methodFunc(m: PyObject): PyObject {
  return (m as unknown as { im_func: PyObject }).im_func
}

// --- containers -----------------------------------------------------------------------------------------------

/** `PySequence_Contains`: `sq_contains`, else iteration with `==`. */
export function PySequence_Contains(rt: Runtime, container: PyObject, item: PyObject): boolean {
  const f = container.ob_type.sq_contains
  if (f !== null) return f(container, item)
  let it: PyObject
  try {
    it = PyObject_GetIter(container)
  } catch (e) {
    if (errMatches(e, 'TypeError')) {
      Py_DECREF(e.exc)
      throw PyErr_Format(rt, 'TypeError', `argument of type '${container.ob_type.tp_name}' is not iterable`)
    }
    throw e
  }
  try {
    for (;;) {
      const v = it.ob_type.tp_iternext!(it)
      if (v === null) return false
      try {
        if (PyObject_RichCompareBool(v, item, Py_EQ)) return true
      } finally {
        Py_DECREF(v)
      }
    }
  } finally {
    Py_DECREF(it)
  }
}

export function PySlice_New(rt: Runtime, start: PyObject, stop: PyObject, step: PyObject | null): PyObject {
  return coreFn<(rt: Runtime, a: PyObject, b: PyObject, c: PyObject | null) => PyObject>('PySlice_New')(rt, start, stop, step ?? rt.None)
}

export function PyList_FromArraySteal(rt: Runtime, items: PyObject[]): PyObject {
  return coreFn<(rt: Runtime, items: PyObject[]) => PyObject>('PyList_FromArraySteal')(rt, items)
}

export function PyList_Append(list: PyObject, v: PyObject): void {
  coreFn<(l: PyObject, v: PyObject) => void>('PyList_Append')(list, v)
}

export function PySet_Add(set: PyObject, v: PyObject): void {
  coreFn<(s: PyObject, v: PyObject) => void>('PySet_Add')(set, v)
}

export function buildSet(rt: Runtime, items: PyObject[]): PyObject {
  const s = coreFn<(rt: Runtime, it: PyObject | null) => PyObject>('PySet_New')(rt, null)
  try {
    for (const v of items) PySet_Add(s, v)
  } catch (e) {
    Py_DECREF(s)
    throw e
  } finally {
    for (const v of items) Py_DECREF(v)
  }
  return s
}

export function buildMap(rt: Runtime, items: PyObject[]): PyObject {
  const d = core.PyDict_New(rt)
  try {
    for (let i = 0; i < items.length; i += 2) core.PyDict_SetItem(d, items[i]!, items[i + 1]!)
  } catch (e) {
    Py_DECREF(d)
    throw e
  } finally {
    for (const v of items) Py_DECREF(v)
  }
  return d
}

export function buildConstKeyMap(rt: Runtime, keys: PyTupleObject, values: PyObject[]): PyObject {
  const d = core.PyDict_New(rt)
  try {
    for (let i = 0; i < values.length; i++) core.PyDict_SetItem(d, keys.ob_item[i]!, values[i]!)
  } catch (e) {
    Py_DECREF(d)
    throw e
  } finally {
    for (const v of values) Py_DECREF(v)
    Py_DECREF(keys)
  }
  return d
}

export function buildString(rt: Runtime, items: PyObject[]): PyObject {
  let s = ''
  for (const v of items) s += (v as PyUnicodeObject).value
  for (const v of items) Py_DECREF(v)
  return PyUnicode_FromString(rt, s)
}

export function listExtend(rt: Runtime, list: PyObject, iterable: PyObject): void {
  const ext = coreAny['_PyList_Extend'] as ((l: PyObject, it: PyObject) => void) | undefined
  if (ext !== undefined) {
    try {
      ext(list, iterable)
    } catch (e) {
      if (errMatches(e, 'TypeError') && iterable.ob_type.tp_iter === null && iterable.ob_type.sq_item === null) {
        Py_DECREF(e.exc)
        throw PyErr_Format(rt, 'TypeError', `Value after * must be an iterable, not ${iterable.ob_type.tp_name}`)
      }
      throw e
    }
    return
  }
  const it = PyObject_GetIter(iterable)
  try {
    for (let v = it.ob_type.tp_iternext!(it); v !== null; v = it.ob_type.tp_iternext!(it)) {
      PyList_Append(list, v)
      Py_DECREF(v)
    }
  } finally {
    Py_DECREF(it)
  }
}

export function setUpdate(rt: Runtime, set: PyObject, iterable: PyObject): void {
  void rt
  const it = PyObject_GetIter(iterable)
  try {
    for (let v = it.ob_type.tp_iternext!(it); v !== null; v = it.ob_type.tp_iternext!(it)) {
      try {
        PySet_Add(set, v)
      } finally {
        Py_DECREF(v)
      }
    }
  } finally {
    Py_DECREF(it)
  }
}

/** DICT_UPDATE (`{**m}`) and DICT_MERGE (`f(**m)`: keys must be str and unique). */
export function dictUpdate(rt: Runtime, dict: PyObject, other: PyObject, merge: boolean, func: PyObject | null): void {
  const d = dict as PyDictObject
  const keysMeth = PyUnicode_FromString(rt, 'keys')
  let keys: PyObject
  try {
    if (other.ob_type === rt.types.dict) {
      const od = other as PyDictObject
      for (let i = 0; i < od.ma_keys.length; i++) {
        const k = od.ma_keys[i]
        if (k === undefined) continue
        if (merge) checkMergeKey(rt, d, k, func)
        core.PyDict_SetItem(d, k, od.ma_values[i]!)
      }
      return
    }
    try {
      keys = core.PyObject_CallNoArgs(PyObject_GetAttr(other, keysMeth))
    } catch (e) {
      if (errMatches(e, 'AttributeError')) {
        Py_DECREF(e.exc)
        const what = merge ? `argument after ** must be a mapping, not ${other.ob_type.tp_name}` : `'${other.ob_type.tp_name}' object is not a mapping`
        throw PyErr_Format(rt, 'TypeError', what)
      }
      throw e
    }
  } finally {
    Py_DECREF(keysMeth)
  }
  const it = PyObject_GetIter(keys)
  try {
    for (let k = it.ob_type.tp_iternext!(it); k !== null; k = it.ob_type.tp_iternext!(it)) {
      try {
        if (merge) checkMergeKey(rt, d, k, func)
        const v = core.PyObject_GetItem(other, k)
        core.PyDict_SetItem(d, k, v)
        Py_DECREF(v)
      } finally {
        Py_DECREF(k)
      }
    }
  } finally {
    Py_DECREF(it)
    Py_DECREF(keys)
  }
}

function checkMergeKey(rt: Runtime, d: PyDictObject, k: PyObject, func: PyObject | null): void {
  const fname = func !== null ? funcName(func) : 'function'
  if (!PyType_IsSubtype(k.ob_type, rt.types.str)) throw PyErr_Format(rt, 'TypeError', `${fname}() keywords must be strings`)
  if (core.PyDict_GetItem(d, k) !== null) {
    throw PyErr_Format(rt, 'TypeError', `${fname}() got multiple values for keyword argument '${(k as PyUnicodeObject).value}'`)
  }
}

function funcName(f: PyObject): string {
  const q = (f as PyFunctionObject).func_qualname
  return q ? (q as PyUnicodeObject).value : f.ob_type.tp_name
}

export function listToTuple(rt: Runtime, list: PyObject): PyObject {
  const items = (list as unknown as { ob_item: PyObject[] }).ob_item.slice()
  for (const v of items) Py_INCREF(v)
  return PyTuple_FromArraySteal(rt, items)
}

export function PyObject_ASCII(rt: Runtime, v: PyObject): PyObject {
  const r = core.PyObject_Repr(v)
  const s = (r as PyUnicodeObject).value
  let out = ''
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (c < 128) out += ch
    else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0')
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0')
    else out += '\\U' + c.toString(16).padStart(8, '0')
  }
  Py_DECREF(r)
  return PyUnicode_FromString(rt, out)
}

/** `format(value, spec)`. */
export function PyObject_Format(rt: Runtime, v: PyObject, spec: PyObject | null): PyObject {
  const f = coreAny['PyObject_Format'] as ((o: PyObject, s: PyObject | null) => PyObject) | undefined
  if (f !== undefined) return f(v, spec)
  if (spec === null || (spec as PyUnicodeObject).value === '') return core.PyObject_Str(v)
  throw PyErr_Format(rt, 'SystemError', 'format specs are not available')
}

/**
 * UNPACK_SEQUENCE (`after` = -1) and UNPACK_EX (`before` items, a starred list, `after` items): the items in order,
 * as new references.
 */
export function unpackSequence(rt: Runtime, seq: PyObject, before: number, after: number): PyObject[] {
  const t = seq.ob_type
  if (after < 0 && (t === rt.types.tuple || t === rt.types.list)) {
    const items = (seq as PyTupleObject).ob_item
    if (items.length === before) {
      for (const v of items) Py_INCREF(v)
      return items.slice()
    }
    if (items.length > before) throw tooMany(rt, before, items.length, true)
    throw notEnough(rt, before, items.length, false)
  }
  let it: PyObject
  try {
    it = PyObject_GetIter(seq)
  } catch (e) {
    if (errMatches(e, 'TypeError')) {
      Py_DECREF(e.exc)
      throw PyErr_Format(rt, 'TypeError', `cannot unpack non-iterable ${t.tp_name} object`)
    }
    throw e
  }
  const out: PyObject[] = []
  try {
    for (let i = 0; i < before; i++) {
      const v = it.ob_type.tp_iternext!(it)
      if (v === null) throw notEnough(rt, before + Math.max(after, 0), i, after >= 0)
      out.push(v)
    }
    if (after < 0) {
      const extra = it.ob_type.tp_iternext!(it)
      if (extra !== null) {
        Py_DECREF(extra)
        // Only an exact dict has a known size here (exact lists and tuples took the path above).
        const n = t === rt.types.dict ? (seq as unknown as { ma_used: number }).ma_used : -1
        throw tooMany(rt, before, n, n >= 0)
      }
      return out
    }
    const rest: PyObject[] = []
    for (let v = it.ob_type.tp_iternext!(it); v !== null; v = it.ob_type.tp_iternext!(it)) rest.push(v)
    if (rest.length < after) {
      for (const v of rest) Py_DECREF(v)
      throw notEnough(rt, before + after, before + rest.length, true)
    }
    const tail = rest.splice(rest.length - after, after)
    out.push(PyList_FromArraySteal(rt, rest))
    out.push(...tail)
    return out
  } catch (e) {
    for (const v of out) Py_DECREF(v)
    throw e
  } finally {
    Py_DECREF(it)
  }
}

function notEnough(rt: Runtime, expected: number, got: number, atLeast: boolean): PyErr {
  return PyErr_Format(rt, 'ValueError', `not enough values to unpack (expected ${atLeast ? 'at least ' : ''}${expected}, got ${got})`)
}

/** @cpython Python/ceval.c#_PyEval_UnpackIterable */
function tooMany(rt: Runtime, expected: number, got: number, known: boolean): PyErr {
  const tpl = rt.profile.messages.unpackTooManyGot
  if (known && tpl !== null) return PyErr_Format(rt, 'ValueError', fill(tpl, { expected: String(expected), got: String(got) }))
  return PyErr_Format(rt, 'ValueError', `too many values to unpack (expected ${expected})`)
}

// --- calls -----------------------------------------------------------------------------------------------------

/** Prepares a frame for calling a Python function from the CALL instruction (see call.ts). */
export function pushFunctionFrame(
  ts: ThreadState,
  f: PyFunctionObject,
  lp: (PyObject | null)[],
  argStart: number,
  npos: number,
  kwnames: PyObject | null,
  _caller: Frame,
  _base: number,
): Frame | null {
  return createFunctionFrame(ts, f, lp, argStart, npos, kwnames, false)
}

/**
 * CALL_FUNCTION_EX: `f(*args, **kwargs)`. Takes the caller's reference to `callargs` (released per
 * `eval.callFunctionEx`); `kwargs` stays the caller's.
 */
export function callWithArgsKwargs(rt: Runtime, func: PyObject, callargs: PyObject, kwargs: PyObject | null): PyObject {
  let held: PyObject | null = callargs
  const release = (): void => {
    const h = held
    held = null
    if (h !== null) Py_DECREF(h)
  }
  const mode = rt.profile.eval.callFunctionEx
  try {
    if (mode === 'star-tuple-copied' && callargs.ob_type === rt.types.tuple) {
      // 2.7's update_star_args: the call gets a fresh tuple; the star tuple stays alive beside it.
      const copy = PyTuple_FromArraySteal(rt, (callargs as PyTupleObject).ob_item.map((o) => (Py_INCREF(o), o)))
      try {
        return callArgsKwargs(rt, func, copy, kwargs, null)
      } finally {
        Py_DECREF(copy)
      }
    }
    const direct = mode === 'callargs-into-frame' && func.ob_type === rt.types.function && func.ob_type.tp_vectorcall === functionVectorcall
    return callArgsKwargs(rt, func, callargs, kwargs, direct ? release : null)
  } finally {
    release()
  }
}

function callArgsKwargs(rt: Runtime, func: PyObject, callargs: PyObject, kwargs: PyObject | null, release: (() => void) | null): PyObject {
  const ts = (rt.host as { ts: ThreadState }).ts
  const vectorcall = (a: PyObject[], n: number, kwnames: PyObject | null): PyObject =>
    release !== null ? functionCallTakingArgs(ts, func as PyFunctionObject, a, n, kwnames, release) : PyObject_Vectorcall(func, a, 0, n, kwnames)
  let args: PyObject[]
  let owned: PyObject | null = null
  if (callargs.ob_type === rt.types.tuple) args = (callargs as PyTupleObject).ob_item
  else {
    const l = PyList_FromArraySteal(rt, [])
    try {
      listExtend(rt, l, callargs)
    } catch (e) {
      Py_DECREF(l)
      if (errMatches(e, 'TypeError') && callargs.ob_type.tp_iter === null) {
        Py_DECREF(e.exc)
        throw PyErr_Format(rt, 'TypeError', `${funcName(func)}() argument after * must be an iterable, not ${callargs.ob_type.tp_name}`)
      }
      throw e
    }
    owned = l
    args = (l as unknown as { ob_item: PyObject[] }).ob_item
  }
  try {
    if (kwargs === null || (kwargs as PyDictObject).ma_used === 0) return vectorcall(args, args.length, null)
    const kd = kwargs as PyDictObject
    const all = args.slice()
    const names: PyObject[] = []
    for (let i = 0; i < kd.ma_keys.length; i++) {
      const k = kd.ma_keys[i]
      if (k === undefined) continue
      Py_INCREF(k)
      names.push(k)
      all.push(kd.ma_values[i]!)
    }
    const kwnames = PyTuple_FromArraySteal(rt, names)
    try {
      return vectorcall(all, args.length, kwnames)
    } finally {
      Py_DECREF(kwnames)
    }
  } finally {
    Py_XDECREF(owned)
  }
}

// --- generators ----------------------------------------------------------------------------------------------
export const makeGenerator = gen.makeGenerator
export const generatorYield = gen.generatorYield
export const generatorReturn = gen.generatorReturn
export const genSend = gen.genSend
export const stopIterationValue = gen.stopIterationValue
/** Drops the StopIteration value a generator's `tp_iternext` left. */
export function clearStopIteration(ts: ThreadState): void {
  const s = ts.stopIteration
  ts.stopIteration = null
  if (s !== null) Py_DECREF(s.value)
}
/** Whether `exc` is an instance of StopIteration (or a subclass). */
export function isStopIterationInstance(rt: Runtime, exc: PyObject): boolean {
  return PyType_IsSubtype(exc.ob_type, rt.exc['StopIteration']!)
}
export const isGenerator = gen.isGenerator

// --- imports ---------------------------------------------------------------------------------------------------
export const importName = imp.importName
export const importFrom = imp.importFrom
export const importStar = imp.importStar

// --- exceptions ------------------------------------------------------------------------------------------------

const reraised = new WeakSet<PyErr>()
export function markReraise(err: PyErr): PyErr {
  reraised.add(err)
  return err
}
export function isReraise(err: PyErr): boolean {
  return reraised.has(err)
}
export function clearReraise(err: PyErr): void {
  reraised.delete(err)
}

/** Exceptions whose implicit context was already decided. */
const contextDone = new WeakSet<PyObject>()

/**
 * Implicit chaining: a new exception raised while another is handled gets it as `__context__` (cycles are cut).
 * @cpython Python/errors.c#_PyErr_SetObject
 */
export function chainContext(ts: ThreadState, exc: PyObject): void {
  if (contextDone.has(exc)) return
  contextDone.add(exc)
  const handled = ts.handledException
  if (handled === null || handled === exc) return
  const e = exc as PyBaseExceptionObject
  if (e.context !== null && e.context !== undefined) return
  // Avoid a cycle: if `exc` is already in handled's context chain, cut the chain there.
  let o: PyBaseExceptionObject | null = handled as PyBaseExceptionObject
  while (o !== null) {
    const ctx = o.context as PyBaseExceptionObject | null
    if (ctx === null || ctx === undefined) break
    if (ctx === exc) {
      o.context = null
      Py_DECREF(ctx)
      break
    }
    o = ctx
  }
  Py_INCREF(handled)
  e.context = handled
}

/** `PyTraceBack_Here`: a new traceback entry for `frame` at the head of the exception's traceback. */
export function tracebackHere(ts: ThreadState, frame: Frame, exc: PyObject): void {
  const rt = ts.rt
  const e = exc as PyBaseExceptionObject
  if (!('traceback' in e)) return
  const fo = _PyFrame_GetFrameObject(rt, frame)
  const pos = frame.unit.positions[frame.lasti]
  const lineno = pos ? pos.lineno : frame.code.co_firstlineno
  const tbNew = coreAny['PyTraceBack_New'] as ((rt: Runtime, next: PyObject | null, frame: PyObject, lasti: number, lineno: number) => PyObject) | undefined
  if (tbNew === undefined) return
  const tb = tbNew(rt, e.traceback, fo, frame.lasti, lineno)
  const old = e.traceback
  e.traceback = tb
  Py_XDECREF(old)
}

/** RAISE_VARARGS. Returns the PyErr to throw. @cpython Python/ceval.c#do_raise */
export function doRaise(ts: ThreadState, exc: PyObject | null, cause: PyObject | null): PyErr {
  const rt = ts.rt
  if (exc === null) {
    const handled = ts.handledException
    if (handled === null) throw PyErr_Format(rt, 'RuntimeError', 'No active exception to reraise')
    Py_INCREF(handled)
    return markReraise(new PyErr(handled))
  }
  const base = rt.exc['BaseException']!
  let value: PyObject
  if (exc.ob_type === rt.types.type || PyType_IsSubtype(exc.ob_type, rt.types.type)) {
    if (!PyType_IsSubtype(exc as PyTypeObject, base)) {
      Py_DECREF(exc)
      Py_XDECREF(cause)
      throw PyErr_Format(rt, 'TypeError', 'exceptions must derive from BaseException')
    }
    value = core.PyObject_CallNoArgs(exc)
    Py_DECREF(exc)
    if (!PyType_IsSubtype(value.ob_type, base)) {
      const n = value.ob_type.tp_name
      Py_DECREF(value)
      throw PyErr_Format(rt, 'TypeError', `calling ${(exc as PyTypeObject).tp_name} should have returned an instance of BaseException, not ${n}`)
    }
  } else if (PyType_IsSubtype(exc.ob_type, base)) {
    value = exc
  } else {
    Py_DECREF(exc)
    Py_XDECREF(cause)
    throw PyErr_Format(rt, 'TypeError', 'exceptions must derive from BaseException')
  }
  if (cause !== null) {
    let fixed: PyObject | null
    if (cause === rt.None) {
      fixed = null
      Py_DECREF(cause)
    } else if (cause.ob_type === rt.types.type || PyType_IsSubtype(cause.ob_type, rt.types.type)) {
      fixed = core.PyObject_CallNoArgs(cause)
      Py_DECREF(cause)
    } else if (PyType_IsSubtype(cause.ob_type, base)) {
      fixed = cause
    } else {
      Py_DECREF(cause)
      Py_DECREF(value)
      throw PyErr_Format(rt, 'TypeError', 'exception causes must derive from BaseException')
    }
    const ve = value as PyBaseExceptionObject
    const old = ve.cause
    ve.cause = fixed
    ve.suppress_context = true
    Py_XDECREF(old)
  }
  contextDone.delete(value)
  chainContext(ts, value)
  return new PyErr(value)
}

export function intOf(v: PyObject): number {
  return Number((v as PyLongObject).ob_ival)
}

/** CHECK_EXC_MATCH / `except T:`. */
export function excMatches(rt: Runtime, exc: PyObject, match: PyObject): boolean {
  const base = rt.exc['BaseException']!
  const check = (t: PyObject): void => {
    if (!(t.ob_type === rt.types.type || PyType_IsSubtype(t.ob_type, rt.types.type)) || !PyType_IsSubtype(t as PyTypeObject, base)) {
      throw PyErr_Format(rt, 'TypeError', 'catching classes that do not inherit from BaseException is not allowed')
    }
  }
  if (match.ob_type === rt.types.tuple) {
    const items = (match as PyTupleObject).ob_item
    for (const t of items) check(t)
    return items.some((t) => PyType_IsSubtype(exc.ob_type, t as PyTypeObject))
  }
  check(match)
  return PyType_IsSubtype(exc.ob_type, match as PyTypeObject)
}

/** BEFORE_WITH: returns [bound __exit__, result of __enter__()]. */
export function beforeWith(rt: Runtime, mgr: PyObject): [PyObject, PyObject] {
  const lookup = (name: string): PyObject | null => {
    const d = core._PyType_Lookup(mgr.ob_type, name)
    if (d === null) return null
    const get = d.ob_type.tp_descr_get
    if (get !== null) return get(d, mgr, mgr.ob_type)
    Py_INCREF(d)
    return d
  }
  const enter = lookup('__enter__')
  if (enter === null) {
    if (rt.profile.messages['withProtocol']) throw PyErr_Format(rt, 'TypeError', `'${mgr.ob_type.tp_name}' object does not support the context manager protocol`)
    throw PyErr_Format(rt, 'AttributeError', '__enter__')
  }
  const exit = lookup('__exit__')
  if (exit === null) {
    Py_DECREF(enter)
    if (rt.profile.messages['withProtocol']) throw PyErr_Format(rt, 'TypeError', `'${mgr.ob_type.tp_name}' object does not support the context manager protocol (missed __exit__ method)`)
    throw PyErr_Format(rt, 'AttributeError', '__exit__')
  }
  try {
    return [exit, core.PyObject_CallNoArgs(enter)]
  } catch (e) {
    Py_DECREF(exit)
    throw e
  } finally {
    Py_DECREF(enter)
  }
}

/** WITH_EXCEPT_START: `exit(type, value, traceback)`. */
export function callExit(rt: Runtime, exit: PyObject, exc: PyObject): PyObject {
  const tb = (exc as PyBaseExceptionObject).traceback ?? rt.None
  return PyObject_Vectorcall(exit, [exc.ob_type, exc, tb], 0, 3, null)
}

export function setupAnnotations(rt: Runtime, locals: PyObject): void {
  if (mappingGetStr(rt, locals, '__annotations__', null) !== null) return
  const d = core.PyDict_New(rt)
  const k = PyUnicode_FromString(rt, '__annotations__')
  try {
    mappingSet(rt, locals, k, d)
  } finally {
    Py_DECREF(k)
    Py_DECREF(d)
  }
}

/** PRINT_EXPR: `sys.displayhook(value)`. */
export function displayhook(ts: ThreadState, v: PyObject): void {
  ;(ts.interp as unknown as { displayhook(v: PyObject): void }).displayhook(v)
}

/** PRINT_ITEM (2.7): `str(v)` to the stream (or `sys.stdout`), after a space when `softspace` is set. */
export function printItem(ts: ThreadState, v: PyObject, dest: PyObject | null): void {
  ;(ts.interp as unknown as { printItem(v: PyObject, d: PyObject | null): void }).printItem(v, dest)
}

/** PRINT_NEWLINE (2.7). */
export function printNewline(ts: ThreadState, dest: PyObject | null): void {
  ;(ts.interp as unknown as { printNewline(d: PyObject | null): void }).printNewline(dest)
}

export function intrinsic1(ts: ThreadState, oparg: number, v: PyObject): PyObject {
  const rt = ts.rt
  if (oparg === 1) return listToTuple(rt, v)
  if (oparg === 0) return unaryOp(rt, Op.UNARY_POSITIVE, v)
  throw PyErr_Format(rt, 'SystemError', `unknown intrinsic ${oparg}`)
}

/** The eval breaker found a scheduled collection (3.12+). */
export function runScheduledGC(ts: ThreadState): void {
  ;(ts.interp as unknown as { runScheduledGC(): void }).runScheduledGC()
}

export { PyObject_IsTrue }

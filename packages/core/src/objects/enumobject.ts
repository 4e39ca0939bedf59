/**
 * `enumerate` and `reversed`: GC iterators. `enumerate` reuses its (index, item) result tuple while nobody else holds
 * it; `reversed` uses `__reversed__` when the object has one, else `__len__` and `__getitem__`.
 * @cpython Objects/enumobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_TPFLAGS_DICT_SUBCLASS, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { kwnamesList, parseArgs } from './getargs.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyLong_FromValue, intValue, normInt } from './longobject.js'
import { _PyObject_LookupSpecial } from './object-type.js'
import { PyObject_CallNoArgs, PyObject_GetIter, errMatches } from './protocols.js'
import { numberIndex } from './slots.js'
import { PyTuple_FromArraySteal, PyTuple_Pack, type PyTupleObject } from './tupleobject.js'
import { dropErr } from './type-util.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

const PY_SSIZE_T_MAX = 2 ** 63 - 1

/* ------------------------------------------------------------------------------------------------------------ */
/* enumerate                                                                                                     */
/* ------------------------------------------------------------------------------------------------------------ */

export class PyEnumObject extends PyObject {
  en_index: number
  /** Owned: the underlying iterator. */
  en_sit: PyObject | null
  /** Owned: the reusable (index, item) tuple. */
  en_result: PyObject | null
  /** Owned: the index as an int once it no longer fits a Py_ssize_t (or a huge `start`). */
  en_longindex: PyObject | null
  constructor(type: PyTypeObject) {
    super(type)
    this.en_index = 0
    this.en_sit = null
    this.en_result = null
    this.en_longindex = null
  }
}

/**
 * `enumerate(iterable, start=0)`: the object is allocated (and tracked) first, then `start` is converted, then the
 * iterator is taken, then the result tuple is made.
 * @cpython Objects/enumobject.c#enum_new_impl
 */
export function enum_new_impl(type: PyTypeObject, iterable: PyObject, start: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const en = PyType_GenericAllocObject(type, new PyEnumObject(type), 0)
  try {
    if (start !== null) {
      const s = numberIndex(rt, start)
      const v = intValue(s)
      if (typeof v === 'number' && v <= PY_SSIZE_T_MAX) {
        en.en_index = v
        Py_DECREF(s)
      } else {
        en.en_index = PY_SSIZE_T_MAX
        en.en_longindex = s
      }
    }
    en.en_sit = PyObject_GetIter(iterable)
    en.en_result = PyTuple_Pack(rt, [rt.None, rt.None])
  } catch (e) {
    Py_DECREF(en)
    throw e
  }
  return en
}

/** `enumerate.__new__` (3.8's argument parsing). */
export function enum_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const pos = (args as PyTupleObject).ob_item
  const kd = kwds as unknown as { ma_keys: (PyObject | undefined)[]; ma_values: (PyObject | undefined)[] } | null
  const kwnames: PyObject[] = []
  const kwvalues: PyObject[] = []
  if (kd !== null) {
    for (let i = 0; i < kd.ma_keys.length; i++) {
      const k = kd.ma_keys[i]
      if (k === undefined) continue
      kwnames.push(k)
      kwvalues.push(kd.ma_values[i]!)
    }
  }
  const kn = kwnames.length > 0 ? PyTuple_FromArrayBorrow(rt, kwnames) : null
  try {
    return enum_call(rt, type, [...pos, ...kwvalues], 0, pos.length, kn)
  } finally {
    if (kn !== null) Py_DECREF(kn)
  }
}

function PyTuple_FromArrayBorrow(rt: Runtime, items: PyObject[]): PyObject {
  for (const o of items) Py_INCREF(o)
  return PyTuple_FromArraySteal(rt, items)
}

/** Argument parsing per profile: 3.8's Argument Clinic messages, or 3.10+'s hand-written vectorcall. */
function enum_call(rt: Runtime, type: PyTypeObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  if (!rt.profile.objects.typeVectorcall) {
    if (nargs === 0 && !kwnamesList(kwnames).includes('iterable')) throw PyErr_Format(rt, 'TypeError', rt.profile.messages.enumerateMissingIterable)
    const [iterable, st] = parseArgs(rt, 'enumerate', args, start, nargs, kwnames, ['iterable', 'start'], 1)
    return enum_new_impl(type, iterable!, st)
  }
  return enum_vectorcall_impl(rt, type, args, start, nargs, kwnames)
}

/**
 * `enumerate(...)` (3.10+ `enum_vectorcall`): iterable and start by position or keyword, with its own messages.
 * @cpython Objects/enumobject.c#enum_vectorcall
 */
export function enum_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  return enum_vectorcall_impl(rt, type as PyTypeObject, args, start, nargs, kwnames)
}

function enum_vectorcall_impl(rt: Runtime, tp: PyTypeObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const names = kwnamesList(kwnames)
  const nkwargs = names.length
  const check = (i: number, name: string): void => {
    if (names[i] !== name) throw PyErr_Format(rt, 'TypeError', `'${names[i]}' is an invalid keyword argument for enumerate()`)
  }
  if (nargs + nkwargs === 2) {
    if (nkwargs === 1) check(0, 'start')
    else if (nkwargs === 2) {
      if (names[0] === 'start') {
        check(1, 'iterable')
        return enum_new_impl(tp, args[start + 1]!, args[start]!)
      }
      check(0, 'iterable')
      check(1, 'start')
    }
    return enum_new_impl(tp, args[start]!, args[start + 1]!)
  }
  if (nargs + nkwargs === 1) {
    if (nkwargs === 1) check(0, 'iterable')
    return enum_new_impl(tp, args[start]!, null)
  }
  if (nargs === 0) throw PyErr_Format(rt, 'TypeError', rt.profile.messages.enumerateMissingIterable)
  throw PyErr_Format(rt, 'TypeError', `enumerate() takes at most 2 arguments (${nargs + nkwargs} given)`)
}

/** @cpython Objects/enumobject.c#enum_dealloc */
export function enum_dealloc(self: PyObject): void {
  const en = self as PyEnumObject
  if (en._gc_next !== null) _PyObject_GC_UNTRACK(en)
  Py_CLEAR(en, 'en_sit')
  Py_CLEAR(en, 'en_result')
  Py_CLEAR(en, 'en_longindex')
  const free = en.ob_type.tp_free ?? PyObject_GC_Del
  free(en)
}

/** @cpython Objects/enumobject.c#enum_traverse */
export function enum_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const en = self as PyEnumObject
  for (const o of [en.en_sit, en.en_result, en.en_longindex]) {
    if (o === null) continue
    const r = visit(o, arg)
    if (r !== 0) return r
  }
  return 0
}

/** Puts (index, item) into the reusable result when nobody else holds it, else into a new tuple. */
function enumResult(en: PyEnumObject, index: PyObject, item: PyObject): PyObject {
  const result = en.en_result as PyTupleObject
  if (result.ob_refcnt === 1) {
    Py_INCREF(result)
    const oldIndex = result.ob_item[0]!
    const oldItem = result.ob_item[1]!
    result.ob_item[0] = index
    result.ob_item[1] = item
    Py_DECREF(oldIndex)
    Py_DECREF(oldItem)
    if (result._gc_next === null) _PyObject_GC_TRACK(result)
    return result
  }
  return PyTuple_FromArraySteal(rtOf(en), [index, item])
}

/** @cpython Objects/enumobject.c#enum_next */
export function enum_next(self: PyObject): PyObject | null {
  const en = self as PyEnumObject
  const it = en.en_sit!
  const item = it.ob_type.tp_iternext!(it)
  if (item === null) return null
  const rt = rtOf(en)
  if (en.en_index === PY_SSIZE_T_MAX) {
    // enum_next_long: the index continues as an int object.
    if (en.en_longindex === null) en.en_longindex = PyLong_FromValue(rt, PY_SSIZE_T_MAX)
    const index = en.en_longindex
    en.en_longindex = PyLong_FromValue(rt, normInt(BigInt(intValue(index)) + 1n))
    return enumResult(en, index, item)
  }
  const index = PyLong_FromValue(rt, en.en_index)
  en.en_index++
  return enumResult(en, index, item)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* reversed                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

export class PyReversedObject extends PyObject {
  index: number
  /** Owned; null once exhausted. */
  seq: PyObject | null
  constructor(type: PyTypeObject) {
    super(type)
    this.index = -1
    this.seq = null
  }
}

/** `PySequence_Check`: not a dict, and has `sq_item`. */
function PySequence_Check(o: PyObject): boolean {
  if ((o.ob_type.tp_flags & Py_TPFLAGS_DICT_SUBCLASS) !== 0) return false
  return o.ob_type.sq_item !== null
}

/**
 * `reversed(seq)`: `seq.__reversed__()` when defined (None: not reversible), else an iterator from `len(seq) - 1`
 * down through `seq[i]`.
 * @cpython Objects/enumobject.c#reversed_new_impl
 */
export function reversed_new_impl(type: PyTypeObject, seq: PyObject): PyObject {
  const rt = type.tp_runtime
  const meth = _PyObject_LookupSpecial(seq, '__reversed__')
  if (meth === rt.None) {
    Py_DECREF(meth)
    throw PyErr_Format(rt, 'TypeError', `'${seq.ob_type.tp_name}' object is not reversible`)
  }
  if (meth !== null) {
    try {
      return PyObject_CallNoArgs(meth)
    } finally {
      Py_DECREF(meth)
    }
  }
  if (!PySequence_Check(seq)) throw PyErr_Format(rt, 'TypeError', `'${seq.ob_type.tp_name}' object is not reversible`)
  const len = seq.ob_type.sq_length ?? seq.ob_type.mp_length
  if (len === null) throw PyErr_Format(rt, 'TypeError', `object of type '${seq.ob_type.tp_name}' has no len()`)
  const n = len(seq)
  const ro = PyType_GenericAllocObject(type, new PyReversedObject(type), 0)
  ro.index = n - 1
  Py_INCREF(seq)
  ro.seq = seq
  return ro
}

/** `reversed.__new__`. */
export function reversed_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (type === rt.types.reversed && kwds !== null && (kwds as unknown as { ma_used: number }).ma_used > 0) {
    throw PyErr_Format(rt, 'TypeError', 'reversed() takes no keyword arguments')
  }
  const items = (args as PyTupleObject).ob_item
  if (items.length !== 1) throw PyErr_Format(rt, 'TypeError', `reversed expected 1 argument, got ${items.length}`)
  return reversed_new_impl(type, items[0]!)
}

/** `reversed(...)` (3.10+ `reversed_vectorcall`). */
export function reversed_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  if (kwnames !== null && kwnamesList(kwnames).length > 0) throw PyErr_Format(rt, 'TypeError', 'reversed() takes no keyword arguments')
  if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `reversed expected 1 argument, got ${nargs}`)
  return reversed_new_impl(type as PyTypeObject, args[start]!)
}

/** @cpython Objects/enumobject.c#reversed_next */
export function reversed_next(self: PyObject): PyObject | null {
  const ro = self as PyReversedObject
  const seq = ro.seq
  if (seq !== null && ro.index >= 0) {
    try {
      const item = seq.ob_type.sq_item!(seq, ro.index)
      ro.index--
      return item
    } catch (e) {
      if (!errMatches(e, 'IndexError') && !errMatches(e, 'StopIteration')) throw e
      dropErr(e)
    }
  }
  ro.index = -1
  Py_CLEAR(ro, 'seq')
  return null
}

/** `reversed.__length_hint__()`. */
export function reversed_len(self: PyObject): PyObject {
  const ro = self as PyReversedObject
  const rt = rtOf(ro)
  if (ro.seq === null) return PyLong_FromValue(rt, 0)
  const len = ro.seq.ob_type.sq_length ?? ro.seq.ob_type.mp_length
  const seqsize = len !== null ? len(ro.seq) : 0
  const position = ro.index + 1
  return PyLong_FromValue(rt, seqsize < position ? 0 : position)
}

/** @cpython Objects/enumobject.c#reversed_dealloc */
export function reversed_dealloc(self: PyObject): void {
  const ro = self as PyReversedObject
  if (ro._gc_next !== null) _PyObject_GC_UNTRACK(ro)
  Py_CLEAR(ro, 'seq')
  const free = ro.ob_type.tp_free ?? PyObject_GC_Del
  free(ro)
}

/** @cpython Objects/enumobject.c#reversed_traverse */
export function reversed_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const seq = (self as PyReversedObject).seq
  return seq !== null ? visit(seq, arg) : 0
}


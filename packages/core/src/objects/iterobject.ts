/**
 * The generic iterators: `iterator` (a sequence iterated through `__getitem__` until IndexError) and
 * `callable_iterator` (`iter(f, sentinel)`); and the iteration-based protocols `in` falls back to
 * (`PySequence_Contains`, `_PySequence_IterSearch`).
 * @cpython Objects/iterobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_EQ, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyLong_FromNumber } from './longobject.js'
import { PyObject_CallNoArgs, PyObject_GetIter, PyObject_RichCompareBool, errMatches } from './protocols.js'
import { dropErr } from './type-util.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/* ------------------------------------------------------------------------------------------------------------ */
/* iterator (sequence iterator)                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

export class PySeqIterObject extends PyObject {
  it_index: number
  /** Owned; null once exhausted. */
  it_seq: PyObject | null
  constructor(type: PyTypeObject, seq: PyObject) {
    super(type)
    this.it_index = 0
    this.it_seq = seq
  }
}

/** `PySeqIter_New`: an iterator over `seq[0]`, `seq[1]` … (a new reference). @cpython Objects/iterobject.c#PySeqIter_New */
export function PySeqIter_New(rt: Runtime, seq: PyObject): PyObject {
  const t = rt.types.iterator
  Py_INCREF(seq)
  const it = PyObject_GC_Init(rt, new PySeqIterObject(t, seq), t.tp_basicsize)
  _PyObject_GC_TRACK(it)
  return it
}

/**
 * `iterator`'s `tp_new` as `PyObject_GetIter` uses it: `tp_new(type, seq, null)` (NON-CPYTHON calling form; the type
 * is not instantiable from Python).
 */
export function seqiter_tp_new(type: PyTypeObject, seq: PyObject, _kwds: PyObject | null): PyObject {
  return PySeqIter_New(type.tp_runtime, seq)
}

/** `PySequence_GetItem` for iteration: `sq_item`, or TypeError when the object is not a sequence. */
function sequenceGetItem(seq: PyObject, i: number): PyObject {
  const t = seq.ob_type
  if (t.sq_item !== null) return t.sq_item(seq, i)
  if (t.mp_subscript !== null) {
    const idx = PyLong_FromNumber(rtOf(seq), i)
    try {
      return t.mp_subscript(seq, idx)
    } finally {
      Py_DECREF(idx)
    }
  }
  throw PyErr_Format(rtOf(seq), 'TypeError', `'${t.tp_name}' object does not support indexing`)
}

/** @cpython Objects/iterobject.c#iter_iternext */
export function iter_iternext(self: PyObject): PyObject | null {
  const it = self as PySeqIterObject
  const seq = it.it_seq
  if (seq === null) return null
  if (it.it_index === 2 ** 63 - 1) throw PyErr_Format(rtOf(it), 'OverflowError', 'iter index too large')
  try {
    const result = sequenceGetItem(seq, it.it_index)
    it.it_index++
    return result
  } catch (e) {
    if (errMatches(e, 'IndexError') || errMatches(e, 'StopIteration')) {
      dropErr(e)
      it.it_seq = null
      Py_DECREF(seq)
      return null
    }
    throw e
  }
}

/** `iterator.__length_hint__()`. @cpython Objects/iterobject.c#iter_len */
export function iter_len(self: PyObject): PyObject {
  const it = self as PySeqIterObject
  const rt = rtOf(it)
  if (it.it_seq !== null) {
    const t = it.it_seq.ob_type
    const len = t.sq_length ?? t.mp_length
    if (len === null) {
      Py_INCREF(rt.NotImplemented)
      return rt.NotImplemented
    }
    const n = len(it.it_seq) - it.it_index
    if (n >= 0) return PyLong_FromNumber(rt, n)
  }
  return PyLong_FromNumber(rt, 0)
}

/** @cpython Objects/iterobject.c#iter_dealloc */
export function seqiter_dealloc(self: PyObject): void {
  const it = self as PySeqIterObject
  if (it._gc_next !== null) _PyObject_GC_UNTRACK(it)
  const seq = it.it_seq
  it.it_seq = null
  if (seq !== null) Py_DECREF(seq)
  PyObject_GC_Del(it)
}

/** @cpython Objects/iterobject.c#iter_traverse */
export function seqiter_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const seq = (self as PySeqIterObject).it_seq
  return seq !== null ? visit(seq, arg) : 0
}

/* ------------------------------------------------------------------------------------------------------------ */
/* callable_iterator                                                                                             */
/* ------------------------------------------------------------------------------------------------------------ */

export class PyCallIterObject extends PyObject {
  /** Owned; both cleared when the sentinel is reached. */
  it_callable: PyObject | null
  it_sentinel: PyObject | null
  constructor(type: PyTypeObject, callable: PyObject, sentinel: PyObject) {
    super(type)
    this.it_callable = callable
    this.it_sentinel = sentinel
  }
}

/** `PyCallIter_New`: `iter(callable, sentinel)` (borrowed arguments). @cpython Objects/iterobject.c#PyCallIter_New */
export function PyCallIter_New(rt: Runtime, callable: PyObject, sentinel: PyObject): PyObject {
  const t = rt.types.callable_iterator
  Py_INCREF(callable)
  Py_INCREF(sentinel)
  const it = PyObject_GC_Init(rt, new PyCallIterObject(t, callable, sentinel), t.tp_basicsize)
  _PyObject_GC_TRACK(it)
  return it
}

/**
 * Calls the callable; a result equal to the sentinel (compared `sentinel == result`) or StopIteration ends the
 * iteration for good.
 * @cpython Objects/iterobject.c#calliter_iternext
 */
export function calliter_iternext(self: PyObject): PyObject | null {
  const it = self as PyCallIterObject
  const callable = it.it_callable
  if (callable === null) return null
  let result: PyObject
  try {
    result = PyObject_CallNoArgs(callable)
  } catch (e) {
    if (errMatches(e, 'StopIteration')) {
      dropErr(e)
      Py_CLEAR(it, 'it_callable')
      Py_CLEAR(it, 'it_sentinel')
      return null
    }
    throw e
  }
  const sentinel = it.it_sentinel
  if (sentinel !== null) {
    let ok: boolean
    try {
      ok = PyObject_RichCompareBool(sentinel, result, Py_EQ)
    } catch (e) {
      Py_DECREF(result)
      throw e
    }
    if (!ok) return result
    Py_CLEAR(it, 'it_callable')
    Py_CLEAR(it, 'it_sentinel')
  }
  Py_DECREF(result)
  return null
}

/** @cpython Objects/iterobject.c#calliter_dealloc */
export function calliter_dealloc(self: PyObject): void {
  const it = self as PyCallIterObject
  if (it._gc_next !== null) _PyObject_GC_UNTRACK(it)
  Py_CLEAR(it, 'it_callable')
  Py_CLEAR(it, 'it_sentinel')
  PyObject_GC_Del(it)
}

/** @cpython Objects/iterobject.c#calliter_traverse */
export function calliter_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const it = self as PyCallIterObject
  if (it.it_callable !== null) {
    const r = visit(it.it_callable, arg)
    if (r !== 0) return r
  }
  return it.it_sentinel !== null ? visit(it.it_sentinel, arg) : 0
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Iteration-based protocols                                                                                     */
/* ------------------------------------------------------------------------------------------------------------ */

export const PY_ITERSEARCH_COUNT = 1
export const PY_ITERSEARCH_INDEX = 2
export const PY_ITERSEARCH_CONTAINS = 3

/**
 * `_PySequence_IterSearch`: iterates `seq` comparing each item with `obj` (`item == obj` on 3.9+, `obj == item` on
 * 3.8); returns the count, the index, or 1/0 for containment.
 * @cpython Objects/abstract.c#_PySequence_IterSearch
 */
export function _PySequence_IterSearch(seq: PyObject, obj: PyObject, operation: number): number {
  const rt = rtOf(seq)
  let it: PyObject
  try {
    it = PyObject_GetIter(seq)
  } catch (e) {
    if (errMatches(e, 'TypeError')) {
      dropErr(e)
      throw PyErr_Format(rt, 'TypeError', `argument of type '${seq.ob_type.tp_name}' is not iterable`)
    }
    throw e
  }
  const needleFirst = rt.profile.objects.containsComparison === 'needle-first'
  let n = 0
  try {
    const next = it.ob_type.tp_iternext!
    for (let i = 0; ; i++) {
      const item = next(it)
      if (item === null) break
      let cmp: boolean
      try {
        cmp = needleFirst ? PyObject_RichCompareBool(obj, item, Py_EQ) : PyObject_RichCompareBool(item, obj, Py_EQ)
      } finally {
        Py_DECREF(item)
      }
      if (cmp) {
        if (operation === PY_ITERSEARCH_CONTAINS) return 1
        if (operation === PY_ITERSEARCH_INDEX) return i
        n++
      }
    }
  } finally {
    Py_DECREF(it)
  }
  if (operation === PY_ITERSEARCH_INDEX) throw PyErr_Format(rt, 'ValueError', 'sequence.index(x): x not in sequence')
  return n
}

/**
 * `PySequence_Contains` (`x in y`): the container's `sq_contains`, else a search by iteration.
 * @cpython Objects/abstract.c#PySequence_Contains
 */
export function PySequence_Contains(seq: PyObject, ob: PyObject): boolean {
  const f = seq.ob_type.sq_contains
  if (f !== null) return f(seq, ob)
  return _PySequence_IterSearch(seq, ob, PY_ITERSEARCH_CONTAINS) !== 0
}

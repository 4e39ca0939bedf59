/**
 * The iterator types of the builtins module: `zip` (with `strict=` on 3.10+), `map` and `filter`. All are GC objects,
 * tracked from creation. `zip` reuses its result tuple while nobody else holds it.
 * @cpython Python/bltinmodule.c#zip_next
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyDictObject } from './dictobject.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyObject_GetIter, PyObject_IsTrue, PyObject_Vectorcall, errMatches } from './protocols.js'
import { PyTuple_FromArraySteal, PyTuple_Pack, _PyTuple_NewFilled, type PyTupleObject } from './tupleobject.js'
import { dropErr, fmt } from './type-util.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** Keyword arguments of a `tp_new` call as [name, value] pairs (borrowed). */
function kwPairs(kwds: PyObject | null): [string, PyObject][] {
  const out: [string, PyObject][] = []
  if (kwds === null) return out
  const d = kwds as PyDictObject
  for (let i = 0; i < d.ma_keys.length; i++) {
    const k = d.ma_keys[i]
    if (k !== undefined) out.push([(k as unknown as { value: string }).value, d.ma_values[i]!])
  }
  return out
}

/** Calls `it`'s `tp_iternext`; StopIteration raised by a Python `__next__` also ends the iteration. */
function iterNext(it: PyObject): PyObject | null {
  return it.ob_type.tp_iternext!(it)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* zip                                                                                                           */
/* ------------------------------------------------------------------------------------------------------------ */

export class PyZipObject extends PyObject {
  tuplesize: number
  /** Owned: a tuple of the iterators. */
  ittuple: PyObject | null
  /** Owned: the reusable result tuple. */
  result: PyObject | null
  strict: boolean
  constructor(type: PyTypeObject) {
    super(type)
    this.tuplesize = 0
    this.ittuple = null
    this.result = null
    this.strict = false
  }
}

/**
 * `zip(*iterables, strict=False)`: the iterators are taken first, then the result tuple (of Nones) is made, then the
 * object is allocated.
 * @cpython Python/bltinmodule.c#zip_new
 */
export function zip_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  let strict = false
  for (const [name, value] of kwPairs(kwds)) {
    if (!rt.profile.objects.zipStrict) {
      // ≤3.9: the exact type refuses keywords; subclasses ignore them.
      if (type === rt.types.zip) throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.zipBadKeyword, { name }))
      continue
    }
    if (name !== 'strict') throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.zipBadKeyword, { name }))
    strict = PyObject_IsTrue(value)
  }
  const items = (args as PyTupleObject).ob_item
  const tuplesize = items.length
  const its: PyObject[] = []
  try {
    for (let i = 0; i < tuplesize; i++) its.push(PyObject_GetIter(items[i]!))
  } catch (e) {
    for (let i = its.length - 1; i >= 0; i--) Py_DECREF(its[i]!)
    throw e
  }
  const ittuple = PyTuple_FromArraySteal(rt, its)
  const noneItems = new Array<PyObject>(tuplesize).fill(rt.None)
  const result = PyTuple_Pack(rt, noneItems)
  const lz = PyType_GenericAllocObject(type, new PyZipObject(type), 0)
  lz.ittuple = ittuple
  lz.tuplesize = tuplesize
  lz.result = result
  lz.strict = strict
  return lz
}

/** @cpython Python/bltinmodule.c#zip_dealloc */
export function zip_dealloc(self: PyObject): void {
  const lz = self as PyZipObject
  if (lz._gc_next !== null) _PyObject_GC_UNTRACK(lz)
  Py_CLEAR(lz, 'ittuple')
  Py_CLEAR(lz, 'result')
  const free = lz.ob_type.tp_free ?? PyObject_GC_Del
  free(lz)
}

/** @cpython Python/bltinmodule.c#zip_traverse */
export function zip_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const lz = self as PyZipObject
  if (lz.ittuple !== null) {
    const r = visit(lz.ittuple, arg)
    if (r !== 0) return r
  }
  return lz.result !== null ? visit(lz.result, arg) : 0
}

/** Raises strict zip's length mismatch after iterator `i` ran out (or returns null when all ran out together). */
function zipStrictCheck(lz: PyZipObject, i: number): null {
  const rt = rtOf(lz)
  if (i > 0) {
    const plural = i === 1 ? ' ' : 's 1-'
    throw PyErr_Format(rt, 'ValueError', `zip() argument ${i + 1} is shorter than argument${plural}${i}`)
  }
  const its = (lz.ittuple as PyTupleObject).ob_item
  for (let j = 1; j < lz.tuplesize; j++) {
    const item = iterNext(its[j]!)
    if (item !== null) {
      Py_DECREF(item)
      const plural = j === 1 ? ' ' : 's 1-'
      throw PyErr_Format(rt, 'ValueError', `zip() argument ${j + 1} is longer than argument${plural}${j}`)
    }
  }
  return null
}

/** @cpython Python/bltinmodule.c#zip_next */
export function zip_next(self: PyObject): PyObject | null {
  const lz = self as PyZipObject
  const n = lz.tuplesize
  if (n === 0) return null
  const rt = rtOf(lz)
  const its = (lz.ittuple as PyTupleObject).ob_item
  const result = lz.result as PyTupleObject
  if (result.ob_refcnt === 1) {
    Py_INCREF(result)
    for (let i = 0; i < n; i++) {
      let item: PyObject | null
      try {
        item = iterNext(its[i]!)
      } catch (e) {
        Py_DECREF(result)
        if (lz.strict && errMatches(e, 'StopIteration')) {
          dropErr(e)
          return zipStrictCheck(lz, i)
        }
        throw e
      }
      if (item === null) {
        Py_DECREF(result)
        return lz.strict ? zipStrictCheck(lz, i) : null
      }
      const old = result.ob_item[i]!
      result.ob_item[i] = item
      Py_DECREF(old)
    }
    if (result._gc_next === null) _PyObject_GC_TRACK(result)
    return result
  }
  const items: PyObject[] = []
  const fresh = _PyTuple_NewFilled(rt, n, items)
  for (let i = 0; i < n; i++) {
    let item: PyObject | null
    try {
      item = iterNext(its[i]!)
    } catch (e) {
      Py_DECREF(fresh)
      throw e
    }
    if (item === null) {
      Py_DECREF(fresh)
      return lz.strict ? zipStrictCheck(lz, i) : null
    }
    items.push(item)
  }
  return fresh
}

/* ------------------------------------------------------------------------------------------------------------ */
/* map                                                                                                           */
/* ------------------------------------------------------------------------------------------------------------ */

export class PyMapObject extends PyObject {
  /** Owned: a tuple of the iterators. */
  iters: PyObject | null
  /** Owned. */
  func: PyObject | null
  constructor(type: PyTypeObject) {
    super(type)
    this.iters = null
    this.func = null
  }
}

/** `map(func, *iterables)`. @cpython Python/bltinmodule.c#map_new */
export function map_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (type === rt.types.map && kwPairs(kwds).length > 0) throw PyErr_Format(rt, 'TypeError', 'map() takes no keyword arguments')
  const items = (args as PyTupleObject).ob_item
  if (items.length < 2) throw PyErr_Format(rt, 'TypeError', 'map() must have at least two arguments.')
  const its: PyObject[] = []
  try {
    for (let i = 1; i < items.length; i++) its.push(PyObject_GetIter(items[i]!))
  } catch (e) {
    for (let i = its.length - 1; i >= 0; i--) Py_DECREF(its[i]!)
    throw e
  }
  const iters = PyTuple_FromArraySteal(rt, its)
  const lz = PyType_GenericAllocObject(type, new PyMapObject(type), 0)
  lz.iters = iters
  Py_INCREF(items[0]!)
  lz.func = items[0]!
  return lz
}

/** @cpython Python/bltinmodule.c#map_next */
export function map_next(self: PyObject): PyObject | null {
  const lz = self as PyMapObject
  const its = (lz.iters as PyTupleObject).ob_item
  const stack: PyObject[] = []
  try {
    for (let i = 0; i < its.length; i++) {
      const val = iterNext(its[i]!)
      if (val === null) return null
      stack.push(val)
    }
    return PyObject_Vectorcall(lz.func!, stack, 0, stack.length, null)
  } finally {
    for (let i = 0; i < stack.length; i++) Py_DECREF(stack[i]!)
  }
}

/** @cpython Python/bltinmodule.c#map_dealloc */
export function map_dealloc(self: PyObject): void {
  const lz = self as PyMapObject
  if (lz._gc_next !== null) _PyObject_GC_UNTRACK(lz)
  Py_CLEAR(lz, 'iters')
  Py_CLEAR(lz, 'func')
  const free = lz.ob_type.tp_free ?? PyObject_GC_Del
  free(lz)
}

/** @cpython Python/bltinmodule.c#map_traverse */
export function map_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const lz = self as PyMapObject
  if (lz.iters !== null) {
    const r = visit(lz.iters, arg)
    if (r !== 0) return r
  }
  return lz.func !== null ? visit(lz.func, arg) : 0
}

/* ------------------------------------------------------------------------------------------------------------ */
/* filter                                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

export class PyFilterObject extends PyObject {
  /** Owned (None or bool: keep true items). */
  func: PyObject | null
  /** Owned: the iterator. */
  it: PyObject | null
  constructor(type: PyTypeObject) {
    super(type)
    this.func = null
    this.it = null
  }
}

/** `filter(function or None, iterable)`. @cpython Python/bltinmodule.c#filter_new */
export function filter_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (type === rt.types.filter && kwPairs(kwds).length > 0) throw PyErr_Format(rt, 'TypeError', 'filter() takes no keyword arguments')
  const items = (args as PyTupleObject).ob_item
  if (items.length !== 2) throw PyErr_Format(rt, 'TypeError', `filter expected 2 arguments, got ${items.length}`)
  const it = PyObject_GetIter(items[1]!)
  const lz = PyType_GenericAllocObject(type, new PyFilterObject(type), 0)
  Py_INCREF(items[0]!)
  lz.func = items[0]!
  lz.it = it
  return lz
}

/** @cpython Python/bltinmodule.c#filter_next */
export function filter_next(self: PyObject): PyObject | null {
  const lz = self as PyFilterObject
  const rt = rtOf(lz)
  const it = lz.it!
  const checktrue = lz.func === rt.None || lz.func === rt.types.bool
  for (;;) {
    const item = iterNext(it)
    if (item === null) return null
    let ok: boolean
    try {
      if (checktrue) ok = PyObject_IsTrue(item)
      else {
        const good = PyObject_Vectorcall(lz.func!, [item], 0, 1, null)
        try {
          ok = PyObject_IsTrue(good)
        } finally {
          Py_DECREF(good)
        }
      }
    } catch (e) {
      Py_DECREF(item)
      throw e
    }
    if (ok) return item
    Py_DECREF(item)
  }
}

/** @cpython Python/bltinmodule.c#filter_dealloc */
export function filter_dealloc(self: PyObject): void {
  const lz = self as PyFilterObject
  if (lz._gc_next !== null) _PyObject_GC_UNTRACK(lz)
  Py_CLEAR(lz, 'func')
  Py_CLEAR(lz, 'it')
  const free = lz.ob_type.tp_free ?? PyObject_GC_Del
  free(lz)
}

/** @cpython Python/bltinmodule.c#filter_traverse */
export function filter_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const lz = self as PyFilterObject
  if (lz.func !== null) {
    const r = visit(lz.func, arg)
    if (r !== 0) return r
  }
  return lz.it !== null ? visit(lz.it, arg) : 0
}

/**
 * `tuple`: a fixed-size sequence. Runtime tuples start tracked; a collection (and, on 3.14, creation) untracks
 * those whose items can never form a cycle. Free lists per length keep recently freed tuples for reuse.
 * @cpython Objects/tupleobject.c
 */
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_MAY_BE_TRACKED, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { OB_FREED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, _Py_NewReference } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import type { PyTypeObject, visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'

export class PyTupleObject extends PyObject {
  /** Owned references. The array's length is `ob_size`. */
  ob_item: PyObject[]
  /** Cached hash (3.13+ caches it; harmless elsewhere). */
  ob_hash: number
  constructor(type: PyTypeObject, items: PyObject[]) {
    super(type)
    this.ob_item = items
    this.ob_hash = -1
  }
  get ob_size(): number {
    return this.ob_item.length
  }
}

function tupleFreelist(rt: Runtime, n: number): PyObject[] | null {
  const fl = rt.profile.objects.freeLists.tuple
  if (n === 0 || n >= fl.maxLength) return null
  return rt.freelist('tuple' + n)
}

/**
 * A tuple that takes ownership of `items` (the references are stolen). The result is tracked; on profiles that
 * untrack at creation, a tuple of atomic items is left untracked.
 * @cpython Objects/tupleobject.c#_PyTuple_FromArraySteal
 */
export function PyTuple_FromArraySteal(rt: Runtime, items: PyObject[]): PyTupleObject {
  const n = items.length
  if (n === 0) {
    Py_INCREF(rt.empty_tuple)
    return rt.empty_tuple as PyTupleObject
  }
  const op = tuple_alloc(rt, n)
  op.ob_item = items
  op.ob_hash = -1
  if (rt.profile.objects.tupleUntracking === 'at-creation-and-collection' && !tupleMayContainTracked(op)) return op
  _PyObject_GC_TRACK(op)
  return op
}

/** A tuple of borrowed items (each is INCREF'd). @cpython Objects/tupleobject.c#PyTuple_Pack */
export function PyTuple_Pack(rt: Runtime, items: readonly PyObject[]): PyTupleObject {
  for (let i = 0; i < items.length; i++) Py_INCREF(items[i]!)
  return PyTuple_FromArraySteal(rt, items.slice())
}

/** Allocates an untracked tuple object of `n` items, from the free list when possible. */
function tuple_alloc(rt: Runtime, n: number): PyTupleObject {
  const fl = tupleFreelist(rt, n)
  if (fl !== null && fl.length > 0) {
    const op = fl.pop() as PyTupleObject
    _Py_NewReference(op)
    op.ob_flags &= ~OB_FREED
    return op
  }
  const op = new PyTupleObject(rt.types.tuple, [])
  return PyObject_GC_Init(rt, op, rt.types.tuple.tp_basicsize + n * rt.types.tuple.tp_itemsize)
}

/** Creates the empty tuple singleton (static from 3.11 on). */
export function _PyTuple_InitEmpty(rt: Runtime, initStatic: (op: PyObject, nbytes: number) => void): void {
  const op = new PyTupleObject(rt.types.tuple, [])
  initStatic(op, rt.types.tuple.tp_basicsize)
  rt.empty_tuple = op
}

function tupleMayContainTracked(op: PyTupleObject): boolean {
  const items = op.ob_item
  for (let i = 0; i < items.length; i++) if (_PyObject_GC_MAY_BE_TRACKED(items[i]!)) return true
  return false
}

/**
 * Untracks a tracked tuple whose items are all untracked or atomic.
 * @cpython Objects/tupleobject.c#_PyTuple_MaybeUntrack
 */
export function _PyTuple_MaybeUntrack(op: PyObject): void {
  const t = op as PyTupleObject
  if (t._gc_next === null) return
  if (tupleMayContainTracked(t)) return
  _PyObject_GC_UNTRACK(t)
}

/** @cpython Objects/tupleobject.c#tupledealloc */
export function tupledealloc(self: PyObject): void {
  const op = self as PyTupleObject
  const rt = op.ob_type.tp_runtime
  const n = op.ob_item.length
  if (n === 0 && op === rt.empty_tuple) return
  if (op._gc_next !== null) _PyObject_GC_UNTRACK(op)
  if (!Py_TRASHCAN_BEGIN(op)) return
  const items = op.ob_item
  // Items are released from the last to the first.
  for (let i = n - 1; i >= 0; i--) Py_DECREF(items[i]!)
  op.ob_item = []
  const fl = op.ob_type === rt.types.tuple ? tupleFreelist(rt, n) : null
  if (fl !== null && fl.length < rt.profile.objects.freeLists.tuple.perLength) {
    op.ob_flags |= OB_FREED
    fl.push(op)
  } else PyObject_GC_Del(op)
  Py_TRASHCAN_END(op)
}

/** @cpython Objects/tupleobject.c#tupletraverse */
export function tupletraverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const items = (self as PyTupleObject).ob_item
  for (let i = items.length - 1; i >= 0; i--) {
    const r = visit(items[i]!, arg)
    if (r !== 0) return r
  }
  return 0
}

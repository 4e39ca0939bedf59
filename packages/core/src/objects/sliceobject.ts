/**
 * `slice`: (start, stop, step) for extended indexing. CPython keeps one freed slice for reuse (`slice_cache`), which
 * bypasses the allocator and the GC count. Slices are GC objects, tracked from creation; 3.12+ makes them hashable.
 * Also the index helpers every sequence uses: `PySlice_Unpack`, `PySlice_AdjustIndices`, `_PyEval_SliceIndex`.
 * @cpython Objects/sliceobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { OB_FREED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, _Py_NewReference } from '../object/refcount.js'
import { Py_EQ, Py_NE, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyLong_FromValue, intValue, type IntValue } from './longobject.js'
import { notImplemented, reprText } from './protocols.js'
import { numberIndex } from './slots.js'
import { PyTuple_Pack, _PyHash_RegisterExact, tuple_richcompare, xxhashLanes, type Py_hash_t } from './tupleobject.js'
import { PyLong_Check } from './type-util.js'
import { PyUnicode_FromString } from './unicodeobject.js'

export const PY_SSIZE_T_MAX = 2 ** 63 - 1
export const PY_SSIZE_T_MIN = -(2 ** 63)

export class PySliceObject extends PyObject {
  /** Owned; `None` when not given. */
  start: PyObject
  stop: PyObject
  step: PyObject
  constructor(type: PyTypeObject, start: PyObject, stop: PyObject, step: PyObject) {
    super(type)
    this.start = start
    this.stop = stop
    this.step = step
  }
}

function cacheOf(rt: Runtime): PyObject[] {
  return rt.fl.slice
}

/**
 * `PySlice_New`: a new slice of borrowed bounds (each INCREF'd; null or a missing step means None).
 * @cpython Objects/sliceobject.c#PySlice_New
 */
export function PySlice_New(rt: Runtime, start: PyObject | null, stop: PyObject | null, step: PyObject | null): PySliceObject {
  const none = rt.None
  const a = start ?? none
  const b = stop ?? none
  const c = step ?? none
  Py_INCREF(c)
  Py_INCREF(a)
  Py_INCREF(b)
  const cache = cacheOf(rt)
  let op: PySliceObject
  if (cache.length > 0) {
    op = cache.pop() as PySliceObject
    _Py_NewReference(op)
    op.ob_flags &= ~OB_FREED
    op.start = a
    op.stop = b
    op.step = c
  } else {
    op = PyObject_GC_Init(rt, new PySliceObject(rt.types.slice, a, b, c), rt.types.slice.tp_basicsize)
  }
  _PyObject_GC_TRACK(op)
  return op
}

/** @cpython Objects/sliceobject.c#slice_dealloc */
export function slice_dealloc(self: PyObject): void {
  const op = self as PySliceObject
  const rt = op.ob_type.tp_runtime
  if (op._gc_next !== null) _PyObject_GC_UNTRACK(op)
  Py_DECREF(op.step)
  Py_DECREF(op.start)
  Py_DECREF(op.stop)
  const cache = cacheOf(rt)
  if (cache.length < rt.profile.objects.freeLists.slice) {
    op.ob_flags |= OB_FREED
    cache.push(op)
  } else PyObject_GC_Del(op)
}

/** @cpython Objects/sliceobject.c#slice_traverse */
export function slice_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const op = self as PySliceObject
  let r = visit(op.start, arg)
  if (r !== 0) return r
  r = visit(op.stop, arg)
  if (r !== 0) return r
  return visit(op.step, arg)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Index helpers                                                                                                 */
/* ------------------------------------------------------------------------------------------------------------ */

function clampSsize(v: IntValue): number {
  if (typeof v === 'number') return v
  return v > 0n ? PY_SSIZE_T_MAX : PY_SSIZE_T_MIN
}

/**
 * `_PyEval_SliceIndex`: a slice bound as an index-sized number, clipped to ±2**63 (None is handled by callers).
 * @cpython Python/ceval.c#_PyEval_SliceIndex
 */
export function _PyEval_SliceIndex(rt: Runtime, v: PyObject): number {
  if (PyLong_Check(v)) return clampSsize(intValue(v))
  if (v.ob_type.nb_index === null) {
    throw PyErr_Format(rt, 'TypeError', 'slice indices must be integers or None or have an __index__ method')
  }
  const r = numberIndex(rt, v)
  const n = clampSsize(intValue(r))
  Py_DECREF(r)
  return n
}

/** `_PyEval_SliceIndexNotNone` (list.index's start/stop): None is not accepted. */
export function _PyEval_SliceIndexNotNone(rt: Runtime, v: PyObject): number {
  if (PyLong_Check(v)) return clampSsize(intValue(v))
  if (v.ob_type.nb_index === null) {
    throw PyErr_Format(rt, 'TypeError', 'slice indices must be integers or have an __index__ method')
  }
  const r = numberIndex(rt, v)
  const n = clampSsize(intValue(r))
  Py_DECREF(r)
  return n
}

/** The result of `PySlice_Unpack`; module-level scratch to avoid allocating (read right after the call). */
export const sliceBounds = { start: 0, stop: 0, step: 1 }

/**
 * `PySlice_Unpack`: the slice's bounds as numbers in `sliceBounds` (None → the extremes for the step's direction).
 * @cpython Objects/sliceobject.c#PySlice_Unpack
 */
export function PySlice_Unpack(slice: PyObject): void {
  const s = slice as PySliceObject
  const rt = s.ob_type.tp_runtime
  const none = rt.None
  let step = 1
  if (s.step !== none) {
    step = _PyEval_SliceIndex(rt, s.step)
    if (step === 0) throw PyErr_Format(rt, 'ValueError', 'slice step cannot be zero')
    if (step < -PY_SSIZE_T_MAX) step = -PY_SSIZE_T_MAX
  }
  const start = s.start === none ? (step < 0 ? PY_SSIZE_T_MAX : 0) : _PyEval_SliceIndex(rt, s.start)
  const stop = s.stop === none ? (step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX) : _PyEval_SliceIndex(rt, s.stop)
  sliceBounds.start = start
  sliceBounds.stop = stop
  sliceBounds.step = step
}

/**
 * `PySlice_AdjustIndices`: clips `sliceBounds` to a sequence of `length` items and returns the slice length.
 * @cpython Objects/sliceobject.c#PySlice_AdjustIndices
 */
export function PySlice_AdjustIndices(length: number): number {
  let { start, stop } = sliceBounds
  const step = sliceBounds.step
  if (start < 0) {
    start += length
    if (start < 0) start = step < 0 ? -1 : 0
  } else if (start >= length) start = step < 0 ? length - 1 : length
  if (stop < 0) {
    stop += length
    if (stop < 0) stop = step < 0 ? -1 : 0
  } else if (stop >= length) stop = step < 0 ? length - 1 : length
  sliceBounds.start = start
  sliceBounds.stop = stop
  if (step < 0) return stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0
  return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0
}

/**
 * `PySlice_GetIndicesEx`: `PySlice_Unpack` then `PySlice_AdjustIndices` — [start, stop, step, slicelength].
 * @cpython Objects/sliceobject.c#PySlice_GetIndicesEx
 */
export function PySlice_GetIndicesEx(slice: PyObject, length: number): [number, number, number, number] {
  PySlice_Unpack(slice)
  const n = PySlice_AdjustIndices(length)
  return [sliceBounds.start, sliceBounds.stop, sliceBounds.step, n]
}

/**
 * `_PySlice_GetLongIndices`: `slice.indices(length)` with arbitrary-precision ints (bigint arithmetic).
 * @cpython Objects/sliceobject.c#_PySlice_GetLongIndices
 */
export function _PySlice_GetLongIndices(s: PySliceObject, length: bigint): [bigint, bigint, bigint] {
  const rt = s.ob_type.tp_runtime
  const none = rt.None
  const asBig = (v: PyObject): bigint => {
    if (PyLong_Check(v)) return BigInt(intValue(v))
    if (v.ob_type.nb_index === null) {
      throw PyErr_Format(rt, 'TypeError', 'slice indices must be integers or None or have an __index__ method')
    }
    const r = numberIndex(rt, v)
    const b = BigInt(intValue(r))
    Py_DECREF(r)
    return b
  }
  let step = 1n
  if (s.step !== none) {
    step = asBig(s.step)
    if (step === 0n) throw PyErr_Format(rt, 'ValueError', 'slice step cannot be zero')
  }
  const neg = step < 0n
  const lower = neg ? -1n : 0n
  const upper = neg ? length - 1n : length
  const bound = (v: PyObject, dflt: bigint): bigint => {
    if (v === none) return dflt
    let x = asBig(v)
    if (x < 0n) {
      x += length
      if (x < lower) x = lower
    } else if (x > upper) x = upper
    return x
  }
  const start = bound(s.start, neg ? upper : lower)
  const stop = bound(s.stop, neg ? lower : upper)
  return [start, stop, step]
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Python-level behaviour                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/sliceobject.c#slice_repr */
export function slice_repr(self: PyObject): PyObject {
  const s = self as PySliceObject
  const rt = s.ob_type.tp_runtime
  return PyUnicode_FromString(rt, `slice(${reprText(s.start)}, ${reprText(s.stop)}, ${reprText(s.step)})`)
}

/** @cpython Objects/sliceobject.c#slice_new */
export function slice_new(_type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = _type.tp_runtime
  const items = (args as unknown as { ob_item: PyObject[] }).ob_item
  if (kwds !== null && (kwds as unknown as { ma_used: number }).ma_used > 0) {
    throw PyErr_Format(rt, 'TypeError', 'slice() takes no keyword arguments')
  }
  const n = items.length
  if (n < 1) throw PyErr_Format(rt, 'TypeError', 'slice expected at least 1 argument, got 0')
  if (n > 3) throw PyErr_Format(rt, 'TypeError', `slice expected at most 3 arguments, got ${n}`)
  if (n === 1) return PySlice_New(rt, null, items[0]!, null)
  return PySlice_New(rt, items[0]!, items[1]!, n === 3 ? items[2]! : null)
}

/**
 * `slice.indices(len)`.
 * @cpython Objects/sliceobject.c#slice_indices
 */
export function slice_indices(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const s = self as PySliceObject
  const rt = s.ob_type.tp_runtime
  void nargs
  const lenObj = numberIndex(rt, args[start]!)
  const length = BigInt(intValue(lenObj))
  Py_DECREF(lenObj)
  if (length < 0n) throw PyErr_Format(rt, 'ValueError', 'length should not be negative')
  const [a, b, c] = _PySlice_GetLongIndices(s, length)
  const items = [PyLong_FromValue(rt, normBig(a)), PyLong_FromValue(rt, normBig(b)), PyLong_FromValue(rt, normBig(c))]
  const t = PyTuple_Pack(rt, items)
  for (const o of items) Py_DECREF(o)
  return t
}

function normBig(v: bigint): IntValue {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v
}

/**
 * Compares slices as the tuples (start, stop, step).
 * @cpython Objects/sliceobject.c#slice_richcompare
 */
export function slice_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = v.ob_type.tp_runtime
  if (v.ob_type !== rt.types.slice && !(v instanceof PySliceObject)) return notImplemented(rt)
  if (!(w instanceof PySliceObject)) return notImplemented(rt)
  if (v === w) {
    // Identical slices: the result of comparing a tuple with itself.
    if (op === Py_EQ || op === Py_NE) {
      const r = op === Py_EQ ? rt.True : rt.False
      Py_INCREF(r)
      return r
    }
  }
  const a = v as PySliceObject
  const b = w as PySliceObject
  const t1 = PyTuple_Pack(rt, [a.start, a.stop, a.step])
  const t2 = PyTuple_Pack(rt, [b.start, b.stop, b.step])
  try {
    return tuple_richcompare(t1, t2, op)
  } finally {
    Py_DECREF(t1)
    Py_DECREF(t2)
  }
}

/**
 * 3.12+: a slice hashes like a 3-item tuple without the length step of `tuplehash`.
 * @cpython Objects/sliceobject.c#slice_hash
 */
export function slice_hash_exact(self: PyObject): Py_hash_t {
  const s = self as PySliceObject
  return xxhashLanes([s.start, s.stop, s.step], false, 1546275796)
}

/** `slice`'s `tp_hash` (a JS number; see `PyObject_HashExact`). */
export function slice_hash(self: PyObject): number {
  return Number(slice_hash_exact(self))
}

/** `slice.start` / `stop` / `step` getters. */
export function slice_get_start(self: PyObject): PyObject {
  const v = (self as PySliceObject).start
  Py_INCREF(v)
  return v
}
export function slice_get_stop(self: PyObject): PyObject {
  const v = (self as PySliceObject).stop
  Py_INCREF(v)
  return v
}
export function slice_get_step(self: PyObject): PyObject {
  const v = (self as PySliceObject).step
  Py_INCREF(v)
  return v
}

/** Registers the exact hash of slices (3.12+). */
export function _PySlice_InitHashes(): void {
  _PyHash_RegisterExact(slice_hash, slice_hash_exact)
}

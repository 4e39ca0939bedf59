/**
 * `range`: an immutable arithmetic sequence holding four int objects (start, stop, step and the precomputed
 * length). Not a GC object. Iteration uses `range_iterator` (C longs) or `longrange_iterator` (int objects) when the
 * values do not fit a C long. Both iterators are non-GC objects that still own references (`tp_refs`).
 * @cpython Objects/rangeobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_Free, PyObject_Init } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_EQ, Py_NE, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PY_ITERSEARCH_CONTAINS, PY_ITERSEARCH_COUNT, PY_ITERSEARCH_INDEX, _PySequence_IterSearch } from './iterobject.js'
import { PyLong_FromNumber, PyLong_FromValue, intValue, normInt } from './longobject.js'
import { notImplemented, reprText } from './protocols.js'
import { _PySlice_GetLongIndices, PySliceObject } from './sliceobject.js'
import { numberIndex } from './slots.js'
import { PyTuple_Pack, _PyHash_RegisterExact, tuplehash_exact, type Py_hash_t } from './tupleobject.js'
import { PyLong_Check } from './type-util.js'
import { PyUnicode_FromString } from './unicodeobject.js'

const LONG_MAX = 2n ** 63n - 1n
const LONG_MIN = -(2n ** 63n)

export class PyRangeObject extends PyObject {
  /** Owned int objects. */
  start: PyObject
  stop: PyObject
  step: PyObject
  length: PyObject
  constructor(type: PyTypeObject, start: PyObject, stop: PyObject, step: PyObject, length: PyObject) {
    super(type)
    this.start = start
    this.stop = stop
    this.step = step
    this.length = length
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

function big(o: PyObject): bigint {
  return BigInt(intValue(o))
}

function intObj(rt: Runtime, v: bigint): PyObject {
  return PyLong_FromValue(rt, normInt(v))
}

/** `compute_range_length`: the number of items, as an exact integer. @cpython Objects/rangeobject.c#compute_range_length */
export function compute_range_length(start: bigint, stop: bigint, step: bigint): bigint {
  if (step > 0n) return start < stop ? (stop - start - 1n) / step + 1n : 0n
  return start > stop ? (start - stop - 1n) / -step + 1n : 0n
}

/** `make_range_object`: steals the three int references. */
function make_range_object(type: PyTypeObject, start: PyObject, stop: PyObject, step: PyObject): PyRangeObject {
  const rt = type.tp_runtime
  const length = intObj(rt, compute_range_length(big(start), big(stop), big(step)))
  const r = new PyRangeObject(type, start, stop, step, length)
  return PyObject_Init(rt, r, type.tp_basicsize)
}

/**
 * `range(stop)` / `range(start, stop[, step])` from borrowed arguments.
 * @cpython Objects/rangeobject.c#range_from_array
 */
export function range_from_array(type: PyTypeObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = type.tp_runtime
  switch (nargs) {
    case 3:
    case 2: {
      const a = numberIndex(rt, args[start]!)
      let b: PyObject
      try {
        b = numberIndex(rt, args[start + 1]!)
      } catch (e) {
        Py_DECREF(a)
        throw e
      }
      let c: PyObject
      try {
        if (nargs === 3) {
          c = numberIndex(rt, args[start + 2]!)
          if (big(c) === 0n) {
            Py_DECREF(c)
            throw PyErr_Format(rt, 'ValueError', 'range() arg 3 must not be zero')
          }
        } else c = PyLong_FromValue(rt, 1)
      } catch (e) {
        Py_DECREF(a)
        Py_DECREF(b)
        throw e
      }
      return make_range_object(type, a, b, c)
    }
    case 1: {
      const b = numberIndex(rt, args[start]!)
      return make_range_object(type, PyLong_FromValue(rt, 0), b, PyLong_FromValue(rt, 1))
    }
    case 0:
      throw PyErr_Format(rt, 'TypeError', rt.profile.messages['rangeNoArguments'] ?? 'range expected at least 1 argument, got 0')
    default:
      throw PyErr_Format(rt, 'TypeError', `range expected at most 3 arguments, got ${nargs}`)
  }
}

/** `range.__new__` (tuple/dict convention). @cpython Objects/rangeobject.c#range_new */
export function range_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (kwds !== null && (kwds as unknown as { ma_used: number }).ma_used > 0) throw PyErr_Format(rt, 'TypeError', 'range() takes no keyword arguments')
  const items = (args as unknown as { ob_item: PyObject[] }).ob_item
  return range_from_array(type, items, 0, items.length)
}

/** `range(...)` (3.9+ `range_vectorcall`). */
export function range_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  if (kwnames !== null && (kwnames as unknown as { ob_item: PyObject[] }).ob_item.length > 0) throw PyErr_Format(rt, 'TypeError', 'range() takes no keyword arguments')
  return range_from_array(type as PyTypeObject, args, start, nargs)
}

/** @cpython Objects/rangeobject.c#range_dealloc */
export function range_dealloc(self: PyObject): void {
  const r = self as PyRangeObject
  Py_DECREF(r.start)
  Py_DECREF(r.stop)
  Py_DECREF(r.step)
  Py_DECREF(r.length)
  PyObject_Free(r)
}

/** NON-CPYTHON: a range owns its four ints (not a GC object: reported to the audit only). */
export function range_refs(self: PyObject, visit: visitproc, arg: unknown): number {
  const r = self as PyRangeObject
  return visit(r.start, arg) || visit(r.stop, arg) || visit(r.step, arg) || visit(r.length, arg)
}

/** @cpython Objects/rangeobject.c#range_repr */
export function range_repr(self: PyObject): PyObject {
  const r = self as PyRangeObject
  const rt = rtOf(r)
  if (big(r.step) === 1n) return PyUnicode_FromString(rt, `range(${reprText(r.start)}, ${reprText(r.stop)})`)
  return PyUnicode_FromString(rt, `range(${reprText(r.start)}, ${reprText(r.stop)}, ${reprText(r.step)})`)
}

/** @cpython Objects/rangeobject.c#range_length */
export function range_length(self: PyObject): number {
  const v = intValue((self as PyRangeObject).length)
  if (typeof v !== 'number' || v > Number.MAX_SAFE_INTEGER) {
    if (BigInt(v) > LONG_MAX) throw PyErr_Format(rtOf(self), 'OverflowError', 'Python int too large to convert to C ssize_t')
  }
  return Number(v)
}

/** `bool(range)`. */
export function range_bool(self: PyObject): number {
  return big((self as PyRangeObject).length) !== 0n ? 1 : 0
}

/** `start + i * step` as an int object. */
function compute_item(r: PyRangeObject, i: bigint): PyObject {
  return intObj(rtOf(r), big(r.start) + i * big(r.step))
}

/** @cpython Objects/rangeobject.c#compute_range_item */
function compute_range_item(r: PyRangeObject, arg: bigint): PyObject {
  const len = big(r.length)
  let i = arg
  if (i < 0n) i += len
  if (i < 0n || i >= len) throw PyErr_Format(rtOf(r), 'IndexError', 'range object index out of range')
  return compute_item(r, i)
}

/** @cpython Objects/rangeobject.c#range_item */
export function range_item(self: PyObject, i: number): PyObject {
  const r = self as PyRangeObject
  if (i < 0 || BigInt(i) >= big(r.length)) throw PyErr_Format(rtOf(r), 'IndexError', 'range object index out of range')
  return compute_item(r, BigInt(i))
}

/** @cpython Objects/rangeobject.c#range_subscript */
export function range_subscript(self: PyObject, item: PyObject): PyObject {
  const r = self as PyRangeObject
  const rt = rtOf(r)
  if (PyLong_Check(item) || item.ob_type.nb_index !== null) {
    const i = numberIndex(rt, item)
    try {
      return compute_range_item(r, big(i))
    } finally {
      Py_DECREF(i)
    }
  }
  if (item instanceof PySliceObject) {
    const [start, stop, step] = _PySlice_GetLongIndices(item, big(r.length))
    const rstep = big(r.step)
    const substart = big(r.start) + start * rstep
    const substop = big(r.start) + stop * rstep
    return make_range_object(r.ob_type, intObj(rt, substart), intObj(rt, substop), intObj(rt, step * rstep))
  }
  throw PyErr_Format(rt, 'TypeError', `range indices must be integers or slices, not ${item.ob_type.tp_name}`)
}

/** Whether the exact int `v` is one of the range's values. @cpython Objects/rangeobject.c#range_contains_long */
function range_contains_long(r: PyRangeObject, v: bigint): boolean {
  const start = big(r.start)
  const stop = big(r.stop)
  const step = big(r.step)
  if (step > 0n) {
    if (!(start <= v && v < stop)) return false
  } else if (!(stop < v && v <= start)) return false
  return (v - start) % step === 0n
}

/** @cpython Objects/rangeobject.c#range_contains */
export function range_contains(self: PyObject, ob: PyObject): boolean {
  const rt = rtOf(self)
  if (ob.ob_type === rt.types.int || ob.ob_type === rt.types.bool) return range_contains_long(self as PyRangeObject, BigInt(intValue(ob)))
  return _PySequence_IterSearch(self, ob, PY_ITERSEARCH_CONTAINS) !== 0
}

/** @cpython Objects/rangeobject.c#range_equals */
function range_equals(r0: PyRangeObject, r1: PyRangeObject): boolean {
  if (r0 === r1) return true
  if (big(r0.length) !== big(r1.length)) return false
  if (big(r0.length) === 0n) return true
  if (big(r0.start) !== big(r1.start)) return false
  if (big(r0.length) === 1n) return true
  return big(r0.step) === big(r1.step)
}

/** @cpython Objects/rangeobject.c#range_richcompare */
export function range_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  const rt = rtOf(self)
  if (!(other instanceof PyRangeObject) || (op !== Py_EQ && op !== Py_NE)) return notImplemented(rt)
  let r = range_equals(self as PyRangeObject, other)
  if (op === Py_NE) r = !r
  const res = r ? rt.True : rt.False
  Py_INCREF(res)
  return res
}

/**
 * `hash(range)`: the hash of (len, start, step), with None for what does not matter (empty: both; one item: step).
 * @cpython Objects/rangeobject.c#range_hash
 */
export function range_hash_exact(self: PyObject): Py_hash_t {
  const r = self as PyRangeObject
  const rt = rtOf(r)
  const len = big(r.length)
  const t = PyTuple_Pack(rt, [r.length, len === 0n ? rt.None : r.start, len <= 1n ? rt.None : r.step])
  try {
    return tuplehash_exact(t)
  } finally {
    Py_DECREF(t)
  }
}
export function range_hash(self: PyObject): number {
  return Number(range_hash_exact(self))
}

/** `range.count(value)`. */
export function range_count(self: PyObject, ob: PyObject): PyObject {
  const rt = rtOf(self)
  if (ob.ob_type === rt.types.int || ob.ob_type === rt.types.bool) {
    return PyLong_FromValue(rt, range_contains_long(self as PyRangeObject, BigInt(intValue(ob))) ? 1 : 0)
  }
  return PyLong_FromValue(rt, _PySequence_IterSearch(self, ob, PY_ITERSEARCH_COUNT))
}

/** `range.index(value)`: ints are found arithmetically, other values by iteration. @cpython Objects/rangeobject.c#range_index */
export function range_index(self: PyObject, ob: PyObject): PyObject {
  const r = self as PyRangeObject
  const rt = rtOf(r)
  if (ob.ob_type !== rt.types.int && ob.ob_type !== rt.types.bool) return PyLong_FromValue(rt, _PySequence_IterSearch(r, ob, PY_ITERSEARCH_INDEX))
  const v = BigInt(intValue(ob))
  if (range_contains_long(r, v)) return intObj(rt, (v - big(r.start)) / big(r.step))
  throw PyErr_Format(rt, 'ValueError', `${reprText(ob)} is not in range`)
}

/** `range.start` / `stop` / `step` (members). */
export function range_get_start(self: PyObject): PyObject {
  const v = (self as PyRangeObject).start
  Py_INCREF(v)
  return v
}
export function range_get_stop(self: PyObject): PyObject {
  const v = (self as PyRangeObject).stop
  Py_INCREF(v)
  return v
}
export function range_get_step(self: PyObject): PyObject {
  const v = (self as PyRangeObject).step
  Py_INCREF(v)
  return v
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Iterators                                                                                                     */
/* ------------------------------------------------------------------------------------------------------------ */

/** `range_iterator`: C longs (JS numbers here; the values fit in 64 bits). */
export class PyRangeIterObject extends PyObject {
  start: bigint
  step: bigint
  len: bigint
  /** ≤3.11 keep an index; 3.12+ advance `start` (same values). */
  index: bigint
  /**
   * NON-CPYTHON: true when every value the iteration computes is a safe JS integer; then the n* fields carry the
   * iteration (`index` stays 0n) and no bigint arithmetic runs per item.
   */
  small: boolean
  nstart: number
  nstep: number
  nlen: number
  nindex: number
  constructor(type: PyTypeObject, start: bigint, step: bigint, len: bigint) {
    super(type)
    this.start = start
    this.step = step
    this.len = len
    this.index = 0n
    const span = len > 0n ? (len - 1n) * step : 0n
    this.small = isSafe(start) && isSafe(step) && isSafe(len) && isSafe(span) && isSafe(start + span)
    this.nstart = this.small ? Number(start) : 0
    this.nstep = this.small ? Number(step) : 0
    this.nlen = this.small ? Number(len) : 0
    this.nindex = 0
  }
}

function isSafe(v: bigint): boolean {
  return v >= -9007199254740991n && v <= 9007199254740991n
}

/** `longrange_iterator`: int objects (owned). */
export class PyLongRangeIterObject extends PyObject {
  start: PyObject
  step: PyObject
  len: PyObject
  /** The next index (an int object) on ≤3.11; 3.12+ advance start instead (null). */
  index: PyObject | null
  constructor(type: PyTypeObject, start: PyObject, step: PyObject, len: PyObject, index: PyObject | null) {
    super(type)
    this.start = start
    this.step = step
    this.len = len
    this.index = index
  }
}

function fitsLong(v: bigint): boolean {
  return v >= LONG_MIN && v <= LONG_MAX
}

/** An iterator over start, start+step, … (len items): the C-long one when everything fits. */
function make_range_iter(rt: Runtime, start: bigint, stop: bigint, step: bigint, len: bigint, startObj: PyObject | null, stepObj: PyObject | null, lenObj: PyObject | null): PyObject {
  if (fitsLong(start) && fitsLong(stop) && fitsLong(step) && len <= LONG_MAX) {
    const t = rt.types.range_iterator
    return PyObject_Init(rt, new PyRangeIterObject(t, start, step, len), t.tp_basicsize)
  }
  const t = rt.types.longrange_iterator
  const s = startObj !== null ? (Py_INCREF(startObj), startObj) : intObj(rt, start)
  const st = stepObj !== null ? (Py_INCREF(stepObj), stepObj) : intObj(rt, step)
  const l = lenObj !== null ? (Py_INCREF(lenObj), lenObj) : intObj(rt, len)
  const index = rt.profile.objects.rangeIteratorIndex ? PyLong_FromValue(rt, 0) : null
  return PyObject_Init(rt, new PyLongRangeIterObject(t, s, st, l, index), t.tp_basicsize)
}

/** @cpython Objects/rangeobject.c#range_iter */
export function range_iter(self: PyObject): PyObject {
  const r = self as PyRangeObject
  return make_range_iter(rtOf(r), big(r.start), big(r.stop), big(r.step), big(r.length), r.start, r.step, r.length)
}

/** `reversed(range)`. @cpython Objects/rangeobject.c#range_reverse */
export function range_reverse(self: PyObject): PyObject {
  const r = self as PyRangeObject
  const len = big(r.length)
  const step = big(r.step)
  const start = big(r.start) + (len - 1n) * step
  const stop = big(r.start) - step
  return make_range_iter(rtOf(r), start, stop, -step, len, null, null, r.length)
}

/** @cpython Objects/rangeobject.c#rangeiter_next */
export function rangeiter_next(self: PyObject): PyObject | null {
  const it = self as PyRangeIterObject
  if (it.small) {
    if (it.nindex >= it.nlen) return null
    const v = it.nstart + it.nindex * it.nstep
    it.nindex++
    return PyLong_FromNumber(rtOf(it), v)
  }
  if (it.index < it.len) {
    const v = it.start + it.index * it.step
    it.index++
    return PyLong_FromValue(rtOf(it), normInt(v))
  }
  return null
}

/** `range_iterator.__length_hint__()`. */
export function rangeiter_len(self: PyObject): PyObject {
  const it = self as PyRangeIterObject
  if (it.small) return PyLong_FromNumber(rtOf(it), it.nlen - it.nindex)
  return intObj(rtOf(it), it.len - it.index)
}

/** @cpython Objects/rangeobject.c#longrangeiter_next */
export function longrangeiter_next(self: PyObject): PyObject | null {
  const it = self as PyLongRangeIterObject
  const rt = rtOf(it)
  const len = big(it.len)
  if (it.index !== null) {
    const i = big(it.index)
    if (i >= len) return null
    const next = intObj(rt, i + 1n)
    const old = it.index
    it.index = next
    Py_DECREF(old)
    return intObj(rt, big(it.start) + i * big(it.step))
  }
  if (len <= 0n) return null
  const result = it.start
  it.start = intObj(rt, big(result) + big(it.step))
  const oldLen = it.len
  it.len = intObj(rt, len - 1n)
  Py_DECREF(oldLen)
  return result
}

/** `longrange_iterator.__length_hint__()`. */
export function longrangeiter_len(self: PyObject): PyObject {
  const it = self as PyLongRangeIterObject
  const rt = rtOf(it)
  return intObj(rt, big(it.len) - (it.index !== null ? big(it.index) : 0n))
}

/** @cpython Objects/rangeobject.c#longrangeiter_dealloc */
export function longrangeiter_dealloc(self: PyObject): void {
  const it = self as PyLongRangeIterObject
  if (it.index !== null) Py_DECREF(it.index)
  Py_DECREF(it.start)
  Py_DECREF(it.step)
  Py_DECREF(it.len)
  PyObject_Free(it)
}

/** NON-CPYTHON: the ints a longrange iterator owns (not a GC object). */
export function longrangeiter_refs(self: PyObject, visit: visitproc, arg: unknown): number {
  const it = self as PyLongRangeIterObject
  return (it.index !== null ? visit(it.index, arg) : 0) || visit(it.start, arg) || visit(it.step, arg) || visit(it.len, arg)
}

/** Registers the exact hash of ranges. */
export function _PyRange_InitHashes(): void {
  _PyHash_RegisterExact(range_hash, range_hash_exact)
}

/**
 * `bytearray`: a mutable byte buffer, not tracked by the collector (as in CPython). The buffer is over-allocated as
 * `PyByteArray_Resize` does it, deleting from the front advances a logical start, and `getsizeof` reports the
 * object plus its allocation.
 * @cpython Objects/bytearrayobject.c
 */
import { PyErr_Format, PyErr_NoMemory } from '../errors.js'
import { PyObject_Free, PyObject_Init } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_EQ, Py_NE, type PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyBytesObject, _PyBytes_FromOwned, bufferOf, byteValue, bytesFromIterable, bytesIterNew, bytesReprText, bytesSourceData, compareBytes, latin1, needBuffer, repeatBytes, richFromCompare, sliceBytes } from './bytesobject.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyNumber_AsSsize_t, _PyIndex_Check } from './listobject.js'
import { PyLong_FromNumber } from './longobject.js'
import { PyIter_Next, PyObject_GetIter, notImplemented } from './protocols.js'
import { PySliceObject, PySlice_AdjustIndices, PySlice_Unpack, sliceBounds } from './sliceobject.js'
import { trunc } from './type-util.js'
import { PyUnicode_FromString } from './unicodeobject.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

export class PyByteArrayObject extends PyObject {
  /** The allocation (`ob_alloc` bytes; the items start at `ob_start`). */
  ob_bytes: Uint8Array = new Uint8Array(0)
  ob_start = 0
  ob_size = 0
  ob_alloc = 0
  /** Buffer exports (memoryviews) that forbid resizing. */
  ob_exports = 0
}

/** The items (a view; valid until the next resize). */
export function byteArrayData(op: PyObject): Uint8Array {
  const b = op as PyByteArrayObject
  return b.ob_bytes.subarray(b.ob_start, b.ob_start + b.ob_size)
}

/** `bytearray.__sizeof__`: the object and its allocation. */
export function bytearray_sizeof(op: PyObject): number {
  return op.ob_type.tp_basicsize + (op as PyByteArrayObject).ob_alloc
}

function reallocate(b: PyByteArrayObject, alloc: number, keep: number): void {
  const nb = new Uint8Array(alloc)
  nb.set(b.ob_bytes.subarray(b.ob_start, b.ob_start + Math.min(keep, b.ob_size)))
  b.ob_bytes = nb
  b.ob_start = 0
  b.ob_alloc = alloc
}

/**
 * `PyByteArray_Resize`: a small shrink keeps the buffer, a shrink below half reallocates exactly, a moderate growth
 * over-allocates by an eighth plus 3 or 6, a large growth allocates exactly (one byte is kept for the NUL).
 * @cpython Objects/bytearrayobject.c#PyByteArray_Resize
 */
export function PyByteArray_Resize(op: PyObject, size: number): void {
  const b = op as PyByteArrayObject
  const rt = rtOf(b)
  if (size === b.ob_size) return
  if (b.ob_exports > 0) throw PyErr_Format(rt, 'BufferError', 'Existing exports of data: object cannot be re-sized')
  if (size > 0x7fffffff) throw PyErr_NoMemory(rt)
  let alloc = b.ob_alloc
  const offset = b.ob_start
  if (size + offset + 1 <= alloc) {
    if (size < Math.floor(alloc / 2)) alloc = size + 1
    else {
      if (size > b.ob_size) b.ob_bytes.fill(0, b.ob_start + b.ob_size, b.ob_start + size)
      b.ob_size = size
      return
    }
  } else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6)
  else alloc = size + 1
  reallocate(b, alloc, size)
  b.ob_size = size
}

/** A new bytearray of `type` with a copy of `data` (allocation: exact plus the NUL; empty: none). */
export function byteArrayNew(rt: Runtime, type: PyTypeObject, data: Uint8Array): PyByteArrayObject {
  const op = new PyByteArrayObject(type)
  if (type === rt.types.bytearray) PyObject_Init(rt, op, type.tp_basicsize)
  else PyType_GenericAllocObject(type, op, 0)
  if (data.length > 0) {
    op.ob_bytes = new Uint8Array(data.length + 1)
    op.ob_bytes.set(data)
    op.ob_alloc = data.length + 1
    op.ob_size = data.length
  }
  return op
}

/** `PyByteArray_FromStringAndSize` (a new reference). */
export function PyByteArray_FromUint8Array(rt: Runtime, data: Uint8Array): PyObject {
  return byteArrayNew(rt, rt.types.bytearray, data)
}

export function bytearray_dealloc(op: PyObject): void {
  const b = op as PyByteArrayObject
  void b
  PyObject_Free(op)
}

/** Replaces the items [lo, hi) with `data`, growing or shrinking as `bytearray_setslice_linear` does. */
export function byteArraySetSlice(op: PyObject, lo: number, hi: number, data: Uint8Array): void {
  const b = op as PyByteArrayObject
  const size = b.ob_size
  if (lo < 0) lo = 0
  if (hi < lo) hi = lo
  if (hi > size) hi = size
  const growth = data.length - (hi - lo)
  if (growth < 0) {
    if (b.ob_exports > 0) throw PyErr_Format(rtOf(b), 'BufferError', 'Existing exports of data: object cannot be re-sized')
    // Deleting at the front advances the logical start; elsewhere the tail moves down.
    if (lo === 0) b.ob_start -= growth
    else b.ob_bytes.copyWithin(b.ob_start + lo + data.length, b.ob_start + hi, b.ob_start + size)
    PyByteArray_Resize(b, size + growth)
  } else if (growth > 0) {
    PyByteArray_Resize(b, size + growth)
    b.ob_bytes.copyWithin(b.ob_start + lo + data.length, b.ob_start + hi, b.ob_start + size)
  }
  b.ob_bytes.set(data, b.ob_start + lo)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Slots                                                                                                         */
/* ------------------------------------------------------------------------------------------------------------ */

export function bytearray_repr(self: PyObject): PyObject {
  const rt = rtOf(self)
  const name = self.ob_type.tp_name.slice(self.ob_type.tp_name.lastIndexOf('.') + 1)
  return PyUnicode_FromString(rt, `${name}(b${bytesReprText(byteArrayData(self))})`)
}

export function bytearray_length(self: PyObject): number {
  return (self as PyByteArrayObject).ob_size
}

/** Comparisons with anything that has bytes. @cpython Objects/bytearrayobject.c#bytearray_richcompare */
export function bytearray_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = rtOf(v)
  const a = bufferOf(v)
  const b = bufferOf(w)
  if (a === null || b === null) return notImplemented(rt)
  if ((op === Py_EQ || op === Py_NE) && a.length !== b.length) return richFromCompare(rt, 1, op)
  return richFromCompare(rt, compareBytes(a, b), op)
}

function concatTo(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

export function bytearray_concat(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  const vb = bufferOf(b)
  if (vb === null) throw PyErr_Format(rt, 'TypeError', `can't concat ${trunc(b.ob_type.tp_name, 100)} to ${trunc(a.ob_type.tp_name, 100)}`)
  return byteArrayNew(rt, rt.types.bytearray, concatTo(byteArrayData(a), vb))
}

export function bytearray_iconcat(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  const vb = bufferOf(other)
  if (vb === null) throw PyErr_Format(rt, 'TypeError', `can't concat ${trunc(other.ob_type.tp_name, 100)} to ${trunc(self.ob_type.tp_name, 100)}`)
  const copy = vb.slice()
  const n = (self as PyByteArrayObject).ob_size
  PyByteArray_Resize(self, n + copy.length)
  ;(self as PyByteArrayObject).ob_bytes.set(copy, (self as PyByteArrayObject).ob_start + n)
  Py_INCREF(self)
  return self
}

export function bytearray_repeat(self: PyObject, n: number): PyObject {
  const rt = rtOf(self)
  return byteArrayNew(rt, rt.types.bytearray, repeatBytes(rt, byteArrayData(self), n))
}

export function bytearray_irepeat(self: PyObject, n: number): PyObject {
  const rt = rtOf(self)
  const data = repeatBytes(rt, byteArrayData(self), n)
  PyByteArray_Resize(self, data.length)
  ;(self as PyByteArrayObject).ob_bytes.set(data, (self as PyByteArrayObject).ob_start)
  Py_INCREF(self)
  return self
}

export function bytearray_item(self: PyObject, i: number): PyObject {
  const b = self as PyByteArrayObject
  if (i < 0 || i >= b.ob_size) throw PyErr_Format(rtOf(b), 'IndexError', 'bytearray index out of range')
  return PyLong_FromNumber(rtOf(b), b.ob_bytes[b.ob_start + i]!)
}

export function bytearray_subscript(self: PyObject, item: PyObject): PyObject {
  const rt = rtOf(self)
  const b = self as PyByteArrayObject
  if (_PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(rt, item, 'IndexError')
    if (i < 0) i += b.ob_size
    return bytearray_item(self, i)
  }
  if (item instanceof PySliceObject) return byteArrayNew(rt, rt.types.bytearray, sliceBytes(byteArrayData(self), item))
  throw PyErr_Format(rt, 'TypeError', `bytearray indices must be integers or slices, not ${trunc(item.ob_type.tp_name, 200)}`)
}

/** The bytes of an assigned value (`b[i:j] = value`). */
function assignedData(rt: Runtime, self: PyObject, value: PyObject): Uint8Array {
  if (value === self) return byteArrayData(self).slice()
  const buf = bufferOf(value)
  if (buf !== null) return buf.slice()
  if (value.ob_type === rt.types.str || (value.ob_type.tp_flags & (1 << 28)) !== 0) {
    throw PyErr_Format(rt, 'TypeError', 'can assign only bytes, buffers, or iterables of ints in range(0, 256)')
  }
  if (_PyIndex_Check(value)) throw PyErr_Format(rt, 'TypeError', `can assign only bytes, buffers, or iterables of ints in range(0, 256)`)
  return bytesFromIterable(rt, value)
}

/** @cpython Objects/bytearrayobject.c#bytearray_ass_subscript */
export function bytearray_ass_subscript(self: PyObject, item: PyObject, value: PyObject | null): void {
  const rt = rtOf(self)
  const b = self as PyByteArrayObject
  if (_PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(rt, item, 'IndexError')
    if (i < 0) i += b.ob_size
    if (i < 0 || i >= b.ob_size) throw PyErr_Format(rt, 'IndexError', 'bytearray index out of range')
    if (value === null) {
      byteArraySetSlice(b, i, i + 1, new Uint8Array(0))
      return
    }
    b.ob_bytes[b.ob_start + i] = byteValue(rt, value, 'byte must be in range(0, 256)')
    return
  }
  if (!(item instanceof PySliceObject)) {
    throw PyErr_Format(rt, 'TypeError', `bytearray indices must be integers or slices, not ${trunc(item.ob_type.tp_name, 200)}`)
  }
  PySlice_Unpack(item)
  const n = PySlice_AdjustIndices(b.ob_size)
  const { start, stop, step } = sliceBounds
  const data = value === null ? new Uint8Array(0) : assignedData(rt, self, value)
  if (step === 1) {
    byteArraySetSlice(b, start, Math.max(start, stop), data)
    return
  }
  if (value === null) {
    if (n <= 0) return
    const keep: number[] = []
    const drop = new Set<number>()
    for (let cur = start, k = 0; k < n; cur += step, k++) drop.add(cur)
    const cur = byteArrayData(b)
    for (let k = 0; k < cur.length; k++) if (!drop.has(k)) keep.push(cur[k]!)
    b.ob_bytes.set(keep, b.ob_start)
    PyByteArray_Resize(b, keep.length)
    return
  }
  if (data.length !== n) throw PyErr_Format(rt, 'ValueError', `attempt to assign bytes of size ${data.length} to extended slice of size ${n}`)
  for (let cur = start, k = 0; k < n; cur += step, k++) b.ob_bytes[b.ob_start + cur] = data[k]!
}

export function bytearray_ass_item(self: PyObject, i: number, value: PyObject | null): void {
  const rt = rtOf(self)
  const idx = PyLong_FromNumber(rt, i)
  try {
    bytearray_ass_subscript(self, idx, value)
  } finally {
    Py_DECREF(idx)
  }
}

export function bytearray_iter(self: PyObject): PyObject {
  const rt = rtOf(self)
  return bytesIterNew(rt, rt.types.bytearray_iterator!, self)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Construction                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

/** `bytearray.__init__(source, encoding, errors)`. @cpython Objects/bytearrayobject.c#bytearray___init___impl */
export function bytearray_init_impl(self: PyObject, x: PyObject | null, encoding: string | null, errors: string | null): void {
  const rt = rtOf(self)
  const b = self as PyByteArrayObject
  if (b.ob_size !== 0) PyByteArray_Resize(b, 0)
  const T = rt.types
  const iterable = x !== null && encoding === null && errors === null && bufferOf(x) === null && !_PyIndex_Check(x) && x.ob_type !== T.str
  if (iterable && x !== null && (x.ob_type.tp_iter !== null || x.ob_type.sq_item !== null)) {
    if (rt.profile.objects.text.bytearrayPresizeSequence && (x.ob_type === T.list || x.ob_type === T.tuple)) {
      const items = (x as unknown as { ob_item: PyObject[] }).ob_item
      PyByteArray_Resize(b, items.length)
      for (let i = 0; i < items.length; i++) b.ob_bytes[b.ob_start + i] = byteValue(rt, items[i]!, 'byte must be in range(0, 256)')
      return
    }
    const it = PyObject_GetIter(x)
    try {
      for (let v = PyIter_Next(it); v !== null; v = PyIter_Next(it)) {
        let c: number
        try {
          c = byteValue(rt, v, 'byte must be in range(0, 256)')
        } finally {
          Py_DECREF(v)
        }
        const n = b.ob_size
        if (n + 1 < b.ob_alloc) b.ob_size = n + 1
        else PyByteArray_Resize(b, n + 1)
        b.ob_bytes[b.ob_start + n] = c
      }
    } finally {
      Py_DECREF(it)
    }
    return
  }
  const data = bytesSourceData(rt, x, encoding, errors, 'bytearray')
  if (data.length > 0) {
    PyByteArray_Resize(b, data.length)
    b.ob_bytes.set(data, b.ob_start)
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Mutating methods                                                                                              */
/* ------------------------------------------------------------------------------------------------------------ */

export function bytearray_append(self: PyObject, item: PyObject): PyObject {
  const rt = rtOf(self)
  const b = self as PyByteArrayObject
  const c = byteValue(rt, item, 'byte must be in range(0, 256)')
  const n = b.ob_size
  PyByteArray_Resize(b, n + 1)
  b.ob_bytes[b.ob_start + n] = c
  Py_INCREF(rt.None)
  return rt.None
}

/** @cpython Objects/bytearrayobject.c#bytearray_extend */
export function bytearray_extend(self: PyObject, iterable: PyObject): PyObject {
  const rt = rtOf(self)
  const b = self as PyByteArrayObject
  const buf = bufferOf(iterable)
  let data: Uint8Array
  if (buf !== null) data = buf.slice()
  else {
    if (iterable.ob_type === rt.types.str) throw PyErr_Format(rt, 'TypeError', 'expected iterable of integers; got: \'str\'')
    if (iterable.ob_type.tp_iter === null && iterable.ob_type.sq_item === null) {
      throw PyErr_Format(rt, 'TypeError', `can't extend bytearray with ${trunc(iterable.ob_type.tp_name, 100)}`)
    }
    data = bytesFromIterable(rt, iterable)
  }
  const n = b.ob_size
  PyByteArray_Resize(b, n + data.length)
  b.ob_bytes.set(data, b.ob_start + n)
  Py_INCREF(rt.None)
  return rt.None
}

export function bytearray_pop(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = rtOf(self)
  const b = self as PyByteArrayObject
  let i = -1
  if (nargs > 0) i = PyNumber_AsSsize_t(rt, args[start]!, 'OverflowError')
  if (b.ob_size === 0) throw PyErr_Format(rt, 'IndexError', 'pop from empty bytearray')
  if (i < 0) i += b.ob_size
  if (i < 0 || i >= b.ob_size) throw PyErr_Format(rt, 'IndexError', 'pop index out of range')
  const c = b.ob_bytes[b.ob_start + i]!
  b.ob_bytes.copyWithin(b.ob_start + i, b.ob_start + i + 1, b.ob_start + b.ob_size)
  PyByteArray_Resize(b, b.ob_size - 1)
  return PyLong_FromNumber(rt, c)
}

export function bytearray_insert(self: PyObject, args: readonly PyObject[], start: number): PyObject {
  const rt = rtOf(self)
  const b = self as PyByteArrayObject
  let i = PyNumber_AsSsize_t(rt, args[start]!, 'OverflowError')
  const c = byteValue(rt, args[start + 1]!, 'byte must be in range(0, 256)')
  const n = b.ob_size
  PyByteArray_Resize(b, n + 1)
  if (i < 0) {
    i += n
    if (i < 0) i = 0
  }
  if (i > n) i = n
  b.ob_bytes.copyWithin(b.ob_start + i + 1, b.ob_start + i, b.ob_start + n)
  b.ob_bytes[b.ob_start + i] = c
  Py_INCREF(rt.None)
  return rt.None
}

export function bytearray_remove(self: PyObject, item: PyObject): PyObject {
  const rt = rtOf(self)
  const b = self as PyByteArrayObject
  const c = byteValue(rt, item, 'byte must be in range(0, 256)')
  const data = byteArrayData(b)
  const i = data.indexOf(c)
  if (i < 0) throw PyErr_Format(rt, 'ValueError', 'value not found in bytearray')
  b.ob_bytes.copyWithin(b.ob_start + i, b.ob_start + i + 1, b.ob_start + b.ob_size)
  PyByteArray_Resize(b, b.ob_size - 1)
  Py_INCREF(rt.None)
  return rt.None
}

export function bytearray_clear(self: PyObject): PyObject {
  PyByteArray_Resize(self, 0)
  const rt = rtOf(self)
  Py_INCREF(rt.None)
  return rt.None
}

export function bytearray_copy(self: PyObject): PyObject {
  const rt = rtOf(self)
  return byteArrayNew(rt, rt.types.bytearray, byteArrayData(self))
}

export function bytearray_reverse(self: PyObject): PyObject {
  byteArrayData(self).reverse()
  const rt = rtOf(self)
  Py_INCREF(rt.None)
  return rt.None
}

export function bytearray_alloc(self: PyObject): PyObject {
  return PyLong_FromNumber(rtOf(self), (self as PyByteArrayObject).ob_alloc)
}

/** A result for the shared methods: always a new bytearray. */
export function byteArrayFromLatin1(rt: Runtime, s: string): PyObject {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return byteArrayNew(rt, rt.types.bytearray, out)
}

export { PyBytesObject, _PyBytes_FromOwned, latin1, needBuffer }

/**
 * `list`: a mutable sequence. `ob_item` holds the items (its JS length is `ob_size`); `allocated` is the capacity
 * CPython's over-allocating `list_resize` would have reached, which is what `__sizeof__` reports. The item array
 * is a separate block of the simulated heap (`ob_item_addr`), as CPython's `PyMem_Realloc`'d buffer is.
 * @cpython Objects/listobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, SimulatedMemoryError, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { OB_FREED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, _Py_NewReference } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import { Py_EQ, Py_LT, Py_NE, Py_TPFLAGS_LIST_SUBCLASS, Py_TPFLAGS_LONG_SUBCLASS, type PyTypeObject, type richcmpfunc, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { kwnamesList } from './getargs.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyLong_FromNumber, intValue, type PyLongObject } from './longobject.js'
import {
  PyObject_CallArgs,
  PyObject_GetIter,
  PyObject_IsTrue,
  PyObject_RichCompare,
  PyObject_RichCompareBool,
  errMatches,
  notImplemented,
  reprText,
} from './protocols.js'
import { Py_ReprEnter, Py_ReprLeave } from './reprenter.js'
import { PySlice_AdjustIndices, PySlice_Unpack, PySliceObject, _PyEval_SliceIndexNotNone, sliceBounds } from './sliceobject.js'
import { numberIndex } from './slots.js'
import { PyObject_LengthHint, PyTuple_FromArraySteal, richcompareNumbers, type PyTupleObject } from './tupleobject.js'
import { newNone } from './type-util.js'
import { PyUnicode_FromString, type PyUnicodeObject } from './unicodeobject.js'

export class PyListObject extends PyObject {
  /** Owned references; the array's length is `ob_size`. */
  ob_item: PyObject[]
  /** The capacity CPython would have allocated (`allocated`), in items; -1 while the list is being sorted. */
  allocated: number
  /** NON-CPYTHON: address of the item buffer in the simulated heap (0 when `ob_item` is NULL in CPython). */
  ob_item_addr: number
  /** NON-CPYTHON: the size requested for that buffer. */
  ob_item_nbytes: number
  constructor(type: PyTypeObject) {
    super(type)
    this.ob_item = []
    this.allocated = 0
    this.ob_item_addr = 0
    this.ob_item_nbytes = 0
  }
  get ob_size(): number {
    return this.ob_item.length
  }
}

/** `PyList_Check`. */
export function PyList_Check(op: PyObject): boolean {
  return (op.ob_type.tp_flags & Py_TPFLAGS_LIST_SUBCLASS) !== 0
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The item buffer in the simulated heap                                                                         */
/* ------------------------------------------------------------------------------------------------------------ */

function mallocOrFail(rt: Runtime, nbytes: number): number {
  const addr = rt.mem.malloc(nbytes)
  if (addr < 0) throw new SimulatedMemoryError(nbytes)
  return addr
}

/** `PyMem_Malloc` + `PyMem_Free` of a temporary buffer (recycle arrays): it only moves the allocator's free lists. */
export function _PyMem_TempBuffer(rt: Runtime, nbytes: number): number {
  return mallocOrFail(rt, nbytes)
}

/** Gives the list a new item buffer of `n` items (`PyMem_Malloc`). */
function mallocItemBuffer(rt: Runtime, op: PyListObject, n: number): void {
  const nbytes = n * rt.profile.pointerSize
  op.ob_item_addr = mallocOrFail(rt, nbytes)
  op.ob_item_nbytes = nbytes
}

/** Frees a detached item buffer. */
function freeBuffer(rt: Runtime, addr: number, nbytes: number): void {
  if (addr !== 0) rt.mem.free(addr, nbytes)
}

/**
 * Moves the item buffer to a capacity of `n` items the way `PyMem_Realloc` does: a pymalloc block is kept when the
 * request still fits in it and does not shrink it by more than a quarter; otherwise a new block is allocated before
 * the old one is freed. A block from the system allocator is kept when it shrinks.
 * DEVIATION(cpython): a 0-byte request takes a 16-byte pymalloc block (CPython asks malloc for 1 byte).
 * @cpython Objects/obmalloc.c#pymalloc_realloc
 */
function reallocItemBuffer(rt: Runtime, op: PyListObject, n: number): void {
  if (op.ob_item_addr === 0) {
    mallocItemBuffer(rt, op, n)
    return
  }
  const mem = rt.mem
  const nbytes = n * rt.profile.pointerSize
  const size = mem.roundup(op.ob_item_nbytes)
  if (size <= mem.threshold) {
    if (nbytes <= size && 4 * nbytes > 3 * size) return
  } else if (nbytes <= size) return
  const addr = mallocOrFail(rt, nbytes)
  mem.free(op.ob_item_addr, op.ob_item_nbytes)
  op.ob_item_addr = addr
  op.ob_item_nbytes = nbytes
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Creation                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

/** Takes a list object from the free list or allocates one (untracked, empty). */
function list_alloc(rt: Runtime): PyListObject {
  const fl = rt.fl.list
  if (fl.length > 0) {
    const op = fl.pop() as PyListObject
    _Py_NewReference(op)
    op.ob_flags &= ~OB_FREED
    return op
  }
  return PyObject_GC_Init(rt, new PyListObject(rt.types.list), rt.types.list.tp_basicsize)
}

/**
 * `PyList_New(0)`: a new, tracked, empty list (a new reference). CPython's `PyList_New(n)` with n > 0 leaves NULL
 * slots to be filled; here use `PyList_FromArraySteal`.
 * @cpython Objects/listobject.c#PyList_New
 */
export function PyList_New(rt: Runtime, size: number): PyListObject {
  if (size !== 0) throw new Error('PyList_New(n > 0): use PyList_FromArraySteal')
  const op = list_alloc(rt)
  op.ob_item = []
  op.allocated = 0
  op.ob_item_addr = 0
  op.ob_item_nbytes = 0
  _PyObject_GC_TRACK(op)
  return op
}

/**
 * A new tracked list that takes ownership of `items` (the references are stolen), allocated exactly to their
 * number, as `BUILD_LIST` (`PyList_New(n)` then filled) makes it.
 * @cpython Objects/listobject.c#_PyList_FromArraySteal
 */
export function PyList_FromArraySteal(rt: Runtime, items: PyObject[]): PyListObject {
  const op = list_alloc(rt)
  const n = items.length
  op.ob_item = items
  op.allocated = 0
  op.ob_item_addr = 0
  op.ob_item_nbytes = 0
  if (n > 0) {
    mallocItemBuffer(rt, op, n)
    op.allocated = n
  }
  _PyObject_GC_TRACK(op)
  return op
}

/**
 * `list_new_prealloc`: an empty list with room for exactly `n` items; `items` (stolen) becomes its contents.
 * @cpython Objects/listobject.c#list_new_prealloc
 */
function list_new_prealloc(rt: Runtime, items: PyObject[]): PyListObject {
  return PyList_FromArraySteal(rt, items)
}

/** A new list of borrowed items (each INCREF'd). */
export function PyList_FromArray(rt: Runtime, items: readonly PyObject[]): PyListObject {
  const copy = items.slice()
  for (let i = 0; i < copy.length; i++) Py_INCREF(copy[i]!)
  return PyList_FromArraySteal(rt, copy)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Resizing                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

/**
 * Makes room for `newsize` items, over-allocating as CPython does so that appends run in amortised constant time.
 * Only the capacity (`allocated`) and the simulated buffer change; the caller adjusts `ob_item`.
 * @cpython Objects/listobject.c#list_resize
 */
export function list_resize(self: PyListObject, newsize: number): void {
  const allocated = self.allocated
  if (allocated >= newsize && newsize >= allocated >> 1) return
  const rt = self.ob_type.tp_runtime
  let newAllocated: number
  if (rt.profile.objects.listOverallocation === 'plus-3-or-6') {
    newAllocated = newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6)
  } else {
    newAllocated = (newsize + (newsize >> 3) + 6) & ~3
    if (newsize - self.ob_item.length > newAllocated - newsize) newAllocated = (newsize + 3) & ~3
  }
  if (newsize === 0) newAllocated = 0
  reallocItemBuffer(rt, self, newAllocated)
  self.allocated = newAllocated
}

/**
 * `list_preallocate_exact`: the first buffer of an empty list, sized for `size` items (rounded up to even on 3.9+).
 * @cpython Objects/listobject.c#list_preallocate_exact
 */
function list_preallocate_exact(self: PyListObject, size: number): void {
  const rt = rtOf(self)
  if (rt.profile.objects.listExtend !== 'resize') size = (size + 1) & ~1
  mallocItemBuffer(rt, self, size)
  self.allocated = size
}

/**
 * `PyList_Append`: appends a borrowed item (INCREF'd).
 * @cpython Objects/listobject.c#PyList_Append
 */
export function PyList_Append(list: PyObject, item: PyObject): void {
  const op = list as PyListObject
  const n = op.ob_item.length
  if (op.allocated <= n) list_resize(op, n + 1)
  Py_INCREF(item)
  op.ob_item.push(item)
}

/** Appends a reference the caller gives away (`_PyList_AppendTakeRef`). */
export function _PyList_AppendTakeRef(list: PyListObject, item: PyObject): void {
  const n = list.ob_item.length
  if (list.allocated <= n) {
    try {
      list_resize(list, n + 1)
    } catch (e) {
      Py_DECREF(item)
      throw e
    }
  }
  list.ob_item.push(item)
}

/** `PyList_Insert` / `ins1`: inserts a borrowed item before `where` (clipped). @cpython Objects/listobject.c#ins1 */
export function PyList_Insert(list: PyObject, where: number, v: PyObject): void {
  const self = list as PyListObject
  const n = self.ob_item.length
  list_resize(self, n + 1)
  if (where < 0) {
    where += n
    if (where < 0) where = 0
  }
  if (where > n) where = n
  Py_INCREF(v)
  self.ob_item.splice(where, 0, v)
}

/** `PyList_GetItem`: a borrowed item; IndexError when out of range. */
export function PyList_GetItem(list: PyObject, i: number): PyObject {
  const items = (list as PyListObject).ob_item
  if (i < 0 || i >= items.length) throw PyErr_Format(rtOf(list), 'IndexError', 'list index out of range')
  return items[i]!
}

/** `PyList_SetItem`: stores a stolen reference, releasing the old item. */
export function PyList_SetItem(list: PyObject, i: number, v: PyObject): void {
  const items = (list as PyListObject).ob_item
  if (i < 0 || i >= items.length) {
    Py_DECREF(v)
    throw PyErr_Format(rtOf(list), 'IndexError', 'list assignment index out of range')
  }
  const old = items[i]!
  items[i] = v
  Py_DECREF(old)
}

/** `PyList_Size`. */
export function PyList_Size(list: PyObject): number {
  return (list as PyListObject).ob_item.length
}

/** `PyList_AsTuple`: a new tuple of the items. */
export function PyList_AsTuple(list: PyObject): PyObject {
  const items = (list as PyListObject).ob_item.slice()
  for (let i = 0; i < items.length; i++) Py_INCREF(items[i]!)
  return PyTuple_FromArraySteal(rtOf(list), items)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Memory slots                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/listobject.c#list_dealloc */
export function list_dealloc(self: PyObject): void {
  const op = self as PyListObject
  const rt = op.ob_type.tp_runtime
  if (op._gc_next !== null) _PyObject_GC_UNTRACK(op)
  if (!Py_TRASHCAN_BEGIN(op)) return
  const items = op.ob_item
  op.ob_item = []
  // Items are released from the last to the first, then the buffer is freed.
  for (let i = items.length - 1; i >= 0; i--) Py_DECREF(items[i]!)
  freeBuffer(rt, op.ob_item_addr, op.ob_item_nbytes)
  op.ob_item_addr = 0
  op.ob_item_nbytes = 0
  op.allocated = 0
  const fl = rt.fl.list
  if (op.ob_type === rt.types.list && fl.length < rt.profile.objects.freeLists.list) {
    op.ob_flags |= OB_FREED
    fl.push(op)
  } else PyObject_GC_Del(op)
  Py_TRASHCAN_END(op)
}

/** @cpython Objects/listobject.c#list_traverse */
export function list_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const items = (self as PyListObject).ob_item
  for (let i = items.length - 1; i >= 0; i--) {
    const r = visit(items[i]!, arg)
    if (r !== 0) return r
  }
  return 0
}

/**
 * `list.clear()` and the collector's `tp_clear`: empties the list first, then releases the items from the last
 * to the first (a finalizer that runs meanwhile sees an empty list), then frees the old buffer.
 * @cpython Objects/listobject.c#_list_clear
 */
export function list_clear(self: PyObject): number {
  const op = self as PyListObject
  if (op.ob_item_addr === 0 && op.ob_item.length === 0) return 0
  const rt = op.ob_type.tp_runtime
  const items = op.ob_item
  const addr = op.ob_item_addr
  const nbytes = op.ob_item_nbytes
  op.ob_item = []
  op.ob_item_addr = 0
  op.ob_item_nbytes = 0
  op.allocated = 0
  for (let i = items.length - 1; i >= 0; i--) Py_DECREF(items[i]!)
  freeBuffer(rt, addr, nbytes)
  return 0
}

/** `list.__sizeof__`. @cpython Objects/listobject.c#list___sizeof___impl */
export function list_sizeof(self: PyObject): number {
  const op = self as PyListObject
  // While the list is sorted, `allocated` is -1 and CPython reports one pointer less than the empty list.
  return op.ob_type.tp_basicsize + op.allocated * op.ob_type.tp_runtime.profile.pointerSize
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Index conversion                                                                                              */
/* ------------------------------------------------------------------------------------------------------------ */

/** `_PyIndex_Check`: the object can be used as an index. */
export function _PyIndex_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) !== 0 || o.ob_type.nb_index !== null
}

/**
 * `PyNumber_AsSsize_t(o, exc)`: an index-sized number; beyond ±2**63 raises `exc` ("cannot fit 'int' into an
 * index-sized integer"), or clips when `exc` is null.
 * @cpython Objects/abstract.c#PyNumber_AsSsize_t
 */
export function PyNumber_AsSsize_t(rt: Runtime, o: PyObject, exc: string | null): number {
  let v: number | bigint
  if ((o.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) !== 0) v = intValue(o)
  else {
    const r = numberIndex(rt, o)
    v = intValue(r)
    Py_DECREF(r)
  }
  if (typeof v === 'number') return v
  if (v >= -(2n ** 63n) && v < 2n ** 63n) return Number(v)
  if (exc !== null) throw PyErr_Format(rt, exc, `cannot fit '${o.ob_type.tp_name}' into an index-sized integer`)
  return v < 0n ? -(2 ** 63) : 2 ** 63 - 1
}

/** The clinic converter of `Py_ssize_t` arguments (`list.pop(i)`, `list.insert(i, x)`). */
function ssizeArg(rt: Runtime, o: PyObject): number {
  const floatMsg = rt.profile.messages['ssizeArgFloat']
  if (floatMsg !== null && floatMsg !== undefined && o.ob_type === rt.types.float) throw PyErr_Format(rt, 'TypeError', floatMsg)
  return PyNumber_AsSsize_t(rt, o, 'OverflowError')
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Sequence slots                                                                                                */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/listobject.c#list_length */
export function list_length(self: PyObject): number {
  return (self as PyListObject).ob_item.length
}

/** @cpython Objects/listobject.c#list_item */
export function list_item(self: PyObject, i: number): PyObject {
  const items = (self as PyListObject).ob_item
  if (i < 0 || i >= items.length) throw PyErr_Format(rtOf(self), 'IndexError', 'list index out of range')
  const v = items[i]!
  Py_INCREF(v)
  return v
}

/** @cpython Objects/listobject.c#list_contains */
export function list_contains(self: PyObject, el: PyObject): boolean {
  const a = self as PyListObject
  const needleFirst = rtOf(self).profile.objects.containsComparison === 'needle-first'
  for (let i = 0; i < a.ob_item.length; i++) {
    const item = a.ob_item[i]!
    Py_INCREF(item)
    let cmp: boolean
    try {
      cmp = needleFirst ? PyObject_RichCompareBool(el, item, Py_EQ) : PyObject_RichCompareBool(item, el, Py_EQ)
    } finally {
      Py_DECREF(item)
    }
    if (cmp) return true
  }
  return false
}

/** A new list of items [ilow, ihigh). @cpython Objects/listobject.c#list_slice */
export function list_slice(a: PyListObject, ilow: number, ihigh: number): PyListObject {
  const rt = rtOf(a)
  if (ihigh - ilow <= 0) return PyList_New(rt, 0)
  const out = a.ob_item.slice(ilow, ihigh)
  for (let i = 0; i < out.length; i++) Py_INCREF(out[i]!)
  return list_new_prealloc(rt, out)
}

/** @cpython Objects/listobject.c#list_concat */
export function list_concat(a: PyObject, bb: PyObject): PyObject {
  const rt = rtOf(a)
  if (!PyList_Check(bb)) throw PyErr_Format(rt, 'TypeError', `can only concatenate list (not "${bb.ob_type.tp_name}") to list`)
  const out = (a as PyListObject).ob_item.concat((bb as PyListObject).ob_item)
  if (out.length === 0) return PyList_New(rt, 0)
  for (let i = 0; i < out.length; i++) Py_INCREF(out[i]!)
  return list_new_prealloc(rt, out)
}

/** @cpython Objects/listobject.c#list_repeat */
export function list_repeat(self: PyObject, n: number): PyObject {
  const rt = rtOf(self)
  const items = (self as PyListObject).ob_item
  if (n < 0) n = 0
  const size = items.length * n
  if (size === 0) return PyList_New(rt, 0)
  if (size > 2 ** 56) throw new SimulatedMemoryError(size * 8)
  // As list_new_prealloc: the item buffer is allocated (or MemoryError raised) before anything is copied.
  const op = PyList_New(rt, 0)
  try {
    mallocItemBuffer(rt, op, size)
  } catch (e) {
    Py_DECREF(op)
    throw e
  }
  const out = new Array<PyObject>(size)
  for (let k = 0, j = 0; k < n; k++) {
    for (let i = 0; i < items.length; i++, j++) {
      const v = items[i]!
      Py_INCREF(v)
      out[j] = v
    }
  }
  op.ob_item = out
  op.allocated = size
  return op
}

/** @cpython Objects/listobject.c#list_inplace_concat */
export function list_inplace_concat(self: PyObject, other: PyObject): PyObject {
  list_extend(self as PyListObject, other)
  Py_INCREF(self)
  return self
}

/** @cpython Objects/listobject.c#list_inplace_repeat */
export function list_inplace_repeat(self: PyObject, n: number): PyObject {
  const a = self as PyListObject
  const size = a.ob_item.length
  if (size === 0 || n === 1) {
    Py_INCREF(self)
    return self
  }
  if (n < 1) {
    list_clear(a)
    Py_INCREF(self)
    return self
  }
  if (size * n > 2 ** 56) throw new SimulatedMemoryError(size * n * 8)
  list_resize(a, size * n)
  const items = a.ob_item
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < size; j++) {
      const o = items[j]!
      Py_INCREF(o)
      items.push(o)
    }
  }
  Py_INCREF(self)
  return self
}

/** Sequence of items for slice assignment: `PySequence_Fast(v, msg)` (a list or tuple, else `list(v)`). */
function sequenceFast(v: PyObject, msg: string): PyObject {
  const rt = rtOf(v)
  if (v.ob_type === rt.types.list || v.ob_type === rt.types.tuple) {
    Py_INCREF(v)
    return v
  }
  let it: PyObject
  try {
    it = PyObject_GetIter(v)
  } catch (e) {
    if (errMatches(e, 'TypeError')) {
      Py_DECREF(e.exc)
      throw PyErr_Format(rt, 'TypeError', msg)
    }
    throw e
  }
  try {
    return PySequence_List(it)
  } finally {
    Py_DECREF(it)
  }
}

/** `PySequence_Fast`: a list or tuple with the items of `v` (a new reference). */
export function PySequence_Fast(v: PyObject, msg: string): PyObject {
  return sequenceFast(v, msg)
}

/** The items of a `PySequence_Fast` result (borrowed). */
function fastItems(seq: PyObject): PyObject[] {
  return (seq as PyListObject | PyTupleObject).ob_item
}

/**
 * `list_ass_slice`: replaces items [ilow, ihigh) with the items of `v` (or deletes them when v is null). Removed items
 * are released last to first, after the new ones are in place.
 * @cpython Objects/listobject.c#list_ass_slice
 */
export function list_ass_slice(a: PyListObject, ilow: number, ihigh: number, v: PyObject | null): void {
  const rt = rtOf(a)
  if (v === a) {
    const copy = list_slice(a, 0, a.ob_item.length)
    try {
      list_ass_slice(a, ilow, ihigh, copy)
    } finally {
      Py_DECREF(copy)
    }
    return
  }
  let seq: PyObject | null = null
  let vitems: readonly PyObject[] = []
  if (v !== null) {
    seq = sequenceFast(v, rt.profile.messages['listSliceAssignNotIterable'] ?? 'can only assign an iterable')
    vitems = fastItems(seq)
  }
  try {
    const size = a.ob_item.length
    if (ilow < 0) ilow = 0
    else if (ilow > size) ilow = size
    if (ihigh < ilow) ihigh = ilow
    else if (ihigh > size) ihigh = size
    const n = vitems.length
    const norig = ihigh - ilow
    const d = n - norig
    if (size + d === 0) {
      list_clear(a)
      return
    }
    // Removed items are remembered in a "recycle" array (on the heap beyond 8 items).
    const recycleBytes = norig * rt.profile.pointerSize
    const recycleAddr = recycleBytes > 8 * rt.profile.pointerSize ? _PyMem_TempBuffer(rt, recycleBytes) : 0
    const incoming = vitems.slice()
    for (let k = 0; k < n; k++) Py_INCREF(incoming[k]!)
    let recycle: PyObject[]
    if (d < 0) {
      recycle = a.ob_item.splice(ilow, norig, ...incoming)
      try {
        list_resize(a, size + d)
      } catch (e) {
        // Undo: put the removed items back.
        const added = a.ob_item.splice(ilow, n, ...recycle)
        for (const o of added) Py_DECREF(o)
        throw e
      }
    } else {
      if (d > 0) list_resize(a, size + d)
      recycle = a.ob_item.splice(ilow, norig, ...incoming)
    }
    for (let k = norig - 1; k >= 0; k--) Py_DECREF(recycle[k]!)
    if (recycleAddr !== 0) rt.mem.free(recycleAddr, recycleBytes)
  } finally {
    if (seq !== null) Py_DECREF(seq)
  }
}

/** `PyList_SetSlice(list, i, j, NULL)`: deletes items [i, j). */
export function list_ass_slice_delete(a: PyListObject, ilow: number, ihigh: number): void {
  list_ass_slice(a, ilow, ihigh, null)
}

/** @cpython Objects/listobject.c#list_ass_item */
export function list_ass_item(self: PyObject, i: number, v: PyObject | null): void {
  const a = self as PyListObject
  if (i < 0 || i >= a.ob_item.length) throw PyErr_Format(rtOf(a), 'IndexError', 'list assignment index out of range')
  if (v === null) {
    list_ass_slice(a, i, i + 1, null)
    return
  }
  const old = a.ob_item[i]!
  Py_INCREF(v)
  a.ob_item[i] = v
  Py_DECREF(old)
}

/** @cpython Objects/listobject.c#list_subscript */
export function list_subscript(self: PyObject, item: PyObject): PyObject {
  const a = self as PyListObject
  const rt = rtOf(a)
  if (_PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(rt, item, 'IndexError')
    if (i < 0) i += a.ob_item.length
    return list_item(a, i)
  }
  if (item instanceof PySliceObject) {
    PySlice_Unpack(item)
    const slicelength = PySlice_AdjustIndices(a.ob_item.length)
    const { start, step } = sliceBounds
    if (slicelength <= 0) return PyList_New(rt, 0)
    if (step === 1) return list_slice(a, start, sliceBounds.stop)
    const out = new Array<PyObject>(slicelength)
    for (let cur = start, i = 0; i < slicelength; cur += step, i++) {
      const v = a.ob_item[cur]!
      Py_INCREF(v)
      out[i] = v
    }
    return list_new_prealloc(rt, out)
  }
  throw PyErr_Format(rt, 'TypeError', `list indices must be integers or slices, not ${item.ob_type.tp_name}`)
}

/** @cpython Objects/listobject.c#list_ass_subscript */
export function list_ass_subscript(self: PyObject, item: PyObject, value: PyObject | null): void {
  const a = self as PyListObject
  const rt = rtOf(a)
  if (_PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(rt, item, 'IndexError')
    if (i < 0) i += a.ob_item.length
    list_ass_item(a, i, value)
    return
  }
  if (!(item instanceof PySliceObject)) {
    throw PyErr_Format(rt, 'TypeError', `list indices must be integers or slices, not ${item.ob_type.tp_name}`)
  }
  PySlice_Unpack(item)
  const slicelength = PySlice_AdjustIndices(a.ob_item.length)
  let { start, stop, step } = sliceBounds
  if (step === 1) {
    list_ass_slice(a, start, stop, value)
    return
  }
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start
  const ptr = rt.profile.pointerSize
  if (value === null) {
    if (slicelength <= 0) return
    if (step < 0) {
      stop = start + 1
      start = stop + step * (slicelength - 1) - 1
      step = -step
    }
    const garbageAddr = _PyMem_TempBuffer(rt, slicelength * ptr)
    const garbage: PyObject[] = []
    const kept: PyObject[] = []
    const items = a.ob_item
    for (let i = 0; i < items.length; i++) {
      if (i >= start && i < stop && (i - start) % step === 0 && garbage.length < slicelength) garbage.push(items[i]!)
      else kept.push(items[i]!)
    }
    a.ob_item = kept
    try {
      list_resize(a, kept.length)
    } finally {
      for (let i = 0; i < garbage.length; i++) Py_DECREF(garbage[i]!)
      rt.mem.free(garbageAddr, slicelength * ptr)
    }
    return
  }
  const seq = value === a ? list_slice(a, 0, a.ob_item.length) : sequenceFast(value, 'must assign iterable to extended slice')
  try {
    const seqitems = fastItems(seq)
    if (seqitems.length !== slicelength) {
      throw PyErr_Format(rt, 'ValueError', `attempt to assign sequence of size ${seqitems.length} to extended slice of size ${slicelength}`)
    }
    if (slicelength === 0) return
    const garbageAddr = _PyMem_TempBuffer(rt, slicelength * ptr)
    const garbage = new Array<PyObject>(slicelength)
    const selfitems = a.ob_item
    for (let cur = start, i = 0; i < slicelength; cur += step, i++) {
      garbage[i] = selfitems[cur]!
      const ins = seqitems[i]!
      Py_INCREF(ins)
      selfitems[cur] = ins
    }
    for (let i = 0; i < slicelength; i++) Py_DECREF(garbage[i]!)
    rt.mem.free(garbageAddr, slicelength * ptr)
  } finally {
    Py_DECREF(seq)
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* extend / list()                                                                                               */
/* ------------------------------------------------------------------------------------------------------------ */

/**
 * `list.extend(iterable)` with CPython's allocation pattern per profile: lists and tuples are copied after one
 * resize (an empty list without a buffer is pre-sized exactly on 3.9+); 3.13+ copies sets and dicts the same way;
 * other iterables are pre-sized from their length hint (8 by default), then cut back.
 * @cpython Objects/listobject.c#list_extend
 */
export function list_extend(self: PyListObject, iterable: PyObject): void {
  const rt = rtOf(self)
  const mode = rt.profile.objects.listExtend
  const t = iterable.ob_type
  if (t === rt.types.list || t === rt.types.tuple || iterable === self) {
    const src = (iterable as PyListObject | PyTupleObject).ob_item
    const n = src.length
    if (n === 0) return
    const m = self.ob_item.length
    if (mode !== 'resize' && self.ob_item_addr === 0) list_preallocate_exact(self, n)
    else list_resize(self, m + n)
    const copy = src.slice()
    for (let i = 0; i < n; i++) {
      Py_INCREF(copy[i]!)
      self.ob_item.push(copy[i]!)
    }
    return
  }
  if (mode === 'preallocate-empty-sets-dicts-resize') {
    const direct = directItems(rt, iterable)
    if (direct !== null) {
      // 3.13+ list_extend_set / list_extend_dict / list_extend_dictitems: one resize, then the items (new references).
      const m = self.ob_item.length
      list_resize(self, m + direct.n)
      direct.fill((o) => self.ob_item.push(o))
      return
    }
  }
  const it = PyObject_GetIter(iterable)
  try {
    const n = PyObject_LengthHint(iterable, 8)
    const m = self.ob_item.length
    if (mode !== 'resize' && self.ob_item_addr === 0) {
      if (n > 0) list_preallocate_exact(self, n)
    } else list_resize(self, m + n)
    const next = it.ob_type.tp_iternext!
    for (;;) {
      const item = next(it)
      if (item === null) break
      _PyList_AppendTakeRef(self, item)
    }
    // Cut back when the guess was too large.
    if (self.ob_item.length < self.allocated) list_resize(self, self.ob_item.length)
  } finally {
    Py_DECREF(it)
  }
}

/**
 * 3.13+'s iterator-free copies of sets, dicts and dict views (providers set by setobject/dictobject): the item count,
 * and a function that hands over each item as a new reference.
 */
export interface DirectItems {
  readonly n: number
  fill(push: (item: PyObject) => void): void
}
const directItemProviders: ((rt: Runtime, o: PyObject) => DirectItems | null)[] = []
export function _PyList_RegisterDirectItems(f: (rt: Runtime, o: PyObject) => DirectItems | null): void {
  directItemProviders.push(f)
}
function directItems(rt: Runtime, o: PyObject): DirectItems | null {
  for (let i = 0; i < directItemProviders.length; i++) {
    const r = directItemProviders[i]!(rt, o)
    if (r !== null) return r
  }
  return null
}

/** `_PyList_Extend`: `list.extend` for the interpreter (LIST_EXTEND). */
export function _PyList_Extend(list: PyObject, iterable: PyObject): void {
  list_extend(list as PyListObject, iterable)
}

/**
 * `PySequence_List`: a new list with the items of `v`.
 * @cpython Objects/abstract.c#PySequence_List
 */
export function PySequence_List(v: PyObject): PyObject {
  const rt = rtOf(v)
  const result = PyList_New(rt, 0)
  try {
    list_extend(result, v)
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/**
 * `list.__init__(iterable)`: clears the list, then extends it (3.8 first pre-sizes it exactly from `len()`).
 * @cpython Objects/listobject.c#list___init___impl
 */
export function list___init___impl(self: PyListObject, iterable: PyObject | null): void {
  if (self.ob_item_addr !== 0 || self.ob_item.length > 0) list_clear(self)
  if (iterable === null) return
  const rt = rtOf(self)
  if (rt.profile.objects.listExtend === 'resize') {
    const t = iterable.ob_type
    const len = t.sq_length ?? t.mp_length
    if (len !== null) {
      let n = -1
      try {
        n = len(iterable)
      } catch (e) {
        if (!errMatches(e, 'TypeError')) throw e
        Py_DECREF(e.exc)
      }
      if (n > 0 && self.ob_item_addr === 0) list_preallocate_exact(self, n)
    }
  }
  list_extend(self, iterable)
}

/** `list.__new__`: an empty list of the (sub)type, without the free list (`PyType_GenericAlloc`). */
export function list_tp_new(type: PyTypeObject, _args: PyObject, _kwds: PyObject | null): PyObject {
  return list_generic_alloc(type)
}

function list_generic_alloc(type: PyTypeObject): PyListObject {
  return PyType_GenericAllocObject(type, new PyListObject(type), 0)
}

/** `list.__init__` (tuple/dict convention). */
export function list_tp_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  if (self.ob_type === rt.types.list && kwds !== null && (kwds as unknown as { ma_used: number }).ma_used > 0) {
    throw PyErr_Format(rt, 'TypeError', 'list() takes no keyword arguments')
  }
  const items = (args as PyTupleObject).ob_item
  if (items.length > 1) throw PyErr_Format(rt, 'TypeError', `list expected at most 1 argument, got ${items.length}`)
  list___init___impl(self as PyListObject, items.length > 0 ? items[0]! : null)
}

/** `list(...)` called on the exact type (3.9+ `list_vectorcall`). */
export function list_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  if (kwnames !== null && kwnamesList(kwnames).length > 0) throw PyErr_Format(rt, 'TypeError', 'list() takes no keyword arguments')
  if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `list expected at most 1 argument, got ${nargs}`)
  const list = list_generic_alloc(type as PyTypeObject)
  if (nargs > 0) {
    try {
      list___init___impl(list, args[start]!)
    } catch (e) {
      Py_DECREF(list)
      throw e
    }
  }
  return list
}

/* ------------------------------------------------------------------------------------------------------------ */
/* repr and comparison                                                                                           */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/listobject.c#list_repr */
export function list_repr(self: PyObject): PyObject {
  const v = self as PyListObject
  const rt = rtOf(v)
  if (v.ob_item.length === 0) return PyUnicode_FromString(rt, '[]')
  if (Py_ReprEnter(v)) return PyUnicode_FromString(rt, '[...]')
  try {
    let s = '['
    // The list may change while its items are repr'd: re-read the size each time.
    for (let i = 0; i < v.ob_item.length; i++) {
      if (i > 0) s += ', '
      const item = v.ob_item[i]!
      Py_INCREF(item)
      try {
        s += reprText(item)
      } finally {
        Py_DECREF(item)
      }
    }
    return PyUnicode_FromString(rt, s + ']')
  } finally {
    Py_ReprLeave(v)
  }
}

/** @cpython Objects/listobject.c#list_richcompare */
export function list_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = rtOf(v)
  if (!PyList_Check(v) || !PyList_Check(w)) return notImplemented(rt)
  const vl = v as PyListObject
  const wl = w as PyListObject
  if (vl.ob_item.length !== wl.ob_item.length && (op === Py_EQ || op === Py_NE)) {
    const r = op === Py_EQ ? rt.False : rt.True
    Py_INCREF(r)
    return r
  }
  let i = 0
  for (; i < vl.ob_item.length && i < wl.ob_item.length; i++) {
    const vitem = vl.ob_item[i]!
    const witem = wl.ob_item[i]!
    if (vitem === witem) continue
    Py_INCREF(vitem)
    Py_INCREF(witem)
    let k: boolean
    try {
      k = PyObject_RichCompareBool(vitem, witem, Py_EQ)
    } finally {
      Py_DECREF(vitem)
      Py_DECREF(witem)
    }
    if (!k) break
  }
  if (i >= vl.ob_item.length || i >= wl.ob_item.length) return richcompareNumbers(rt, vl.ob_item.length, wl.ob_item.length, op)
  if (op === Py_EQ || op === Py_NE) {
    const r = op === Py_EQ ? rt.False : rt.True
    Py_INCREF(r)
    return r
  }
  return PyObject_RichCompare(vl.ob_item[i]!, wl.ob_item[i]!, op)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Methods                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

const none = newNone

/** `list.append(x)`. */
export function list_append(self: PyObject, args: readonly PyObject[], start: number): PyObject {
  PyList_Append(self, args[start]!)
  return none(rtOf(self))
}

/** `list.insert(index, object)`. */
export function list_insert(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = rtOf(self)
  if (nargs !== 2) throw PyErr_Format(rt, 'TypeError', `insert expected 2 arguments, got ${nargs}`)
  const i = ssizeArg(rt, args[start]!)
  PyList_Insert(self, i, args[start + 1]!)
  return none(rt)
}

/** `list.extend(iterable)`. */
export function list_extend_meth(self: PyObject, args: readonly PyObject[], start: number): PyObject {
  list_extend(self as PyListObject, args[start]!)
  return none(rtOf(self))
}

/** `list.pop(index=-1)`. @cpython Objects/listobject.c#list_pop_impl */
export function list_pop(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const a = self as PyListObject
  const rt = rtOf(a)
  if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `pop expected at most 1 argument, got ${nargs}`)
  let index = nargs === 1 ? ssizeArg(rt, args[start]!) : -1
  const size = a.ob_item.length
  if (size === 0) throw PyErr_Format(rt, 'IndexError', 'pop from empty list')
  if (index < 0) index += size
  if (index < 0 || index >= size) throw PyErr_Format(rt, 'IndexError', 'pop index out of range')
  const v = a.ob_item[index]!
  if (size === 1 && rt.profile.objects.listExtend !== 'resize') {
    // 3.9+: popping the only item frees the buffer (`_list_clear`).
    Py_INCREF(v)
    list_clear(a)
    return v
  }
  a.ob_item.splice(index, 1)
  list_resize(a, size - 1)
  return v
}

/** `list.remove(x)`. @cpython Objects/listobject.c#list_remove */
export function list_remove(self: PyObject, args: readonly PyObject[], start: number): PyObject {
  const a = self as PyListObject
  const value = args[start]!
  for (let i = 0; i < a.ob_item.length; i++) {
    const obj = a.ob_item[i]!
    Py_INCREF(obj)
    let cmp: boolean
    try {
      cmp = PyObject_RichCompareBool(obj, value, Py_EQ)
    } finally {
      Py_DECREF(obj)
    }
    if (cmp) {
      list_ass_slice(a, i, i + 1, null)
      return none(rtOf(a))
    }
  }
  throw PyErr_Format(rtOf(a), 'ValueError', 'list.remove(x): x not in list')
}

/** `list.index(value, start=0, stop=sys.maxsize)`. @cpython Objects/listobject.c#list_index_impl */
export function list_index(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const a = self as PyListObject
  const rt = rtOf(a)
  if (nargs < 1) throw PyErr_Format(rt, 'TypeError', `index expected at least 1 argument, got ${nargs}`)
  if (nargs > 3) throw PyErr_Format(rt, 'TypeError', `index expected at most 3 arguments, got ${nargs}`)
  const value = args[start]!
  let lo = nargs > 1 ? _PyEval_SliceIndexNotNone(rt, args[start + 1]!) : 0
  let hi = nargs > 2 ? _PyEval_SliceIndexNotNone(rt, args[start + 2]!) : 2 ** 63 - 1
  const size = a.ob_item.length
  if (lo < 0) {
    lo += size
    if (lo < 0) lo = 0
  }
  if (hi < 0) {
    hi += size
    if (hi < 0) hi = 0
  }
  for (let i = lo; i < hi && i < a.ob_item.length; i++) {
    const obj = a.ob_item[i]!
    Py_INCREF(obj)
    let cmp: boolean
    try {
      cmp = PyObject_RichCompareBool(obj, value, Py_EQ)
    } finally {
      Py_DECREF(obj)
    }
    if (cmp) return PyLong_FromNumber(rt, i)
  }
  throw PyErr_Format(rt, 'ValueError', `${reprText(value)} is not in list`)
}

/** `list.count(value)`. */
export function list_count(self: PyObject, args: readonly PyObject[], start: number): PyObject {
  const a = self as PyListObject
  const value = args[start]!
  let count = 0
  for (let i = 0; i < a.ob_item.length; i++) {
    const obj = a.ob_item[i]!
    if (obj === value) {
      count++
      continue
    }
    Py_INCREF(obj)
    try {
      if (PyObject_RichCompareBool(obj, value, Py_EQ)) count++
    } finally {
      Py_DECREF(obj)
    }
  }
  return PyLong_FromNumber(rtOf(a), count)
}

/** `list.reverse()`. */
export function list_reverse(self: PyObject): PyObject {
  ;(self as PyListObject).ob_item.reverse()
  return none(rtOf(self))
}

/** `list.copy()`. */
export function list_copy(self: PyObject): PyObject {
  const a = self as PyListObject
  return list_slice(a, 0, a.ob_item.length)
}

/** `list.clear()`. */
export function list_clear_meth(self: PyObject): PyObject {
  list_clear(self)
  return none(rtOf(self))
}

/** `list.__reversed__()`. */
export function list___reversed__(self: PyObject): PyObject {
  return listreviter_new(self as PyListObject)
}

/** `list.__sizeof__()`. */
export function list___sizeof__(self: PyObject): PyObject {
  return PyLong_FromNumber(rtOf(self), list_sizeof(self))
}

/** `list.sort(*, key=None, reverse=False)`. */
export function list_sort_meth(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = rtOf(self)
  if (nargs > 0) throw PyErr_Format(rt, 'TypeError', 'sort() takes no positional arguments')
  let keyfunc: PyObject | null = null
  let reverse = false
  const names = kwnamesList(kwnames)
  for (let i = 0; i < names.length; i++) {
    const v = args[start + nargs + i]!
    if (names[i] === 'key') keyfunc = v
    else if (names[i] === 'reverse') reverse = PyObject_IsTrue(v)
    else throw PyErr_Format(rt, 'TypeError', `'${names[i]}' is an invalid keyword argument for sort()`)
  }
  if (keyfunc === rt.None) keyfunc = null
  list_sort_impl(self as PyListObject, keyfunc, reverse)
  return none(rt)
}

/** `PyList_Sort`. */
export function PyList_Sort(list: PyObject): void {
  list_sort_impl(list as PyListObject, null, false)
}

/** `PyList_Reverse`. */
export function PyList_Reverse(list: PyObject): void {
  ;(list as PyListObject).ob_item.reverse()
}

/* ------------------------------------------------------------------------------------------------------------ */
/* listsort: timsort / powersort with CPython's exact comparison sequence                                        */
/* ------------------------------------------------------------------------------------------------------------ */

const MIN_GALLOP = 7

type KeyCompare = (v: PyObject, w: PyObject, ms: MergeState) => boolean

interface Run {
  base: number
  len: number
  power: number
}

/** @cpython Objects/listobject.c#MergeState */
class MergeState {
  /** The keys being sorted; `values` (the list's items) move along when a key function was given. */
  keys: PyObject[]
  values: PyObject[] | null
  minGallop = MIN_GALLOP
  pending: Run[] = []
  listlen: number
  keyCompare: KeyCompare = safe_object_compare
  keyRichcompare: richcmpfunc | null = null
  tupleElemCompare: KeyCompare = safe_object_compare
  rt: Runtime
  constructor(rt: Runtime, keys: PyObject[], values: PyObject[] | null) {
    this.rt = rt
    this.keys = keys
    this.values = values
    this.listlen = keys.length
  }
}

/** `ISLT(x, y)`: x < y under the chosen key comparison. */
function ISLT(ms: MergeState, x: PyObject, y: PyObject): boolean {
  return ms.keyCompare(x, y, ms)
}

function safe_object_compare(v: PyObject, w: PyObject): boolean {
  return PyObject_RichCompareBool(v, w, Py_LT)
}

function unsafe_object_compare(v: PyObject, w: PyObject, ms: MergeState): boolean {
  const rc = ms.keyRichcompare!
  if (v.ob_type.tp_richcompare !== rc) return PyObject_RichCompareBool(v, w, Py_LT)
  const res = rc(v, w, Py_LT)
  if (res === ms.rt.NotImplemented) {
    Py_DECREF(res)
    return PyObject_RichCompareBool(v, w, Py_LT)
  }
  try {
    if (res === ms.rt.True) return true
    if (res === ms.rt.False) return false
    return PyObject_IsTrue(res)
  } finally {
    Py_DECREF(res)
  }
}

function unsafe_long_compare(v: PyObject, w: PyObject): boolean {
  return (v as PyLongObject).ob_ival < (w as PyLongObject).ob_ival
}

function unsafe_str_compare(v: PyObject, w: PyObject): boolean {
  return (v as PyUnicodeObject).value < (w as PyUnicodeObject).value
}

function unsafe_tuple_compare(v: PyObject, w: PyObject, ms: MergeState): boolean {
  const vt = (v as PyTupleObject).ob_item
  const wt = (w as PyTupleObject).ob_item
  const vlen = vt.length
  const wlen = wt.length
  let i = 0
  for (; i < vlen && i < wlen; i++) {
    if (!PyObject_RichCompareBool(vt[i]!, wt[i]!, Py_EQ)) break
  }
  if (i >= vlen || i >= wlen) return vlen < wlen
  if (i === 0) return ms.tupleElemCompare(vt[0]!, wt[0]!, ms)
  return PyObject_RichCompareBool(vt[i]!, wt[i]!, Py_LT)
}

/** The pre-sort check: picks the comparison for homogeneous keys. */
function chooseCompare(ms: MergeState): void {
  const rt = ms.rt
  const keys = ms.keys
  const n = keys.length
  let inTuples = keys[0]!.ob_type === rt.types.tuple && (keys[0] as PyTupleObject).ob_item.length > 0
  const keyType = inTuples ? (keys[0] as PyTupleObject).ob_item[0]!.ob_type : keys[0]!.ob_type
  let sameType = true
  let strOk = true
  for (let i = 0; i < n; i++) {
    if (inTuples && !(keys[i]!.ob_type === rt.types.tuple && (keys[i] as PyTupleObject).ob_item.length !== 0)) {
      inTuples = false
      sameType = false
      break
    }
    const key = inTuples ? (keys[i] as PyTupleObject).ob_item[0]! : keys[i]!
    if (key.ob_type !== keyType) {
      sameType = false
      if (!inTuples) break
    }
    if (sameType && keyType === rt.types.str && strOk && (key as PyUnicodeObject).kind === 4) strOk = false
  }
  let cmp: KeyCompare
  if (sameType) {
    if (keyType === rt.types.str && strOk) cmp = unsafe_str_compare
    else if (keyType === rt.types.int) cmp = unsafe_long_compare
    else if (keyType.tp_richcompare !== null) {
      ms.keyRichcompare = keyType.tp_richcompare
      cmp = unsafe_object_compare
    } else cmp = safe_object_compare
  } else cmp = safe_object_compare
  if (inTuples) {
    ms.tupleElemCompare = keyType === rt.types.tuple ? safe_object_compare : cmp
    cmp = unsafe_tuple_compare
  }
  ms.keyCompare = cmp
}

function reverseRange(a: PyObject[], lo: number, hi: number): void {
  hi--
  while (lo < hi) {
    const t = a[lo]!
    a[lo] = a[hi]!
    a[hi] = t
    lo++
    hi--
  }
}

function sliceReverse(ms: MergeState, lo: number, n: number): void {
  reverseRange(ms.keys, lo, lo + n)
  if (ms.values !== null) reverseRange(ms.values, lo, lo + n)
}

/**
 * Binary insertion sort of keys[lo, lo+n), whose first `ok` items are already sorted.
 * @cpython Objects/listobject.c#binarysort
 */
function binarysort(ms: MergeState, lo: number, n: number, ok: number): void {
  const a = ms.keys
  const v = ms.values
  if (ok === 0) ok = 1
  for (; ok < n; ++ok) {
    let L = 0
    let R = ok
    const pivot = a[lo + ok]!
    do {
      const M = (L + R) >> 1
      if (ISLT(ms, pivot, a[lo + M]!)) R = M
      else L = M + 1
    } while (L < R)
    for (let M = ok; M > L; --M) a[lo + M] = a[lo + M - 1]!
    a[lo + L] = pivot
    if (v !== null) {
      const vp = v[lo + ok]!
      for (let M = ok; M > L; --M) v[lo + M] = v[lo + M - 1]!
      v[lo + L] = vp
    }
  }
}

/**
 * The run at keys[lo...]: ascending, or strictly descending (reversed in place); ≤3.12.
 * @cpython Objects/listobject.c#count_run
 */
function count_run_classic(ms: MergeState, lo: number, nremaining: number): number {
  const a = ms.keys
  if (nremaining === 1) return 1
  let n = 2
  let i = lo + 1
  const hi = lo + nremaining
  if (ISLT(ms, a[i]!, a[i - 1]!)) {
    for (i = i + 1; i < hi; ++i, ++n) {
      if (!ISLT(ms, a[i]!, a[i - 1]!)) break
    }
    sliceReverse(ms, lo, n)
  } else {
    for (i = i + 1; i < hi; ++i, ++n) {
      if (ISLT(ms, a[i]!, a[i - 1]!)) break
    }
  }
  return n
}

/**
 * 3.13+: the run at keys[lo...], where a descending run may contain equal neighbours (reversed as groups so the
 * sort stays stable), extended by an ascending suffix after reversal.
 * @cpython Objects/listobject.c#count_run
 */
function count_run_313(ms: MergeState, lo: number, nremaining: number): number {
  const a = ms.keys
  let n: number
  for (n = 1; n < nremaining; ++n) {
    if (ISLT(ms, a[lo + n]!, a[lo + n - 1]!)) break
  }
  if (n === nremaining) return n
  if (n > 1) {
    if (ISLT(ms, a[lo]!, a[lo + n - 1]!)) return n
    sliceReverse(ms, lo, n)
  }
  ++n
  let neq = 0
  const reverseLastNeq = (): void => {
    if (neq) {
      ++neq
      sliceReverse(ms, lo + n - neq, neq)
      neq = 0
    }
  }
  for (; n < nremaining; ++n) {
    if (ISLT(ms, a[lo + n]!, a[lo + n - 1]!)) reverseLastNeq()
    else if (ISLT(ms, a[lo + n - 1]!, a[lo + n]!)) break
    else ++neq
  }
  reverseLastNeq()
  sliceReverse(ms, lo, n)
  for (; n < nremaining; ++n) {
    if (ISLT(ms, a[lo + n]!, a[lo + n - 1]!)) break
  }
  return n
}

/**
 * Where `key` goes in sorted a[base, base+n): before the leftmost equal item.
 * @cpython Objects/listobject.c#gallop_left
 */
function gallop_left(ms: MergeState, key: PyObject, a: PyObject[], base: number, n: number, hint: number): number {
  let lastofs = 0
  let ofs = 1
  const p = base + hint
  if (ISLT(ms, a[p]!, key)) {
    const maxofs = n - hint
    while (ofs < maxofs) {
      if (ISLT(ms, a[p + ofs]!, key)) {
        lastofs = ofs
        ofs = (ofs << 1) + 1
      } else break
    }
    if (ofs > maxofs) ofs = maxofs
    lastofs += hint
    ofs += hint
  } else {
    const maxofs = hint + 1
    while (ofs < maxofs) {
      if (ISLT(ms, a[p - ofs]!, key)) break
      lastofs = ofs
      ofs = (ofs << 1) + 1
    }
    if (ofs > maxofs) ofs = maxofs
    const k = lastofs
    lastofs = hint - ofs
    ofs = hint - k
  }
  ++lastofs
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1)
    if (ISLT(ms, a[base + m]!, key)) lastofs = m + 1
    else ofs = m
  }
  return ofs
}

/**
 * Where `key` goes in sorted a[base, base+n): after the rightmost equal item.
 * @cpython Objects/listobject.c#gallop_right
 */
function gallop_right(ms: MergeState, key: PyObject, a: PyObject[], base: number, n: number, hint: number): number {
  let lastofs = 0
  let ofs = 1
  const p = base + hint
  if (ISLT(ms, key, a[p]!)) {
    const maxofs = hint + 1
    while (ofs < maxofs) {
      if (ISLT(ms, key, a[p - ofs]!)) {
        lastofs = ofs
        ofs = (ofs << 1) + 1
      } else break
    }
    if (ofs > maxofs) ofs = maxofs
    const k = lastofs
    lastofs = hint - ofs
    ofs = hint - k
  } else {
    const maxofs = n - hint
    while (ofs < maxofs) {
      if (ISLT(ms, key, a[p + ofs]!)) break
      lastofs = ofs
      ofs = (ofs << 1) + 1
    }
    if (ofs > maxofs) ofs = maxofs
    lastofs += hint
    ofs += hint
  }
  ++lastofs
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1)
    if (ISLT(ms, key, a[base + m]!)) ofs = m
    else lastofs = m + 1
  }
  return ofs
}

/**
 * Merges runs [pa, pa+na) and [pb, pb+nb) (adjacent, na <= nb) using a temporary copy of the first.
 * @cpython Objects/listobject.c#merge_lo
 */
function merge_lo(ms: MergeState, pa: number, na: number, pb: number, nb: number): void {
  const keys = ms.keys
  const vals = ms.values
  const tk = keys.slice(pa, pa + na)
  const tv = vals !== null ? vals.slice(pa, pa + na) : null
  let ia = 0 // index into the temp copy of run A
  let dest = pa
  const copyB = (): void => {
    keys[dest] = keys[pb]!
    if (vals !== null) vals[dest] = vals[pb]!
    dest++
    pb++
  }
  const copyA = (): void => {
    keys[dest] = tk[ia]!
    if (vals !== null) vals[dest] = tv![ia]!
    dest++
    ia++
  }
  const flushA = (): void => {
    for (let k = 0; k < na; k++) copyA()
  }
  let minGallop = ms.minGallop
  try {
    copyB()
    --nb
    if (nb === 0) return
    if (na === 1) {
      finishLo()
      return
    }
    for (;;) {
      let acount = 0
      let bcount = 0
      for (;;) {
        if (ISLT(ms, keys[pb]!, tk[ia]!)) {
          copyB()
          ++bcount
          acount = 0
          --nb
          if (nb === 0) return
          if (bcount >= minGallop) break
        } else {
          copyA()
          ++acount
          bcount = 0
          --na
          if (na === 1) {
            finishLo()
            return
          }
          if (acount >= minGallop) break
        }
      }
      ++minGallop
      do {
        minGallop -= minGallop > 1 ? 1 : 0
        ms.minGallop = minGallop
        let k = gallop_right(ms, keys[pb]!, tk, ia, na, 0)
        acount = k
        if (k) {
          for (let j = 0; j < k; j++) copyA()
          na -= k
          if (na === 1) {
            finishLo()
            return
          }
          if (na === 0) return
        }
        copyB()
        --nb
        if (nb === 0) return
        k = gallop_left(ms, tk[ia]!, keys, pb, nb, 0)
        bcount = k
        if (k) {
          for (let j = 0; j < k; j++) copyB()
          nb -= k
          if (nb === 0) return
        }
        copyA()
        --na
        if (na === 1) {
          finishLo()
          return
        }
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP)
      ++minGallop
      ms.minGallop = minGallop
    }
  } finally {
    // Succeed and Fail: whatever is left of run A goes to dest (unless CopyB already placed it).
    if (na > 0 && ia < tk.length) flushA()
  }
  function finishLo(): void {
    // CopyB: the rest of B moves down, then the last item of A goes at the end.
    for (let k = 0; k < nb; k++) copyB()
    copyA()
    na = 0
  }
}

/**
 * Merges runs [pa, pa+na) and [pb, pb+nb) (adjacent, na >= nb) from the right, using a temporary copy of the second.
 * @cpython Objects/listobject.c#merge_hi
 */
function merge_hi(ms: MergeState, pa: number, na: number, pb: number, nb: number): void {
  const keys = ms.keys
  const vals = ms.values
  const tk = keys.slice(pb, pb + nb)
  const tv = vals !== null ? vals.slice(pb, pb + nb) : null
  let dest = pb + nb - 1
  let ia = pa + na - 1 // last item of A (in place)
  let ib = nb - 1 // last item of B (in the temp copy)
  const moveA = (): void => {
    keys[dest] = keys[ia]!
    if (vals !== null) vals[dest] = vals[ia]!
    dest--
    ia--
  }
  const moveB = (): void => {
    keys[dest] = tk[ib]!
    if (vals !== null) vals[dest] = tv![ib]!
    dest--
    ib--
  }
  let minGallop = ms.minGallop
  try {
    moveA()
    --na
    if (na === 0) return
    if (nb === 1) {
      finishHi()
      return
    }
    for (;;) {
      let acount = 0
      let bcount = 0
      for (;;) {
        if (ISLT(ms, tk[ib]!, keys[ia]!)) {
          moveA()
          ++acount
          bcount = 0
          --na
          if (na === 0) return
          if (acount >= minGallop) break
        } else {
          moveB()
          ++bcount
          acount = 0
          --nb
          if (nb === 1) {
            finishHi()
            return
          }
          if (bcount >= minGallop) break
        }
      }
      ++minGallop
      do {
        minGallop -= minGallop > 1 ? 1 : 0
        ms.minGallop = minGallop
        let k = gallop_right(ms, tk[ib]!, keys, pa, na, na - 1)
        k = na - k
        acount = k
        if (k) {
          for (let j = 0; j < k; j++) moveA()
          na -= k
          if (na === 0) return
        }
        moveB()
        --nb
        if (nb === 1) {
          finishHi()
          return
        }
        k = gallop_left(ms, keys[ia]!, tk, 0, nb, nb - 1)
        k = nb - k
        bcount = k
        if (k) {
          for (let j = 0; j < k; j++) moveB()
          nb -= k
          if (nb === 1) {
            finishHi()
            return
          }
          if (nb === 0) return
        }
        moveA()
        --na
        if (na === 0) return
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP)
      ++minGallop
      ms.minGallop = minGallop
    }
  } finally {
    // Whatever is left of run B (in the temp copy) goes to the front part of dest.
    while (ib >= 0 && nb > 0) moveB()
  }
  function finishHi(): void {
    // CopyA: the rest of A moves up, then the first item of B goes in front.
    for (let k = 0; k < na; k++) moveA()
    moveB()
    nb = 0
  }
}

/**
 * Merges pending runs i and i+1.
 * @cpython Objects/listobject.c#merge_at
 */
function merge_at(ms: MergeState, i: number): void {
  const p = ms.pending
  let pa = p[i]!.base
  let na = p[i]!.len
  const pb = p[i + 1]!.base
  let nb = p[i + 1]!.len
  p[i]!.len = na + nb
  if (i === p.length - 3) {
    p[i + 1]!.base = p[i + 2]!.base
    p[i + 1]!.len = p[i + 2]!.len
    p[i + 1]!.power = p[i + 2]!.power
  }
  p.pop()
  const k = gallop_right(ms, ms.keys[pb]!, ms.keys, pa, na, 0)
  pa += k
  na -= k
  if (na === 0) return
  nb = gallop_left(ms, ms.keys[pa + na - 1]!, ms.keys, pb, nb, nb - 1)
  if (nb <= 0) return
  if (na <= nb) merge_lo(ms, pa, na, pb, nb)
  else merge_hi(ms, pa, na, pb, nb)
}

/** ≤3.10 merge policy: keep the run-length invariants. @cpython Objects/listobject.c#merge_collapse */
function merge_collapse(ms: MergeState): void {
  const p = ms.pending
  while (p.length > 1) {
    let n = p.length - 2
    if ((n > 0 && p[n - 1]!.len <= p[n]!.len + p[n + 1]!.len) || (n > 1 && p[n - 2]!.len <= p[n - 1]!.len + p[n]!.len)) {
      if (p[n - 1]!.len < p[n + 1]!.len) --n
      merge_at(ms, n)
    } else if (p[n]!.len <= p[n + 1]!.len) merge_at(ms, n)
    else break
  }
}

/** @cpython Objects/listobject.c#merge_force_collapse */
function merge_force_collapse(ms: MergeState): void {
  const p = ms.pending
  while (p.length > 1) {
    let n = p.length - 2
    if (n > 0 && p[n - 1]!.len < p[n + 1]!.len) --n
    merge_at(ms, n)
  }
}

/** The powersort "power" of the boundary between runs (s1, n1) and (s1+n1, n2). @cpython Objects/listobject.c#powerloop */
function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0
  let a = 2 * s1 + n1
  let b = a + n1 + n2
  for (;;) {
    ++result
    if (a >= n) {
      a -= n
      b -= n
    } else if (b >= n) break
    a *= 2
    b *= 2
  }
  return result
}

/** 3.11+ merge policy (powersort). @cpython Objects/listobject.c#found_new_run */
function found_new_run(ms: MergeState, n2: number): void {
  const p = ms.pending
  if (p.length > 0) {
    const s1 = p[p.length - 1]!.base
    const n1 = p[p.length - 1]!.len
    const power = powerloop(s1, n1, n2, ms.listlen)
    while (p.length > 1 && p[p.length - 2]!.power > power) merge_at(ms, p.length - 2)
    p[p.length - 1]!.power = power
  }
}

/** @cpython Objects/listobject.c#merge_compute_minrun */
function merge_compute_minrun(n: number): number {
  let r = 0
  while (n >= 64) {
    r |= n & 1
    n >>= 1
  }
  return n + r
}

/**
 * `list.sort()`: the list is emptied while it is sorted (a comparison that mutates it makes the sort fail with
 * "list modified during sort"); keys are computed first, in order; the sort is stable, and `reverse` reverses
 * before and after sorting.
 * @cpython Objects/listobject.c#list_sort_impl
 */
export function list_sort_impl(self: PyListObject, keyfunc: PyObject | null, reverse: boolean): void {
  const rt = rtOf(self)
  const savedItems = self.ob_item
  const savedAllocated = self.allocated
  const savedAddr = self.ob_item_addr
  const savedNbytes = self.ob_item_nbytes
  const n = savedItems.length
  self.ob_item = []
  self.ob_item_addr = 0
  self.ob_item_nbytes = 0
  self.allocated = -1
  let keys: PyObject[] | null = null
  let error: unknown = null
  try {
    if (keyfunc !== null) {
      keys = []
      try {
        for (let i = 0; i < n; i++) keys.push(PyObject_CallArgs(keyfunc, [savedItems[i]!]))
      } catch (e) {
        for (let i = keys.length - 1; i >= 0; i--) Py_DECREF(keys[i]!)
        keys = null
        throw e
      }
    }
    const ms = new MergeState(rt, keys ?? savedItems, keys !== null ? savedItems : null)
    try {
      if (n > 1) {
        chooseCompare(ms)
        if (reverse) {
          if (keys !== null) reverseRange(keys, 0, n)
          reverseRange(savedItems, 0, n)
        }
        const powersort = rt.profile.objects.listSortMerge === 'powersort'
        const countRun = rt.profile.objects.listSortRuns === 'descending-with-equal-groups' ? count_run_313 : count_run_classic
        const minrun = merge_compute_minrun(n)
        let lo = 0
        let nremaining = n
        do {
          let run = countRun(ms, lo, nremaining)
          if (run < minrun) {
            const force = nremaining <= minrun ? nremaining : minrun
            binarysort(ms, lo, force, run)
            run = force
          }
          if (powersort) found_new_run(ms, run)
          ms.pending.push({ base: lo, len: run, power: 0 })
          if (!powersort) merge_collapse(ms)
          lo += run
          nremaining -= run
        } while (nremaining)
        merge_force_collapse(ms)
      }
    } catch (e) {
      error = e
    }
    if (keys !== null) for (let i = 0; i < n; i++) Py_DECREF(keys[i]!)
    if (self.allocated !== -1 && error === null) error = PyErr_Format(rt, 'ValueError', 'list modified during sort')
    if (reverse && n > 1) reverseRange(savedItems, 0, n)
  } catch (e) {
    error = e
  }
  // Put the sorted items back; whatever was added to the list meanwhile is released.
  const finalItems = self.ob_item
  const finalAddr = self.ob_item_addr
  const finalNbytes = self.ob_item_nbytes
  self.ob_item = savedItems
  self.allocated = savedAllocated
  self.ob_item_addr = savedAddr
  self.ob_item_nbytes = savedNbytes
  for (let i = finalItems.length - 1; i >= 0; i--) Py_DECREF(finalItems[i]!)
  freeBuffer(rt, finalAddr, finalNbytes)
  if (error !== null) throw error
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Iterators                                                                                                     */
/* ------------------------------------------------------------------------------------------------------------ */

/** `list_iterator` and `list_reverseiterator`: the list (owned; null once exhausted) and the next index. */
export class PyListIterObject extends PyObject {
  it_index: number
  it_seq: PyListObject | null
  constructor(type: PyTypeObject, seq: PyListObject, index: number) {
    super(type)
    this.it_seq = seq
    this.it_index = index
  }
}

/** @cpython Objects/listobject.c#list_iter */
export function list_iter(self: PyObject): PyObject {
  const rt = rtOf(self)
  Py_INCREF(self)
  const it = PyObject_GC_Init(rt, new PyListIterObject(rt.types.list_iterator, self as PyListObject, 0), rt.types.list_iterator.tp_basicsize)
  _PyObject_GC_TRACK(it)
  return it
}

/** @cpython Objects/listobject.c#listiter_next */
export function listiter_next(self: PyObject): PyObject | null {
  const it = self as PyListIterObject
  const seq = it.it_seq
  if (seq === null) return null
  const i = it.it_index
  if (i < seq.ob_item.length) {
    it.it_index = i + 1
    const v = seq.ob_item[i]!
    Py_INCREF(v)
    return v
  }
  it.it_seq = null
  Py_DECREF(seq)
  return null
}

/** `list_reverseiterator` over `seq`. @cpython Objects/listobject.c#list___reversed___impl */
export function listreviter_new(seq: PyListObject): PyObject {
  const rt = rtOf(seq)
  Py_INCREF(seq)
  const t = rt.types.list_reverseiterator
  const it = PyObject_GC_Init(rt, new PyListIterObject(t, seq, seq.ob_item.length - 1), t.tp_basicsize)
  _PyObject_GC_TRACK(it)
  return it
}

/** @cpython Objects/listobject.c#listreviter_next */
export function listreviter_next(self: PyObject): PyObject | null {
  const it = self as PyListIterObject
  const seq = it.it_seq
  if (seq === null) return null
  const i = it.it_index
  if (i >= 0 && i < seq.ob_item.length) {
    it.it_index = i - 1
    const v = seq.ob_item[i]!
    Py_INCREF(v)
    return v
  }
  it.it_index = -1
  it.it_seq = null
  Py_DECREF(seq)
  return null
}

/** @cpython Objects/listobject.c#listiter_dealloc */
export function listiter_dealloc(self: PyObject): void {
  const it = self as PyListIterObject
  if (it._gc_next !== null) _PyObject_GC_UNTRACK(it)
  const seq = it.it_seq
  it.it_seq = null
  if (seq !== null) Py_DECREF(seq)
  PyObject_GC_Del(it)
}

/** @cpython Objects/listobject.c#listiter_traverse */
export function listiter_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const seq = (self as PyListIterObject).it_seq
  return seq !== null ? visit(seq, arg) : 0
}

/** `list_iterator.__length_hint__()`. */
export function listiter_len(self: PyObject): PyObject {
  const it = self as PyListIterObject
  const rt = rtOf(it)
  let len = 0
  if (it.it_seq !== null) len = Math.max(0, it.it_seq.ob_item.length - it.it_index)
  return PyLong_FromNumber(rt, len)
}

/** `list_reverseiterator.__length_hint__()`. */
export function listreviter_len(self: PyObject): PyObject {
  const it = self as PyListIterObject
  let len = it.it_index + 1
  if (it.it_seq === null || it.it_seq.ob_item.length < len) len = 0
  return PyLong_FromNumber(rtOf(it), len)
}

/** `__setstate__` of list iterators (pickling support): moves the index. */
export function listiter_setstate(self: PyObject, args: readonly PyObject[], start: number): PyObject {
  const it = self as PyListIterObject
  const rt = rtOf(it)
  let index = PyNumber_AsSsize_t(rt, args[start]!, 'OverflowError')
  if (it.it_seq !== null) {
    if (index < 0) index = 0
    else if (index > it.it_seq.ob_item.length) index = it.it_seq.ob_item.length
    it.it_index = index
  }
  return none(rt)
}

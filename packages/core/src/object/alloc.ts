/**
 * Object allocation and freeing, GC tracking, and the `count[0]` accounting that drives automatic collection.
 * @cpython Python/gc.c#_PyObject_GC_Link
 */
import { tracing } from '../events.js'
import { gc_list_append, gc_list_remove } from '../gc/gc-list.js'
import type { Runtime } from '../runtime/runtime.js'
import { OB_FREED, OB_STATIC, type PyObject } from './object.js'
import { DEAD_REFCNT } from './refcount.js'
import { Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_PREHEADER, type PyTypeObject } from './type.js'

/** Thrown by allocation when the simulated heap limit is reached; the interpreter turns it into MemoryError. */
export class SimulatedMemoryError {
  constructor(readonly nbytes: number) {}
}

/** Bytes in front of the object's address: the pre-header (managed dict/weakref) and the `PyGC_Head`. */
export function headerBytes(rt: Runtime, type: PyTypeObject): number {
  if ((type.tp_flags & Py_TPFLAGS_HAVE_GC) === 0) return 0
  const pre = (type.tp_flags & Py_TPFLAGS_PREHEADER) !== 0 ? rt.profile.gc.preHeaderSize : 0
  return pre + rt.profile.gc.gcHeadSize
}

/** The object's own size in bytes: `tp_basicsize + n * tp_itemsize`. */
export function _PyObject_VAR_SIZE(type: PyTypeObject, nitems: number): number {
  return type.tp_basicsize + nitems * type.tp_itemsize
}

function allocBlock(rt: Runtime, op: PyObject, total: number, header: number): void {
  const block = rt.mem.malloc(total)
  if (block < 0) throw new SimulatedMemoryError(total)
  op.ob_addr = block + header
  op.ob_flags = 0
  op.ob_block = total
  rt.mem.setOwner(block, op)
  if (tracing !== 0) rt.events.emitObject('alloc', op, total)
}

/**
 * Allocates a non-GC object's memory and gives it an address. The object starts with count 1.
 * @cpython Objects/object.c#_PyObject_New
 */
export function PyObject_Init<T extends PyObject>(rt: Runtime, op: T, nbytes: number): T {
  allocBlock(rt, op, nbytes, 0)
  return op
}

/**
 * Allocates a GC object (header, pre-header and object) and counts it in generation 0 when the profile counts
 * allocations. May run or schedule an automatic collection. The object starts untracked.
 * @cpython Python/gc.c#_PyObject_GC_Link
 */
export function PyObject_GC_Init<T extends PyObject>(rt: Runtime, op: T, nbytes: number, counted = true): T {
  const header = headerBytes(rt, op.ob_type)
  allocBlock(rt, op, nbytes + header, header)
  if (counted) _PyGC_CountAlloc(rt)
  return op
}

/**
 * The generation-0 accounting of one GC allocation (`counted: false` objects and reused ones skip it): the count
 * grows and may run or schedule an automatic collection.
 * @cpython Python/gc.c#_PyObject_GC_Link
 */
export function _PyGC_CountAlloc(rt: Runtime): void {
  if (rt.profile.gc.countAccounting === 'alloc') {
    const g = rt.gc.generations[0]!
    g.count++
    maybeCollect(rt, g.count, g.threshold)
  }
}

/** The generation-0 accounting of one GC deallocation. @cpython Python/gc.c#PyObject_GC_Del */
export function _PyGC_CountFree(rt: Runtime): void {
  if (rt.profile.gc.countAccounting === 'alloc') {
    const g = rt.gc.generations[0]!
    if (g.count > 0) g.count--
  }
}

function maybeCollect(rt: Runtime, count: number, threshold: number): void {
  const gc = rt.gc
  if (count > threshold && threshold !== 0 && gc.enabled && !gc.collecting) {
    if (rt.profile.gc.autoCollect === 'in-allocation') rt.hooks.collectGenerations(rt)
    else gc.scheduled = true // _Py_ScheduleGC: the eval breaker runs it
  }
}

/** Gives a statically allocated object its address (no allocator, never freed). */
export function PyObject_InitStatic<T extends PyObject>(rt: Runtime, op: T, nbytes: number): T {
  const header = headerBytes(rt, op.ob_type)
  op.ob_addr = rt.mem.staticAlloc(nbytes + header) + header
  op.ob_flags = OB_STATIC
  rt.statics.push(op)
  return op
}

/** Frees a non-GC object's memory. @cpython Objects/obmalloc.c#PyObject_Free */
export function PyObject_Free(op: PyObject): void {
  freeBlock(op, 0)
}

/** Frees a GC object's memory and uncounts it (unless it was allocated uncounted). @cpython Python/gc.c#PyObject_GC_Del */
export function PyObject_GC_Del(op: PyObject, counted = true): void {
  const rt = op.ob_type.tp_runtime
  if (counted) _PyGC_CountFree(rt)
  freeBlock(op, headerBytes(rt, op.ob_type))
}

function freeBlock(op: PyObject, header: number): void {
  const rt = op.ob_type.tp_runtime
  if (tracing !== 0) rt.events.emitObject('free', op)
  op.ob_flags |= OB_FREED
  if ((op.ob_flags & OB_STATIC) !== 0) return
  const size = op.ob_block
  if (size === 0) return
  op.ob_block = 0
  // The allocator links the freed block into its free list through the block's first word. Without a GC head that
  // word is `ob_refcnt`: a dangling reference now reads the link (an address, or 0) as the count.
  const link = rt.mem.free(op.ob_addr - header, size)
  // Debug builds: the PYMEM debug hooks fill the freed block with dead bytes (their own header holds the link).
  if (rt.debugBuild) op.ob_refcnt = DEAD_REFCNT
  else if (header === 0) op.ob_refcnt = link
}

/** The allocated size of an object's block (header included), or 0 when unknown. */
export function blockSize(op: PyObject): number {
  return op.ob_block
}

/**
 * Starts tracking: appends the object at the tail of generation 0 (the young list).
 * @cpython Include/internal/pycore_object.h#_PyObject_GC_TRACK
 */
export function _PyObject_GC_TRACK(op: PyObject): void {
  const rt = op.ob_type.tp_runtime
  const g = rt.gc.generations[0]!
  gc_list_append(op, g.head)
  if (rt.profile.gc.countAccounting === 'track') {
    g.count++
    maybeCollect(rt, g.count, g.threshold)
  }
  if (tracing !== 0) rt.events.emitObject('track', op)
}

/** @cpython Include/internal/pycore_object.h#_PyObject_GC_UNTRACK */
export function _PyObject_GC_UNTRACK(op: PyObject): void {
  const rt = op.ob_type.tp_runtime
  gc_list_remove(op)
  if (rt.profile.gc.countAccounting === 'track') {
    const g = rt.gc.generations[0]!
    if (g.count > 0) g.count--
  }
  if (tracing !== 0) rt.events.emitObject('untrack', op)
}

/** `_PyObject_GC_IS_TRACKED`. */
export function _PyObject_GC_IS_TRACKED(op: PyObject): boolean {
  return op._gc_next !== null
}

/** `PyObject_GC_Track`: tracks unless already tracked. */
export function PyObject_GC_Track(op: PyObject): void {
  if (op._gc_next === null) _PyObject_GC_TRACK(op)
}

/** `PyObject_GC_UnTrack`: untracks if tracked. */
export function PyObject_GC_UnTrack(op: PyObject): void {
  if (op._gc_next !== null) _PyObject_GC_UNTRACK(op)
}

/**
 * `_PyObject_GC_MAY_BE_TRACKED`: whether a value might make its container reachable from a cycle
 * (a GC object, except tuples that are currently untracked).
 */
export function _PyObject_GC_MAY_BE_TRACKED(op: PyObject): boolean {
  const t = op.ob_type
  if ((t.tp_flags & Py_TPFLAGS_HAVE_GC) === 0) return false
  if (t === t.tp_runtime.types.tuple) return op._gc_next !== null
  return t.tp_is_gc === null || t.tp_is_gc(op)
}

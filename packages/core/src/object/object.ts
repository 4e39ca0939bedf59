import type { PyTypeObject } from './type.js'

/** A link in an intrusive `PyGC_Head` list: a list head or a GC object. */
export interface GCLink {
  _gc_next: GCLink | null
  _gc_prev: GCLink | null
}

/** `ob_flags` bits. NON-CPYTHON: simulator bookkeeping kept next to the header. */
export const OB_FREED = 1 // the block was freed; the object is a dangling view of it
export const OB_STATIC = 2 // statically allocated: never handed to the allocator
export const OB_IMMORTAL = 4 // reported immortal by the profile (3.12+)

/** `gc_flags` bits: the flag bits CPython keeps in the low bits of `_gc_prev` / `_gc_next`. */
export const PREV_MASK_FINALIZED = 1
export const PREV_MASK_COLLECTING = 2
export const NEXT_MASK_UNREACHABLE = 4
/** 3.14 incremental collector: which old space the object is in. */
export const NEXT_MASK_OLD_SPACE_1 = 8
/** NON-CPYTHON: a temporary mark used by debug checks and snapshots. */
export const MASK_VISITED = 16

/**
 * `PyObject`: the header every object starts with.
 * `ob_addr` is the simulated address, which is what `id()` returns.
 * The `PyGC_Head` fields are meaningful only when the type has `Py_TPFLAGS_HAVE_GC`.
 */
export class PyObject implements GCLink {
  ob_refcnt: number
  ob_type: PyTypeObject
  ob_addr: number
  ob_flags: number
  /** NON-CPYTHON: the size of the object's memory block (header included), needed to free it. */
  ob_block: number
  /** `PyGC_Head._gc_next`: null when untracked. */
  _gc_next: GCLink | null
  _gc_prev: GCLink | null
  /** DEVIATION(cpython): gc_refs gets its own field instead of borrowing `_gc_prev`'s bits during a collection. */
  gc_refs: number
  gc_flags: number

  constructor(type: PyTypeObject) {
    this.ob_refcnt = 1
    this.ob_type = type
    this.ob_addr = 0
    this.ob_flags = 0
    this.ob_block = 0
    this._gc_next = null
    this._gc_prev = null
    this.gc_refs = 0
    this.gc_flags = 0
  }
}

/** The head of a `PyGC_Head` list (a generation, `unreachable`, `finalizers` …). */
export class PyGC_Head implements GCLink {
  _gc_next: GCLink
  _gc_prev: GCLink
  /** A label for debug output and snapshots. */
  readonly name: string
  /**
   * NON-CPYTHON: objects of the start-up image counted in this list but not built (reachable, referring to nothing,
   * never garbage): they move with the list and count in its size; `gc.get_objects()` materializes them.
   */
  phantoms = 0
  /** Of `phantoms`, those the next `untrack_tuples` over this list untracks (atomic tuples). */
  phantomsUntrackable = 0
  constructor(name: string) {
    this._gc_next = this
    this._gc_prev = this
    this.name = name
  }
}

/** `PyVarObject`: objects with a variable number of items report `ob_size`. */
export interface PyVarObject {
  readonly ob_size: number
}

/**
 * Per-runtime state of unsafe access: buffers ctypes owns, bytes written where the object model keeps no field,
 * and the hazard log (what unsafe code broke, and what touched the damage later).
 */
import type { PyObject, Runtime } from '@heap/core'

export type HazardKind =
  | 'forced-dealloc'
  | 'refcount-write'
  | 'type-write'
  | 'raw-write'
  | 'double-free'
  | 'alias'
  | 'stale'
  | 'use-after-free'
  | 'invalid-free'
  | 'null-read'
  | 'wild-access'

export interface Hazard {
  readonly kind: HazardKind
  /** What happened, in a sentence. */
  readonly text: string
  readonly addr: number | null
  /** The source line running when it happened. */
  readonly where: { readonly filename: string; readonly lineno: number } | null
}

export interface UnsafeState {
  /** Buffers ctypes allocated: start address → bytes. */
  readonly buffers: Map<number, Uint8Array>
  /** Bytes written into object memory where no modelled field lives (address → byte). */
  readonly overlay: Map<number, number>
  readonly hazards: Hazard[]
  /** Set when the allocator's structures are corrupt (a double free): the simulated process will crash. */
  corrupted: string | null
  /** Statically allocated objects sorted by address (rebuilt when new ones appear). */
  staticIndex: PyObject[]
  staticCount: number
}

const states = new WeakMap<Runtime, UnsafeState>()

export function unsafeState(rt: Runtime): UnsafeState {
  let s = states.get(rt)
  if (s === undefined) {
    s = { buffers: new Map(), overlay: new Map(), hazards: [], corrupted: null, staticIndex: [], staticCount: -1 }
    states.set(rt, s)
  }
  return s
}

const MAX_HAZARDS = 1000

/** Whether the hazard record is full (then `recordHazard` does nothing: callers may skip building the text). */
export function hazardsFull(rt: Runtime): boolean {
  return unsafeState(rt).hazards.length >= MAX_HAZARDS
}

/** Records a hazard (bounded: a runaway loop of unsafe writes keeps the first 1000). */
export function recordHazard(rt: Runtime, kind: HazardKind, text: string, addr: number | null = null): void {
  const s = unsafeState(rt)
  if (s.hazards.length >= MAX_HAZARDS) return
  s.hazards.push({ kind, text, addr, where: rt.location() })
  rt.events.emitUnsafe(kind, { addr: addr ?? undefined, detail: text })
}

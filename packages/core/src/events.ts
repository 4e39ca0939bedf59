/**
 * NON-CPYTHON: the observable event stream. Nothing is built unless a listener is attached:
 * hot paths test one module-level counter.
 */
import type { PyObject } from './object/object.js'

export type HeapEventKind =
  | 'alloc'
  | 'incref'
  | 'decref'
  | 'dealloc'
  | 'free'
  | 'track'
  | 'untrack'
  | 'finalize'
  | 'weakref-clear'
  | 'gc-phase'
  | 'gc-start'
  | 'gc-stop'
  | 'unsafe'

export interface HeapEventBase {
  readonly kind: HeapEventKind
  /** Monotonic sequence number within the runtime. */
  readonly seq: number
}

export interface ObjectEvent extends HeapEventBase {
  readonly kind: 'alloc' | 'incref' | 'decref' | 'dealloc' | 'free' | 'track' | 'untrack' | 'finalize' | 'weakref-clear'
  readonly op: PyObject
  /** `ob_refcnt` after the event. */
  readonly refcnt: number
  readonly size?: number
}

export interface GCPhaseEvent extends HeapEventBase {
  readonly kind: 'gc-phase' | 'gc-start' | 'gc-stop'
  /** The CPython function the phase mirrors: 'update_refs', 'move_unreachable', 'finalize_garbage' … */
  readonly phase: string
  readonly generation: number
  readonly detail?: Readonly<Record<string, unknown>>
}

export interface UnsafeEvent extends HeapEventBase {
  readonly kind: 'unsafe'
  readonly action: string
  readonly op?: PyObject
  readonly addr?: number
  readonly detail?: string
}

export type HeapEvent = ObjectEvent | GCPhaseEvent | UnsafeEvent
export type HeapEventListener = (ev: HeapEvent) => void

/** How many runtimes currently have listeners. Read on every refcount change. */
export let tracing = 0

export class EventHub {
  private readonly listeners: HeapEventListener[] = []
  private kinds: Set<HeapEventKind> | null = null
  seq = 0

  get active(): boolean {
    return this.listeners.length > 0
  }

  /** Adds a listener; returns a function that removes it. */
  listen(fn: HeapEventListener): () => void {
    if (this.listeners.length === 0) tracing++
    this.listeners.push(fn)
    return () => {
      const i = this.listeners.indexOf(fn)
      if (i < 0) return
      this.listeners.splice(i, 1)
      if (this.listeners.length === 0) tracing--
    }
  }

  /** Restricts emission to some kinds (null: all). */
  filter(kinds: readonly HeapEventKind[] | null): void {
    this.kinds = kinds ? new Set(kinds) : null
  }

  wants(kind: HeapEventKind): boolean {
    return this.listeners.length > 0 && (this.kinds === null || this.kinds.has(kind))
  }

  emitObject(kind: ObjectEvent['kind'], op: PyObject, size?: number): void {
    if (!this.wants(kind)) return
    const ev: ObjectEvent = size === undefined ? { kind, seq: ++this.seq, op, refcnt: op.ob_refcnt } : { kind, seq: ++this.seq, op, refcnt: op.ob_refcnt, size }
    for (const l of this.listeners) l(ev)
  }

  emitPhase(kind: GCPhaseEvent['kind'], phase: string, generation: number, detail?: Readonly<Record<string, unknown>>): void {
    if (!this.wants(kind)) return
    const ev: GCPhaseEvent = detail ? { kind, seq: ++this.seq, phase, generation, detail } : { kind, seq: ++this.seq, phase, generation }
    for (const l of this.listeners) l(ev)
  }

  emitUnsafe(action: string, info: { op?: PyObject; addr?: number; detail?: string }): void {
    if (!this.wants('unsafe')) return
    const ev: UnsafeEvent = { kind: 'unsafe', seq: ++this.seq, action, ...info }
    for (const l of this.listeners) l(ev)
  }
}

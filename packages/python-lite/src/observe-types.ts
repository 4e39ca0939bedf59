/**
 * NON-CPYTHON: what a run can report besides its output — heap snapshots, the event timeline and the collector's
 * phases — for the CLI (`--trace`, `--graph`) and the documentation site. Plain JSON-able data.
 */

/** One object in a snapshot. `id` is the simulated address (`id()`). */
export interface SnapshotObject {
  readonly id: number
  readonly type: string
  /** A short repr (truncated), safe to compute (never runs user code). */
  readonly repr: string
  readonly refcnt: number
  readonly immortal: boolean
  /** Tracked by the collector, and in which generation list (null when untracked or not a container). */
  readonly tracked: boolean
  readonly generation: number | null
  /** PEP 442: its finalizer already ran. */
  readonly finalized: boolean
  /** Objects it refers to (`tp_traverse`, plus non-container references for the picture), by id. */
  readonly referents: readonly number[]
  /** Not reachable from any root (garbage waiting for the collector). */
  readonly unreachable: boolean
  readonly size: number
}

/** A name that refers to an object: a global, a local of a frame, a cell. */
export interface SnapshotRoot {
  readonly name: string
  /** 'global', 'local:<function>', 'builtins._' … */
  readonly scope: string
  readonly id: number
}

export interface HeapSnapshot {
  readonly label: string
  readonly profile: string
  /** Source position where the snapshot was taken (a breakpoint() call), if any. */
  readonly line: number | null
  readonly objects: readonly SnapshotObject[]
  readonly roots: readonly SnapshotRoot[]
  /** `gc.get_count()` and the length of each generation list. */
  readonly generations: readonly { readonly count: number; readonly threshold: number; readonly size: number }[]
  /** The timeline's sequence number when the snapshot was taken (events with a higher `seq` came after). */
  readonly seq?: number
}

export type TraceKind = 'alloc' | 'incref' | 'decref' | 'dealloc' | 'free' | 'track' | 'untrack' | 'finalize' | 'weakref-clear' | 'gc'

/** One event of the timeline. */
export interface TraceEvent {
  readonly seq: number
  readonly kind: TraceKind
  readonly file: string | null
  readonly line: number | null
  /** The object concerned (absent for collector phases). */
  readonly id?: number
  readonly type?: string
  readonly repr?: string
  /** `ob_refcnt` after the event. */
  readonly refcnt?: number
  /** For 'gc': the phase (CPython's function name) and generation; for others, extra facts. */
  readonly phase?: string
  readonly generation?: number
  readonly detail?: string
}

/** One phase of a collection, with the objects (ids) on each list at that point. */
export interface GCStep {
  readonly phase: string
  readonly generation: number
  readonly description: string
  readonly lists: Readonly<Record<string, readonly number[]>>
  /** `gc_refs` per object id during the phases that compute them. */
  readonly gcRefs?: Readonly<Record<number, number>>
  /** The heap at this point of the collection. */
  readonly snapshot?: HeapSnapshot
}

export interface ObserveOptions {
  /** Record the event timeline (all kinds, or the listed ones). */
  trace?: boolean | readonly TraceKind[]
  /** Heap snapshots at each `breakpoint()` call and/or at exit (before finalization). */
  snapshots?: 'none' | 'exit' | 'breakpoints' | 'both'
  /** Step the first explicit `gc.collect()` (or a final collection) phase by phase. */
  gcSteps?: boolean
  /** Interactive mode: a heap snapshot after each statement (labelled with its first line). */
  statementSnapshots?: boolean
  /** Cap on recorded events (default 20,000). */
  maxEvents?: number
  /** Called with each event as it happens (the CLI prints the timeline live). */
  onEvent?: (ev: TraceEvent) => void
}

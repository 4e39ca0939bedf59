/**
 * The collector's data: generations, counts, thresholds and the `gc` module's state. The algorithm lives in
 * @heap/gc; core only keeps the lists and counts up to date, so that core alone behaves like CPython after
 * `gc.disable()`.
 * @cpython Include/internal/pycore_gc.h#_gc_runtime_state
 */
import type { PyObject } from '../object/object.js'
import { PyGC_Head } from './gc-list.js'

export const NUM_GENERATIONS = 3

/** `struct gc_generation`. */
export class GCGeneration {
  readonly head: PyGC_Head
  threshold: number
  count: number
  constructor(name: string, threshold: number) {
    this.head = new PyGC_Head(name)
    this.threshold = threshold
    this.count = 0
  }
}

/** `struct gc_generation_stats`. */
export interface GCGenerationStats {
  collections: number
  collected: number
  uncollectable: number
}

export class GCState {
  enabled = true
  debug = 0
  readonly generations: GCGeneration[]
  readonly permanent_generation: GCGeneration
  readonly generation_stats: GCGenerationStats[]
  collecting = false
  /** `gc.garbage` (a list object, owned) and `gc.callbacks` (a list object, owned); set by the runtime. */
  garbage: PyObject | null = null
  callbacks: PyObject | null = null
  long_lived_total = 0
  long_lived_pending = 0
  /** 3.12+: a collection was requested by an allocation and waits for the eval breaker. */
  scheduled = false
  /** 3.14 incremental collector state. */
  visited_space = 0
  work_to_do = 0
  phase: 'mark' | 'collect' = 'mark'
  /** The 3.14 incremental collector's two old spaces (old[0], old[1]). */
  readonly old: [GCGeneration, GCGeneration]

  constructor(thresholds: readonly [number, number, number]) {
    this.generations = [
      new GCGeneration('generation 0', thresholds[0]),
      new GCGeneration('generation 1', thresholds[1]),
      new GCGeneration('generation 2', thresholds[2]),
    ]
    this.permanent_generation = new GCGeneration('permanent generation', 0)
    this.generation_stats = [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 }))
    this.old = [this.generations[1]!, this.generations[2]!]
  }

  /** `GEN_HEAD(n)`. */
  gen(n: number): PyGC_Head {
    return this.generations[n]!.head
  }
}

/**
 * The `gc` module's operations, as TypeScript functions over a runtime. The interpreter wraps them into the
 * Python-level module (argument checking, result objects).
 * @cpython Modules/gcmodule.c
 */
import {
  PREV_MASK_FINALIZED,
  PyErr_Format,
  PyObject_IS_GC,
  gc_list_merge,
  gc_list_objects,
  gc_list_size,
  type PyGC_Head,
  type PyObject,
  type Runtime,
} from '@heap/core'
import { collectGeneration, NUM_GENERATIONS, type CollectReason } from './collect.js'
import { collectIncremental } from './incremental.js'
import { ensureGCLists } from './state.js'

function incremental(rt: Runtime): boolean {
  return rt.profile.gc.collector === 'incremental'
}

export function gc_enable(rt: Runtime): void {
  rt.gc.enabled = true
}

export function gc_disable(rt: Runtime): void {
  rt.gc.enabled = false
}

export function gc_isenabled(rt: Runtime): boolean {
  return rt.gc.enabled
}

/**
 * `gc.collect(generation=2)`: runs whether or not the collector is enabled; ValueError for a bad generation.
 * Returns CPython's count (unreachable objects found, uncollectable included). A collection already running
 * makes this a no-op returning 0.
 * @cpython Modules/gcmodule.c#gc_collect_impl
 */
export function gc_collect(rt: Runtime, generation = NUM_GENERATIONS - 1, reason: CollectReason = 'manual'): number {
  if (generation < 0 || generation >= NUM_GENERATIONS) throw PyErr_Format(rt, 'ValueError', 'invalid generation')
  if (rt.gc.collecting) return 0
  ensureGCLists(rt)
  if (incremental(rt)) return collectIncremental(rt, generation, reason)
  return collectGeneration(rt, generation, reason)
}

/** `gc.get_count()`. */
export function gc_get_count(rt: Runtime): [number, number, number] {
  const g = rt.gc.generations
  return [g[0]!.count, g[1]!.count, g[2]!.count]
}

/** `gc.get_threshold()`: threshold 2 reads 0 where it is ignored (3.14.0–3.14.4). */
export function gc_get_threshold(rt: Runtime): [number, number, number] {
  const g = rt.gc.generations
  return [g[0]!.threshold, g[1]!.threshold, rt.profile.gc.threshold2Ignored ? 0 : g[2]!.threshold]
}

/** `gc.set_threshold(t0[, t1[, t2]])`. */
export function gc_set_threshold(rt: Runtime, t0: number, t1?: number, t2?: number): void {
  const g = rt.gc.generations
  g[0]!.threshold = t0
  if (t1 !== undefined) g[1]!.threshold = t1
  if (t2 !== undefined) g[2]!.threshold = t2
}

export function gc_get_debug(rt: Runtime): number {
  return rt.gc.debug
}

export function gc_set_debug(rt: Runtime, flags: number): void {
  rt.gc.debug = flags
}

/**
 * `gc.get_objects(generation=None)`: tracked objects in list order (borrowed). Generation 1 has no objects under
 * the incremental collector.
 */
export function gc_get_objects(rt: Runtime, generation: number | null): PyObject[] {
  if (generation === -1) generation = null
  if (generation !== null) {
    if (generation < 0) throw PyErr_Format(rt, 'ValueError', 'generation parameter cannot be negative')
    if (generation >= NUM_GENERATIONS) {
      throw PyErr_Format(rt, 'ValueError', `generation parameter must be less than the number of available generations (${NUM_GENERATIONS})`)
    }
    if (incremental(rt)) {
      if (generation === 0) return listObjects(rt, rt.gc.gen(0))
      if (generation === 1) return []
      return [...listObjects(rt, rt.gc.gen(1)), ...listObjects(rt, rt.gc.gen(2))]
    }
    return listObjects(rt, rt.gc.gen(generation))
  }
  const out: PyObject[] = []
  for (let i = 0; i < NUM_GENERATIONS; i++) out.push(...listObjects(rt, rt.gc.gen(i)))
  return out
}

/** A generation's objects, the start-up image's counted ones built first. */
function listObjects(rt: Runtime, head: PyGC_Head): PyObject[] {
  if (head.phantoms !== 0 && rt.materializePhantoms !== null) rt.materializePhantoms(head)
  return gc_list_objects(head)
}

/** `gc.get_referrers(*objs)`: containers (in the generations, not the permanent one) that refer to any of objs. */
export function gc_get_referrers(rt: Runtime, objs: readonly PyObject[], argsTuple: PyObject | null = null): PyObject[] {
  const targets = new Set(objs)
  const out: PyObject[] = []
  for (let i = 0; i < NUM_GENERATIONS; i++) {
    const head = rt.gc.gen(i)
    for (let g = head._gc_next; g !== head; g = g._gc_next!) {
      const op = g as PyObject
      const traverse = op.ob_type.tp_traverse
      // The call's own argument tuple refers to every target; a target that refers to itself is a referrer.
      if (traverse === null || op === argsTuple) continue
      let found = false
      traverse(op, (ref) => {
        if (targets.has(ref)) {
          found = true
          return 1
        }
        return 0
      }, null)
      if (found) out.push(op)
    }
  }
  return out
}

/** `gc.get_referents(*objs)`: what each container's `tp_traverse` visits (borrowed). */
export function gc_get_referents(rt: Runtime, objs: readonly PyObject[]): PyObject[] {
  void rt
  const out: PyObject[] = []
  for (const op of objs) {
    if (!PyObject_IS_GC(op)) continue
    const traverse = op.ob_type.tp_traverse
    if (traverse === null) continue
    traverse(op, (ref) => {
      out.push(ref)
      return 0
    }, null)
  }
  return out
}

export function gc_is_tracked(op: PyObject): boolean {
  return PyObject_IS_GC(op) && op._gc_next !== null
}

/** `gc.is_finalized(obj)` (3.9+). */
export function gc_is_finalized(op: PyObject): boolean {
  return PyObject_IS_GC(op) && (op.gc_flags & PREV_MASK_FINALIZED) !== 0
}

/** `gc.get_stats()`. */
export function gc_get_stats(rt: Runtime): { collections: number; collected: number; uncollectable: number }[] {
  return rt.gc.generation_stats.map((s) => ({ ...s }))
}

/** `gc.freeze()`: every tracked object moves to the permanent generation; counts restart. */
export function gc_freeze(rt: Runtime): void {
  for (let i = 0; i < NUM_GENERATIONS; i++) {
    gc_list_merge(rt.gc.gen(i), rt.gc.permanent_generation.head)
    rt.gc.generations[i]!.count = 0
  }
}

/** `gc.unfreeze()`: the permanent generation joins the oldest one. */
export function gc_unfreeze(rt: Runtime): void {
  const target = incremental(rt) ? rt.gc.gen(1 + rt.gc.visited_space) : rt.gc.gen(NUM_GENERATIONS - 1)
  gc_list_merge(rt.gc.permanent_generation.head, target)
}

export function gc_get_freeze_count(rt: Runtime): number {
  return gc_list_size(rt.gc.permanent_generation.head)
}

/**
 * The shutdown warning `_PyGC_DumpShutdownStats` emits (as a ResourceWarning) when `gc.garbage` is not empty,
 * or null.
 */
export function shutdownGarbageWarning(rt: Runtime): string | null {
  const g = rt.gc.garbage
  const n = g === null ? 0 : (g as unknown as { ob_item: PyObject[] }).ob_item.length
  if (n === 0) return null
  const debug = (rt.gc.debug & (rt.profile.gc.debugFlags['DEBUG_UNCOLLECTABLE'] ?? 4)) !== 0
  return debug ? `gc: ${n} uncollectable objects at shutdown` : `gc: ${n} uncollectable objects at shutdown; use gc.set_debug(gc.DEBUG_UNCOLLECTABLE) to list them`
}

/**
 * @heap/gc — CPython's cycle collector (generational, and the 3.14.0–3.14.4 incremental variant) and the `gc`
 * module's operations, on @heap/core. `installGC(rt)` connects a runtime: allocations over the threshold then
 * collect (≤3.11) or schedule a collection for the eval breaker (3.12+, run by `_Py_RunGC`).
 */
import { type Runtime } from '@heap/core'
import { collect_generations, collectGeneration, gc_collect_main, NUM_GENERATIONS, showStatsAtStart, type PhaseView } from './collect.js'
import { collectIncremental } from './incremental.js'
import { ensureGCLists } from './state.js'
import { PyGC_Head, gc_list_merge } from '@heap/core'

export { NUM_GENERATIONS }
export type { CollectReason, PhaseView, PhaseObserver } from './collect.js'
export { observePhases } from './collect.js'
export {
  update_refs,
  subtract_refs,
  move_unreachable,
  deduce_unreachable,
  untrack_tuples,
  untrack_dicts,
  move_legacy_finalizers,
  move_legacy_finalizer_reachable,
  finalize_garbage,
  handle_resurrected_objects,
  check_garbage,
  delete_garbage,
  handle_legacy_finalizers,
  collect_generations,
} from './collect.js'
export { handle_weakrefs } from './weakrefs.js'
export { validate_list, setDebugChecks, debugChecksEnabled, GCInvariantError } from './validate.js'
export * from './gcmodule.js'

/** Connects the collector to a runtime (idempotent). */
export function installGC(rt: Runtime): void {
  ensureGCLists(rt)
  rt.hooks.collectGenerations = (r) => {
    if (r.profile.gc.collector === 'incremental') collectIncremental(r, 1, 'heap')
    else collect_generations(r)
  }
}

/**
 * The eval breaker found a scheduled collection (3.12+).
 * @cpython Python/gc.c#_Py_RunGC
 */
export function _Py_RunGC(rt: Runtime): void {
  if (!rt.gc.enabled || rt.gc.collecting) return
  if (rt.profile.gc.collector === 'incremental') collectIncremental(rt, 1, 'heap')
  else collect_generations(rt)
}

/** `PyGC_Collect`: a full collection at exit, unless the collector is disabled (then 0). */
export function PyGC_Collect(rt: Runtime): number {
  if (!rt.gc.enabled || rt.gc.collecting) return 0
  ensureGCLists(rt)
  if (rt.profile.gc.collector === 'incremental') return collectIncremental(rt, 2, 'shutdown')
  return collectGeneration(rt, NUM_GENERATIONS - 1, 'shutdown')
}

/** `_PyGC_CollectNoFail`: a full collection during finalization, whatever `gc.disable()` said. */
export function _PyGC_CollectNoFail(rt: Runtime): number {
  if (rt.gc.collecting) return 0
  ensureGCLists(rt)
  if (rt.profile.gc.collector === 'incremental') return collectIncremental(rt, 2, 'shutdown')
  return collectGeneration(rt, NUM_GENERATIONS - 1, 'shutdown')
}

/**
 * Steps through one collection of `generation` phase by phase (for the docs' GC stepper): each `next()` returns
 * the lists after a phase. The collection really happens.
 */
export function* collectStepwise(rt: Runtime, generation = NUM_GENERATIONS - 1): Generator<PhaseView, number, void> {
  const gc = rt.gc
  ensureGCLists(rt)
  gc.collecting = true
  try {
    if (generation + 1 < NUM_GENERATIONS) gc.generations[generation + 1]!.count += 1
    for (let i = 0; i <= generation; i++) gc.generations[i]!.count = 0
    showStatsAtStart(rt, generation)
    let young: PyGC_Head
    let old: PyGC_Head
    if (rt.profile.gc.collector === 'incremental') {
      young = new PyGC_Head('young')
      for (let i = 0; i <= generation; i++) gc_list_merge(gc.gen(i), young)
      old = gc.gen(1 + gc.visited_space)
    } else {
      for (let i = 0; i < generation; i++) gc_list_merge(gc.gen(i), gc.gen(generation))
      young = gc.gen(generation)
      old = generation < NUM_GENERATIONS - 1 ? gc.gen(generation + 1) : young
    }
    const g = gc_collect_main(rt, generation, young, old, true)
    for (;;) {
      const r = g.next()
      if (r.done) return r.value[0] + r.value[1]
      yield r.value
    }
  } finally {
    gc.collecting = false
  }
}

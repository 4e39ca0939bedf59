/**
 * The 3.14.0–3.14.4 incremental collector (the `3.14` profile follows 3.14.2): a young generation and two old
 * "spaces". Young collections put survivors in the visited space; an increment also scans the pending space;
 * a full collection scans everything and swaps the spaces. Automatic collections run increments and report
 * generation 1.
 * DEVIATION(cpython): an increment here scans the whole pending space (CPython bounds it by a work budget and
 * marks from the roots first); results differ only when garbage sits in the old spaces.
 * @cpython Python/gc.c#gc_collect_increment @ main-incremental
 */
import { PyGC_Head, gc_list_is_empty, gc_list_merge, type Runtime } from '@heap/core'
import { runCollection, showStatsAtStart, untrack_tuples, type CollectReason } from './collect.js'
import { invokeCallbacks } from './state.js'

/** The old space objects are promoted into (index into generations 1/2). */
export function visitedSpace(rt: Runtime): PyGC_Head {
  return rt.gc.gen(1 + rt.gc.visited_space)
}

export function pendingSpace(rt: Runtime): PyGC_Head {
  return rt.gc.gen(2 - rt.gc.visited_space)
}

function region(rt: Runtime, generation: number, members: PyGC_Head, survivorsTo: PyGC_Head, reason: CollectReason): [number, number] {
  rt.events.emitPhase('gc-start', 'gc_collect_region', generation)
  const r = runCollection(rt, generation, members, survivorsTo, reason)
  rt.events.emitPhase('gc-stop', 'gc_collect_region', generation, { collected: r[0], uncollectable: r[1] })
  return r
}

/** `gc.collect(0)`. @cpython Python/gc.c#gc_collect_young */
function collectYoung(rt: Runtime, reason: CollectReason): [number, number] {
  const gc = rt.gc
  untrack_tuples(rt, gc.gen(0))
  const young = new PyGC_Head('young')
  gc_list_merge(gc.gen(0), young)
  const r = region(rt, 0, young, visitedSpace(rt), reason)
  gc.generations[0]!.count = 0
  gc.generations[1]!.count += 1
  return r
}

/** `gc.collect(1)` and automatic collections. @cpython Python/gc.c#gc_collect_increment */
function collectIncrement(rt: Runtime, reason: CollectReason): [number, number] {
  const gc = rt.gc
  const inc = new PyGC_Head('increment')
  gc_list_merge(gc.gen(0), inc)
  gc_list_merge(pendingSpace(rt), inc)
  const r = region(rt, 1, inc, visitedSpace(rt), reason)
  gc.generations[0]!.count = 0
  if (gc_list_is_empty(pendingSpace(rt)) && pendingSpace(rt).phantoms === 0) gc.visited_space ^= 1
  return r
}

/** `gc.collect()` / `gc.collect(2)`. @cpython Python/gc.c#gc_collect_full */
function collectFull(rt: Runtime, reason: CollectReason): [number, number] {
  const gc = rt.gc
  const all = new PyGC_Head('all')
  gc_list_merge(gc.gen(0), all)
  gc_list_merge(pendingSpace(rt), all)
  gc_list_merge(visitedSpace(rt), all)
  const r = region(rt, 2, all, visitedSpace(rt), reason)
  for (const g of gc.generations) g.count = 0
  gc.visited_space ^= 1
  gc_list_merge(pendingSpace(rt), visitedSpace(rt))
  return r
}

export function collectIncremental(rt: Runtime, generation: number, reason: CollectReason): number {
  const skip = reason === 'shutdown' && rt.profile.gc.callbacksSkippedAtShutdown
  const reported = reason === 'heap' ? 1 : generation
  // The callbacks run inside the collection: what they allocate cannot start another one.
  rt.gc.collecting = true
  try {
    if (!skip) invokeCallbacks(rt, 'start', reported, 0, 0)
    showStatsAtStart(rt, Math.min(generation, 2))
    const [m, n] = generation === 0 ? collectYoung(rt, reason) : generation === 1 ? collectIncrement(rt, reason) : collectFull(rt, reason)
    if (!skip) invokeCallbacks(rt, 'stop', reported, m, n)
    return m + n
  } finally {
    rt.gc.collecting = false
  }
}

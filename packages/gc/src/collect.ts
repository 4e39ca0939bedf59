/**
 * The cycle collector: one collection of a generation, read top to bottom as CPython's `gc_collect_main`.
 * Each phase is a small function named after its CPython counterpart; version differences are profile questions
 * asked inside the phase they affect.
 *
 * Terms: `young` is the generation being collected (younger ones merged into it), `old` the generation survivors
 * move to, `unreachable` the tentatively unreachable objects, `finalizers` the objects kept alive by legacy
 * (`tp_del`) finalizers.
 * @cpython Python/gc.c#gc_collect_main
 */
import {
  NEXT_MASK_UNREACHABLE,
  PREV_MASK_COLLECTING,
  PREV_MASK_FINALIZED,
  PyGC_Head,
  PyObject_IS_GC,
  PyObject_GC_Del,
  _PyGC_CountFree,
  PyObject_Free,
  PyErr,
  Py_DECREF,
  Py_INCREF,
  _PyObject_GC_UNTRACK,
  _Py_IsImmortal,
  _PyTuple_MaybeUntrack,
  _PyDict_MaybeUntrack,
  gc_list_append,
  gc_list_init,
  gc_list_is_empty,
  gc_list_merge,
  gc_list_move,
  gc_list_size,
  type GCLink,
  type PyObject,
  type Runtime,
} from '@heap/core'
import { debugCycle, debugStatsDone, debugStatsStart } from './debug.js'
import { handle_weakrefs } from './weakrefs.js'
import { validate_list, VALIDATE_COLLECTING_CLEAR, VALIDATE_COLLECTING_SET } from './validate.js'
import { appendGarbage, invokeCallbacks } from './state.js'

export const NUM_GENERATIONS = 3

/** Why a collection runs (3.13 skips callbacks at shutdown). */
export type CollectReason = 'manual' | 'heap' | 'shutdown'

/** What a stepping host sees after each phase. */
export interface PhaseView {
  readonly phase: string
  readonly generation: number
  readonly description: string
  readonly lists: Readonly<Record<string, readonly PyObject[]>>
  readonly gcRefs?: ReadonlyMap<PyObject, number>
}

function objects(list: PyGC_Head): PyObject[] {
  const out: PyObject[] = []
  for (let gc = list._gc_next; gc !== list; gc = gc._gc_next!) out.push(gc as PyObject)
  return out
}

function asObj(gc: GCLink): PyObject {
  return gc as PyObject
}

// --- phases --------------------------------------------------------------------------------------------------

/**
 * Copies each object's reference count into `gc_refs` and marks it as being collected. 3.12/3.13 move immortal
 * objects to the permanent generation here; 3.14 untracks them.
 * @cpython Python/gc.c#update_refs
 */
export function update_refs(rt: Runtime, containers: PyGC_Head): void {
  const immortals = rt.profile.gc.immortalsDuringCollect
  const tuples = rt.profile.gc.untrackTuples === 'update-refs' ? rt.types.tuple : null
  if (tuples !== null) {
    containers.phantoms -= containers.phantomsUntrackable
    containers.phantomsUntrackable = 0
  }
  let gc = containers._gc_next
  while (gc !== containers) {
    const op = asObj(gc)
    const next = gc._gc_next!
    if (immortals !== 'none' && _Py_IsImmortal(op)) {
      if (immortals === 'move-to-permanent') gc_list_move(op, rt.gc.permanent_generation.head)
      else _PyObject_GC_UNTRACK(op)
      gc = next
      continue
    }
    if (op.ob_type === tuples) {
      _PyTuple_MaybeUntrack(op)
      if (op._gc_next === null) {
        gc = next
        continue
      }
    }
    op.gc_refs = op.ob_refcnt
    op.gc_flags |= PREV_MASK_COLLECTING
    gc = next
  }
}

/** A reference from one collected object to another does not keep it alive: subtract it. */
function visit_decref(op: PyObject): number {
  if ((op.gc_flags & PREV_MASK_COLLECTING) !== 0 && PyObject_IS_GC(op)) op.gc_refs--
  return 0
}

/**
 * Subtracts the references between the collected objects; what is left in `gc_refs` comes from outside.
 * @cpython Python/gc.c#subtract_refs
 */
export function subtract_refs(containers: PyGC_Head): void {
  for (let gc = containers._gc_next; gc !== containers; gc = gc._gc_next!) {
    const op = asObj(gc)
    const traverse = op.ob_type.tp_traverse
    if (traverse !== null) traverse(op, visit_decref, op)
  }
}

/**
 * Reached from a reachable object: a tentatively unreachable object goes back to the tail of `young` (it will be
 * scanned again); an object not yet scanned is marked reachable.
 * @cpython Python/gc.c#visit_reachable
 */
function visit_reachable(op: PyObject, young: unknown): number {
  if ((op.gc_flags & PREV_MASK_COLLECTING) === 0 || !PyObject_IS_GC(op)) return 0
  if ((op.gc_flags & NEXT_MASK_UNREACHABLE) !== 0) {
    op.gc_flags &= ~NEXT_MASK_UNREACHABLE
    gc_list_move(op, young as PyGC_Head)
    op.gc_refs = 1
  } else if (op.gc_refs === 0) {
    op.gc_refs = 1
  }
  return 0
}

/**
 * Splits `young` into reachable (stays, in a new order: an object is kept where the scan finds it, its referents
 * follow as the scan reaches them) and tentatively unreachable (moved to `unreachable`, marked).
 * The next object is read only after an object's traversal, because the traversal may append to `young`.
 * @cpython Python/gc.c#move_unreachable
 */
export function move_unreachable(young: PyGC_Head, unreachable: PyGC_Head): void {
  let prev: GCLink = young
  let gc = young._gc_next
  while (gc !== young) {
    const op = asObj(gc)
    if (op.gc_refs > 0) {
      const traverse = op.ob_type.tp_traverse
      if (traverse !== null) traverse(op, visit_reachable, young)
      op.gc_flags &= ~PREV_MASK_COLLECTING
      prev = op
    } else {
      gc_list_move(op, unreachable)
      op.gc_flags |= NEXT_MASK_UNREACHABLE
    }
    gc = prev._gc_next!
  }
}

/** update_refs + subtract_refs + move_unreachable. @cpython Python/gc.c#deduce_unreachable */
export function deduce_unreachable(rt: Runtime, base: PyGC_Head, unreachable: PyGC_Head): void {
  validate_list(base, VALIDATE_COLLECTING_CLEAR)
  update_refs(rt, base)
  subtract_refs(base)
  move_unreachable(base, unreachable)
  validate_list(base, VALIDATE_COLLECTING_CLEAR)
  validate_list(unreachable, VALIDATE_COLLECTING_SET)
}

/** Tuples whose items cannot form cycles stop being tracked. @cpython Python/gc.c#untrack_tuples */
export function untrack_tuples(rt: Runtime, head: PyGC_Head): void {
  head.phantoms -= head.phantomsUntrackable
  head.phantomsUntrackable = 0
  const tuple = rt.types.tuple
  let gc = head._gc_next
  while (gc !== head) {
    const next = gc._gc_next!
    const op = asObj(gc)
    if (op.ob_type === tuple) _PyTuple_MaybeUntrack(op)
    gc = next
  }
}

/** Dicts of atomic values stop being tracked (full collections, ≤3.13). @cpython Python/gc.c#untrack_dicts */
export function untrack_dicts(rt: Runtime, head: PyGC_Head): void {
  const dict = rt.types.dict
  let gc = head._gc_next
  while (gc !== head) {
    const next = gc._gc_next!
    const op = asObj(gc)
    if (op.ob_type === dict) _PyDict_MaybeUntrack(op)
    gc = next
  }
}

function has_legacy_finalizer(op: PyObject): boolean {
  return op.ob_type.tp_del !== null
}

/** Objects with a legacy finalizer leave `unreachable` for `finalizers`. @cpython Python/gc.c#move_legacy_finalizers */
export function move_legacy_finalizers(unreachable: PyGC_Head, finalizers: PyGC_Head): void {
  let gc = unreachable._gc_next
  while (gc !== unreachable) {
    const op = asObj(gc)
    const next = gc._gc_next!
    op.gc_flags &= ~NEXT_MASK_UNREACHABLE
    if (has_legacy_finalizer(op)) {
      op.gc_flags &= ~PREV_MASK_COLLECTING
      gc_list_move(op, finalizers)
    }
    gc = next
  }
}

function visit_move(op: PyObject, tolist: unknown): number {
  if ((op.gc_flags & PREV_MASK_COLLECTING) !== 0 && PyObject_IS_GC(op)) {
    gc_list_move(op, tolist as PyGC_Head)
    op.gc_flags &= ~PREV_MASK_COLLECTING
  }
  return 0
}

/** Everything reachable from `finalizers` is kept too. @cpython Python/gc.c#move_legacy_finalizer_reachable */
export function move_legacy_finalizer_reachable(finalizers: PyGC_Head): void {
  for (let gc = finalizers._gc_next; gc !== finalizers; gc = gc._gc_next!) {
    const op = asObj(gc)
    const traverse = op.ob_type.tp_traverse
    if (traverse !== null) traverse(op, visit_move, finalizers)
  }
}

/**
 * Runs `tp_finalize` (PEP 442 `__del__`) once per object, in list order: the head is taken off, moved to `seen`,
 * finalized if it was not already, and the list is walked until empty.
 * @cpython Python/gc.c#finalize_garbage
 */
export function finalize_garbage(rt: Runtime, collectable: PyGC_Head): void {
  const seen = new PyGC_Head('seen')
  while (!gc_list_is_empty(collectable)) {
    const op = asObj(collectable._gc_next)
    gc_list_move(op, seen)
    const finalize = op.ob_type.tp_finalize
    if ((op.gc_flags & PREV_MASK_FINALIZED) === 0 && finalize !== null) {
      op.gc_flags |= PREV_MASK_FINALIZED
      rt.events.emitObject('finalize', op)
      Py_INCREF(op)
      finalize(op)
      Py_DECREF(op)
    }
  }
  gc_list_merge(seen, collectable)
}

function gc_list_clear_collecting(list: PyGC_Head): void {
  for (let gc = list._gc_next; gc !== list; gc = gc._gc_next!) asObj(gc).gc_flags &= ~PREV_MASK_COLLECTING
}

/**
 * 3.9+: after finalizers ran, the unreachable set is analysed again; objects now referenced from outside (and what
 * they reach) survive, the rest is still garbage.
 * @cpython Python/gc.c#handle_resurrected_objects
 */
export function handle_resurrected_objects(rt: Runtime, unreachable: PyGC_Head, still_unreachable: PyGC_Head, old: PyGC_Head): void {
  gc_list_clear_collecting(unreachable)
  deduce_unreachable(rt, unreachable, still_unreachable)
  for (let gc = still_unreachable._gc_next; gc !== still_unreachable; gc = gc._gc_next!) asObj(gc).gc_flags &= ~NEXT_MASK_UNREACHABLE
  gc_list_merge(unreachable, old)
}

/**
 * ≤3.8: whether any finalizer resurrected an object (then nothing in the set may be freed).
 * @cpython Modules/gcmodule.c#check_garbage
 */
export function check_garbage(collectable: PyGC_Head): boolean {
  let ret = false
  for (let gc = collectable._gc_next; gc !== collectable; gc = gc._gc_next!) {
    const op = asObj(gc)
    op.gc_refs = op.ob_refcnt
  }
  subtract_refs(collectable)
  for (let gc = collectable._gc_next; gc !== collectable; gc = gc._gc_next!) {
    const op = asObj(gc)
    if (op.gc_refs !== 0) ret = true
    op.gc_flags &= ~PREV_MASK_COLLECTING
  }
  return ret
}

/**
 * Breaks the cycles: each object is held for a moment and its `tp_clear` drops its references; reference counting
 * then frees the rest. An object still at the head afterwards survived and moves to `old`. With DEBUG_SAVEALL the
 * objects go to `gc.garbage` instead.
 * @cpython Python/gc.c#delete_garbage
 */
export function delete_garbage(rt: Runtime, collectable: PyGC_Head, old: PyGC_Head): void {
  const saveall = (rt.gc.debug & (rt.profile.gc.debugFlags['DEBUG_SAVEALL'] ?? 32)) !== 0
  while (!gc_list_is_empty(collectable)) {
    const op = asObj(collectable._gc_next)
    if (saveall) appendGarbage(rt, op)
    else {
      const clear = op.ob_type.tp_clear
      if (clear !== null) {
        Py_INCREF(op)
        try {
          clear(op)
        } catch (e) {
          if (!(e instanceof PyErr)) throw e
          rt.hooks.writeUnraisable(rt, e.exc, op.ob_type, 'in tp_clear of')
          Py_DECREF(e.exc)
        }
        Py_DECREF(op)
      }
    }
    if (collectable._gc_next === op) {
      op.gc_flags &= ~PREV_MASK_COLLECTING
      gc_list_move(op, old)
    }
  }
}

/**
 * The objects kept by legacy finalizers join `gc.garbage` (those with `tp_del`; all of them under DEBUG_SAVEALL)
 * and move to `old`.
 * @cpython Python/gc.c#handle_legacy_finalizers
 */
export function handle_legacy_finalizers(rt: Runtime, finalizers: PyGC_Head, old: PyGC_Head): void {
  const saveall = (rt.gc.debug & (rt.profile.gc.debugFlags['DEBUG_SAVEALL'] ?? 32)) !== 0
  for (let gc = finalizers._gc_next; gc !== finalizers; gc = gc._gc_next!) {
    const op = asObj(gc)
    if (saveall || has_legacy_finalizer(op)) appendGarbage(rt, op)
  }
  gc_list_merge(finalizers, old)
}

// --- the main function ---------------------------------------------------------------------------------------------

function flag(rt: Runtime, name: string): number {
  return rt.profile.gc.debugFlags[name] ?? 0
}

/**
 * DEBUG_STATS: `gc: collecting generation N...` and the generation sizes, printed before the younger generations
 * are merged into the collected one (callers run it first).
 * @cpython Python/gc.c#gc_collect_main
 */
export function showStatsAtStart(rt: Runtime, generation: number): void {
  if ((rt.gc.debug & flag(rt, 'DEBUG_STATS')) !== 0) debugStatsStart(rt, generation)
}

/**
 * One collection of `generation` (younger generations included), as a generator that yields a view after each
 * phase (the docs' stepper); `collect` drives it to the end. Returns CPython's result, `n + m`: `m` objects found
 * unreachable and freed (plus weakrefs freed on the way), `n` uncollectable.
 * @cpython Python/gc.c#gc_collect_main
 */
export function* gc_collect_main(rt: Runtime, generation: number, young: PyGC_Head, old: PyGC_Head, stepping: boolean): Generator<PhaseView, [number, number], void> {
  const profile = rt.profile
  const gc = rt.gc
  const t0 = performance.now()
  let m = 0
  let n = 0
  const unreachable = new PyGC_Head('unreachable')
  const finalizers = new PyGC_Head('finalizers')
  const view = (phase: string, description: string, lists: Record<string, PyGC_Head>): PhaseView => {
    const out: Record<string, PyObject[]> = {}
    for (const [k, v] of Object.entries(lists)) out[k] = objects(v)
    let refs: Map<PyObject, number> | undefined
    if (phase === 'subtract_refs' || phase === 'update_refs') {
      refs = new Map()
      for (const o of out.young ?? []) refs.set(o, o.gc_refs)
    }
    return { phase, generation, description, lists: out, gcRefs: refs }
  }
  const events = rt.events
  // Details are computed only when someone listens (list sizes cost a walk).
  const phase = (name: string, detail?: () => Record<string, unknown>): void => {
    if (events.active) events.emitPhase('gc-phase', name, generation, detail?.())
  }

  validate_list(old, VALIDATE_COLLECTING_CLEAR)
  if (stepping) yield view('start', 'the objects of the collected generation(s)', { young, old })

  // 1. gc_refs = ob_refcnt, then subtract the references inside the set.
  update_refs(rt, young)
  phase('update_refs', () => ({ objects: gc_list_size(young) }))
  if (stepping) yield view('update_refs', 'each object’s gc_refs starts as its reference count', { young })
  subtract_refs(young)
  phase('subtract_refs')
  if (stepping) yield view('subtract_refs', 'references between collected objects are subtracted: what remains comes from outside', { young })
  // 2. Split into reachable and tentatively unreachable.
  move_unreachable(young, unreachable)
  validate_list(young, VALIDATE_COLLECTING_CLEAR)
  validate_list(unreachable, VALIDATE_COLLECTING_SET)
  phase('move_unreachable', () => ({ reachable: gc_list_size(young), unreachable: gc_list_size(unreachable) }))
  if (stepping) yield view('move_unreachable', 'objects reachable from outside stay; the rest is tentatively unreachable', { young, unreachable })

  if (profile.gc.untrackTuples === 'survivors') untrack_tuples(rt, young)
  // 3. Survivors move to the next generation.
  if (young !== old) {
    if (generation === NUM_GENERATIONS - 2) gc.long_lived_pending += gc_list_size(young)
    gc_list_merge(young, old)
  } else {
    if (profile.objects.dictTracking === 'lazy') untrack_dicts(rt, young)
    gc.long_lived_pending = 0
    gc.long_lived_total = gc_list_size(young)
  }
  phase('promote', () => ({ generation: Math.min(generation + 1, NUM_GENERATIONS - 1) }))

  // 4. Objects with legacy finalizers (and what they reach) cannot be collected.
  move_legacy_finalizers(unreachable, finalizers)
  move_legacy_finalizer_reachable(finalizers)
  validate_list(finalizers, VALIDATE_COLLECTING_CLEAR)
  validate_list(unreachable, VALIDATE_COLLECTING_SET)
  if (stepping) yield view('move_legacy_finalizers', 'objects with legacy finalizers (tp_del) and what they reach are uncollectable', { unreachable, finalizers, old })

  if ((gc.debug & flag(rt, 'DEBUG_COLLECTABLE')) !== 0) {
    for (let g = unreachable._gc_next; g !== unreachable; g = g._gc_next!) debugCycle(rt, 'collectable', asObj(g))
  }

  // 5. Weak references to the garbage are cleared; callbacks of reachable weakrefs run.
  m += handle_weakrefs(rt, unreachable, old)
  validate_list(old, VALIDATE_COLLECTING_CLEAR)
  validate_list(unreachable, VALIDATE_COLLECTING_SET)
  phase('handle_weakrefs')

  let finalUnreachable = unreachable
  if (profile.gc.finalizerPolicy === 'pep442') {
    // 6. Finalizers (`__del__`) run once each, in list order.
    finalize_garbage(rt, unreachable)
    phase('finalize_garbage')
    if (stepping) yield view('finalize_garbage', 'finalizers (__del__) ran, in list order', { unreachable, old })
    // 7. Resurrection.
    if (profile.gc.resurrection === 'per-object') {
      const still = new PyGC_Head('final_unreachable')
      handle_resurrected_objects(rt, unreachable, still, old)
      finalUnreachable = still
      phase('handle_resurrected_objects', () => ({ unreachable: gc_list_size(still) }))
    } else if (check_garbage(unreachable)) {
      // All or nothing: a single resurrection keeps the whole set.
      if (profile.gc.resurrection === 'all-or-nothing-uncounted') m = 0
      else m += gc_list_size(unreachable)
      gc_list_merge(unreachable, old)
      phase('check_garbage', () => ({ resurrected: true }))
    }
  }
  m += gc_list_size(finalUnreachable)
  if (stepping) yield view('delete_garbage', 'tp_clear breaks the cycles; reference counting frees the objects', { unreachable: finalUnreachable, finalizers, old })
  // 8. Break the cycles.
  delete_garbage(rt, finalUnreachable, old)
  phase('delete_garbage')

  // 9. Uncollectable objects, statistics, gc.garbage.
  for (let g = finalizers._gc_next; g !== finalizers; g = g._gc_next!) {
    n++
    if ((gc.debug & flag(rt, 'DEBUG_UNCOLLECTABLE')) !== 0) debugCycle(rt, 'uncollectable', asObj(g))
  }
  if ((gc.debug & flag(rt, 'DEBUG_STATS')) !== 0) debugStatsDone(rt, n + m, n, (performance.now() - t0) / 1000)
  handle_legacy_finalizers(rt, finalizers, old)
  validate_list(old, VALIDATE_COLLECTING_CLEAR)
  if (generation === NUM_GENERATIONS - 1) clear_freelists(rt)
  const stats = gc.generation_stats[generation]!
  stats.collections++
  stats.collected += m
  stats.uncollectable += n
  if (stepping) yield view('done', `${n + m} unreachable, ${n} uncollectable`, { old })
  return [m, n]
}

/** A full collection empties the type free lists. @cpython Python/gc.c#clear_freelists */
function clear_freelists(rt: Runtime): void {
  for (const [name, list] of rt.freelists) {
    // Bound methods and builtin methods have free lists only on ≤3.8 profiles, which clear them here too.
    if (name === 'dict' || name === 'list' || name.startsWith('tuple') || name === 'float' || name === 'method' || name === 'cfunction') {
      // Free-list objects are already deallocated; their memory goes back to the allocator.
      for (const op of list.splice(0)) releaseFreeListObject(op)
    }
  }
  // Frames kept for reuse (≤3.10; zombie frames stay with their code objects). They are counted, not modelled.
  for (; rt.frameFreelistLength > 0; rt.frameFreelistLength--) _PyGC_CountFree(rt)
}

function releaseFreeListObject(op: PyObject): void {
  if (PyObject_IS_GC(op)) PyObject_GC_Del(op)
  else PyObject_Free(op)
}

/** NON-CPYTHON: sees every phase of every collection of a runtime (the docs' GC stepper); `reason` says why it runs. */
export type PhaseObserver = (view: PhaseView, reason: CollectReason) => void

const phaseObservers = new WeakMap<Runtime, PhaseObserver>()

/** NON-CPYTHON: installs (or, with null, removes) the runtime's phase observer. Collections then step through their phases. */
export function observePhases(rt: Runtime, observer: PhaseObserver | null): void {
  if (observer === null) phaseObservers.delete(rt)
  else phaseObservers.set(rt, observer)
}

/** Runs one collection to its end, showing each phase to the runtime's observer if it has one. */
export function runCollection(rt: Runtime, generation: number, young: PyGC_Head, old: PyGC_Head, reason: CollectReason): [number, number] {
  const observer = phaseObservers.get(rt)
  const g = gc_collect_main(rt, generation, young, old, observer !== undefined)
  for (;;) {
    const r = g.next()
    if (r.done) return r.value
    observer?.(r.value, reason)
  }
}

/**
 * Collects `generation` (merging the younger ones), with the callbacks around it. The collector's re-entrancy
 * flag is set while it runs.
 * @cpython Python/gc.c#gc_collect_with_callback
 */
export function collectGeneration(rt: Runtime, generation: number, reason: CollectReason): number {
  const gc = rt.gc
  const skipCallbacks = reason === 'shutdown' && rt.profile.gc.callbacksSkippedAtShutdown
  // The callbacks run inside the collection: what they allocate cannot start another one.
  gc.collecting = true
  let result: [number, number]
  try {
    if (!skipCallbacks) invokeCallbacks(rt, 'start', generation, 0, 0)
    showStatsAtStart(rt, generation)
    if (generation + 1 < NUM_GENERATIONS) gc.generations[generation + 1]!.count += 1
    for (let i = 0; i <= generation; i++) gc.generations[i]!.count = 0
    for (let i = 0; i < generation; i++) gc_list_merge(gc.gen(i), gc.gen(generation))
    const young = gc.gen(generation)
    const old = generation < NUM_GENERATIONS - 1 ? gc.gen(generation + 1) : young
    rt.events.emitPhase('gc-start', 'gc_collect_main', generation)
    result = runCollection(rt, generation, young, old, reason)
    rt.events.emitPhase('gc-stop', 'gc_collect_main', generation, { collected: result[0], uncollectable: result[1] })
    if (!skipCallbacks) invokeCallbacks(rt, 'stop', generation, result[0], result[1])
  } finally {
    gc.collecting = false
  }
  return result[0] + result[1]
}

/**
 * Automatic collection: the oldest generation over its threshold is collected, except generation 2 while fewer
 * than 25% of its objects are new since the last full collection.
 * @cpython Python/gc.c#gc_collect_generations
 */
export function collect_generations(rt: Runtime): number {
  const gc = rt.gc
  for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
    const g = gc.generations[i]!
    if (g.count > g.threshold) {
      if (i === NUM_GENERATIONS - 1 && gc.long_lived_pending < Math.floor(gc.long_lived_total / 4)) continue
      return collectGeneration(rt, i, 'heap')
    }
  }
  return 0
}

export { gc_list_append, gc_list_init }

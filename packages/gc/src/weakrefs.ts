/**
 * Weak references to garbage: all are cleared before any finalizer runs; the callbacks of weakrefs that are
 * themselves reachable run afterwards (a weakref inside the garbage never calls back).
 * @cpython Python/gc.c#handle_weakrefs
 */
import * as core from '@heap/core'
import {
  PREV_MASK_COLLECTING,
  PyErr,
  PyGC_Head,
  PyObject_Vectorcall,
  PyType_IsSubtype,
  Py_DECREF,
  Py_INCREF,
  gc_list_is_empty,
  gc_list_move,
  type PyObject,
  type PyTypeObject,
  type Runtime,
} from '@heap/core'

/** The weakref object fields the collector reads (defined by core's weakref module). */
interface WeakRef extends PyObject {
  wr_object: PyObject
  wr_callback: PyObject | null
  wr_prev: WeakRef | null
  wr_next: WeakRef | null
}

const coreAny = core as unknown as Record<string, unknown>

function isWeakref(rt: Runtime, op: PyObject): boolean {
  const T = rt.types
  const t = op.ob_type
  for (const w of [T.weakref, T.weakproxy, T.weakcallableproxy]) if (w !== undefined && (t === w || PyType_IsSubtype(t, w as PyTypeObject))) return true
  return false
}

/** `_PyWeakref_ClearRef`: the weakref stops referring to its object; its callback is kept but never called. */
function clearRef(rt: Runtime, wr: WeakRef): void {
  const f = coreAny._PyWeakref_ClearRef as ((w: PyObject) => void) | undefined
  if (f !== undefined) return f(wr)
  // Fallback with the same list structure (head in rt.weakrefs, doubly linked through wr_prev/wr_next).
  const referent = wr.wr_object
  if (referent === rt.None) return
  if (wr.wr_prev !== null) wr.wr_prev.wr_next = wr.wr_next
  else if (wr.wr_next !== null) rt.weakrefs.set(referent, wr.wr_next)
  else rt.weakrefs.delete(referent)
  if (wr.wr_next !== null) wr.wr_next.wr_prev = wr.wr_prev
  wr.wr_prev = wr.wr_next = null
  wr.wr_object = rt.None
}

/** Clears every weakref to objects in `unreachable`; returns how many weakrefs were freed by their callbacks. */
export function handle_weakrefs(rt: Runtime, unreachable: PyGC_Head, old: PyGC_Head): number {
  if (rt.weakrefs.size === 0 && rt.types.weakref === undefined) return 0
  const wrcb_to_call = new PyGC_Head('wrcb_to_call')
  let num_freed = 0
  for (let gc = unreachable._gc_next; gc !== unreachable; ) {
    const op = gc as PyObject
    const next = gc._gc_next!
    // A weakref inside the garbage is cleared: its callback must never see half-cleared objects.
    if (isWeakref(rt, op)) clearRef(rt, op as WeakRef)
    for (let wr = rt.weakrefs.get(op) as WeakRef | undefined; wr !== undefined; wr = rt.weakrefs.get(op) as WeakRef | undefined) {
      clearRef(rt, wr)
      rt.events.emitObject('weakref-clear', wr)
      if (wr.wr_callback === null) continue
      // The weakref is garbage too: no callback.
      if ((wr.gc_flags & PREV_MASK_COLLECTING) !== 0) continue
      Py_INCREF(wr)
      gc_list_move(wr, wrcb_to_call)
    }
    gc = next
  }
  while (!gc_list_is_empty(wrcb_to_call)) {
    const wr = wrcb_to_call._gc_next as WeakRef
    const callback = wr.wr_callback!
    try {
      Py_DECREF(PyObject_Vectorcall(callback, [wr], 0, 1, null))
    } catch (e) {
      if (!(e instanceof PyErr)) throw e
      rt.hooks.writeUnraisable(rt, e.exc, callback, null)
      Py_DECREF(e.exc)
    }
    Py_DECREF(wr)
    if (wrcb_to_call._gc_next === wr) gc_list_move(wr, old)
    else num_freed++
  }
  return num_freed
}

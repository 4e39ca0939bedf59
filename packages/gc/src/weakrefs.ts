/**
 * Weak references to garbage: all are cleared before any finalizer runs; the callbacks of weakrefs that are
 * themselves reachable run afterwards (a weakref inside the garbage never calls back).
 * @cpython Python/gc.c#handle_weakrefs
 */
import {
  PREV_MASK_COLLECTING,
  PyErr,
  PyGC_Head,
  PyObject_Vectorcall,
  PyType_IsSubtype,
  Py_TPFLAGS_HEAPTYPE,
  _PyWeakref_ClearRef,
  type PyWeakReference,
  Py_DECREF,
  Py_INCREF,
  gc_list_is_empty,
  gc_list_move,
  reprText,
  type PyObject,
  type PyTypeObject,
  type Runtime,
} from '@heap/core'

function isWeakref(rt: Runtime, op: PyObject): boolean {
  const T = rt.types
  const t = op.ob_type
  if (t === T.weakref || t === T.weakproxy || t === T.weakcallableproxy) return true
  // Only classes can subclass weakref.ref.
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0) return false
  return T.weakref !== undefined && PyType_IsSubtype(t, T.weakref as PyTypeObject)
}

/** Clears every weakref to objects in `unreachable`; returns how many weakrefs were freed by their callbacks. */
export function handle_weakrefs(rt: Runtime, unreachable: PyGC_Head, old: PyGC_Head): number {
  if (rt.weakrefs.size === 0 && rt.types.weakref === undefined) return 0
  const wrcb_to_call = new PyGC_Head('wrcb_to_call')
  let num_freed = 0
  for (let gc = unreachable._gc_next; gc !== unreachable; ) {
    // Nothing has a live weak reference any more: the remaining objects have none to clear.
    if (rt.weakrefs.size === 0) break
    const op = gc as PyObject
    const next = gc._gc_next!
    // A weakref inside the garbage is cleared: its callback must never see half-cleared objects.
    if (isWeakref(rt, op)) _PyWeakref_ClearRef(op)
    for (let wr = rt.weakrefs.get(op) as PyWeakReference | undefined; wr !== undefined; wr = rt.weakrefs.get(op) as PyWeakReference | undefined) {
      _PyWeakref_ClearRef(wr)
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
    const wr = wrcb_to_call._gc_next as PyWeakReference
    const callback = wr.wr_callback!
    try {
      Py_DECREF(PyObject_Vectorcall(callback, [wr], 0, 1, null))
    } catch (e) {
      if (!(e instanceof PyErr)) throw e
      // A whole header with {obj} (3.14), or absent.
      const msg = rt.profile.messages['gcWeakrefCallbackUnraisable'] ?? null
      if (msg !== null) rt.hooks.writeUnraisable(rt, e.exc, null, msg.replace('{obj}', reprText(callback)))
      else rt.hooks.writeUnraisable(rt, e.exc, callback, null)
      Py_DECREF(e.exc)
    }
    Py_DECREF(wr)
    if (wrcb_to_call._gc_next === wr) gc_list_move(wr, old)
    else num_freed++
  }
  return num_freed
}

/**
 * `gc.garbage` and `gc.callbacks`: list objects owned by the collector's state.
 * @cpython Python/gc.c#invoke_gc_callback
 */
import {
  PyDict_New,
  PyDict_SetItem,
  PyErr,
  PyList_Append,
  PyList_New,
  PyLong_FromNumber,
  Py_INCREF,
  reprText,
  PyObject_Vectorcall,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  Py_DECREF,
  type PyListObject,
  type PyObject,
  type Runtime,
} from '@heap/core'


/** Creates `gc.garbage` and `gc.callbacks` if the runtime has none. */
export function ensureGCLists(rt: Runtime): void {
  if (rt.gc.garbage === null) rt.gc.garbage = PyList_New(rt, 0)
  if (rt.gc.callbacks === null) rt.gc.callbacks = PyList_New(rt, 0)
}

export function appendGarbage(rt: Runtime, op: PyObject): void {
  ensureGCLists(rt)
  PyList_Append(rt.gc.garbage!, op)
}

function listItems(l: PyObject): PyObject[] {
  return (l as PyListObject).ob_item
}

/** Calls each callback as `cb(phase, info)`; errors are reported as unraisable. */
export function invokeCallbacks(rt: Runtime, phase: 'start' | 'stop', generation: number, collected: number, uncollectable: number): void {
  const cbs = rt.gc.callbacks
  if (cbs === null || listItems(cbs).length === 0 || !rt.profile.gc.api.callbacks) return
  const info = PyDict_New(rt)
  const put = (k: string, v: number): void => {
    const key = PyUnicode_InternFromString(rt, k)
    const val = PyLong_FromNumber(rt, v)
    PyDict_SetItem(info, key, val)
    Py_DECREF(key)
    Py_DECREF(val)
  }
  put('generation', generation)
  put('collected', collected)
  put('uncollectable', uncollectable)
  const phaseObj = PyUnicode_FromString(rt, phase)
  // Callbacks may change the list while it is walked: walk a snapshot.
  const snapshot = listItems(cbs).slice()
  for (const cb of snapshot) Py_INCREF(cb)
  try {
    for (const cb of snapshot) {
      try {
        Py_DECREF(PyObject_Vectorcall(cb, [phaseObj, info], 0, 2, null))
      } catch (e) {
        if (!(e instanceof PyErr)) throw e
        const msg = rt.profile.messages['gcCallbackUnraisable'] ?? null
        rt.hooks.writeUnraisable(rt, e.exc, msg === null ? cb : null, msg === null ? null : msg.replace('{obj}', reprText(cb)))
        Py_DECREF(e.exc)
      }
    }
  } finally {
    for (const cb of snapshot) Py_DECREF(cb)
    Py_DECREF(phaseObj)
    Py_DECREF(info)
  }
}

/**
 * Recursion guard for `repr()` of containers: CPython keeps, in the thread state's dict, a list under the key
 * 'Py_Repr' with the objects whose repr is being computed. The thread-state dict and the list are real objects
 * created on first use (from the dict and list free lists), so their allocation shows in `id()`s and in the heap as
 * it does in CPython.
 * @cpython Objects/object.c#Py_ReprEnter
 */
import { PyObject } from '../object/object.js'
import { Py_DECREF } from '../object/refcount.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyDict_GetItem, PyDict_New, PyDict_SetItem, type PyDictObject } from './dictobject.js'
import { PyList_Append, PyList_New, list_ass_slice_delete, type PyListObject } from './listobject.js'
import { PyUnicode_InternFromString, type PyUnicodeObject } from './unicodeobject.js'

interface ThreadState {
  /** `tstate->dict`, created on first use. */
  dict: PyDictObject | null
  /** The interned 'Py_Repr' key (`_Py_ID(Py_Repr)`), kept alive by the interpreter. */
  reprKey: PyUnicodeObject | null
}

const threadStates = new WeakMap<Runtime, ThreadState>()

function tstateOf(rt: Runtime): ThreadState {
  let ts = threadStates.get(rt)
  if (ts === undefined) {
    ts = { dict: null, reprKey: null }
    threadStates.set(rt, ts)
    const state = ts
    rt.auditRoots.push((visit) => {
      if (state.dict !== null) visit(state.dict)
      if (state.reprKey !== null) visit(state.reprKey)
    })
  }
  return ts
}

/**
 * `PyThreadState_GetDict`: the thread state's dict (borrowed), created empty on first use.
 * @cpython Python/pystate.c#PyThreadState_GetDict
 */
export function PyThreadState_GetDict(rt: Runtime): PyDictObject {
  const ts = tstateOf(rt)
  if (ts.dict === null) ts.dict = PyDict_New(rt)
  return ts.dict
}

/**
 * Releases the thread state's dict (`PyThreadState_Clear`, at interpreter shutdown).
 * @cpython Python/pystate.c#PyThreadState_Clear
 */
export function _PyThreadState_ClearDict(rt: Runtime): void {
  const ts = threadStates.get(rt)
  if (ts === undefined || ts.dict === null) return
  const d = ts.dict
  ts.dict = null
  Py_DECREF(d)
}

function reprKey(rt: Runtime): PyUnicodeObject {
  const ts = tstateOf(rt)
  if (ts.reprKey === null) ts.reprKey = PyUnicode_InternFromString(rt, 'Py_Repr')
  return ts.reprKey
}

/**
 * `Py_ReprEnter`: true when `obj` is already being repr'd (the caller prints `[...]`); otherwise records it and
 * returns false (the caller must call `Py_ReprLeave`).
 * @cpython Objects/object.c#Py_ReprEnter
 */
export function Py_ReprEnter(obj: PyObject): boolean {
  const rt = obj.ob_type.tp_runtime
  const dict = PyThreadState_GetDict(rt)
  const key = reprKey(rt)
  let list = PyDict_GetItem(dict, key) as PyListObject | null
  if (list === null) {
    list = PyList_New(rt, 0)
    PyDict_SetItem(dict, key, list)
    Py_DECREF(list)
  }
  const items = list.ob_item
  for (let i = items.length - 1; i >= 0; i--) if (items[i] === obj) return true
  PyList_Append(list, obj)
  return false
}

/**
 * `Py_ReprLeave`: forgets `obj` (searching from the end, where it normally is).
 * @cpython Objects/object.c#Py_ReprLeave
 */
export function Py_ReprLeave(obj: PyObject): void {
  const rt = obj.ob_type.tp_runtime
  const ts = threadStates.get(rt)
  if (ts === undefined || ts.dict === null || ts.reprKey === null) return
  const list = PyDict_GetItem(ts.dict, ts.reprKey)
  if (list === null || list.ob_type !== rt.types.list) return
  const items = (list as PyListObject).ob_item
  for (let i = items.length - 1; i >= 0; i--) {
    if (items[i] === obj) {
      list_ass_slice_delete(list as PyListObject, i, i + 1)
      break
    }
  }
}

/**
 * `dir(obj)`: the type's `__dir__` called on the object, as a sorted list.
 * @cpython Objects/object.c#PyObject_Dir
 */
import { PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF } from '../object/refcount.js'
import { PyList_Sort, PySequence_List, type PyListObject } from './listobject.js'
import { _PyObject_LookupSpecial } from './object-type.js'
import { PyObject_CallNoArgs } from './protocols.js'

/** `_dir_object`: look `__dir__` up on the type, call it, turn the result into a list and sort it. A new list. */
export function PyObject_Dir(obj: PyObject): PyObject {
  const dirfunc = _PyObject_LookupSpecial(obj, '__dir__')
  if (dirfunc === null) throw PyErr_Format(obj.ob_type.tp_runtime, 'TypeError', 'object does not provide __dir__')
  let result: PyObject
  try {
    result = PyObject_CallNoArgs(dirfunc)
  } finally {
    Py_DECREF(dirfunc)
  }
  let sorted: PyObject
  try {
    sorted = PySequence_List(result)
  } finally {
    Py_DECREF(result)
  }
  try {
    PyList_Sort(sorted)
  } catch (e) {
    Py_DECREF(sorted)
    throw e
  }
  return sorted
}

/** `dir(obj)` as JS strings (the str items only), for "Did you mean" hints. */
export function dirNames(obj: PyObject): string[] {
  const list = PyObject_Dir(obj) as PyListObject
  try {
    const out: string[] = []
    for (const item of list.ob_item) {
      const v = (item as unknown as { value?: unknown }).value
      if (typeof v === 'string') out.push(v)
    }
    return out
  } finally {
    Py_DECREF(list)
  }
}

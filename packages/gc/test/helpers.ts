/** Builders for object graphs used by the collector tests. */
import {
  OB_FREED,
  PyList_Append,
  PyList_New,
  Py_DECREF,
  Py_INCREF,
  createRuntime,
  type PyObject,
  type PyTypeObject,
  type Runtime,
} from '@heap/core'
import { makeClass, none, pyfunc } from '@heap/core/testing'
import { gc_collect, installGC } from '../src/index.js'

export function runtime(profile: string): Runtime {
  const rt = createRuntime({ profile })
  installGC(rt)
  rt.gc.enabled = false
  // Start-up leaves objects in generation 0: a full collection moves them to generation 2 and zeroes the counts.
  gc_collect(rt)
  return rt
}

/** A new empty list. */
export function list(rt: Runtime): PyObject {
  return PyList_New(rt, 0)
}

/** `a.append(b)`. */
export function append(a: PyObject, b: PyObject): void {
  PyList_Append(a, b)
}

export function freed(op: PyObject): boolean {
  return (op.ob_flags & OB_FREED) !== 0
}

/**
 * A class whose `__del__` calls `onDel(self)`. The class is a new reference.
 */
export function classWithDel(rt: Runtime, name: string, onDel: (self: PyObject) => void): PyTypeObject {
  const del = pyfunc(rt, `${name}.__del__`, (args) => {
    onDel(args[0]!)
    return none(rt)
  })
  try {
    return makeClass(rt, name, [], { __del__: del })
  } finally {
    Py_DECREF(del)
  }
}

export function plainClass(rt: Runtime, name: string): PyTypeObject {
  return makeClass(rt, name, [], {})
}

/** Keeps `op` alive past the test body while observing whether it gets freed. */
export function watch(op: PyObject): PyObject {
  Py_INCREF(op)
  return op
}

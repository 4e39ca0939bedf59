/**
 * Raising Python exceptions from TypeScript. A raised exception travels as a JS throw of `PyErr`, which owns one
 * reference to the exception instance. Whoever catches a `PyErr` and does not re-throw it must release `exc`
 * (or hand it on, e.g. to `except`).
 * NON-CPYTHON: CPython returns NULL and keeps the error in the thread state.
 * @cpython Python/errors.c#PyErr_SetString
 */
import type { PyObject } from './object/object.js'
import type { PyTypeObject } from './object/type.js'
import type { Runtime } from './runtime/runtime.js'

/** A Python exception in flight. Deliberately not an `Error`: no JS stack is captured. */
export class PyErr {
  constructor(readonly exc: PyObject) {}
  get type(): PyTypeObject {
    return this.exc.ob_type
  }
}

/** Creates exception instances; installed by the exceptions module (`objects/exceptions.ts`). */
export type ExceptionFactory = (rt: Runtime, type: PyTypeObject, args: readonly (PyObject | string)[]) => PyObject

let factory: ExceptionFactory | null = null

export function _setExceptionFactory(f: ExceptionFactory): void {
  factory = f
}

/** A new exception instance of `type` with the given args (a new reference). */
export function PyErr_NewInstance(rt: Runtime, type: PyTypeObject, args: readonly (PyObject | string)[]): PyObject {
  if (factory === null) throw new Error('exceptions are not initialised')
  return factory(rt, type, args)
}

/** `PyErr_SetString`: returns the `PyErr` to throw (`throw PyErr_SetString(...)`). */
export function PyErr_SetString(rt: Runtime, type: PyTypeObject, msg: string): PyErr {
  const exc = PyErr_NewInstance(rt, type, [msg])
  ;(exc as { unnormalized?: boolean }).unnormalized = true
  return new PyErr(exc)
}

/** `PyErr_Format` by exception name: `throw PyErr_Format(rt, 'TypeError', "'%s' object is not iterable")`. */
export function PyErr_Format(rt: Runtime, name: string, msg: string): PyErr {
  const type = rt.exc[name]
  if (!type) throw new Error(`unknown exception type ${name}`)
  const exc = PyErr_NewInstance(rt, type, [msg])
  ;(exc as { unnormalized?: boolean }).unnormalized = true
  return new PyErr(exc)
}

/** `PyErr_SetObject`: an exception whose single argument is an object (e.g. `KeyError(key)`). */
export function PyErr_SetObject(rt: Runtime, type: PyTypeObject, value: PyObject): PyErr {
  return new PyErr(PyErr_NewInstance(rt, type, [value]))
}

/** `PyErr_NoMemory`. */
export function PyErr_NoMemory(rt: Runtime): PyErr {
  return new PyErr(PyErr_NewInstance(rt, rt.exc['MemoryError']!, []))
}

/** Whether `err` is an instance of the exception type named `name` (or a subclass). */
export function PyErr_ExceptionMatches(rt: Runtime, err: PyErr, name: string): boolean {
  const want = rt.exc[name]
  if (!want) return false
  for (let t: PyTypeObject | null = err.exc.ob_type; t !== null; t = t.tp_base) if (t === want) return true
  return false
}

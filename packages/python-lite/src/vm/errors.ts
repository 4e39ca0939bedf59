/**
 * Raising from the VM: message templates come from the profile.
 */
import { PyErr, PyErr_Format, PyErr_NewInstance, PyException_SetFieldIfPresent, type PyObject, type Runtime, PyUnicode_FromString } from '@heap/core'

/** Fills `{name}`-style placeholders. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`)
}

/** Sets an exception field (NameError.name …) where the profile's exception type has it; steals `value`. */
function setField(exc: PyObject, field: string, value: PyObject): void {
  PyException_SetFieldIfPresent(exc, field, value)
}

/** `NameError: name 'x' is not defined` (with `.name` for suggestions). */
export function nameError(rt: Runtime, name: string, global = false): PyErr {
  const tmpl = global ? rt.profile.messages.globalNameError : rt.profile.messages.nameError
  const err = PyErr_Format(rt, 'NameError', fill(tmpl, { name }))
  setField(err.exc, 'name', PyUnicode_FromString(rt, name))
  return err
}

/** UnboundLocalError for a fast local. */
export function unboundLocal(rt: Runtime, name: string): PyErr {
  const err = PyErr_Format(rt, 'UnboundLocalError', fill(rt.profile.messages.unboundLocal, { name }))
  setField(err.exc, 'name', PyUnicode_FromString(rt, name))
  return err
}

/** NameError for an empty free variable. */
export function unboundFree(rt: Runtime, name: string): PyErr {
  const err = PyErr_Format(rt, 'NameError', fill(rt.profile.messages.unboundFree, { name }))
  setField(err.exc, 'name', PyUnicode_FromString(rt, name))
  return err
}

/** An exception instance of a named type with args (a PyErr to throw). */
export function raiseNew(rt: Runtime, name: string, args: (PyObject | string)[]): PyErr {
  return new PyErr(PyErr_NewInstance(rt, rt.exc[name]!, args))
}

/** Converts whatever a JS `catch` received into a PyErr (JS bugs become SystemError, stack overflows RecursionError). */
export function toPyErr(rt: Runtime, e: unknown): PyErr {
  if (e instanceof PyErr) return e
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return PyErr_Format(rt, 'RecursionError', 'maximum recursion depth exceeded')
  }
  const simulated = e as { simulatedMemoryError?: boolean; nbytes?: number } | null
  if (simulated && typeof simulated === 'object' && 'nbytes' in simulated && simulated.constructor?.name === 'SimulatedMemoryError') {
    return new PyErr(PyErr_NewInstance(rt, rt.exc['MemoryError']!, []))
  }
  if (e && typeof e === 'object' && (e as { heapExit?: boolean }).heapExit) throw e
  const msg = e instanceof Error ? `${e.message}` : String(e)
  return PyErr_Format(rt, 'SystemError', `internal error in the simulator: ${msg}`)
}

/** Whether a PyErr carries an exception of the named type (a plain boolean, not a type guard). */
export function excIs(err: PyErr, name: string): boolean {
  const rt = err.exc.ob_type.tp_runtime
  const want = rt.exc[name]
  for (let t: import('@heap/core').PyTypeObject | null = err.exc.ob_type; t !== null; t = t.tp_base) if (t === want) return true
  return false
}

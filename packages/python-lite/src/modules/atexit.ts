/**
 * The `atexit` module: a list of (func, args, kwargs) callbacks run last registered first at exit or by
 * `_run_exitfuncs()`, errors reported per version (printed, or as unraisable).
 * @cpython Modules/atexitmodule.c
 */
import {
  PyErr,
  PyErr_Format,
  PyObject_RichCompareBool,
  PyObject_Vectorcall,
  Py_DECREF,
  Py_EQ,
  Py_INCREF,
  Py_XDECREF,
  METH_O,
  reprText,
  type PyObject,
} from '@heap/core'
import type { Interpreter } from '../interp.js'
import { excIs } from '../vm/errors.js'
import { addFunctions, def, int, newModule, none } from './util.js'

/**
 * One registered callback: owned references to the callable, its arguments and keyword names.
 * NON-CPYTHON: the arguments are kept in vectorcall form (CPython keeps an args tuple and a kwargs dict).
 * @cpython Modules/atexitmodule.c#atexit_callback
 */
export interface AtexitCallback {
  readonly func: PyObject
  readonly args: readonly PyObject[]
  readonly nargs: number
  readonly kwnames: PyObject | null
}

function atexit_delete_cb(cb: AtexitCallback): void {
  Py_DECREF(cb.func)
  for (const a of cb.args) Py_DECREF(a)
  Py_XDECREF(cb.kwnames)
}

/** Drops every callback. @cpython Modules/atexitmodule.c#atexit_cleanup */
export function atexit_cleanup(interp: Interpreter): void {
  const cbs = interp.atexitCallbacks.splice(0)
  for (const cb of cbs) atexit_delete_cb(cb)
}

/**
 * Calls the callbacks, last registered first, then drops them all. Errors are reported as the profile says; the
 * last one is returned (3.8's `_run_exitfuncs` re-raises it) or null.
 * @cpython Modules/atexitmodule.c#atexit_callfuncs
 */
export function atexit_callfuncs(interp: Interpreter): PyErr | null {
  const rt = interp.rt
  const header = rt.profile.messages.atexitCallbackError
  let last: PyErr | null = null
  // Walk a snapshot, last first: a callback may register or unregister others meanwhile.
  const snapshot = interp.atexitCallbacks.slice()
  for (const cb of snapshot) Py_INCREF(cb.func)
  try {
    for (let i = snapshot.length - 1; i >= 0; i--) {
      const cb = snapshot[i]!
      if (!interp.atexitCallbacks.includes(cb)) continue
      try {
        Py_DECREF(PyObject_Vectorcall(cb.func, cb.args, 0, cb.nargs, cb.kwnames))
      } catch (e) {
        if (!(e instanceof PyErr)) throw e
        if (header === null) {
          // @cpython 3.8 Modules/atexitmodule.c#atexit_callfuncs: printed unless SystemExit, the last one kept.
          if (!excIs(e, 'SystemExit')) {
            interp.flushStdout()
            interp.writeStderr('Error in atexit._run_exitfuncs:\n')
            interp.printException(e.exc)
          }
          if (last !== null) Py_DECREF(last.exc)
          last = e
        } else {
          if (header.includes('{obj}')) rt.hooks.writeUnraisable(rt, e.exc, null, header.replace('{obj}', reprText(cb.func)))
          else rt.hooks.writeUnraisable(rt, e.exc, cb.func, header)
          Py_DECREF(e.exc)
        }
      }
    }
  } finally {
    for (const cb of snapshot) Py_DECREF(cb.func)
  }
  atexit_cleanup(interp)
  return last
}

export function createAtexitModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const mod = newModule(rt, 'atexit')
  addFunctions(rt, mod, [
    def('register', (_m, args, start, nargs, kwnames) => {
      if (nargs < 1) throw PyErr_Format(rt, 'TypeError', 'register() takes at least 1 argument (0 given)')
      const f = args[start]!
      if (f.ob_type.tp_call === null) throw PyErr_Format(rt, 'TypeError', 'the first argument must be callable')
      const nkw = kwnames === null ? 0 : (kwnames as unknown as { ob_item: PyObject[] }).ob_item.length
      const rest = args.slice(start + 1, start + nargs + nkw) as PyObject[]
      for (const a of rest) Py_INCREF(a)
      Py_INCREF(f)
      if (kwnames !== null) Py_INCREF(kwnames)
      interp.atexitCallbacks.push({ func: f, args: rest, nargs: nargs - 1, kwnames: nkw > 0 ? kwnames : (kwnames !== null && Py_DECREF(kwnames), null) })
      Py_INCREF(f)
      return f
    }),
    {
      ml_name: 'unregister',
      ml_flags: METH_O,
      // Every callback whose function compares equal goes. @cpython Modules/atexitmodule.c#atexit_unregister
      ml_meth: (_m, args, start) => {
        const f = args[start]!
        for (const cb of interp.atexitCallbacks.slice()) {
          if (!PyObject_RichCompareBool(cb.func, f, Py_EQ)) continue
          const i = interp.atexitCallbacks.indexOf(cb)
          if (i >= 0) interp.atexitCallbacks.splice(i, 1)
          atexit_delete_cb(cb)
        }
        return none(rt)
      },
    },
    def('_run_exitfuncs', () => {
      const err = atexit_callfuncs(interp)
      if (err !== null) throw err
      return none(rt)
    }),
    def('_clear', () => {
      atexit_cleanup(interp)
      return none(rt)
    }),
    def('_ncallbacks', () => int(rt, interp.atexitCallbacks.length)),
  ])
  return mod
}

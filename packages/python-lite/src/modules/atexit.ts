/** The `atexit` module. @cpython Modules/atexitmodule.c */
import { PyErr_Format, Py_DECREF, Py_INCREF, type PyObject } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { addFunctions, def, newModule, none } from './util.js'

export function createAtexitModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const mod = newModule(rt, 'atexit')
  addFunctions(rt, mod, [
    def('register', (_m, args, start, nargs) => {
      if (nargs < 1) throw PyErr_Format(rt, 'TypeError', 'register() takes at least 1 argument (0 given)')
      const f = args[start]!
      if (f.ob_type.tp_call === null) throw PyErr_Format(rt, 'TypeError', 'the first argument must be callable')
      Py_INCREF(f)
      interp.atexitCallbacks.push(f)
      Py_INCREF(f)
      return f
    }),
    def('unregister', (_m, args, start) => {
      const f = args[start]!
      const i = interp.atexitCallbacks.indexOf(f)
      if (i >= 0) {
        const [removed] = interp.atexitCallbacks.splice(i, 1)
        Py_DECREF(removed!)
      }
      return none(rt)
    }),
  ])
  return mod
}

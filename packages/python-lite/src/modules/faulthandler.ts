/**
 * `faulthandler`: when enabled, a simulated segmentation fault first prints the Python stack, as
 * `python -X faulthandler` does.
 * @cpython Modules/faulthandler.c
 */
import type { PyObject } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { addFunctions, bool, def, newModule, none } from './util.js'

export function createFaulthandlerModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const mod = newModule(rt, 'faulthandler')
  addFunctions(rt, mod, [
    def('enable', () => {
      interp.faulthandlerEnabled = true
      return none(rt)
    }),
    def('disable', () => {
      const was = interp.faulthandlerEnabled
      interp.faulthandlerEnabled = false
      return bool(rt, was)
    }),
    def('is_enabled', () => bool(rt, interp.faulthandlerEnabled)),
    def('dump_traceback', () => {
      interp.flushStdout()
      interp.writeStderr(interp.currentThreadDump())
      return none(rt)
    }),
  ])
  return mod
}

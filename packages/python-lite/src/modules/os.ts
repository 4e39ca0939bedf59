/**
 * A small `os`: the path constants and the process facts programs read (NON-CPYTHON: CPython's `os` is a Python
 * module over `posix`; here only its data attributes exist).
 * @cpython Lib/os.py
 */
import type { PyObject } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { addFunctions, def, int, newModule, none, setAttrSteal, str } from './util.js'

export function createOsModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const mod = newModule(rt, 'os')
  // @cpython Lib/posixpath.py (the module-level constants os re-exports)
  const constants: Record<string, string> = { name: 'posix', sep: '/', pathsep: ':', linesep: '\n', curdir: '.', pardir: '..', extsep: '.', devnull: '/dev/null', defpath: '/bin:/usr/bin' }
  for (const [k, v] of Object.entries(constants)) setAttrSteal(rt, mod, k, str(rt, v))
  setAttrSteal(rt, mod, 'altsep', none(rt))
  addFunctions(rt, mod, [
    def('getcwd', () => str(rt, '/')),
    def('getpid', () => int(rt, 4242)),
  ])
  return mod
}

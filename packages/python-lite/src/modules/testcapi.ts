/**
 * `_testcapi.with_tp_del(cls)`: gives a class the legacy `tp_del` slot (calling its `__tp_del__`), which makes its
 * instances uncollectable in cycles (they land in `gc.garbage`) on every PEP 442 version.
 * @cpython Modules/_testcapimodule.c#with_tp_del
 */
import { PyErr_Format, PyType_IsSubtype, Py_INCREF, type PyObject, type PyTypeObject } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { addFunctions, def, newModule } from './util.js'

export function createTestCapiModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const mod = newModule(rt, '_testcapi')
  addFunctions(rt, mod, [
    def('with_tp_del', (_m, args, start, nargs) => {
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `with_tp_del expected 1 argument, got ${nargs}`)
      const cls = args[start]!
      if (!(cls.ob_type === rt.types.type || PyType_IsSubtype(cls.ob_type, rt.types.type)) || ((cls as PyTypeObject).tp_flags & (1 << 9)) === 0) {
        throw PyErr_Format(rt, 'TypeError', 'with_tp_del arg must be a heap type')
      }
      ;(cls as PyTypeObject).tp_del = (self: PyObject) => interp.callSpecial(self, '__tp_del__')
      Py_INCREF(cls)
      return cls
    }),
  ])
  return mod
}

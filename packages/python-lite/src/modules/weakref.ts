/**
 * `_weakref` (builtin: ref, proxy, getweakrefcount, getweakrefs) and `weakref` (WeakValueDictionary,
 * WeakKeyDictionary, WeakSet, finalize, WeakMethod — written in Python and run by the interpreter, as CPython's
 * `Lib/weakref.py` is, so their objects and callbacks behave the same way).
 * @cpython Modules/_weakref.c
 * @cpython Lib/weakref.py
 */
import { PyErr_Format, type PyObject, type Runtime } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { addFunctions, coreAny, createPythonModule, def, int, newModule, setAttr } from './util.js'
import { WEAKREF_PY } from './weakref-py.js'

function weakrefCount(rt: Runtime, o: PyObject): number {
  const f = coreAny._PyWeakref_GetWeakrefCount as ((o: PyObject) => number) | undefined
  if (f) return f(o)
  let n = 0
  for (let w = rt.weakrefs.get(o) as unknown as { wr_next: PyObject | null } | undefined; w; w = (w.wr_next as unknown as { wr_next: PyObject | null } | null) ?? undefined) n++
  return n
}

function createUnderscoreWeakref(interp: Interpreter): PyObject {
  const rt = interp.rt
  const mod = newModule(rt, '_weakref')
  addFunctions(rt, mod, [
    def('getweakrefcount', (_m, args, start, nargs) => {
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `getweakrefcount() takes exactly one argument (${nargs} given)`)
      return int(rt, weakrefCount(rt, args[start]!))
    }),
    def('getweakrefs', (_m, args, start) => {
      const out: PyObject[] = []
      for (let w = rt.weakrefs.get(args[start]!) as unknown as { wr_next: PyObject | null } | undefined; w; w = (w.wr_next as unknown as { wr_next: PyObject | null } | null) ?? undefined) {
        const o = w as unknown as PyObject
        ;(coreAny.Py_INCREF as (o: PyObject) => void)(o)
        out.push(o)
      }
      return (coreAny.PyList_FromArraySteal as (rt: Runtime, items: PyObject[]) => PyObject)(rt, out)
    }),
    def('proxy', (_m, args, start, nargs) => {
      if (nargs < 1 || nargs > 2) throw PyErr_Format(rt, 'TypeError', `proxy expected at most 2 arguments, got ${nargs}`)
      const mk = coreAny.PyWeakref_NewProxy as (o: PyObject, cb: PyObject | null) => PyObject
      return mk(args[start]!, nargs > 1 ? args[start + 1]! : null)
    }),
  ])
  setAttr(rt, mod, 'ref', rt.types.weakref)
  setAttr(rt, mod, 'ReferenceType', rt.types.weakref)
  setAttr(rt, mod, 'ProxyType', rt.types.weakproxy)
  setAttr(rt, mod, 'CallableProxyType', rt.types.weakcallableproxy)
  return mod
}

export function createWeakrefModule(interp: Interpreter, name: '_weakref' | 'weakref'): PyObject {
  if (name === '_weakref') return createUnderscoreWeakref(interp)
  // `weakref` imports `_weakref`, then defines its classes in Python.
  return createPythonModule(interp, 'weakref', '_weakref', WEAKREF_PY)
}

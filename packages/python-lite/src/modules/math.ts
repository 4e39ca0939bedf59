/** A small `math` module (what memory lessons use). @cpython Modules/mathmodule.c */
import * as core from '@heap/core'
import { PyErr_Format, Py_DECREF, type PyObject, type Runtime } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { addFunctions, coreAny, def, newModule, setAttrSteal } from './util.js'

export function createMathModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const mod = newModule(rt, 'math')
  const float = (v: number): PyObject => (coreAny.PyFloat_FromDouble as (rt: Runtime, v: number) => PyObject)(rt, v)
  const toFloat = (o: PyObject): number => core.PyFloat_AsDouble(o)
  const unary = (name: string, fn: (x: number) => number, domain?: (x: number) => boolean) =>
    def(name, (_m, args, start, nargs) => {
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `math.${name}() takes exactly one argument (${nargs} given)`)
      const x = toFloat(args[start]!)
      if (domain && !domain(x)) throw PyErr_Format(rt, 'ValueError', 'math domain error')
      return float(fn(x))
    })
  // math.floor/ceil/trunc: the dunder method when the type has one, else the double rounded (mathmodule.c).
  const intResult = (name: string, fn: (x: number) => number) =>
    def(name, (_m, args, start, nargs) => {
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `math.${name}() takes exactly one argument (${nargs} given)`)
      const x = args[start]!
      if (x.ob_type !== rt.types.float) {
        const meth = core._PyObject_LookupSpecial(x, `__${name}__`)
        if (meth !== null) {
          try {
            return core.PyObject_CallNoArgs(meth)
          } finally {
            Py_DECREF(meth)
          }
        }
        if (name === 'trunc') throw PyErr_Format(rt, 'TypeError', `type ${x.ob_type.tp_name} doesn't define __trunc__ method`)
      }
      return core.PyLong_FromDouble(rt, fn(toFloat(x)))
    })
  addFunctions(rt, mod, [
    unary('sqrt', Math.sqrt, (x) => x >= 0),
    unary('exp', Math.exp),
    unary('log10', Math.log10, (x) => x > 0),
    unary('log2', Math.log2, (x) => x > 0),
    unary('sin', Math.sin),
    unary('cos', Math.cos),
    unary('tan', Math.tan),
    unary('fabs', Math.abs),
    intResult('floor', Math.floor),
    intResult('ceil', Math.ceil),
    intResult('trunc', Math.trunc),
    def('log', (_m, args, start, nargs) => {
      const x = toFloat(args[start]!)
      if (x <= 0) throw PyErr_Format(rt, 'ValueError', 'math domain error')
      return float(nargs > 1 ? Math.log(x) / Math.log(toFloat(args[start + 1]!)) : Math.log(x))
    }),
    def('isnan', (_m, args, start) => interp.boolObject(Number.isNaN(toFloat(args[start]!)))),
    def('isinf', (_m, args, start) => {
      const x = toFloat(args[start]!)
      return interp.boolObject(x === Infinity || x === -Infinity)
    }),
  ])
  setAttrSteal(rt, mod, 'pi', float(Math.PI))
  setAttrSteal(rt, mod, 'e', float(Math.E))
  setAttrSteal(rt, mod, 'inf', float(Infinity))
  setAttrSteal(rt, mod, 'nan', float(NaN))
  return mod
}

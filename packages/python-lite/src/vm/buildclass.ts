/**
 * `__build_class__`: runs a class body with a fresh namespace, then calls the metaclass.
 * @cpython Python/bltinmodule.c#builtin___build_class__
 */
import {
  PyDict_New,
  PyErr_Format,
  PyObject_Vectorcall,
  PyTuple_FromArraySteal,
  PyType_IsSubtype,
  Py_DECREF,
  Py_INCREF,
  kwnamesList,
  type PyCodeObject,
  type PyFunctionObject,
  type PyObject,
  type PyTupleObject,
  type PyTypeObject,
} from '@heap/core'
import type { Interpreter } from '../interp.js'
import { _PyEval_EvalFrame } from './ceval.js'
import { Frame } from './frame.js'

export function buildClass(interp: Interpreter, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = interp.rt
  if (nargs < 2) throw PyErr_Format(rt, 'TypeError', '__build_class__: not enough arguments')
  const func = args[start]! as PyFunctionObject
  const name = args[start + 1]!
  if (func.ob_type !== rt.types.function) throw PyErr_Format(rt, 'TypeError', '__build_class__: func must be a function')
  const bases: PyObject[] = []
  for (let i = 2; i < nargs; i++) bases.push(args[start + i]!)
  const kwNames = kwnamesList(kwnames)
  let meta: PyObject | null = null
  const kwValues: PyObject[] = []
  const kwKeys: PyObject[] = []
  for (let i = 0; i < kwNames.length; i++) {
    const v = args[start + nargs + i]!
    if (kwNames[i] === 'metaclass') meta = v
    else {
      kwValues.push(v)
      kwKeys.push((kwnames as PyTupleObject).ob_item[i]!)
    }
  }
  // The most derived metaclass of the explicit one and the bases' types.
  let winner: PyObject = meta ?? (bases.length > 0 ? bases[0]!.ob_type : rt.types.type)
  const isType = (o: PyObject): boolean => o.ob_type === rt.types.type || PyType_IsSubtype(o.ob_type, rt.types.type)
  if (isType(winner)) {
    for (const b of bases) {
      const bt = b.ob_type
      if (PyType_IsSubtype(winner as PyTypeObject, bt)) continue
      if (PyType_IsSubtype(bt, winner as PyTypeObject)) winner = bt
      else throw PyErr_Format(rt, 'TypeError', 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases')
    }
  }
  Py_INCREF(winner)
  for (const b of bases) Py_INCREF(b)
  const basesTuple = PyTuple_FromArraySteal(rt, bases)
  try {
    const ns = interp.prepareNamespace(winner, name, basesTuple, kwKeys, kwValues) ?? PyDict_New(rt)
    try {
      // The body runs with the namespace as its locals.
      const code = func.func_code as PyCodeObject
      Py_INCREF(code)
      Py_INCREF(func)
      Py_INCREF(ns)
      const frame = new Frame(code, func, func.func_globals, interp.builtinsFor(func.func_globals), ns)
      const cell = _PyEval_EvalFrame(interp.ts, frame)
      try {
        const callArgs = [name, basesTuple, ns, ...kwValues]
        const kn = kwKeys.length > 0 ? PyTuple_FromArraySteal(rt, kwKeys.map((k) => (Py_INCREF(k), k))) : null
        try {
          return PyObject_Vectorcall(winner, callArgs, 0, 3, kn)
        } finally {
          if (kn) Py_DECREF(kn)
        }
      } finally {
        Py_DECREF(cell)
      }
    } finally {
      Py_DECREF(ns)
    }
  } finally {
    Py_DECREF(basesTuple)
    Py_DECREF(winner)
  }
}

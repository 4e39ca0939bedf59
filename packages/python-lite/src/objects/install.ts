/**
 * Types the interpreter owns (frame objects, generators) and the slots it fills on core's types (calling a Python
 * function runs the eval loop).
 */
import { Py_INCREF, Py_TPFLAGS_HAVE_GC, PyType_NewStatic, PyType_Ready, PyUnicode_FromString, setTypeSystemHooks, type PyCellObject, type PyObject } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { functionVectorcall } from '../vm/call.js'
import { frame_dealloc, frame_traverse } from '../vm/frame.js'
import { gen_dealloc, gen_finalize, gen_iternext, gen_traverse, genGetset, genMethods, genRepr, type PyGenObject } from '../vm/genobject.js'

export function installInterpreterTypes(interp: Interpreter): void {
  const rt = interp.rt
  const T = rt.types
  T.function.tp_call = functionVectorcall
  T.function.tp_vectorcall = functionVectorcall
  const ptr = rt.profile.pointerSize
  T.frame = PyType_NewStatic(rt, 'frame', {
    basicsize: ptr * 8,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: { tp_dealloc: frame_dealloc, tp_traverse: frame_traverse },
  })
  T.generator = PyType_NewStatic(rt, 'generator', {
    basicsize: rt.sizeof.generator,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: {
      tp_dealloc: gen_dealloc,
      tp_traverse: gen_traverse,
      tp_finalize: gen_finalize,
      tp_iter: (self: PyObject) => {
        Py_INCREF(self)
        return self
      },
      tp_iternext: gen_iternext,
      tp_repr: (self: PyObject) => PyUnicode_FromString(rt, genRepr(self as PyGenObject)),
      tp_methods: genMethods(interp),
      tp_getset: genGetset(interp),
    },
  })
  PyType_Ready(rt, T.frame)
  PyType_Ready(rt, T.generator)
  const ts = interp.ts
  setTypeSystemHooks(rt, {
    callerGlobals: () => ts.frame?.globals ?? null,
    // Zero-argument super(): the calling frame's __class__ cell and its first argument.
    superNoArgs: () => {
      const f = ts.frame
      if (f === null || f.code.co_argcount === 0) return null
      const unit = f.unit
      let first = f.localsplus[0] ?? null
      if (first !== null && unit.cell2arg.includes(0) && first.ob_type === rt.types.cell) first = (first as PyCellObject).ob_ref
      const idx = unit.localsplusNames.lastIndexOf('__class__')
      if (idx < unit.nlocals || first === null) return null
      const cell = f.localsplus[idx] as PyCellObject | null
      if (cell === null || cell.ob_ref === null) return null
      return [cell.ob_ref, first]
    },
  })
}

/**
 * Types the interpreter owns (frame objects, generators) and the slots it fills on core's types (calling a Python
 * function runs the eval loop).
 */
import { Py_INCREF, Py_TPFLAGS_HAVE_GC, PyType_NewStatic, PyType_Ready, PyUnicode_FromString, type PyObject } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { functionVectorcall } from '../vm/call.js'
import { frame_dealloc, frame_traverse } from '../vm/frame.js'
import { gen_dealloc, gen_finalize, gen_iternext, gen_traverse, genRepr, type PyGenObject } from '../vm/genobject.js'

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
    basicsize: ptr * 10,
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
    },
  })
  PyType_Ready(rt, T.frame)
  PyType_Ready(rt, T.generator)
}

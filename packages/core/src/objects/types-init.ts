/**
 * Creates the type system of a runtime: `object` and `type` behaviour, the descriptor types, builtin functions,
 * bound methods, `super`, `property` and `mappingproxy`, and the descriptor factory `PyType_Ready` uses.
 * Called by the bootstrap right after the core types exist.
 */
import { METH_CLASS, METH_STATIC, PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { _PyMethod_InitType } from './classobject.js'
import {
  PyDescr_NewClassMethod,
  PyDescr_NewGetSet,
  PyDescr_NewMember,
  PyDescr_NewMethod,
  _PyDescr_InitTypes,
  _setGenericAlloc,
  registerFactory,
} from './descrobject.js'
import { dict_refs } from './dictobject.js'
import { PyInstanceObject, PyType_GenericAlloc, object_dealloc } from './instances.js'
import { PyCFunction_NewEx, _PyCFunction_InitType } from './methodobject.js'
import { _PyObject_InitType } from './object-type.js'
import { PyObject_CallArgs } from './protocols.js'
import { Py_DECREF } from '../object/refcount.js'
import { slot_tp_new } from './slots.js'
import { _PySuper_InitType } from './superobject.js'
import { PyType_Ready, _PyType_InitTypeType, _setDescriptorFactory, slotTpNewRef } from './typeobject.js'

/** Creates the type system: object/type behaviour, descriptors, builtin methods, bound methods, super, property. */
export function _PyTypeSystem_Init(rt: Runtime): void {
  const T = rt.types
  _PyType_InitTypeType(rt)
  _PyObject_InitType(rt)
  T.object.tp_dealloc = object_dealloc
  T.object.tp_alloc = PyType_GenericAlloc
  registerFactory(T.object, (t) => new PyInstanceObject(t))
  registerFactory(T.type, (t) => new PyTypeObject(t, rt, '?'))
  _PyCFunction_InitType(rt)
  _PyMethod_InitType(rt)
  _PyDescr_InitTypes(rt)
  _PySuper_InitType(rt)
  _setGenericAlloc(PyType_GenericAlloc)
  slotTpNewRef.fn = slot_tp_new
  _setDescriptorFactory({
    method(rt2, type, def) {
      if ((def.ml_flags & METH_CLASS) !== 0) return PyDescr_NewClassMethod(rt2, type, def)
      if ((def.ml_flags & METH_STATIC) !== 0) {
        const cfunc = PyCFunction_NewEx(rt2, def, type, null)
        const sm = rt2.types.staticmethod
        if (sm === undefined) return cfunc
        // A builtin type readied before staticmethod (str.maketrans) needs it ready first.
        PyType_Ready(rt2, sm)
        try {
          return PyObject_CallArgs(sm, [cfunc])
        } finally {
          Py_DECREF(cfunc)
        }
      }
      return PyDescr_NewMethod(rt2, type, def)
    },
    getset: (rt2, type, def) => PyDescr_NewGetSet(rt2, type, def),
    member: (rt2, type, def) => PyDescr_NewMember(rt2, type, def),
  })
  // The audit must see the values a dict does not visit for the collector (embedded instance values).
  if (T.dict.tp_refs === null) T.dict.tp_refs = dict_refs
  // Exceptions keep their instance dict in `dict` (tp_dictoffset of BaseException).
  const be = rt.exc['BaseException']
  if (be !== undefined && be.tp_dictfield === null) be.tp_dictfield = 'dict'
}

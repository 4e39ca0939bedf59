/**
 * `None`, `NotImplemented`, `Ellipsis`, `True` and `False`: one object each per runtime, static from 3.12 on
 * (immortal), ordinary counted objects before.
 * @cpython Objects/object.c#_Py_NoneStruct
 */
import { PyObject_InitStatic } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import type { PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { makeStatic } from './immortal.js'
import { PyLongObject } from './longobject.js'

function staticSingleton(rt: Runtime, op: PyObject, size: number): PyObject {
  PyObject_InitStatic(rt, op, size)
  if (rt.profile.objects.staticObjects.singletons) makeStatic(rt, op)
  return op
}

/** Creates None, NotImplemented and Ellipsis. */
export function _PySingletons_Init(rt: Runtime): void {
  rt.None = staticSingleton(rt, new PyObject(rt.types.NoneType), 16)
  rt.NotImplemented = staticSingleton(rt, new PyObject(rt.types.NotImplementedType), 16)
  rt.Ellipsis = staticSingleton(rt, new PyObject(rt.types.ellipsis), 16)
  rt.True = staticSingleton(rt, new PyLongObject(rt.types.bool as PyTypeObject, 1), rt.sizeof.bool)
  rt.False = staticSingleton(rt, new PyLongObject(rt.types.bool as PyTypeObject, 0), rt.sizeof.bool)
}

/**
 * `none_dealloc` and friends: a singleton reaching count zero is a refcount bug (a simulated fatal error on
 * profiles that check it; 3.12+ re-immortalize).
 * @cpython Objects/object.c#none_dealloc
 */
export function singleton_dealloc(op: PyObject): void {
  const rt = op.ob_type.tp_runtime
  if (rt.profile.unsafe.noneDealloc === 're-immortalize') {
    makeStatic(rt, op)
    return
  }
  const msg = rt.profile.messages.noneDeallocFatal ?? 'deallocating None'
  const colon = msg.indexOf(': ')
  if (op === rt.None && colon > 0 && msg.startsWith('none_dealloc')) rt.hooks.fatalError(rt, msg.slice(0, colon), msg.slice(colon + 2))
  rt.hooks.fatalError(rt, null, op === rt.None ? msg : `deallocating ${op.ob_type.tp_name}`)
}

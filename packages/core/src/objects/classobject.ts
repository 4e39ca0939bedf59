/**
 * Bound methods (`method`): a function and the object it is bound to. Calling one calls the function with the object
 * prepended. A GC object; profiles ≤3.8 keep a free list of them.
 * @cpython Objects/classobject.c
 */
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyErr_Format } from '../errors.js'
import { OB_FREED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, _Py_NewReference } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import { Py_EQ, Py_NE, Py_TPFLAGS_HAVE_GC, type PyTypeObject, type visitproc } from '../object/type.js'
import { _Py_HashPointer } from '../runtime/bootstrap.js'
import type { Runtime } from '../runtime/runtime.js'
import { checkPositional } from './getargs.js'
import { _PyObject_LookupAttrStr } from './object-type.js'
import { PyObject_GetAttr, PyObject_Hash, PyObject_RichCompareBool, PyObject_Vectorcall, notImplemented, reprText } from './protocols.js'
import { PyType_NewStatic, _PyType_Lookup } from './typeobject.js'
import { PyUnicode_Check, newBool, newStr, strValue } from './type-util.js'

export class PyMethodObject extends PyObject {
  /** Both owned. */
  im_func: PyObject
  im_self: PyObject
  constructor(type: PyTypeObject, func: PyObject, self: PyObject) {
    super(type)
    this.im_func = func
    this.im_self = self
  }
}

/**
 * `PyMethod_New`: binds `func` to `self` (both INCREF'd). Tracked.
 * @cpython Objects/classobject.c#PyMethod_New
 */
export function PyMethod_New(func: PyObject, self: PyObject): PyMethodObject {
  const rt = func.ob_type.tp_runtime
  Py_INCREF(func)
  Py_INCREF(self)
  const max = rt.profile.objects.freeLists.method
  const fl = max > 0 ? rt.fl.method : null
  let im: PyMethodObject
  if (fl !== null && fl.length > 0) {
    im = fl.pop() as PyMethodObject
    _Py_NewReference(im)
    im.ob_flags &= ~OB_FREED
    im.im_func = func
    im.im_self = self
  } else {
    im = PyObject_GC_Init(rt, new PyMethodObject(rt.types.method, func, self), rt.types.method.tp_basicsize)
  }
  _PyObject_GC_TRACK(im)
  return im
}

/** `method_vectorcall`: the function called with self prepended. @cpython Objects/classobject.c#method_vectorcall */
export function method_vectorcall(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const im = callable as PyMethodObject
  const nkw = kwnames === null ? 0 : (kwnames as unknown as { ob_item: PyObject[] }).ob_item.length
  const total = nargs + nkw
  const stack = new Array<PyObject>(total + 1)
  stack[0] = im.im_self
  for (let i = 0; i < total; i++) stack[i + 1] = args[start + i]!
  return PyObject_Vectorcall(im.im_func, stack, 0, nargs + 1, kwnames)
}

/** @cpython Objects/classobject.c#method_dealloc */
function method_dealloc(self: PyObject): void {
  const im = self as PyMethodObject
  const rt = im.ob_type.tp_runtime
  _PyObject_GC_UNTRACK(im)
  if (!Py_TRASHCAN_BEGIN(im)) return
  if (rt.weakrefs.has(im)) rt.clearWeakRefs(im)
  Py_DECREF(im.im_func)
  Py_DECREF(im.im_self)
  const max = rt.profile.objects.freeLists.method
  const fl = max > 0 && im.ob_type === rt.types.method ? rt.fl.method : null
  if (fl !== null && fl.length < max) {
    im.ob_flags |= OB_FREED
    fl.push(im)
  } else PyObject_GC_Del(im)
  Py_TRASHCAN_END(im)
}

/** @cpython Objects/classobject.c#method_traverse */
function method_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const im = self as PyMethodObject
  return visit(im.im_func, arg) || visit(im.im_self, arg)
}

/** @cpython Objects/classobject.c#method_repr */
function method_repr(self: PyObject): PyObject {
  const im = self as PyMethodObject
  const rt = im.ob_type.tp_runtime
  let funcname = _PyObject_LookupAttrStr(im.im_func, '__qualname__')
  if (funcname === null) funcname = _PyObject_LookupAttrStr(im.im_func, '__name__')
  let name = '?'
  if (funcname !== null) {
    if (PyUnicode_Check(funcname)) name = strValue(funcname)
    Py_DECREF(funcname)
  }
  return newStr(rt, `<bound method ${name} of ${reprText(im.im_self)}>`)
}

/** @cpython Objects/classobject.c#method_richcompare */
function method_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  const rt = a.ob_type.tp_runtime
  if ((op !== Py_EQ && op !== Py_NE) || a.ob_type !== rt.types.method || b.ob_type !== rt.types.method) return notImplemented(rt)
  const ma = a as PyMethodObject
  const mb = b as PyMethodObject
  let eq = ma.im_self === mb.im_self
  if (eq) eq = PyObject_RichCompareBool(ma.im_func, mb.im_func, Py_EQ)
  return newBool(rt, op === Py_EQ ? eq : !eq)
}

/** @cpython Objects/classobject.c#method_hash */
function method_hash(self: PyObject): number {
  const im = self as PyMethodObject
  let x = _Py_HashPointer(im.im_self) ^ PyObject_Hash(im.im_func)
  if (x === -1) x = -2
  return x
}

/** Attributes the method type does not define come from the function. @cpython Objects/classobject.c#method_getattro */
function method_getattro(self: PyObject, name: PyObject): PyObject {
  const im = self as PyMethodObject
  const tp = im.ob_type
  const descr = _PyType_Lookup(tp, strValue(name))
  if (descr !== null) {
    const f = descr.ob_type.tp_descr_get
    if (f !== null) return f(descr, im, tp)
    Py_INCREF(descr)
    return descr
  }
  return PyObject_GetAttr(im.im_func, name)
}

/** `types.MethodType(function, instance)`. @cpython Objects/classobject.c#method_new_impl */
function method_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (kwds !== null && (kwds as unknown as { ma_used: number }).ma_used > 0) throw PyErr_Format(rt, 'TypeError', 'method() takes no keyword arguments')
  const items = (args as unknown as { ob_item: PyObject[] }).ob_item
  checkPositional(rt, 'method', items.length, 2, 2)
  const [func, self] = items as [PyObject, PyObject]
  if (func.ob_type.tp_call === null) throw PyErr_Format(rt, 'TypeError', 'first argument must be callable')
  if (self === rt.None) throw PyErr_Format(rt, 'TypeError', 'instance must not be None')
  return PyMethod_New(func, self)
}

/** Creates the `method` type. */
export function _PyMethod_InitType(rt: Runtime): void {
  rt.types.method = PyType_NewStatic(rt, 'method', {
    basicsize: 6 * rt.profile.pointerSize,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: {
      tp_dealloc: method_dealloc,
      tp_traverse: method_traverse,
      tp_repr: method_repr,
      tp_richcompare: method_richcompare,
      tp_hash: method_hash,
      tp_call: method_vectorcall,
      tp_getattro: method_getattro,
      tp_new: method_new,
      tp_getset: [
        {
          name: '__doc__',
          get: (self) => {
            const d = _PyObject_LookupAttrStr((self as PyMethodObject).im_func, '__doc__')
            if (d !== null) return d
            Py_INCREF(rt.None)
            return rt.None
          },
          set: null,
        },
        {
          name: '__func__',
          get: (self) => {
            const f = (self as PyMethodObject).im_func
            Py_INCREF(f)
            return f
          },
          set: null,
        },
        {
          name: '__self__',
          get: (self) => {
            const s = (self as PyMethodObject).im_self
            Py_INCREF(s)
            return s
          },
          set: null,
        },
      ],
    },
  })
  // Bound methods take weak references (`im_weakreflist`). @cpython Objects/classobject.c#PyMethod_Type
  rt.types.method.tp_weaklist = true
}

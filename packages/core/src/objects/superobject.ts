/**
 * `super`: attribute lookup that starts after a given class in an object's MRO. `super(C, obj)` and `super(C)` are
 * created by calling the type; the zero-argument form gets `(__class__, first argument)` from the interpreter
 * (`setTypeSystemHooks(rt, { superNoArgs })`). `_PySuper_Lookup` serves LOAD_SUPER_ATTR without creating the object.
 * @cpython Objects/typeobject.c#super_getattro
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_DECREF, Py_INCREF, Py_XDECREF, Py_XINCREF } from '../object/refcount.js'
import { Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, PyType_IsSubtype, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { registerFactory } from './descrobject.js'
import { PyDict_GetItemStr, type PyDictObject } from './dictobject.js'
import { PyType_GenericAlloc } from './instances.js'
import { PyObject_GenericGetAttr, _PyObject_LookupAttrStr } from './object-type.js'
import { PyObject_Vectorcall } from './protocols.js'
import type { PyTupleObject } from './tupleobject.js'
import { PyType_NewStatic, typeSystemHooks } from './typeobject.js'
import { PyType_Check, fmt, newStr, strValue, trunc } from './type-util.js'
import type { PyUnicodeObject } from './unicodeobject.js'

export class PySuperObject extends PyObject {
  /** All owned. */
  type: PyTypeObject | null
  obj: PyObject | null
  obj_type: PyTypeObject | null
  constructor(type: PyTypeObject) {
    super(type)
    this.type = null
    this.obj = null
    this.obj_type = null
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/**
 * `supercheck`: the type whose MRO the lookup walks — `obj` itself when it is a subclass of `type`, else `obj`'s type
 * (or its `__class__`).
 * @cpython Objects/typeobject.c#supercheck
 */
function supercheck(rt: Runtime, type: PyTypeObject, obj: PyObject): PyTypeObject {
  if (PyType_Check(obj) && PyType_IsSubtype(obj as PyTypeObject, type)) {
    Py_INCREF(obj)
    return obj as PyTypeObject
  }
  if (PyType_IsSubtype(obj.ob_type, type)) {
    Py_INCREF(obj.ob_type)
    return obj.ob_type
  }
  const cls = _PyObject_LookupAttrStr(obj, '__class__')
  if (cls !== null) {
    if (PyType_Check(cls) && cls !== obj.ob_type && PyType_IsSubtype(cls as PyTypeObject, type)) return cls as PyTypeObject
    Py_DECREF(cls)
  }
  const got = PyType_Check(obj) ? `type ${(obj as PyTypeObject).tp_name}` : `instance of ${obj.ob_type.tp_name}`
  throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.superBadObj, { got, type: type.tp_name }))
}

/** @cpython Objects/typeobject.c#super_init */
function super_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  if (kwds !== null && (kwds as PyDictObject).ma_used > 0) throw PyErr_Format(rt, 'TypeError', 'super() takes no keyword arguments')
  super_init_impl(self, (args as PyTupleObject).ob_item)
}

/**
 * `super(...)` without an argument tuple (3.9+ profiles with type vectorcalls).
 * @cpython Objects/typeobject.c#super_vectorcall
 */
function super_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  if (kwnames !== null && (kwnames as PyTupleObject).ob_item.length > 0) throw PyErr_Format(rt, 'TypeError', 'super() takes no keyword arguments')
  const self = PyType_GenericAlloc(type as PyTypeObject)
  try {
    super_init_impl(self, args.slice(start, start + nargs))
  } catch (e) {
    Py_DECREF(self)
    throw e
  }
  return self
}

/** @cpython Objects/typeobject.c#super_init_impl */
function super_init_impl(self: PyObject, items: readonly PyObject[]): void {
  const su = self as PySuperObject
  const rt = rtOf(su)
  let type: PyObject
  let obj: PyObject | null = null
  if (items.length === 0) {
    const found = typeSystemHooks(rt).superNoArgs(rt)
    if (found === null) throw PyErr_Format(rt, 'RuntimeError', 'super(): no arguments')
    ;[type, obj] = found
  } else if (items.length > 2) {
    throw PyErr_Format(rt, 'TypeError', `super() takes at most 2 arguments (${items.length} given)`)
  } else {
    type = items[0]!
    if (items.length === 2) obj = items[1]!
  }
  if (!PyType_Check(type)) throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.superArg1, { got: trunc(type.ob_type.tp_name, 200) }))
  if (obj === rt.None) obj = null
  let objType: PyTypeObject | null = null
  if (obj !== null) objType = supercheck(rt, type as PyTypeObject, obj)
  Py_INCREF(type)
  Py_XINCREF(obj)
  const oldType = su.type
  const oldObj = su.obj
  const oldObjType = su.obj_type
  su.type = type as PyTypeObject
  su.obj = obj
  su.obj_type = objType
  Py_XDECREF(oldType)
  Py_XDECREF(oldObj)
  Py_XDECREF(oldObjType)
}

/**
 * The attribute `name` of the classes after `type` in `objType`'s MRO, bound to `obj` (unbound when `obj` is the type
 * itself). A new reference, or null when absent.
 * @cpython Objects/typeobject.c#super_lookup_descr
 */
function super_lookup_descr(type: PyTypeObject, obj: PyObject, objType: PyTypeObject, name: string): PyObject | null {
  const mro = objType.tp_mro as PyTupleObject | null
  if (mro === null) return null
  const items = mro.ob_item
  let i = 0
  while (i + 1 < items.length && items[i] !== type) i++
  i++
  for (; i < items.length; i++) {
    const d = (items[i] as PyTypeObject).tp_dict as PyDictObject | null
    if (d === null) continue
    const res = PyDict_GetItemStr(d, name)
    if (res === null) continue
    const f = res.ob_type.tp_descr_get
    if (f !== null) {
      Py_INCREF(res)
      try {
        return f(res, obj === objType ? null : obj, objType)
      } finally {
        Py_DECREF(res)
      }
    }
    Py_INCREF(res)
    return res
  }
  return null
}

/** @cpython Objects/typeobject.c#super_getattro */
function super_getattro(self: PyObject, name: PyObject): PyObject {
  const su = self as PySuperObject
  const starttype = su.obj_type
  if (starttype !== null && name.ob_type === rtOf(su).types.str && strValue(name) !== '__class__') {
    const res = super_lookup_descr(su.type!, su.obj!, starttype, (name as PyUnicodeObject).value)
    if (res !== null) return res
  }
  return PyObject_GenericGetAttr(self, name)
}

/**
 * `_PySuper_Lookup` (LOAD_SUPER_ATTR, 3.12+): `super(type, obj).name` without a super object. With `method`,
 * returns `[function, true]` for a function-like attribute to call with `obj` prepended.
 * @cpython Objects/typeobject.c#_PySuper_Lookup
 */
export function _PySuper_Lookup(type: PyTypeObject, obj: PyObject, name: PyObject, method: boolean): [PyObject, boolean] {
  const rt = type.tp_runtime
  const objType = supercheck(rt, type, obj)
  try {
    const n = strValue(name)
    const mro = objType.tp_mro as PyTupleObject | null
    if (method && mro !== null) {
      const items = mro.ob_item
      let i = 0
      while (i + 1 < items.length && items[i] !== type) i++
      for (i++; i < items.length; i++) {
        const d = (items[i] as PyTypeObject).tp_dict as PyDictObject | null
        const res = d !== null ? PyDict_GetItemStr(d, n) : null
        if (res === null) continue
        if ((res.ob_type.tp_flags & (1 << 17)) !== 0 && obj !== objType) {
          Py_INCREF(res)
          return [res, true]
        }
        break
      }
    }
    const res = super_lookup_descr(type, obj, objType, n)
    if (res !== null) return [res, false]
    // Fall back to the attributes of a super object itself (__class__, __self__ …).
    const su = PyObject_Vectorcall(rt.types.super, [type, obj], 0, 2, null)
    try {
      return [PyObject_GenericGetAttr(su, name), false]
    } finally {
      Py_DECREF(su)
    }
  } finally {
    Py_DECREF(objType)
  }
}

/** @cpython Objects/typeobject.c#super_descr_get */
function super_descr_get(self: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  const su = self as PySuperObject
  const rt = rtOf(su)
  if (obj === null || obj === rt.None || su.obj !== null) {
    Py_INCREF(su)
    return su
  }
  return PyObject_Vectorcall(su.ob_type, [su.type!, obj], 0, 2, null)
}

function super_repr(self: PyObject): PyObject {
  const su = self as PySuperObject
  const rt = rtOf(su)
  const tn = su.type !== null ? su.type.tp_name : 'NULL'
  if (su.obj_type !== null) return newStr(rt, `<super: <class '${tn}'>, <${su.obj_type.tp_name} object>>`)
  return newStr(rt, `<super: <class '${tn}'>, NULL>`)
}

function super_dealloc(self: PyObject): void {
  const su = self as PySuperObject
  _PyObject_GC_UNTRACK(su)
  Py_CLEAR(su, 'obj')
  Py_CLEAR(su, 'type')
  Py_CLEAR(su, 'obj_type')
  su.ob_type.tp_free!(su)
}

function super_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const su = self as PySuperObject
  for (const v of [su.obj, su.type, su.obj_type]) {
    if (v !== null) {
      const r = visit(v, arg)
      if (r) return r
    }
  }
  return 0
}

function fieldGetter(field: 'type' | 'obj' | 'obj_type'): (self: PyObject) => PyObject {
  return (self) => {
    const v = (self as PySuperObject)[field] ?? rtOf(self).None
    Py_INCREF(v)
    return v
  }
}

/** Creates the `super` type. */
export function _PySuper_InitType(rt: Runtime): void {
  rt.types.super = PyType_NewStatic(rt, 'super', {
    basicsize: 5 * rt.profile.pointerSize,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc: 'super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)',
    slots: {
      tp_dealloc: super_dealloc,
      tp_traverse: super_traverse,
      tp_free: PyObject_GC_Del,
      tp_repr: super_repr,
      tp_getattro: super_getattro,
      tp_descr_get: super_descr_get,
      tp_init: super_init,
      tp_new: (subtype) => PyType_GenericAlloc(subtype),
      tp_vectorcall: rt.profile.objects.typeVectorcall ? super_vectorcall : null,
      tp_getset: [
        { name: '__thisclass__', get: fieldGetter('type'), set: null },
        { name: '__self__', get: fieldGetter('obj'), set: null },
        { name: '__self_class__', get: fieldGetter('obj_type'), set: null },
      ],
    },
  })
  registerFactory(rt.types.super, (t) => new PySuperObject(t))
}

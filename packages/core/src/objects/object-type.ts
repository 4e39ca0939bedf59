/**
 * The `object` type (`__new__`, `__init__`, `__repr__`, comparisons, `__class__`, `__sizeof__`, `__dir__` …) and the
 * generic attribute protocol every type inherits: `PyObject_GenericGetAttr` / `PyObject_GenericSetAttr` (data
 * descriptors, then the instance's values or dict, then non-data descriptors and class attributes), and
 * `_PyObject_GetMethod`, which lets LOAD_METHOD call a method without creating a bound method.
 * @cpython Objects/object.c#_PyObject_GenericGetAttrWithDict
 * @cpython Objects/typeobject.c#object_new
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_Free, headerBytes } from '../object/alloc.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import {
  METH_CLASS,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  Py_EQ,
  Py_NE,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_IMMUTABLETYPE,
  Py_TPFLAGS_METHOD_DESCRIPTOR,
  PyObject_IS_GC,
  PyType_IsSubtype,
  type PyGetSetDef,
  type PyMethodDef,
  type PyTypeObject,
} from '../object/type.js'
import { _Py_HashPointer } from '../runtime/bootstrap.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyDict_DelItemIfPresent, PyDict_GetItem, PyDict_GetItemStr, PyDict_New, PyDict_SetItem, type PyDictObject } from './dictobject.js'
import { errMatches, PyObject_CallArgs, PyObject_GetIter, PyObject_IsTrue, PyObject_Str, PyObject_Vectorcall, notImplemented } from './protocols.js'
import {
  PyInstanceObject,
  PyObject_GenericGetDict,
  _PyObjectDict_SetItem,
  _PyObject_GetInstanceAttribute,
  _PyObject_GetInstanceDict,
  _PyObject_InitializeDict,
  _PyObject_StoreInstanceAttribute,
} from './instances.js'
import { PyLong_FromNumber, intValue } from './longobject.js'
import { PyTuple_FromArraySteal, type PyTupleObject } from './tupleobject.js'
import { _PyType_Lookup } from './typeobject.js'
import {
  PyType_Check,
  PyUnicode_Check,
  addrHex,
  dropErr,
  fmt,
  newBool,
  newNone,
  newStr,
  noAttributeError,
  setAttributeErrorContext,
  strValue,
  trunc,
  typeModuleName,
  typeQualname,
} from './type-util.js'
import { PyUnicode_InternFromString, type PyUnicodeObject } from './unicodeobject.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

function checkName(rt: Runtime, name: PyObject): void {
  if (!PyUnicode_Check(name)) {
    throw PyErr_Format(rt, 'TypeError', `attribute name must be string, not '${trunc(name.ob_type.tp_name, 200)}'`)
  }
}

/** The instance attribute `name` (borrowed): from the values (3.11+), the given dict, or the instance dict. */
function storedAttribute(obj: PyObject, name: PyObject, dict: PyObject | null): PyObject | null {
  if (dict === null) {
    if (obj instanceof PyInstanceObject && obj.ob_values !== null) {
      return _PyObject_GetInstanceAttribute(obj, obj.ob_values, (name as PyUnicodeObject).value)
    }
    dict = _PyObject_GetInstanceDict(obj)
    if (dict === null) return null
  }
  const d = dict as PyDictObject
  if (name.ob_type === rtOf(obj).types.str) return PyDict_GetItemStr(d, (name as PyUnicodeObject).value)
  return PyDict_GetItem(d, name)
}

/**
 * `_PyObject_GenericGetAttrWithDict`: data descriptor on the type, else the instance attribute, else a non-data
 * descriptor or class attribute. With `suppress`, a missing attribute returns null instead of raising (no exception
 * object is created). A new reference.
 * @cpython Objects/object.c#_PyObject_GenericGetAttrWithDict
 */
export function _PyObject_GenericGetAttrWithDict(obj: PyObject, name: PyObject, dict: PyObject | null, suppress: boolean): PyObject | null {
  const rt = rtOf(obj)
  checkName(rt, name)
  const tp = obj.ob_type
  const descr = _PyType_Lookup(tp, (name as PyUnicodeObject).value)
  let f = null
  if (descr !== null) {
    f = descr.ob_type.tp_descr_get
    if (f !== null && descr.ob_type.tp_descr_set !== null) {
      Py_INCREF(descr)
      try {
        return f(descr, obj, tp)
      } catch (e) {
        if (suppress && errMatches(e, 'AttributeError')) {
          dropErr(e)
          return null
        }
        throw e
      } finally {
        Py_DECREF(descr)
      }
    }
  }
  const v = storedAttribute(obj, name, dict)
  if (v !== null) {
    Py_INCREF(v)
    return v
  }
  if (f !== null) {
    Py_INCREF(descr!)
    try {
      return f(descr!, obj, tp)
    } catch (e) {
      if (suppress && errMatches(e, 'AttributeError')) {
        dropErr(e)
        return null
      }
      throw e
    } finally {
      Py_DECREF(descr!)
    }
  }
  if (descr !== null) {
    Py_INCREF(descr)
    return descr
  }
  if (suppress) return null
  throw noAttributeError(rt, obj, name)
}

/** `PyObject_GenericGetAttr` (`object.__getattribute__`). @cpython Objects/object.c#PyObject_GenericGetAttr */
export function PyObject_GenericGetAttr(obj: PyObject, name: PyObject): PyObject {
  return _PyObject_GenericGetAttrWithDict(obj, name, null, false)!
}

/**
 * `_PyObject_GenericSetAttrWithDict`: a data descriptor's setter, else the instance's values or dict. `value` null
 * deletes.
 * @cpython Objects/object.c#_PyObject_GenericSetAttrWithDict
 */
export function _PyObject_GenericSetAttrWithDict(obj: PyObject, name: PyObject, value: PyObject | null, dict: PyObject | null): void {
  const rt = rtOf(obj)
  checkName(rt, name)
  const tp = obj.ob_type
  const descr = _PyType_Lookup(tp, (name as PyUnicodeObject).value)
  if (descr !== null) {
    const f = descr.ob_type.tp_descr_set
    if (f !== null) {
      Py_INCREF(descr)
      try {
        f(descr, obj, value)
      } finally {
        Py_DECREF(descr)
      }
      return
    }
  }
  if (dict === null) {
    if (obj instanceof PyInstanceObject && obj.ob_values !== null) {
      _PyObject_StoreInstanceAttribute(obj, obj.ob_values, name, value)
      return
    }
    const field = tp.tp_dictfield
    if (field === null) {
      const n = strValue(name)
      const msg =
        descr === null
          ? fmt(rt.profile.messages.noDictSetattr, { type: trunc(tp.tp_name, 100), name: n })
          : `'${trunc(tp.tp_name, 50)}' object attribute '${n}' is read-only`
      const err = PyErr_Format(rt, 'AttributeError', msg)
      if (descr === null) setAttributeErrorContext(rt, err, obj, name)
      throw err
    }
    _PyObjectDict_SetItem(obj, field, name, value)
    return
  }
  const d = dict as PyDictObject
  if (value === null) {
    if (!PyDict_DelItemIfPresent(d, name)) {
      throw PyErr_Format(rt, 'AttributeError', fmt(rt.profile.messages.attributeErrorDel, { type: trunc(tp.tp_name, 100), name: strValue(name) }))
    }
    return
  }
  PyDict_SetItem(d, name, value)
}


/** `PyObject_GenericSetAttr` (`object.__setattr__`). @cpython Objects/object.c#PyObject_GenericSetAttr */
export function PyObject_GenericSetAttr(obj: PyObject, name: PyObject, value: PyObject | null): void {
  _PyObject_GenericSetAttrWithDict(obj, name, value, null)
}

/**
 * `_PyObject_LookupAttr`: the attribute (a new reference) or null when it does not exist; other errors propagate.
 * The generic getattr reports a miss without creating an exception.
 * @cpython Objects/object.c#_PyObject_LookupAttr
 */
export function _PyObject_LookupAttr(obj: PyObject, name: PyObject): PyObject | null {
  const tp = obj.ob_type
  if (tp.tp_getattro === PyObject_GenericGetAttr) return _PyObject_GenericGetAttrWithDict(obj, name, null, true)
  const f = tp.tp_getattro
  if (f === null) return null
  try {
    return f(obj, name)
  } catch (e) {
    if (errMatches(e, 'AttributeError')) {
      dropErr(e)
      return null
    }
    throw e
  }
}

/** `_PyObject_LookupAttr` with a JS name (interned). */
export function _PyObject_LookupAttrStr(obj: PyObject, name: string): PyObject | null {
  const rt = rtOf(obj)
  const n = PyUnicode_InternFromString(rt, name)
  try {
    return _PyObject_LookupAttr(obj, n)
  } finally {
    Py_DECREF(n)
  }
}

/**
 * `_PyObject_LookupSpecial`: a special method looked up on the type (not the instance), bound to the object.
 * A new reference, or null.
 * @cpython Objects/typeobject.c#_PyObject_LookupSpecial
 */
export function _PyObject_LookupSpecial(obj: PyObject, name: string): PyObject | null {
  const res = _PyType_Lookup(obj.ob_type, name)
  if (res === null) return null
  const f = res.ob_type.tp_descr_get
  if (f === null) {
    Py_INCREF(res)
    return res
  }
  return f(res, obj, obj.ob_type)
}

/**
 * `_PyObject_GetMethod` for LOAD_METHOD: `[method, true]` when `method` is an unbound function-like descriptor to
 * call with `obj` prepended (no bound method is allocated); `[attribute, false]` otherwise. New references.
 * @cpython Objects/object.c#_PyObject_GetMethod
 */
export function _PyObject_GetMethod(obj: PyObject, name: PyObject): [PyObject, boolean] {
  const tp = obj.ob_type
  const rt = tp.tp_runtime
  if (tp.tp_getattro !== PyObject_GenericGetAttr || name.ob_type !== rt.types.str) {
    return [tp.tp_getattro !== null ? tp.tp_getattro(obj, name) : PyObject_GenericGetAttr(obj, name), false]
  }
  const descr = _PyType_Lookup(tp, (name as PyUnicodeObject).value)
  let f = null
  let methFound = false
  if (descr !== null) {
    Py_INCREF(descr)
    if ((descr.ob_type.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) !== 0) methFound = true
    else {
      f = descr.ob_type.tp_descr_get
      if (f !== null && descr.ob_type.tp_descr_set !== null) {
        try {
          return [f(descr, obj, tp), false]
        } finally {
          Py_DECREF(descr)
        }
      }
    }
  }
  const v = storedAttribute(obj, name, null)
  if (v !== null) {
    Py_INCREF(v)
    if (descr !== null) Py_DECREF(descr)
    return [v, false]
  }
  if (methFound) return [descr!, true]
  if (f !== null) {
    try {
      return [f(descr!, obj, tp), false]
    } finally {
      Py_DECREF(descr!)
    }
  }
  if (descr !== null) return [descr, false]
  throw noAttributeError(rt, obj, name)
}

// ---------------------------------------------------------------------------------------------------------------
// object's slots
// ---------------------------------------------------------------------------------------------------------------

function excess_args(args: PyObject, kwds: PyObject | null): boolean {
  return (args as PyTupleObject).ob_item.length > 0 || (kwds !== null && (kwds as PyDictObject).ma_used > 0)
}

/** Set by typeobject.ts: `Py_TPFLAGS_IS_ABSTRACT`. */
export const Py_TPFLAGS_IS_ABSTRACT = 1 << 20

/** @cpython Objects/typeobject.c#object_new */
export function object_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (excess_args(args, kwds)) {
    if (type.tp_new !== object_new) {
      throw PyErr_Format(rt, 'TypeError', 'object.__new__() takes exactly one argument (the type to instantiate)')
    }
    if (type.tp_init === object_init) throw PyErr_Format(rt, 'TypeError', `${type.tp_name}() takes no arguments`)
  }
  if ((type.tp_flags & Py_TPFLAGS_IS_ABSTRACT) !== 0) throw abstractError(rt, type)
  const obj = type.tp_alloc!(type, 0)
  try {
    _PyObject_InitializeDict(obj)
  } catch (e) {
    Py_DECREF(obj)
    throw e
  }
  return obj
}

function abstractError(rt: Runtime, type: PyTypeObject): ReturnType<typeof PyErr_Format> {
  const d = type.tp_dict as PyDictObject
  const am = PyDict_GetItemStr(d, '__abstractmethods__')
  const names: string[] = []
  if (am !== null) {
    const direct = (am as unknown as { ob_item?: PyObject[] }).ob_item
    if (Array.isArray(direct)) for (const x of direct) names.push(PyUnicode_Check(x) ? strValue(x) : '?')
    else {
      const it = PyObject_GetIter(am)
      try {
        for (let x = it.ob_type.tp_iternext!(it); x !== null; x = it.ob_type.tp_iternext!(it)) {
          names.push(PyUnicode_Check(x) ? strValue(x) : '?')
          Py_DECREF(x)
        }
      } finally {
        Py_DECREF(it)
      }
    }
  }
  names.sort()
  const tmpl = rt.profile.messages.abstractInstantiation
  const quoted = tmpl.includes('without an implementation')
  const methods = names.map((n) => (quoted ? `'${n}'` : n)).join(', ')
  return PyErr_Format(rt, 'TypeError', fmt(tmpl, { type: type.tp_name, s: names.length > 1 ? 's' : '', methods }))
}

/** @cpython Objects/typeobject.c#object_init */
export function object_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const type = self.ob_type
  const rt = type.tp_runtime
  if (excess_args(args, kwds)) {
    if (type.tp_init !== object_init) {
      throw PyErr_Format(rt, 'TypeError', 'object.__init__() takes exactly one argument (the instance to initialize)')
    }
    if (type.tp_new === object_new) {
      throw PyErr_Format(rt, 'TypeError', `${type.tp_name}.__init__() takes exactly one argument (the instance to initialize)`)
    }
  }
}

/** `<module.Qualname object at 0x…>`. @cpython Objects/typeobject.c#object_repr */
export function object_repr(self: PyObject): PyObject {
  const type = self.ob_type
  const rt = type.tp_runtime
  const mod = typeModuleName(type)
  const name = typeQualname(type)
  if (mod !== null && mod !== 'builtins') return newStr(rt, `<${mod}.${name} object at ${addrHex(self)}>`)
  return newStr(rt, `<${type.tp_name} object at ${addrHex(self)}>`)
}

/** @cpython Objects/typeobject.c#object_str */
export function object_str(self: PyObject): PyObject {
  const f = self.ob_type.tp_repr ?? object_repr
  return f(self)
}

/** `==` is identity (NotImplemented otherwise); `!=` inverts `__eq__`. @cpython Objects/typeobject.c#object_richcompare */
export function object_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  const rt = rtOf(self)
  if (op === Py_EQ) {
    if (self === other) return newBool(rt, true)
    return notImplemented(rt)
  }
  if (op === Py_NE) {
    const rc = self.ob_type.tp_richcompare
    if (rc === null) return notImplemented(rt)
    const res = rc(self, other, Py_EQ)
    if (res === rt.NotImplemented) return res
    const ok = PyObject_IsTrue(res)
    Py_DECREF(res)
    return newBool(rt, !ok)
  }
  return notImplemented(rt)
}

/** `object.__hash__`: the address. */
export function object_hash(self: PyObject): number {
  return _Py_HashPointer(self)
}

// ---------------------------------------------------------------------------------------------------------------
// object's methods and getsets
// ---------------------------------------------------------------------------------------------------------------

function object_get_class(self: PyObject): PyObject {
  Py_INCREF(self.ob_type)
  return self.ob_type
}

/** Whether two types have the same instance layout (`compatible_for_assignment`). */
function compatible_for_assignment(rt: Runtime, oldto: PyTypeObject, newto: PyTypeObject, attr: string): void {
  const solid = (t: PyTypeObject): PyTypeObject => {
    let b: PyTypeObject = t
    while ((b.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0 && b.tp_base !== null) b = b.tp_base
    return b
  }
  if (newto.tp_free !== oldto.tp_free) {
    throw PyErr_Format(rt, 'TypeError', `${attr} assignment: '${newto.tp_name}' deallocator differs from '${oldto.tp_name}'`)
  }
  const slotsOf = (t: PyTypeObject): string => {
    const out: string[] = []
    for (let b: PyTypeObject | null = t; b !== null && (b.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0; b = b.tp_base) if (b.ht_slots) out.push(...b.ht_slots)
    return out.join(',')
  }
  if (
    solid(newto) !== solid(oldto) ||
    newto.tp_basicsize !== oldto.tp_basicsize ||
    newto.tp_itemsize !== oldto.tp_itemsize ||
    newto.tp_dictfield !== oldto.tp_dictfield ||
    newto.tp_weaklist !== oldto.tp_weaklist ||
    slotsOf(newto) !== slotsOf(oldto)
  ) {
    throw PyErr_Format(rt, 'TypeError', `${attr} assignment: '${newto.tp_name}' object layout differs from '${oldto.tp_name}'`)
  }
}

/** @cpython Objects/typeobject.c#object_set_class */
function object_set_class(self: PyObject, value: PyObject | null): void {
  const rt = rtOf(self)
  if (value === null) throw PyErr_Format(rt, 'TypeError', "can't delete __class__ attribute")
  if (!PyType_Check(value)) {
    throw PyErr_Format(rt, 'TypeError', `__class__ must be set to a class, not '${trunc(value.ob_type.tp_name, 200)}' object`)
  }
  const newto = value as PyTypeObject
  const oldto = self.ob_type
  const mod = rt.types.module
  const bothModules = mod !== undefined && PyType_IsSubtype(newto, mod) && PyType_IsSubtype(oldto, mod)
  const mutable = (t: PyTypeObject): boolean => (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0 && (t.tp_flags & Py_TPFLAGS_IMMUTABLETYPE) === 0
  if (!bothModules && (!mutable(newto) || !mutable(oldto))) throw PyErr_Format(rt, 'TypeError', rt.profile.messages.classAssignment)
  compatible_for_assignment(rt, oldto, newto, '__class__')
  // The values are indexed by the old class's shared keys: they move into a dict first.
  if (self instanceof PyInstanceObject && self.ob_values !== null) Py_DECREF(PyObject_GenericGetDict(self))
  if ((newto.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0) Py_INCREF(newto)
  self.ob_type = newto
  if ((oldto.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0) Py_DECREF(oldto)
}

/** `object.__sizeof__`: the basic size (plus items), or the type's own size function. */
export function object_sizeof(self: PyObject): number {
  const t = self.ob_type
  if (t.tp_sizeof !== null) return t.tp_sizeof(self)
  const n = (self as unknown as { ob_size?: number }).ob_size
  return t.tp_basicsize + (t.tp_itemsize > 0 && typeof n === 'number' ? Math.abs(n) * t.tp_itemsize : 0)
}

/**
 * `sys.getsizeof`: `__sizeof__` plus the GC header and pre-header (3.11 and 3.12 add the GC header for static types
 * too). A number of bytes.
 * @cpython Python/sysmodule.c#_PySys_GetSizeOf
 */
export function _PyObject_SizeOf(o: PyObject): number {
  const rt = rtOf(o)
  const method = _PyObject_LookupSpecial(o, '__sizeof__')
  if (method === null) throw PyErr_Format(rt, 'TypeError', `Type ${trunc(o.ob_type.tp_name, 100)} doesn't define __sizeof__`)
  let res: PyObject
  try {
    res = PyObject_Vectorcall(method, [], 0, 0, null)
  } finally {
    Py_DECREF(method)
  }
  const v = intValue(res)
  Py_DECREF(res)
  const size = typeof v === 'bigint' ? Number(v) : v
  if (size < 0) throw PyErr_Format(rt, 'ValueError', '__sizeof__() should return >= 0')
  const isStaticType = PyType_Check(o) && ((o as PyTypeObject).tp_flags & Py_TPFLAGS_HEAPTYPE) === 0
  if (isStaticType) return rt.profile.objects.getsizeofStaticTypeHeader ? size + rt.profile.gc.gcHeadSize : size
  return PyObject_IS_GC(o) || rt.profile.objects.getsizeofStaticTypeHeader ? size + headerBytes(rt, o.ob_type) : size
}

function meth(name: string, flags: number, fn: PyMethodDef['ml_meth'], doc?: string): PyMethodDef {
  return doc === undefined ? { ml_name: name, ml_flags: flags, ml_meth: fn } : { ml_name: name, ml_flags: flags, ml_meth: fn, ml_doc: doc }
}

/** `object.__dir__`: the instance dict's keys plus every class attribute along `__class__` and its bases. */
function object___dir__(self: PyObject): PyObject {
  const rt = rtOf(self)
  const dict = _PyObject_LookupAttrStr(self, '__dict__')
  const d = PyDict_New(rt)
  if (dict !== null) {
    if (dict.ob_type === rt.types.dict || PyType_IsSubtype(dict.ob_type, rt.types.dict)) mergeDict(d, dict as PyDictObject)
    Py_DECREF(dict)
  }
  try {
    const cls = _PyObject_LookupAttrStr(self, '__class__')
    if (cls !== null) {
      try {
        merge_class_dict(rt, d, cls)
      } finally {
        Py_DECREF(cls)
      }
    }
    return dictKeysList(rt, d)
  } finally {
    Py_DECREF(d)
  }
}

function mergeDict(into: PyDictObject, from: PyDictObject): void {
  for (let i = 0; i < from.ma_keys.length; i++) {
    const k = from.ma_keys[i]
    if (k !== undefined) PyDict_SetItem(into, k, from.ma_values[i]!)
  }
}

/** @cpython Objects/typeobject.c#merge_class_dict */
export function merge_class_dict(rt: Runtime, d: PyDictObject, aclass: PyObject): void {
  const classdict = _PyObject_LookupAttrStr(aclass, '__dict__')
  if (classdict !== null) {
    try {
      if (classdict.ob_type === rt.types.dict) mergeDict(d, classdict as PyDictObject)
      else {
        const inner = (classdict as unknown as { mapping?: PyObject }).mapping
        if (inner !== undefined && inner.ob_type === rt.types.dict) mergeDict(d, inner as PyDictObject)
      }
    } finally {
      Py_DECREF(classdict)
    }
  }
  const bases = _PyObject_LookupAttrStr(aclass, '__bases__')
  if (bases !== null) {
    try {
      if (bases.ob_type === rt.types.tuple) for (const b of (bases as PyTupleObject).ob_item) merge_class_dict(rt, d, b)
    } finally {
      Py_DECREF(bases)
    }
  }
}

/** A list of a dict's keys (through the list type, which the containers module provides). */
export function dictKeysList(rt: Runtime, d: PyDictObject): PyObject {
  const keys: PyObject[] = []
  for (const k of d.ma_keys) {
    if (k !== undefined) {
      Py_INCREF(k)
      keys.push(k)
    }
  }
  const t = PyTuple_FromArraySteal(rt, keys)
  try {
    return PyObject_CallArgs(rt.types.list, [t])
  } finally {
    Py_DECREF(t)
  }
}

function object___format__(self: PyObject, args: readonly PyObject[], start: number): PyObject {
  const rt = rtOf(self)
  const spec = args[start]!
  if (!PyUnicode_Check(spec)) {
    throw PyErr_Format(rt, 'TypeError', `__format__() argument must be str, not ${trunc(spec.ob_type.tp_name, 200)}`)
  }
  if (strValue(spec).length > 0) {
    throw PyErr_Format(rt, 'TypeError', `unsupported format string passed to ${trunc(self.ob_type.tp_name, 200)}.__format__`)
  }
  return PyObject_Str(self)
}

function object___reduce_ex__(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = rtOf(self)
  if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `__reduce_ex__() takes exactly one argument (${nargs} given)`)
  const reduce = _PyObject_LookupAttrStr(self, '__reduce__')
  if (reduce !== null) {
    try {
      const cls = self.ob_type
      const own = _PyType_Lookup(cls, '__reduce__')
      const base = _PyType_Lookup(rt.types.object, '__reduce__')
      if (own !== null && own !== base) return PyObject_Vectorcall(reduce, [], 0, 0, null)
    } finally {
      Py_DECREF(reduce)
    }
  }
  return commonReduce(self)
}

/** DEVIATION(cpython): the copyreg-based default reduction is not modelled; objects report they cannot be pickled. */
function commonReduce(self: PyObject): PyObject {
  const rt = rtOf(self)
  throw PyErr_Format(rt, 'TypeError', `cannot pickle '${trunc(self.ob_type.tp_name, 200)}' object`)
}

function object___getstate__(self: PyObject): PyObject {
  const rt = rtOf(self)
  const d = _PyObject_GetInstanceDict(self)
  if (self instanceof PyInstanceObject && self.ob_values !== null) {
    if (self.ob_values.order.length === 0) return newNone(rt)
    return PyObject_GenericGetDict(self)
  }
  if (d === null || d.ma_used === 0) return newNone(rt)
  Py_INCREF(d)
  return d
}

/** The `object` type's methods and getsets (the type itself is created by the runtime). */
export function _PyObject_InitType(rt: Runtime): void {
  const T = rt.types
  const o = T.object
  const methods: PyMethodDef[] = [
    meth('__reduce_ex__', METH_VARARGS, object___reduce_ex__, 'Helper for pickle.'),
    meth('__reduce__', METH_NOARGS, (self) => commonReduce(self), 'Helper for pickle.'),
  ]
  if (rt.profile.objects.objectGetstate) {
    methods.push(meth('__getstate__', METH_NOARGS, (self) => object___getstate__(self), 'Helper for pickle.'))
  }
  methods.push(
    meth('__subclasshook__', METH_CLASS | METH_VARARGS, () => notImplemented(rt), 'Abstract classes can override this to customize issubclass().'),
    ...(rt.profile.objects.initSubclass ? [meth('__init_subclass__', METH_CLASS | METH_NOARGS, () => newNone(rt), 'This method is called when a class is subclassed.')] : []),
    meth('__format__', METH_O, object___format__, 'Default object formatter.'),
    meth('__sizeof__', METH_NOARGS, (self) => PyLong_FromNumber(rt, object_sizeof(self)), 'Size of object in memory, in bytes.'),
    meth('__dir__', METH_NOARGS, (self) => object___dir__(self), 'Default dir() implementation.'),
  )
  const getsets: PyGetSetDef[] = [{ name: '__class__', get: object_get_class, set: object_set_class }]
  o.tp_methods = methods
  o.tp_getset = getsets
  o.tp_doc = 'The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n'
  o.tp_new = object_new
  o.tp_init = object_init
  o.tp_repr = object_repr
  o.tp_str = object_str
  o.tp_hash = object_hash
  o.tp_richcompare = object_richcompare
  o.tp_getattro = PyObject_GenericGetAttr
  o.tp_setattro = PyObject_GenericSetAttr
  o.tp_free = PyObject_Free
}

/**
 * Descriptors: `method_descriptor`, `classmethod_descriptor`, `getset_descriptor`, `member_descriptor`,
 * `wrapper_descriptor` and the `method-wrapper` it binds to, `mappingproxy` and `property`.
 * Every descriptor is a GC object that owns its type (`d_type`) and its interned name.
 * @cpython Objects/descrobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_DECREF, Py_INCREF, Py_XDECREF, Py_XINCREF } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import {
  METH_CLASS,
  METH_STATIC,
  Py_EQ,
  Py_NE,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_METHOD_DESCRIPTOR,
  PyType_IsSubtype,
  type PyGetSetDef,
  type PyMemberDef,
  type PyMethodDef,
  type PyTypeObject,
  type visitproc,
} from '../object/type.js'
import { _Py_HashPointer } from '../runtime/bootstrap.js'
import type { Runtime } from '../runtime/runtime.js'
import { checkNoArgs, checkOneArg, noKwargs, parseArgs } from './getargs.js'
import { PyCFunction_NewEx, _PyMethodDef_Call } from './methodobject.js'
import {
  PyObject_CallArgs,
  PyObject_GetAttr,
  PyObject_GetItem,
  PyObject_GetIter,
  PyObject_RichCompare,
  PyObject_Size,
  PyObject_Vectorcall,
  notImplemented,
  reprText,
} from './protocols.js'
import { PyTuple_FromArraySteal } from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'
import {
  PyType_Check,
  addrHex,
  fmt,
  newBool,
  newNone,
  newStr,
  strValue,
  trunc,
  typeQualname,
} from './type-util.js'
import { PyUnicode_InternFromString } from './unicodeobject.js'
import type { SlotDef } from './slots.js'
import { _PyObject_LookupAttrStr } from './object-type.js'

// ---------------------------------------------------------------------------------------------------------------
// Descriptor objects
// ---------------------------------------------------------------------------------------------------------------

/** `PyDescrObject`: the fields every descriptor shares. */
export class PyDescrObject extends PyObject {
  /** Owned. */
  d_type: PyTypeObject
  /** Owned interned str. */
  d_name: PyObject
  /** Owned str, computed on first `__qualname__` access. */
  d_qualname: PyObject | null
  constructor(type: PyTypeObject, dtype: PyTypeObject, name: PyObject) {
    super(type)
    this.d_type = dtype
    this.d_name = name
    this.d_qualname = null
  }
}

/** `PyMethodDescrObject` (also `classmethod_descriptor`). */
export class PyMethodDescrObject extends PyDescrObject {
  d_method: PyMethodDef
  constructor(type: PyTypeObject, dtype: PyTypeObject, name: PyObject, method: PyMethodDef) {
    super(type, dtype, name)
    this.d_method = method
  }
}

export class PyGetSetDescrObject extends PyDescrObject {
  d_getset: PyGetSetDef
  constructor(type: PyTypeObject, dtype: PyTypeObject, name: PyObject, getset: PyGetSetDef) {
    super(type, dtype, name)
    this.d_getset = getset
  }
}

export class PyMemberDescrObject extends PyDescrObject {
  d_member: PyMemberDef
  constructor(type: PyTypeObject, dtype: PyTypeObject, name: PyObject, member: PyMemberDef) {
    super(type, dtype, name)
    this.d_member = member
  }
}

/** `PyWrapperDescrObject`: a slot wrapper (`object.__init__`, `int.__add__`). */
export class PyWrapperDescrObject extends PyDescrObject {
  /** The slot table entry (`wrapperbase`). */
  d_base: SlotDef
  /** The C slot function being wrapped (`list.sq_length`'s function). */
  d_wrapped: unknown
  constructor(type: PyTypeObject, dtype: PyTypeObject, name: PyObject, base: SlotDef, wrapped: unknown) {
    super(type, dtype, name)
    this.d_base = base
    this.d_wrapped = wrapped
  }
}

/** `wrapperobject`: a slot wrapper bound to an object (`(1).__add__`). */
export class PyMethodWrapperObject extends PyObject {
  /** Both owned. */
  descr: PyWrapperDescrObject
  self: PyObject
  constructor(type: PyTypeObject, descr: PyWrapperDescrObject, self: PyObject) {
    super(type)
    this.descr = descr
    this.self = self
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

function descrName(d: PyDescrObject): string {
  return strValue(d.d_name)
}

function descr_new<T extends PyDescrObject>(rt: Runtime, op: T): T {
  Py_INCREF(op.d_type)
  PyObject_GC_Init(rt, op, op.ob_type.tp_basicsize)
  _PyObject_GC_TRACK(op)
  return op
}

/** @cpython Objects/descrobject.c#PyDescr_NewMethod */
export function PyDescr_NewMethod(rt: Runtime, type: PyTypeObject, method: PyMethodDef): PyMethodDescrObject {
  const name = PyUnicode_InternFromString(rt, method.ml_name)
  return descr_new(rt, new PyMethodDescrObject(rt.types.method_descriptor, type, name, method))
}

/** @cpython Objects/descrobject.c#PyDescr_NewClassMethod */
export function PyDescr_NewClassMethod(rt: Runtime, type: PyTypeObject, method: PyMethodDef): PyMethodDescrObject {
  const name = PyUnicode_InternFromString(rt, method.ml_name)
  return descr_new(rt, new PyMethodDescrObject(rt.types.classmethod_descriptor, type, name, method))
}

/** @cpython Objects/descrobject.c#PyDescr_NewGetSet */
export function PyDescr_NewGetSet(rt: Runtime, type: PyTypeObject, getset: PyGetSetDef): PyGetSetDescrObject {
  const name = PyUnicode_InternFromString(rt, getset.name)
  return descr_new(rt, new PyGetSetDescrObject(rt.types.getset_descriptor, type, name, getset))
}

/** @cpython Objects/descrobject.c#PyDescr_NewMember */
export function PyDescr_NewMember(rt: Runtime, type: PyTypeObject, member: PyMemberDef): PyMemberDescrObject {
  const name = PyUnicode_InternFromString(rt, member.name)
  return descr_new(rt, new PyMemberDescrObject(rt.types.member_descriptor, type, name, member))
}

/** @cpython Objects/descrobject.c#PyDescr_NewWrapper */
export function PyDescr_NewWrapper(rt: Runtime, type: PyTypeObject, base: SlotDef, wrapped: unknown): PyWrapperDescrObject {
  const name = PyUnicode_InternFromString(rt, base.name)
  return descr_new(rt, new PyWrapperDescrObject(rt.types.wrapper_descriptor, type, name, base, wrapped))
}

/** @cpython Objects/descrobject.c#descr_dealloc */
function descr_dealloc(self: PyObject): void {
  const d = self as PyDescrObject
  _PyObject_GC_UNTRACK(d)
  Py_DECREF(d.d_type)
  Py_DECREF(d.d_name)
  Py_XDECREF(d.d_qualname)
  d.d_qualname = null
  PyObject_GC_Del(d)
}

/** @cpython Objects/descrobject.c#descr_traverse */
function descr_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  return visit((self as PyDescrObject).d_type, arg)
}

/** NON-CPYTHON: the names are owned too (not GC objects), for the audit. */
function descr_refs(self: PyObject, visit: visitproc, arg: unknown): number {
  const d = self as PyDescrObject
  let r = visit(d.d_type, arg)
  if (r) return r
  r = visit(d.d_name, arg)
  if (r) return r
  return d.d_qualname !== null ? visit(d.d_qualname, arg) : 0
}

/** `descr_check`: the object must be an instance of the descriptor's type. */
function descr_check(d: PyDescrObject, obj: PyObject): void {
  const rt = rtOf(d)
  if (obj.ob_type !== d.d_type && !PyType_IsSubtype(obj.ob_type, d.d_type)) {
    throw PyErr_Format(
      rt,
      'TypeError',
      `descriptor '${descrName(d)}' for '${trunc(d.d_type.tp_name, 100)}' objects doesn't apply to a '${trunc(obj.ob_type.tp_name, 100)}' object`,
    )
  }
}

// --- repr ---------------------------------------------------------------------------------------------------------

function descr_repr_fmt(d: PyDescrObject, kind: string): PyObject {
  return newStr(rtOf(d), `<${kind} '${descrName(d)}' of '${d.d_type.tp_name}' objects>`)
}

// --- getsets shared by the descriptor types --------------------------------------------------------------------------

/** `__qualname__` of a descriptor: the type's qualname, a dot, the name. @cpython Objects/descrobject.c#descr_get_qualname */
function descr_get_qualname(self: PyObject): PyObject {
  const d = self as PyDescrObject
  if (d.d_qualname === null) d.d_qualname = newStr(rtOf(d), `${typeQualname(d.d_type)}.${descrName(d)}`)
  Py_INCREF(d.d_qualname)
  return d.d_qualname
}

function descr_get_objclass(self: PyObject): PyObject {
  const d = self as PyDescrObject
  Py_INCREF(d.d_type)
  return d.d_type
}

function descr_get_name(self: PyObject): PyObject {
  const d = self as PyDescrObject
  Py_INCREF(d.d_name)
  return d.d_name
}

function docObject(rt: Runtime, doc: string | undefined | null): PyObject {
  if (doc === undefined || doc === null) return newNone(rt)
  // The signature line ("name(args)\n--\n\n") is not part of __doc__.
  const sep = doc.indexOf('\n--\n\n')
  return newStr(rt, sep >= 0 ? doc.slice(sep + 5) : doc)
}

const commonGetsets: PyGetSetDef[] = [
  { name: '__objclass__', get: descr_get_objclass, set: null },
  { name: '__name__', get: descr_get_name, set: null },
  { name: '__qualname__', get: descr_get_qualname, set: null },
]

// ---------------------------------------------------------------------------------------------------------------
// method_descriptor and classmethod_descriptor
// ---------------------------------------------------------------------------------------------------------------

/** The qualified name used in argument errors ('list.append'). */
function methodDescrQualname(d: PyMethodDescrObject): string {
  return `${typeQualname(d.d_type)}.${d.d_method.ml_name}`
}

/**
 * `method_check_args`: an unbound call needs a first argument of the right type.
 * @cpython Objects/descrobject.c#method_check_args
 */
function method_check_args(d: PyMethodDescrObject, args: readonly PyObject[], start: number, nargs: number): void {
  const rt = rtOf(d)
  if (nargs < 1) {
    throw PyErr_Format(
      rt,
      'TypeError',
      fmt(rt.profile.messages.methodDescrNoArgs, { name: descrName(d), type: trunc(d.d_type.tp_name, 100), qualname: methodDescrQualname(d) }),
    )
  }
  descr_check(d, args[start]!)
}

/**
 * Calling a method descriptor directly: `list.append(l, 1)`.
 * @cpython Objects/descrobject.c#method_vectorcall_O
 */
function methoddescr_call(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const d = callable as PyMethodDescrObject
  method_check_args(d, args, start, nargs)
  const rt = rtOf(d)
  const ml = d.d_method
  checkCallFlags(rt, methodDescrQualname(d), ml, nargs - 1, kwnames)
  return _PyMethodDef_Call(rt, ml, args[start]!, args, start + 1, nargs - 1, kwnames)
}

/** Argument checks that CPython's per-flag vectorcall functions make before calling the C function. */
export function checkCallFlags(rt: Runtime, qualname: string, ml: PyMethodDef, nargs: number, kwnames: PyObject | null): void {
  const f = ml.ml_flags & ~(METH_CLASS | METH_STATIC)
  if ((f & 0x0004) !== 0) checkNoArgs(rt, qualname, nargs, kwnames)
  else if ((f & 0x0008) !== 0) checkOneArg(rt, qualname, nargs, kwnames)
  else if ((f & 0x0002) === 0 && kwnames !== null) {
    if ((f & 0x0080) !== 0) noKwargs(rt, qualname, kwnames)
    else if ((kwnames as unknown as { ob_item: PyObject[] }).ob_item.length > 0) {
      throw PyErr_Format(rt, 'TypeError', `${ml.ml_name}() takes no keyword arguments`)
    }
  }
}

/** @cpython Objects/descrobject.c#method_get */
function method_get(self: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  const d = self as PyMethodDescrObject
  if (obj === null) {
    Py_INCREF(d)
    return d
  }
  descr_check(d, obj)
  return PyCFunction_NewEx(rtOf(d), d.d_method, obj, null)
}

/** @cpython Objects/descrobject.c#classmethod_get */
function classmethod_get(self: PyObject, obj: PyObject | null, type: PyObject | null): PyObject {
  const d = self as PyMethodDescrObject
  const rt = rtOf(d)
  if (type === null) {
    if (obj !== null) type = obj.ob_type
    else {
      throw PyErr_Format(rt, 'TypeError', `descriptor '${descrName(d)}' for type '${trunc(d.d_type.tp_name, 100)}' needs either an object or a type`)
    }
  }
  if (!PyType_Check(type)) {
    throw PyErr_Format(
      rt,
      'TypeError',
      `descriptor '${descrName(d)}' for type '${trunc(d.d_type.tp_name, 100)}' needs a type, not a '${trunc(type.ob_type.tp_name, 100)}' as arg 2`,
    )
  }
  if (!PyType_IsSubtype(type as PyTypeObject, d.d_type)) {
    throw PyErr_Format(
      rt,
      'TypeError',
      `descriptor '${descrName(d)}' requires a subtype of '${trunc(d.d_type.tp_name, 100)}' but received '${trunc((type as PyTypeObject).tp_name, 100)}'`,
    )
  }
  return PyCFunction_NewEx(rt, d.d_method, type, null)
}

/** @cpython Objects/descrobject.c#classmethoddescr_call */
function classmethoddescr_call(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const d = callable as PyMethodDescrObject
  const rt = rtOf(d)
  if (nargs < 1) {
    throw PyErr_Format(rt, 'TypeError', `descriptor '${descrName(d)}' of '${trunc(d.d_type.tp_name, 100)}' object needs an argument`)
  }
  const bound = classmethod_get(d, null, args[start]!)
  try {
    return PyObject_Vectorcall(bound, args, start + 1, nargs - 1, kwnames)
  } finally {
    Py_DECREF(bound)
  }
}

function methoddescr_get_doc(self: PyObject): PyObject {
  return docObject(rtOf(self), (self as PyMethodDescrObject).d_method.ml_doc)
}

function none_getter(self: PyObject): PyObject {
  return newNone(rtOf(self))
}

// ---------------------------------------------------------------------------------------------------------------
// getset_descriptor and member_descriptor
// ---------------------------------------------------------------------------------------------------------------

/** @cpython Objects/descrobject.c#getset_get */
function getset_get(self: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  const d = self as PyGetSetDescrObject
  if (obj === null) {
    Py_INCREF(d)
    return d
  }
  descr_check(d, obj)
  if (d.d_getset.get !== null) return d.d_getset.get(obj)
  throw PyErr_Format(rtOf(d), 'AttributeError', `attribute '${descrName(d)}' of '${trunc(d.d_type.tp_name, 100)}' objects is not readable`)
}

/** @cpython Objects/descrobject.c#getset_set */
function getset_set(self: PyObject, obj: PyObject, value: PyObject | null): void {
  const d = self as PyGetSetDescrObject
  descr_check(d, obj)
  if (d.d_getset.set !== null) return d.d_getset.set(obj, value)
  throw PyErr_Format(rtOf(d), 'AttributeError', `attribute '${descrName(d)}' of '${trunc(d.d_type.tp_name, 100)}' objects is not writable`)
}

/** The `__slots__` storage of an instance (created by the allocator of heap types with slots). */
export interface SlotStorage {
  ob_slots?: (PyObject | null)[] | null
}

/**
 * `PyMember_GetOne` for `T_OBJECT_EX` members (the only kind `__slots__` creates).
 * @cpython Python/structmember.c#PyMember_GetOne
 */
export function PyMember_GetOne(obj: PyObject, def: PyMemberDef): PyObject {
  if (def.get !== undefined) return def.get(obj)
  const slots = (obj as SlotStorage).ob_slots
  const v = slots ? (slots[def.index] ?? null) : null
  if (v === null) {
    const rt = rtOf(obj)
    throw PyErr_Format(rt, 'AttributeError', fmt(rt.profile.messages.memberAttributeError, { type: trunc(obj.ob_type.tp_name, 200), name: def.name }))
  }
  Py_INCREF(v)
  return v
}

/** @cpython Python/structmember.c#PyMember_SetOne */
export function PyMember_SetOne(obj: PyObject, def: PyMemberDef, value: PyObject | null): void {
  const rt = rtOf(obj)
  if (def.readonly) throw PyErr_Format(rt, 'AttributeError', 'readonly attribute')
  if (def.set !== undefined) return def.set(obj, value)
  const holder = obj as SlotStorage
  let slots = holder.ob_slots
  if (!slots) slots = holder.ob_slots = []
  const old = slots[def.index] ?? null
  if (value === null && old === null) throw PyErr_Format(rt, 'AttributeError', def.name)
  Py_XINCREF(value)
  slots[def.index] = value
  Py_XDECREF(old)
}

/** @cpython Objects/descrobject.c#member_get */
function member_get(self: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  const d = self as PyMemberDescrObject
  if (obj === null) {
    Py_INCREF(d)
    return d
  }
  descr_check(d, obj)
  return PyMember_GetOne(obj, d.d_member)
}

/** @cpython Objects/descrobject.c#member_set */
function member_set(self: PyObject, obj: PyObject, value: PyObject | null): void {
  const d = self as PyMemberDescrObject
  descr_check(d, obj)
  PyMember_SetOne(obj, d.d_member, value)
}

// ---------------------------------------------------------------------------------------------------------------
// wrapper_descriptor and method-wrapper
// ---------------------------------------------------------------------------------------------------------------

/** @cpython Objects/descrobject.c#wrapperdescr_raw_call */
export function wrapperdescr_raw_call(
  d: PyWrapperDescrObject,
  self: PyObject,
  args: readonly PyObject[],
  start: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const base = d.d_base
  if (!base.keywords && kwnames !== null && (kwnames as unknown as { ob_item: PyObject[] }).ob_item.length > 0) {
    throw PyErr_Format(rtOf(d), 'TypeError', `wrapper ${base.name}() takes no keyword arguments`)
  }
  return base.wrapper!(self, args, start, nargs, kwnames, d.d_wrapped)
}

/** @cpython Objects/descrobject.c#wrapperdescr_call */
function wrapperdescr_call(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const d = callable as PyWrapperDescrObject
  const rt = rtOf(d)
  if (nargs < 1) {
    throw PyErr_Format(rt, 'TypeError', `descriptor '${descrName(d)}' of '${trunc(d.d_type.tp_name, 100)}' object needs an argument`)
  }
  const self = args[start]!
  if (self.ob_type !== d.d_type && !PyType_IsSubtype(self.ob_type, d.d_type)) {
    throw PyErr_Format(
      rt,
      'TypeError',
      `descriptor '${descrName(d)}' requires a '${trunc(d.d_type.tp_name, 100)}' object but received a '${trunc(self.ob_type.tp_name, 100)}'`,
    )
  }
  return wrapperdescr_raw_call(d, self, args, start + 1, nargs - 1, kwnames)
}

/** @cpython Objects/descrobject.c#wrapperdescr_get */
function wrapperdescr_get(self: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  const d = self as PyWrapperDescrObject
  if (obj === null) {
    Py_INCREF(d)
    return d
  }
  descr_check(d, obj)
  return PyWrapper_New(rtOf(d), d, obj)
}

function wrapperdescr_get_doc(self: PyObject): PyObject {
  return docObject(rtOf(self), (self as PyWrapperDescrObject).d_base.doc)
}

/** `PyWrapper_New`: binds a slot wrapper to `self` (both INCREF'd). @cpython Objects/descrobject.c#PyWrapper_New */
export function PyWrapper_New(rt: Runtime, descr: PyWrapperDescrObject, self: PyObject): PyMethodWrapperObject {
  Py_INCREF(descr)
  Py_INCREF(self)
  const op = new PyMethodWrapperObject(rt.types.method_wrapper, descr, self)
  PyObject_GC_Init(rt, op, rt.types.method_wrapper.tp_basicsize)
  _PyObject_GC_TRACK(op)
  return op
}

function wrapper_dealloc(self: PyObject): void {
  const wp = self as PyMethodWrapperObject
  _PyObject_GC_UNTRACK(wp)
  if (!Py_TRASHCAN_BEGIN(wp)) return
  Py_DECREF(wp.descr)
  Py_DECREF(wp.self)
  PyObject_GC_Del(wp)
  Py_TRASHCAN_END(wp)
}

function wrapper_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const wp = self as PyMethodWrapperObject
  return visit(wp.descr, arg) || visit(wp.self, arg)
}

function wrapper_call(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const wp = callable as PyMethodWrapperObject
  return wrapperdescr_raw_call(wp.descr, wp.self, args, start, nargs, kwnames)
}

function wrapper_repr(self: PyObject): PyObject {
  const wp = self as PyMethodWrapperObject
  return newStr(rtOf(wp), `<method-wrapper '${wp.descr.d_base.name}' of ${wp.self.ob_type.tp_name} object at ${addrHex(wp.self)}>`)
}

/** @cpython Objects/descrobject.c#wrapper_richcompare */
function wrapper_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  const rt = rtOf(a)
  if ((op !== Py_EQ && op !== Py_NE) || b.ob_type !== a.ob_type) return notImplemented(rt)
  const wa = a as PyMethodWrapperObject
  const wb = b as PyMethodWrapperObject
  const eq = wa.descr === wb.descr && wa.self === wb.self
  return newBool(rt, op === Py_EQ ? eq : !eq)
}

/** @cpython Objects/descrobject.c#wrapper_hash */
function wrapper_hash(self: PyObject): number {
  const wp = self as PyMethodWrapperObject
  let x = _Py_HashPointer(wp.self) ^ _Py_HashPointer(wp.descr)
  if (x === -1) x = -2
  return x
}

// ---------------------------------------------------------------------------------------------------------------
// mappingproxy
// ---------------------------------------------------------------------------------------------------------------

export class PyDictProxyObject extends PyObject {
  /** Owned. */
  mapping: PyObject
  constructor(type: PyTypeObject, mapping: PyObject) {
    super(type)
    this.mapping = mapping
  }
}

/** `PyDictProxy_New`: a read-only view of a mapping (a new reference). @cpython Objects/descrobject.c#PyDictProxy_New */
export function PyDictProxy_New(rt: Runtime, mapping: PyObject): PyDictProxyObject {
  Py_INCREF(mapping)
  const op = new PyDictProxyObject(rt.types.mappingproxy, mapping)
  PyObject_GC_Init(rt, op, rt.types.mappingproxy.tp_basicsize)
  _PyObject_GC_TRACK(op)
  return op
}

function mappingproxy_dealloc(self: PyObject): void {
  const pp = self as PyDictProxyObject
  _PyObject_GC_UNTRACK(pp)
  Py_DECREF(pp.mapping)
  PyObject_GC_Del(pp)
}

function mappingproxy_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  return visit((self as PyDictProxyObject).mapping, arg)
}

/** Calls `mapping.<name>(*args)`: how the proxy's methods delegate. */
function proxyCall(self: PyObject, name: string, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = rtOf(self)
  const m = (self as PyDictProxyObject).mapping
  const key = PyUnicode_InternFromString(rt, name)
  let meth: PyObject
  try {
    meth = PyObject_GetAttr(m, key)
  } finally {
    Py_DECREF(key)
  }
  try {
    return PyObject_Vectorcall(meth, args, start, nargs, null)
  } finally {
    Py_DECREF(meth)
  }
}

function proxyMethod(name: string, flags: number, min: number, max: number): PyMethodDef {
  return {
    ml_name: name,
    ml_flags: flags,
    ml_meth: (self, args, start, nargs) => {
      const rt = rtOf(self)
      if (flags === 0x0080) {
        if (nargs < min || nargs > max) {
          const word = min === max ? '' : nargs < min ? 'at least ' : 'at most '
          const n = nargs < min ? min : max
          throw PyErr_Format(rt, 'TypeError', `${name} expected ${word}${n} argument${n === 1 ? '' : 's'}, got ${nargs}`)
        }
      }
      return proxyCall(self, name, args, start, nargs)
    },
  }
}

function mappingproxy_new(subtype: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = subtype.tp_runtime
  const items = (args as unknown as { ob_item: PyObject[] }).ob_item
  const kwItems = kwds !== null ? kwds : null
  const [mapping] = parseArgs(rt, 'mappingproxy', items, 0, items.length, kwItems === null ? null : dictKeysTuple(rt, kwItems), ['mapping'], 1)
  const m = mapping!
  const t = m.ob_type
  const isMapping = t.mp_subscript !== null && t !== rt.types.list && t !== rt.types.tuple
  if (!isMapping) {
    throw PyErr_Format(rt, 'TypeError', `mappingproxy() argument must be a mapping, not ${t.tp_name}`)
  }
  return PyDictProxy_New(rt, m)
}

function dictKeysTuple(rt: Runtime, d: PyObject): PyObject {
  const keys = (d as unknown as { ma_keys: (PyObject | undefined)[] }).ma_keys.filter((k): k is PyObject => k !== undefined)
  for (const k of keys) Py_INCREF(k)
  return PyTuple_FromArraySteal(rt, keys)
}

// ---------------------------------------------------------------------------------------------------------------
// property
// ---------------------------------------------------------------------------------------------------------------

export class PyPropertyObject extends PyObject {
  /** All owned; null when not given. */
  prop_get: PyObject | null
  prop_set: PyObject | null
  prop_del: PyObject | null
  prop_doc: PyObject | null
  prop_name: PyObject | null
  getter_doc: boolean
  constructor(type: PyTypeObject) {
    super(type)
    this.prop_get = null
    this.prop_set = null
    this.prop_del = null
    this.prop_doc = null
    this.prop_name = null
    this.getter_doc = false
  }
}

function property_dealloc(self: PyObject): void {
  const gs = self as PyPropertyObject
  _PyObject_GC_UNTRACK(gs)
  Py_XDECREF(gs.prop_get)
  Py_XDECREF(gs.prop_set)
  Py_XDECREF(gs.prop_del)
  Py_XDECREF(gs.prop_doc)
  Py_XDECREF(gs.prop_name)
  gs.prop_get = gs.prop_set = gs.prop_del = gs.prop_doc = gs.prop_name = null
  gs.ob_type.tp_free!(gs)
}

function property_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const gs = self as PyPropertyObject
  for (const v of [gs.prop_get, gs.prop_set, gs.prop_del, gs.prop_doc, gs.prop_name]) {
    if (v !== null) {
      const r = visit(v, arg)
      if (r) return r
    }
  }
  return 0
}

function property_clear(self: PyObject): number {
  const gs = self as PyPropertyObject
  Py_CLEAR(gs, 'prop_get')
  Py_CLEAR(gs, 'prop_set')
  Py_CLEAR(gs, 'prop_del')
  Py_CLEAR(gs, 'prop_doc')
  Py_CLEAR(gs, 'prop_name')
  return 0
}

function propertyMessage(rt: Runtime, template: string, gs: PyPropertyObject, obj: PyObject | null, bare: string): string {
  if (obj === null) return bare
  const type = typeQualname(obj.ob_type)
  if (gs.prop_name === null || !template.includes('{name}')) {
    return fmt(template.replace("'{name}' ", ''), { type })
  }
  return fmt(template, { name: strValue(gs.prop_name), type })
}

/** @cpython Objects/descrobject.c#property_descr_get */
function property_descr_get(self: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  const gs = self as PyPropertyObject
  const rt = rtOf(gs)
  if (obj === null || obj === rt.None) {
    Py_INCREF(gs)
    return gs
  }
  if (gs.prop_get === null) {
    throw PyErr_Format(rt, 'AttributeError', propertyMessage(rt, rt.profile.messages.propertyNoGetter, gs, obj, 'property has no getter'))
  }
  return PyObject_Vectorcall(gs.prop_get, [obj], 0, 1, null)
}

/** @cpython Objects/descrobject.c#property_descr_set */
function property_descr_set(self: PyObject, obj: PyObject, value: PyObject | null): void {
  const gs = self as PyPropertyObject
  const rt = rtOf(gs)
  const func = value === null ? gs.prop_del : gs.prop_set
  if (func === null) {
    const m = rt.profile.messages
    throw PyErr_Format(
      rt,
      'AttributeError',
      value === null
        ? propertyMessage(rt, m.propertyNoDeleter, gs, obj, 'property has no deleter')
        : propertyMessage(rt, m.propertyNoSetter, gs, obj, 'property has no setter'),
    )
  }
  const res = value === null ? PyObject_Vectorcall(func, [obj], 0, 1, null) : PyObject_Vectorcall(func, [obj, value], 0, 2, null)
  Py_DECREF(res)
}

function property_new(subtype: PyTypeObject, _args: PyObject, _kwds: PyObject | null): PyObject {
  return PyType_GenericAllocByFactory(subtype)
}

let genericAlloc: ((type: PyTypeObject) => PyObject) | null = null
/** Installed by typeobject.ts: `PyType_GenericAlloc` (avoids an import cycle at module load). */
export function _setGenericAlloc(f: (type: PyTypeObject) => PyObject): void {
  genericAlloc = f
}
function PyType_GenericAllocByFactory(t: PyTypeObject): PyObject {
  return genericAlloc!(t)
}

/** @cpython Objects/descrobject.c#property_init_impl */
function property_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const gs = self as PyPropertyObject
  const rt = rtOf(gs)
  const items = (args as unknown as { ob_item: PyObject[] }).ob_item
  const kn = kwds !== null ? dictKeysTuple(rt, kwds) : null
  const all = kwds !== null ? [...items, ...(kwds as unknown as { ma_values: (PyObject | undefined)[] }).ma_values.filter((v): v is PyObject => v !== undefined)] : items
  let parsed: (PyObject | null)[]
  try {
    parsed = parseArgs(rt, 'property', all, 0, items.length, kn, ['fget', 'fset', 'fdel', 'doc'], 0)
  } finally {
    if (kn !== null) Py_DECREF(kn)
  }
  const norm = (v: PyObject | null): PyObject | null => (v === null || v === rt.None ? null : v)
  const fget = norm(parsed[0]!)
  const fset = norm(parsed[1]!)
  const fdel = norm(parsed[2]!)
  let doc: PyObject | null = parsed[3] ?? null
  Py_XINCREF(fget)
  Py_XINCREF(fset)
  Py_XINCREF(fdel)
  const oldGet = gs.prop_get
  const oldSet = gs.prop_set
  const oldDel = gs.prop_del
  gs.prop_get = fget
  gs.prop_set = fset
  gs.prop_del = fdel
  Py_XDECREF(oldGet)
  Py_XDECREF(oldSet)
  Py_XDECREF(oldDel)
  Py_CLEAR(gs, 'prop_doc')
  Py_CLEAR(gs, 'prop_name')
  gs.getter_doc = false
  // A getter's docstring becomes the property's doc when none is given.
  if ((doc === null || doc === rt.None) && fget !== null) {
    const getDoc = _PyObject_LookupAttrStr(fget, '__doc__')
    if (getDoc !== null) {
      gs.prop_doc = getDoc
      gs.getter_doc = true
      doc = null
    }
  }
  if (doc !== null && gs.prop_doc === null) {
    Py_INCREF(doc)
    gs.prop_doc = doc
  }
}

/** @cpython Objects/descrobject.c#property_copy */
function property_copy(old: PyPropertyObject, get: PyObject | null, set: PyObject | null, del: PyObject | null): PyObject {
  const rt = rtOf(old)
  const type = old.ob_type
  const pick = (v: PyObject | null, cur: PyObject | null): PyObject => v ?? cur ?? rt.None
  const g = pick(get, old.prop_get)
  const s = pick(set, old.prop_set)
  const d = pick(del, old.prop_del)
  const doc = old.getter_doc && g !== rt.None ? rt.None : (old.prop_doc ?? rt.None)
  const neu = PyObject_CallArgs(type, [g, s, d, doc])
  if (neu instanceof PyPropertyObject) {
    Py_XINCREF(old.prop_name)
    const prev = neu.prop_name
    neu.prop_name = old.prop_name
    Py_XDECREF(prev)
  }
  return neu
}

function prop_field(field: 'prop_get' | 'prop_set' | 'prop_del'): (self: PyObject) => PyObject {
  return (self) => {
    const v = (self as PyPropertyObject)[field]
    const rt = rtOf(self)
    const r = v ?? rt.None
    Py_INCREF(r)
    return r
  }
}

function property_get_doc(self: PyObject): PyObject {
  const gs = self as PyPropertyObject
  const r = gs.prop_doc ?? rtOf(gs).None
  Py_INCREF(r)
  return r
}

function property_set_doc(self: PyObject, value: PyObject | null): void {
  const gs = self as PyPropertyObject
  Py_XINCREF(value)
  const old = gs.prop_doc
  gs.prop_doc = value
  Py_XDECREF(old)
}

function property_get_isabstract(self: PyObject): PyObject {
  const gs = self as PyPropertyObject
  const rt = rtOf(gs)
  for (const f of [gs.prop_get, gs.prop_set, gs.prop_del]) {
    if (f === null) continue
    const v = _PyObject_LookupAttrStr(f, '__isabstractmethod__')
    if (v !== null) {
      const t = v === rt.True
      Py_DECREF(v)
      if (t) return newBool(rt, true)
    }
  }
  return newBool(rt, false)
}

const propertyMethods: PyMethodDef[] = [
  {
    ml_name: 'getter',
    ml_flags: 0x0008,
    ml_meth: (self, args, start) => property_copy(self as PyPropertyObject, args[start]!, null, null),
    ml_doc: 'Descriptor to obtain a copy of the property with a different getter.',
  },
  {
    ml_name: 'setter',
    ml_flags: 0x0008,
    ml_meth: (self, args, start) => property_copy(self as PyPropertyObject, null, args[start]!, null),
    ml_doc: 'Descriptor to obtain a copy of the property with a different setter.',
  },
  {
    ml_name: 'deleter',
    ml_flags: 0x0008,
    ml_meth: (self, args, start) => property_copy(self as PyPropertyObject, null, null, args[start]!),
    ml_doc: 'Descriptor to obtain a copy of the property with a different deleter.',
  },
  {
    ml_name: '__set_name__',
    ml_flags: 0x0080,
    ml_meth: (self, args, start, nargs) => {
      const rt = rtOf(self)
      if (nargs !== 2) throw PyErr_Format(rt, 'TypeError', `__set_name__() takes 2 positional arguments but ${nargs} were given`)
      const gs = self as PyPropertyObject
      const name = args[start + 1]!
      Py_INCREF(name)
      const old = gs.prop_name
      gs.prop_name = name
      Py_XDECREF(old)
      return newNone(rt)
    },
    ml_doc: 'Method to set name of a property.',
  },
]

// ---------------------------------------------------------------------------------------------------------------
// Type creation
// ---------------------------------------------------------------------------------------------------------------

function reprSlot(kind: string): (self: PyObject) => PyObject {
  return (self) => descr_repr_fmt(self as PyDescrObject, kind)
}

/** Creates the descriptor types, `method-wrapper`, `mappingproxy` and `property`. */
export function _PyDescr_InitTypes(rt: Runtime): void {
  const T = rt.types
  const ptr = rt.profile.pointerSize
  const gc = Py_TPFLAGS_HAVE_GC
  const common = { tp_dealloc: descr_dealloc, tp_traverse: descr_traverse, tp_refs: descr_refs }
  T.method_descriptor = PyType_NewStatic(rt, 'method_descriptor', {
    basicsize: 7 * ptr,
    flags: gc | Py_TPFLAGS_METHOD_DESCRIPTOR,
    slots: {
      ...common,
      tp_repr: reprSlot('method'),
      tp_call: methoddescr_call,
      tp_descr_get: method_get,
      tp_getset: [...commonGetsets, { name: '__doc__', get: methoddescr_get_doc, set: null }, { name: '__text_signature__', get: none_getter, set: null }],
    },
  })
  T.classmethod_descriptor = PyType_NewStatic(rt, 'classmethod_descriptor', {
    basicsize: 7 * ptr,
    flags: gc,
    slots: {
      ...common,
      tp_repr: reprSlot('method'),
      tp_call: classmethoddescr_call,
      tp_descr_get: classmethod_get,
      tp_getset: [...commonGetsets, { name: '__doc__', get: methoddescr_get_doc, set: null }, { name: '__text_signature__', get: none_getter, set: null }],
    },
  })
  T.getset_descriptor = PyType_NewStatic(rt, 'getset_descriptor', {
    basicsize: 6 * ptr,
    flags: gc,
    slots: {
      ...common,
      tp_repr: reprSlot('attribute'),
      tp_descr_get: getset_get,
      tp_descr_set: getset_set,
      tp_getset: [...commonGetsets, { name: '__doc__', get: (self) => docObject(rt, (self as PyGetSetDescrObject).d_getset.doc), set: null }],
    },
  })
  T.member_descriptor = PyType_NewStatic(rt, 'member_descriptor', {
    basicsize: 6 * ptr,
    flags: gc,
    slots: {
      ...common,
      tp_repr: reprSlot('member'),
      tp_descr_get: member_get,
      tp_descr_set: member_set,
      tp_getset: [...commonGetsets, { name: '__doc__', get: (self) => docObject(rt, (self as PyMemberDescrObject).d_member.doc), set: null }],
    },
  })
  T.wrapper_descriptor = PyType_NewStatic(rt, 'wrapper_descriptor', {
    basicsize: 7 * ptr,
    flags: gc | Py_TPFLAGS_METHOD_DESCRIPTOR,
    slots: {
      ...common,
      tp_repr: reprSlot('slot wrapper'),
      tp_call: wrapperdescr_call,
      tp_descr_get: wrapperdescr_get,
      tp_getset: [...commonGetsets, { name: '__doc__', get: wrapperdescr_get_doc, set: null }, { name: '__text_signature__', get: none_getter, set: null }],
    },
  })
  T.method_wrapper = PyType_NewStatic(rt, 'method-wrapper', {
    basicsize: 4 * ptr,
    flags: gc,
    slots: {
      tp_dealloc: wrapper_dealloc,
      tp_traverse: wrapper_traverse,
      tp_repr: wrapper_repr,
      tp_call: wrapper_call,
      tp_richcompare: wrapper_richcompare,
      tp_hash: wrapper_hash,
      tp_getset: [
        { name: '__objclass__', get: (self) => descr_get_objclass((self as PyMethodWrapperObject).descr), set: null },
        { name: '__name__', get: (self) => descr_get_name((self as PyMethodWrapperObject).descr), set: null },
        { name: '__qualname__', get: (self) => descr_get_qualname((self as PyMethodWrapperObject).descr), set: null },
        { name: '__doc__', get: (self) => wrapperdescr_get_doc((self as PyMethodWrapperObject).descr), set: null },
        { name: '__text_signature__', get: none_getter, set: null },
        {
          name: '__self__',
          get: (self) => {
            const s = (self as PyMethodWrapperObject).self
            Py_INCREF(s)
            return s
          },
          set: null,
        },
      ],
    },
  })
  T.mappingproxy = PyType_NewStatic(rt, 'mappingproxy', {
    basicsize: 3 * ptr,
    flags: gc,
    slots: {
      tp_dealloc: mappingproxy_dealloc,
      tp_traverse: mappingproxy_traverse,
      tp_new: mappingproxy_new,
      tp_repr: (self) => {
        const r = reprText((self as PyDictProxyObject).mapping)
        return newStr(rt, `mappingproxy(${r})`)
      },
      tp_str: (self) => {
        const m = (self as PyDictProxyObject).mapping
        const f = m.ob_type.tp_str ?? m.ob_type.tp_repr
        return f!(m)
      },
      tp_richcompare: (a, b, op) => PyObject_RichCompare((a as PyDictProxyObject).mapping, b, op),
      tp_iter: (self) => PyObject_GetIter((self as PyDictProxyObject).mapping),
      mp_length: (self) => PyObject_Size((self as PyDictProxyObject).mapping),
      mp_subscript: (self, key) => PyObject_GetItem((self as PyDictProxyObject).mapping, key),
      sq_contains: (self, key) => {
        const m = (self as PyDictProxyObject).mapping
        const f = m.ob_type.sq_contains
        if (f !== null) return f(m, key)
        throw PyErr_Format(rt, 'TypeError', `argument of type '${m.ob_type.tp_name}' is not iterable`)
      },
      tp_methods: [
        proxyMethod('get', 0x0080, 1, 2),
        proxyMethod('keys', 0x0004, 0, 0),
        proxyMethod('values', 0x0004, 0, 0),
        proxyMethod('items', 0x0004, 0, 0),
        proxyMethod('copy', 0x0004, 0, 0),
      ],
    },
  })
  T.property = PyType_NewStatic(rt, 'property', {
    basicsize: rt.sizeof.property,
    flags: gc | Py_TPFLAGS_BASETYPE,
    doc: 'Property attribute.',
    slots: {
      tp_dealloc: property_dealloc,
      tp_traverse: property_traverse,
      tp_clear: property_clear,
      tp_descr_get: property_descr_get,
      tp_descr_set: property_descr_set,
      tp_new: property_new,
      tp_init: property_init,
      tp_methods: propertyMethods,
      tp_getset: [
        { name: 'fget', get: prop_field('prop_get'), set: null },
        { name: 'fset', get: prop_field('prop_set'), set: null },
        { name: 'fdel', get: prop_field('prop_del'), set: null },
        { name: '__doc__', get: property_get_doc, set: property_set_doc },
        { name: '__isabstractmethod__', get: property_get_isabstract, set: null },
      ],
    },
  })
  registerFactory(T.property, (t) => new PyPropertyObject(t))
}

/** JS constructors for the instances of static types that `PyType_GenericAlloc` can create. */
const factories = new WeakMap<PyTypeObject, (type: PyTypeObject) => PyObject>()

/** Registers how to construct (the JS object of) an instance of a static type and of its heap subtypes. */
export function registerFactory(t: PyTypeObject, f: (type: PyTypeObject) => PyObject): void {
  factories.set(t, f)
}

/** The factory of the nearest base that registered one. */
export function factoryFor(t: PyTypeObject): ((type: PyTypeObject) => PyObject) | null {
  for (let b: PyTypeObject | null = t; b !== null; b = b.tp_base) {
    const f = factories.get(b)
    if (f !== undefined) return f
  }
  return null
}

/**
 * `builtin_function_or_method`: a builtin function (`len`) or a builtin method bound to its object (`[].append`).
 * A GC object owning `m_self` and `m_module`; profiles ≤3.8 keep a free list of them.
 * @cpython Objects/methodobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { OB_FREED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, Py_XDECREF, Py_XINCREF, _Py_NewReference } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import {
  METH_CLASS,
  METH_FASTCALL,
  METH_STATIC,
  METH_VARARGS,
  Py_EQ,
  Py_NE,
  Py_TPFLAGS_HAVE_GC,
  PyType_IsSubtype,
  type PyMemberDef,
  type PyMethodDef,
  type PyTypeObject,
  type visitproc,
} from '../object/type.js'
import { _Py_HashPointer } from '../runtime/bootstrap.js'
import type { Runtime } from '../runtime/runtime.js'
import { checkNoArgs, checkOneArg, noKwargs } from './getargs.js'
import { notImplemented } from './protocols.js'
import { PyTuple_FromArraySteal } from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'
import { PyType_Check, addrHex, newBool, newNone, newStr, strValue, typeQualname } from './type-util.js'

export class PyCFunctionObject extends PyObject {
  m_ml: PyMethodDef
  /** Owned: the bound object, the module of a module function, or null. */
  m_self: PyObject | null
  /** Owned: the `__module__` value (a str, or null). */
  m_module: PyObject | null
  constructor(type: PyTypeObject, ml: PyMethodDef, self: PyObject | null, module: PyObject | null) {
    super(type)
    this.m_ml = ml
    this.m_self = self
    this.m_module = module
  }
}

/**
 * `PyCFunction_NewEx`: a builtin function for `ml` bound to `self` (INCREF'd), with `module` as `__module__`
 * (INCREF'd; the module's name for module functions, or null). Tracked.
 * @cpython Objects/methodobject.c#PyCMethod_New
 */
export function PyCFunction_NewEx(rt: Runtime, ml: PyMethodDef, self: PyObject | null, module: PyObject | null): PyCFunctionObject {
  Py_XINCREF(self)
  Py_XINCREF(module)
  const fl = rt.profile.objects.freeLists.cfunction > 0 ? rt.fl.cfunction : null
  let op: PyCFunctionObject
  if (fl !== null && fl.length > 0) {
    op = fl.pop() as PyCFunctionObject
    _Py_NewReference(op)
    op.ob_flags &= ~OB_FREED
    op.m_ml = ml
    op.m_self = self
    op.m_module = module
  } else {
    op = PyObject_GC_Init(rt, new PyCFunctionObject(rt.types.builtin_function_or_method, ml, self, module), rt.types.builtin_function_or_method.tp_basicsize)
  }
  _PyObject_GC_TRACK(op)
  return op
}

/** `PyCFunction_New`: no module. */
export function PyCFunction_New(rt: Runtime, ml: PyMethodDef, self: PyObject | null): PyCFunctionObject {
  return PyCFunction_NewEx(rt, ml, self, null)
}

function isModule(rt: Runtime, op: PyObject): boolean {
  const m = rt.types.module
  return m !== undefined && (op.ob_type === m || PyType_IsSubtype(op.ob_type, m))
}

/** `__qualname__` of a builtin function as a JS string. @cpython Objects/methodobject.c#meth_get__qualname__ */
export function cfunctionQualname(f: PyCFunctionObject): string {
  const rt = f.ob_type.tp_runtime
  const self = f.m_self
  if (self === null || isModule(rt, self)) return f.m_ml.ml_name
  const type = PyType_Check(self) ? (self as PyTypeObject) : self.ob_type
  return `${typeQualname(type)}.${f.m_ml.ml_name}`
}

/**
 * The name argument errors show, without the parentheses: `_PyObject_FunctionStr` prefixes the module unless it is
 * `builtins` ('math.sqrt', 'len', 'list.append').
 */
export function cfunctionDisplayName(f: PyCFunctionObject): string {
  const q = cfunctionQualname(f)
  const m = f.m_module
  if (m !== null && m.ob_type === f.ob_type.tp_runtime.types.str) {
    const mod = strValue(m)
    if (mod !== 'builtins') return `${mod}.${q}`
  }
  return q
}

/**
 * The per-flag argument checks of `cfunction_vectorcall_*`, then the call (vectorcall convention for every flag).
 * @cpython Objects/methodobject.c#cfunction_vectorcall_O
 */
export function cfunction_call(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const f = callable as PyCFunctionObject
  const ml = f.m_ml
  const flags = ml.ml_flags & ~(METH_CLASS | METH_STATIC)
  const rt = f.ob_type.tp_runtime
  if ((flags & 0x0004) !== 0) checkNoArgs(rt, cfunctionDisplayName(f), nargs, kwnames)
  else if ((flags & 0x0008) !== 0) checkOneArg(rt, cfunctionDisplayName(f), nargs, kwnames)
  else if ((flags & 0x0002) === 0 && kwnames !== null) {
    if ((flags & 0x0080) !== 0) noKwargs(rt, cfunctionDisplayName(f), kwnames)
    else if ((kwnames as unknown as { ob_item: PyObject[] }).ob_item.length > 0) {
      throw PyErr_Format(rt, 'TypeError', `${ml.ml_name}() takes no keyword arguments`)
    }
  }
  return _PyMethodDef_Call(rt, ml, f.m_self ?? rt.None, args, start, nargs, kwnames)
}

/**
 * Calls a C function with a vector of arguments. A METH_VARARGS function takes its positional arguments as a tuple,
 * which a vectorcall builds first (`_PyObject_MakeTpCall`: a tuple from the free list, freed after the call).
 * @cpython Objects/call.c#_PyObject_MakeTpCall
 */
export function _PyMethodDef_Call(rt: Runtime, ml: PyMethodDef, self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  if ((ml.ml_flags & (METH_VARARGS | METH_FASTCALL)) !== METH_VARARGS || nargs === 0) return ml.ml_meth(self, args, start, nargs, kwnames)
  const items = args.slice(start, start + nargs) as PyObject[]
  for (let i = 0; i < nargs; i++) Py_INCREF(items[i]!)
  const argsTuple = PyTuple_FromArraySteal(rt, items)
  try {
    return ml.ml_meth(self, args, start, nargs, kwnames, argsTuple)
  } finally {
    Py_DECREF(argsTuple)
  }
}

/** @cpython Objects/methodobject.c#meth_dealloc */
function meth_dealloc(self: PyObject): void {
  const m = self as PyCFunctionObject
  const rt = m.ob_type.tp_runtime
  _PyObject_GC_UNTRACK(m)
  if (!Py_TRASHCAN_BEGIN(m)) return
  if (rt.weakrefs.has(m)) rt.clearWeakRefs(m)
  const s = m.m_self
  const mod = m.m_module
  m.m_self = null
  m.m_module = null
  Py_XDECREF(s)
  Py_XDECREF(mod)
  const max = rt.profile.objects.freeLists.cfunction
  const fl = max > 0 && m.ob_type === rt.types.builtin_function_or_method ? rt.fl.cfunction : null
  if (fl !== null && fl.length < max) {
    m.ob_flags |= OB_FREED
    fl.push(m)
  } else PyObject_GC_Del(m)
  Py_TRASHCAN_END(m)
}

/** @cpython Objects/methodobject.c#meth_traverse */
function meth_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const m = self as PyCFunctionObject
  if (m.m_self !== null) {
    const r = visit(m.m_self, arg)
    if (r) return r
  }
  return m.m_module !== null ? visit(m.m_module, arg) : 0
}

/** @cpython Objects/methodobject.c#meth_repr */
function meth_repr(self: PyObject): PyObject {
  const m = self as PyCFunctionObject
  const rt = m.ob_type.tp_runtime
  if (m.m_self === null || isModule(rt, m.m_self)) return newStr(rt, `<built-in function ${m.m_ml.ml_name}>`)
  return newStr(rt, `<built-in method ${m.m_ml.ml_name} of ${m.m_self.ob_type.tp_name} object at ${addrHex(m.m_self)}>`)
}

/** @cpython Objects/methodobject.c#meth_richcompare */
function meth_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  const rt = a.ob_type.tp_runtime
  const T = rt.types.builtin_function_or_method
  if ((op !== Py_EQ && op !== Py_NE) || !(a.ob_type === T || PyType_IsSubtype(a.ob_type, T)) || !(b.ob_type === T || PyType_IsSubtype(b.ob_type, T))) {
    return notImplemented(rt)
  }
  const ma = a as PyCFunctionObject
  const mb = b as PyCFunctionObject
  const eq = ma.m_self === mb.m_self && ma.m_ml.ml_meth === mb.m_ml.ml_meth
  return newBool(rt, op === Py_EQ ? eq : !eq)
}

/** A stable pseudo-address for a C function (hashing and equality). NON-CPYTHON: JS functions have no address. */
const functionIds = new WeakMap<object, number>()
let nextFunctionId = 0x1000
export function cFunctionAddress(fn: object): number {
  let id = functionIds.get(fn)
  if (id === undefined) {
    id = nextFunctionId
    nextFunctionId += 16
    functionIds.set(fn, id)
  }
  return id
}

/** @cpython Objects/methodobject.c#meth_hash */
function meth_hash(self: PyObject): number {
  const m = self as PyCFunctionObject
  const x = m.m_self !== null ? _Py_HashPointer(m.m_self) : 0
  const a = cFunctionAddress(m.m_ml.ml_meth)
  let h = x ^ (Math.floor(a / 16) + (a % 16) * 2 ** 44)
  if (h === -1) h = -2
  return h
}

function meth_get__self__(self: PyObject): PyObject {
  const m = self as PyCFunctionObject
  const rt = m.ob_type.tp_runtime
  const s = m.m_self ?? rt.None
  Py_INCREF(s)
  return s
}

function meth_get__module__(self: PyObject): PyObject {
  const m = self as PyCFunctionObject
  const rt = m.ob_type.tp_runtime
  const s = m.m_module ?? rt.None
  Py_INCREF(s)
  return s
}

function meth_set__module__(self: PyObject, value: PyObject | null): void {
  const m = self as PyCFunctionObject
  Py_XINCREF(value)
  const old = m.m_module
  m.m_module = value
  Py_XDECREF(old)
}

function meth_get__doc__(self: PyObject): PyObject {
  const m = self as PyCFunctionObject
  const rt = m.ob_type.tp_runtime
  const doc = m.m_ml.ml_doc
  if (doc === undefined || doc === null) return newNone(rt)
  const sep = doc.indexOf('\n--\n\n')
  return newStr(rt, sep >= 0 ? doc.slice(sep + 5) : doc)
}

/** Creates `builtin_function_or_method`. */
export function _PyCFunction_InitType(rt: Runtime): void {
  const members: PyMemberDef[] = []
  rt.types.builtin_function_or_method = PyType_NewStatic(rt, 'builtin_function_or_method', {
    basicsize: 7 * rt.profile.pointerSize,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: {
      tp_dealloc: meth_dealloc,
      tp_traverse: meth_traverse,
      tp_repr: meth_repr,
      tp_richcompare: meth_richcompare,
      tp_hash: meth_hash,
      tp_call: cfunction_call,
      tp_members: members,
      tp_getset: [
        { name: '__doc__', get: meth_get__doc__, set: null },
        { name: '__name__', get: (self) => newStr(rt, (self as PyCFunctionObject).m_ml.ml_name), set: null },
        { name: '__qualname__', get: (self) => newStr(rt, cfunctionQualname(self as PyCFunctionObject)), set: null },
        { name: '__text_signature__', get: () => newNone(rt), set: null },
        { name: '__self__', get: meth_get__self__, set: null },
        { name: '__module__', get: meth_get__module__, set: meth_set__module__ },
      ],
    },
  })
}

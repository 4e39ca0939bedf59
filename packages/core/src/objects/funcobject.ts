/**
 * Function objects (`def`, `lambda`) and the `classmethod` / `staticmethod` wrappers. Calling a function is the
 * interpreter's business: @heap/python-lite installs the function type's `tp_call`.
 * @cpython Objects/funcobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_IS_TRACKED, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_DECREF, Py_INCREF, Py_SETREF, Py_XDECREF } from '../object/refcount.js'
import {
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_METHOD_DESCRIPTOR,
  type PyGetSetDef,
  type PyTypeObject,
  type visitproc,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyCell_Check } from './cellobject.js'
import { PyMethod_New } from './classobject.js'
import { PyCode_Check, type PyCodeObject } from './codeobject.js'
import { registerFactory } from './descrobject.js'
import { PyDict_GetItemStr, PyDict_New, type PyDictObject } from './dictobject.js'
import { parseArgs } from './getargs.js'
import { PyObject_GenericGetDict, PyObject_GenericSetDict, PyType_GenericAlloc } from './instances.js'
import { _PyObject_LookupAttrStr } from './object-type.js'
import { PyObject_IsTrue, PyObject_SetAttr, PyObject_Vectorcall, reprText } from './protocols.js'
import { PyTuple_Pack, type PyTupleObject } from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'
import { PyUnicode_Check, addrHex, newBool, newNone, newStr, strValue } from './type-util.js'
import { PyUnicode_InternFromString } from './unicodeobject.js'
import { readonlyAttribute } from './weakrefobject.js'

export class PyFunctionObject extends PyObject {
  /** All owned. */
  func_code: PyObject
  func_globals: PyObject
  func_builtins: PyObject | null = null
  func_name: PyObject
  func_qualname: PyObject
  func_defaults: PyObject | null = null
  func_kwdefaults: PyObject | null = null
  func_closure: PyObject | null = null
  func_doc: PyObject | null = null
  func_dict: PyObject | null = null
  func_module: PyObject | null = null
  func_annotations: PyObject | null = null
  /** `__type_params__` (3.12+), a tuple or null. */
  func_typeparams: PyObject | null = null
  /** Set by the VM: the function's version for call caches. NON-CPYTHON detail. */
  func_version = 0
  constructor(type: PyTypeObject, code: PyObject, globals: PyObject, name: PyObject, qualname: PyObject) {
    super(type)
    this.func_code = code
    this.func_globals = globals
    this.func_name = name
    this.func_qualname = qualname
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** What functions need from the interpreter. NON-CPYTHON: CPython reads the current frame. */
export interface FunctionHooks {
  /** The builtins dict of the executing frame (`_PyEval_GetBuiltins`), used when globals have no `__builtins__`. */
  currentBuiltins(rt: Runtime): PyObject | null
}

const functionHooks = new WeakMap<Runtime, FunctionHooks>()

/** Installs the interpreter's function hooks for a runtime. */
export function setFunctionHooks(rt: Runtime, hooks: FunctionHooks): void {
  functionHooks.set(rt, hooks)
}

/**
 * `_PyEval_BuiltinsFromGlobals`: `globals['__builtins__']` (a module gives its dict), else the executing frame's
 * builtins. A borrowed reference, or null when neither exists (no interpreter attached).
 * @cpython Python/ceval.c#_PyEval_BuiltinsFromGlobals
 */
export function _PyEval_BuiltinsFromGlobals(rt: Runtime, globals: PyObject): PyObject | null {
  const b = PyDict_GetItemStr(globals as PyDictObject, '__builtins__')
  if (b !== null) {
    const md = (b as { md_dict?: PyObject | null }).md_dict
    return b.ob_type === rt.types.module || md !== undefined ? (md ?? b) : b
  }
  return functionHooks.get(rt)?.currentBuiltins(rt) ?? null
}

/**
 * `PyFunction_NewWithQualName`: a tracked function for `code` with `globals` (both borrowed). The name comes from the
 * code object, the qualified name from `qualname` (3.8's MAKE_FUNCTION passes it) or the code object, the docstring
 * from the first constant when it is a str, `__module__` from `globals['__name__']`, and (3.10+) the builtins from
 * the globals.
 * @cpython Objects/funcobject.c#PyFunction_NewWithQualName
 */
export function PyFunction_New(rt: Runtime, code: PyCodeObject, globals: PyObject, qualname: PyObject | null = null): PyFunctionObject {
  const module = PyDict_GetItemStr(globals as PyDictObject, '__name__')
  const builtins = rt.profile.objects.runtimeObjects.funcBuiltins ? _PyEval_BuiltinsFromGlobals(rt, globals) : null
  const consts = (code.co_consts as PyTupleObject).ob_item
  const doc = consts.length >= 1 && PyUnicode_Check(consts[0]!) ? consts[0]! : rt.None
  const qn = qualname ?? code.co_qualname
  Py_INCREF(code)
  Py_INCREF(globals)
  Py_INCREF(code.co_name)
  Py_INCREF(qn)
  const op = new PyFunctionObject(rt.types.function, code, globals, code.co_name, qn)
  Py_INCREF(doc)
  op.func_doc = doc
  if (module !== null) {
    Py_INCREF(module)
    op.func_module = module
  }
  if (builtins !== null) {
    Py_INCREF(builtins)
    op.func_builtins = builtins
  }
  PyObject_GC_Init(rt, op, rt.types.function.tp_basicsize)
  _PyObject_GC_TRACK(op)
  return op
}

/** `PyFunction_Check`. */
export function PyFunction_Check(op: PyObject): boolean {
  return op.ob_type === rtOf(op).types.function
}

/**
 * `func_clear`: releases what can be part of a cycle, in the profile's order (see `funcClear`).
 * @cpython Objects/funcobject.c#func_clear
 */
export function func_clear(self: PyObject): number {
  const op = self as PyFunctionObject
  const rt = rtOf(op)
  const mode = rt.profile.objects.runtimeObjects.funcClear
  const any = op as unknown as Record<'func_code' | 'func_globals' | 'func_name' | 'func_qualname', PyObject | null>
  op.func_version = 0
  if (mode === 'code-first') {
    Py_CLEAR(any, 'func_code')
    Py_CLEAR(any, 'func_globals')
    Py_CLEAR(op, 'func_module')
    Py_CLEAR(any, 'func_name')
    Py_CLEAR(op, 'func_defaults')
    Py_CLEAR(op, 'func_kwdefaults')
    Py_CLEAR(op, 'func_doc')
    Py_CLEAR(op, 'func_dict')
    Py_CLEAR(op, 'func_closure')
    Py_CLEAR(op, 'func_annotations')
    Py_CLEAR(any, 'func_qualname')
    return 0
  }
  Py_CLEAR(any, 'func_globals')
  Py_CLEAR(op, 'func_builtins')
  Py_CLEAR(op, 'func_module')
  Py_CLEAR(op, 'func_defaults')
  Py_CLEAR(op, 'func_kwdefaults')
  Py_CLEAR(op, 'func_doc')
  Py_CLEAR(op, 'func_dict')
  Py_CLEAR(op, 'func_closure')
  Py_CLEAR(op, 'func_annotations')
  Py_CLEAR(op, 'func_typeparams')
  if (mode === 'globals-first-reset-names') {
    // Name and qualname stay set (never NULL) but can no longer be part of a cycle.
    Py_INCREF(rt.empty_str)
    Py_SETREF(any, 'func_name', rt.empty_str)
    Py_INCREF(rt.empty_str)
    Py_SETREF(any, 'func_qualname', rt.empty_str)
  }
  return 0
}

/** @cpython Objects/funcobject.c#func_dealloc */
export function func_dealloc(self: PyObject): void {
  const op = self as PyFunctionObject
  const rt = rtOf(op)
  _PyObject_GC_UNTRACK(op)
  if (rt.weakrefs.has(op)) rt.clearWeakRefs(op)
  func_clear(op)
  // The fields func_clear keeps (3.11+): code, name, qualname.
  const any = op as unknown as Record<'func_code' | 'func_name' | 'func_qualname', PyObject | null>
  Py_CLEAR(any, 'func_code')
  Py_CLEAR(any, 'func_name')
  Py_CLEAR(any, 'func_qualname')
  PyObject_GC_Del(op)
}

/** @cpython Objects/funcobject.c#func_traverse */
export function func_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const op = self as PyFunctionObject
  let r: number
  if (op.func_code !== null && (r = visit(op.func_code, arg))) return r
  if (op.func_globals !== null && (r = visit(op.func_globals, arg))) return r
  if (op.func_builtins !== null && (r = visit(op.func_builtins, arg))) return r
  if (op.func_module !== null && (r = visit(op.func_module, arg))) return r
  if (op.func_defaults !== null && (r = visit(op.func_defaults, arg))) return r
  if (op.func_kwdefaults !== null && (r = visit(op.func_kwdefaults, arg))) return r
  if (op.func_doc !== null && (r = visit(op.func_doc, arg))) return r
  if (op.func_name !== null && (r = visit(op.func_name, arg))) return r
  if (op.func_dict !== null && (r = visit(op.func_dict, arg))) return r
  if (op.func_closure !== null && (r = visit(op.func_closure, arg))) return r
  if (op.func_annotations !== null && (r = visit(op.func_annotations, arg))) return r
  if (op.func_typeparams !== null && (r = visit(op.func_typeparams, arg))) return r
  if (op.func_qualname !== null && (r = visit(op.func_qualname, arg))) return r
  return 0
}

/** `<function f at 0x…>` with the qualified name. @cpython Objects/funcobject.c#func_repr */
function func_repr(self: PyObject): PyObject {
  const op = self as PyFunctionObject
  return newStr(rtOf(op), `<function ${strValue(op.func_qualname)} at ${addrHex(op)}>`)
}

/** Binding: `obj.f` is a bound method; looked up on the class (or with None), the function itself. @cpython Objects/funcobject.c#func_descr_get */
function func_descr_get(func: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  if (obj === null || obj === rtOf(func).None) {
    Py_INCREF(func)
    return func
  }
  return PyMethod_New(func, obj)
}

function isDict(rt: Runtime, v: PyObject): boolean {
  return v.ob_type === rt.types.dict || (v.ob_type.tp_flags & (1 << 29)) !== 0
}

function isTuple(rt: Runtime, v: PyObject): boolean {
  return v.ob_type === rt.types.tuple || (v.ob_type.tp_flags & (1 << 26)) !== 0
}

type FuncField = 'func_closure' | 'func_doc' | 'func_globals' | 'func_module' | 'func_builtins' | 'func_defaults' | 'func_kwdefaults'

/** A `T_OBJECT` member: None when the field is empty. */
function memberGetter(field: FuncField) {
  return (self: PyObject): PyObject => {
    const v = (self as PyFunctionObject)[field]
    if (v === null) return newNone(rtOf(self))
    Py_INCREF(v)
    return v
  }
}

/** A writable `T_OBJECT` member: deleting empties it. */
function memberSetter(field: 'func_doc' | 'func_module') {
  return (self: PyObject, value: PyObject | null): void => {
    if (value !== null) Py_INCREF(value)
    Py_SETREF(self as PyFunctionObject, field, value)
  }
}

/** @cpython Objects/funcobject.c#func_set_code */
function func_set_code(self: PyObject, value: PyObject | null): void {
  const op = self as PyFunctionObject
  const rt = rtOf(op)
  if (value === null || !PyCode_Check(value)) throw PyErr_Format(rt, 'TypeError', '__code__ must be set to a code object')
  const nfree = (value as PyCodeObject).freevarList.length
  const nclosure = op.func_closure === null ? 0 : (op.func_closure as PyTupleObject).ob_item.length
  if (nclosure !== nfree) {
    throw PyErr_Format(rt, 'ValueError', `${strValue(op.func_name)}() requires a code object with ${nclosure} free vars, not ${nfree}`)
  }
  op.func_version = 0
  Py_INCREF(value)
  Py_SETREF(op as unknown as { func_code: PyObject | null }, 'func_code', value)
}

/** `__name__` / `__qualname__`: str only, never deleted. @cpython Objects/funcobject.c#func_set_name */
function nameSetter(field: 'func_name' | 'func_qualname', attr: string) {
  return (self: PyObject, value: PyObject | null): void => {
    const rt = rtOf(self)
    if (value === null || !PyUnicode_Check(value)) throw PyErr_Format(rt, 'TypeError', `${attr} must be set to a string object`)
    Py_INCREF(value)
    Py_SETREF(self as unknown as Record<'func_name' | 'func_qualname', PyObject | null>, field, value)
  }
}

/** `__defaults__` (tuple) / `__kwdefaults__` (dict): None or deletion empties. @cpython Objects/funcobject.c#func_set_defaults */
function defaultsSetter(field: 'func_defaults' | 'func_kwdefaults') {
  return (self: PyObject, value: PyObject | null): void => {
    const rt = rtOf(self)
    const op = self as PyFunctionObject
    if (value === rt.None) value = null
    if (value !== null) {
      const ok = field === 'func_defaults' ? isTuple(rt, value) : isDict(rt, value)
      if (!ok) {
        throw PyErr_Format(rt, 'TypeError', field === 'func_defaults' ? '__defaults__ must be set to a tuple object' : '__kwdefaults__ must be set to a dict object')
      }
      Py_INCREF(value)
    }
    op.func_version = 0
    Py_SETREF(op, field, value)
  }
}

/** The annotations dict, created on first access. @cpython Objects/funcobject.c#func_get_annotations */
function func_get_annotations(self: PyObject): PyObject {
  const op = self as PyFunctionObject
  if (op.func_annotations === null) op.func_annotations = PyDict_New(rtOf(op))
  Py_INCREF(op.func_annotations)
  return op.func_annotations
}

/** @cpython Objects/funcobject.c#func_set_annotations */
function func_set_annotations(self: PyObject, value: PyObject | null): void {
  const rt = rtOf(self)
  if (value === rt.None) value = null
  if (value !== null) {
    if (!isDict(rt, value)) throw PyErr_Format(rt, 'TypeError', '__annotations__ must be set to a dict object')
    Py_INCREF(value)
  }
  Py_SETREF(self as PyFunctionObject, 'func_annotations', value)
}

/** `__dict__ = d`: a dict only; the dict of a function is never deleted. @cpython Objects/object.c#PyObject_GenericSetDict */
function func_set_dict(self: PyObject, value: PyObject | null): void {
  const rt = rtOf(self)
  if (value === null) throw PyErr_Format(rt, 'TypeError', 'cannot delete __dict__')
  PyObject_GenericSetDict(self, value)
}

/** `__type_params__` (3.12+): a tuple; empty when unset. */
function func_get_type_params(self: PyObject): PyObject {
  const rt = rtOf(self)
  const v = (self as PyFunctionObject).func_typeparams ?? rt.empty_tuple
  Py_INCREF(v)
  return v
}

function func_set_type_params(self: PyObject, value: PyObject | null): void {
  const rt = rtOf(self)
  if (value === null || !isTuple(rt, value)) throw PyErr_Format(rt, 'TypeError', '__type_params__ must be set to a tuple')
  Py_INCREF(value)
  Py_SETREF(self as PyFunctionObject, 'func_typeparams', value)
}

function objectGetter(field: 'func_code' | 'func_name' | 'func_qualname') {
  return (self: PyObject): PyObject => {
    const v = (self as PyFunctionObject)[field]
    Py_INCREF(v)
    return v
  }
}

/**
 * `function(code, globals, name=None, argdefs=None, closure=None)` (`types.FunctionType`).
 * @cpython Objects/funcobject.c#func_new_impl
 */
function func_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const pos = (args as PyTupleObject).ob_item
  const d = kwds as PyDictObject | null
  const all = [...pos]
  let kwnames: PyObject | null = null
  if (d !== null && d.ma_used > 0) {
    const names: PyObject[] = []
    for (let i = 0; i < d.ma_keys.length; i++) {
      const k = d.ma_keys[i]
      if (k === undefined) continue
      names.push(k)
      all.push(d.ma_values[i]!)
    }
    kwnames = PyTuple_Pack(rt, names)
  }
  let parsed: (PyObject | null)[]
  try {
    parsed = parseArgs(rt, 'function', all, 0, pos.length, kwnames, ['code', 'globals', 'name', 'argdefs', 'closure'], 2)
  } finally {
    Py_XDECREF(kwnames)
  }
  const [code, globals, name, defaults, closure] = parsed
  if (!PyCode_Check(code!)) throw PyErr_Format(rt, 'TypeError', `function() argument 'code' must be code, not ${code!.ob_type.tp_name}`)
  if (!isDict(rt, globals!)) throw PyErr_Format(rt, 'TypeError', `function() argument 'globals' must be dict, not ${globals!.ob_type.tp_name}`)
  const co = code as PyCodeObject
  const nm = name ?? rt.None
  if (nm !== rt.None && !PyUnicode_Check(nm)) throw PyErr_Format(rt, 'TypeError', 'arg 3 (name) must be None or string')
  const defs = defaults ?? rt.None
  if (defs !== rt.None && !isTuple(rt, defs)) throw PyErr_Format(rt, 'TypeError', 'arg 4 (defaults) must be None or tuple')
  const clo = closure ?? rt.None
  const nfree = co.freevarList.length
  if (clo !== rt.None && !isTuple(rt, clo)) {
    if (nfree > 0) throw PyErr_Format(rt, 'TypeError', 'arg 5 (closure) must be tuple')
    throw PyErr_Format(rt, 'TypeError', 'arg 5 (closure) must be None or tuple')
  }
  const cells = clo === rt.None ? [] : (clo as PyTupleObject).ob_item
  if (nfree === 0 && cells.length > 0) {
    throw PyErr_Format(rt, 'ValueError', `${strValue(co.co_name)} requires closure of length 0, not ${cells.length}`)
  }
  if (nfree > 0 && clo === rt.None) throw PyErr_Format(rt, 'TypeError', 'arg 5 (closure) must be tuple')
  if (cells.length !== nfree) {
    throw PyErr_Format(rt, 'ValueError', `${strValue(co.co_name)} requires closure of length ${nfree}, not ${cells.length}`)
  }
  for (const c of cells) {
    if (!PyCell_Check(c)) throw PyErr_Format(rt, 'TypeError', `arg 5 (closure) expected cell, found ${c.ob_type.tp_name}`)
  }
  const f = PyFunction_New(rt, co, globals!)
  if (nm !== rt.None) {
    Py_INCREF(nm)
    Py_SETREF(f as unknown as { func_name: PyObject | null }, 'func_name', nm)
  }
  if (defs !== rt.None) {
    Py_INCREF(defs)
    f.func_defaults = defs
  }
  if (clo !== rt.None) {
    Py_INCREF(clo)
    f.func_closure = clo
  }
  return f
}

/** Creates the `function` type. */
function _PyFunction_InitType(rt: Runtime): void {
  const ro = rt.profile.objects.runtimeObjects
  const getset: PyGetSetDef[] = [
    { name: '__closure__', get: memberGetter('func_closure'), set: readonlyAttribute },
    { name: '__doc__', get: memberGetter('func_doc'), set: memberSetter('func_doc') },
    { name: '__globals__', get: memberGetter('func_globals'), set: readonlyAttribute },
    { name: '__module__', get: memberGetter('func_module'), set: memberSetter('func_module') },
  ]
  if (ro.funcBuiltins) getset.push({ name: '__builtins__', get: func_get_builtins, set: readonlyAttribute })
  getset.push(
    { name: '__code__', get: objectGetter('func_code'), set: func_set_code },
    { name: '__defaults__', get: memberGetter('func_defaults'), set: defaultsSetter('func_defaults') },
    { name: '__kwdefaults__', get: memberGetter('func_kwdefaults'), set: defaultsSetter('func_kwdefaults') },
    { name: '__annotations__', get: func_get_annotations, set: func_set_annotations },
    { name: '__dict__', get: PyObject_GenericGetDict, set: func_set_dict },
    { name: '__name__', get: objectGetter('func_name'), set: nameSetter('func_name', '__name__') },
    { name: '__qualname__', get: objectGetter('func_qualname'), set: nameSetter('func_qualname', '__qualname__') },
  )
  if (ro.funcTypeParams) getset.push({ name: '__type_params__', get: func_get_type_params, set: func_set_type_params })
  rt.types.function = PyType_NewStatic(rt, 'function', {
    basicsize: rt.sizeof.function - rt.profile.gc.gcHeadSize,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    slots: {
      tp_dealloc: func_dealloc,
      tp_traverse: func_traverse,
      tp_clear: func_clear,
      tp_repr: func_repr,
      tp_descr_get: func_descr_get,
      tp_new: func_new,
      tp_dictfield: 'func_dict',
      tp_hasdict: true,
      tp_weaklist: true,
      tp_getset: getset,
    },
  })
}

/** `__builtins__` (3.10+): the builtins dict captured at creation. */
function func_get_builtins(self: PyObject): PyObject {
  const v = (self as PyFunctionObject).func_builtins
  if (v === null) {
    // NON-CPYTHON: only a function created without an interpreter has none.
    return newNone(rtOf(self))
  }
  Py_INCREF(v)
  return v
}

// ---------------------------------------------------------------------------------------------------------------
// classmethod and staticmethod
// ---------------------------------------------------------------------------------------------------------------

/** `classmethod` and `staticmethod` objects (same layout). */
export class PyMethodWrapperDescr extends PyObject {
  /** The wrapped callable (owned; null until `__init__`). */
  cm_callable: PyObject | null = null
  /** The instance dict (owned; created on demand or by `__init__` on 3.10+). */
  cm_dict: PyObject | null = null
}

/** @cpython Objects/funcobject.c#cm_dealloc */
function cm_dealloc(self: PyObject): void {
  const cm = self as PyMethodWrapperDescr
  if (_PyObject_GC_IS_TRACKED(cm)) _PyObject_GC_UNTRACK(cm)
  Py_XDECREF(cm.cm_callable)
  cm.cm_callable = null
  Py_XDECREF(cm.cm_dict)
  cm.cm_dict = null
  PyObject_GC_Del(cm)
}

/** @cpython Objects/funcobject.c#cm_traverse */
function cm_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const cm = self as PyMethodWrapperDescr
  let r: number
  if (cm.cm_callable !== null && (r = visit(cm.cm_callable, arg))) return r
  if (cm.cm_dict !== null && (r = visit(cm.cm_dict, arg))) return r
  return 0
}

/** @cpython Objects/funcobject.c#cm_clear */
function cm_clear(self: PyObject): number {
  const cm = self as PyMethodWrapperDescr
  Py_CLEAR(cm, 'cm_callable')
  Py_CLEAR(cm, 'cm_dict')
  return 0
}

function wrapperCallable(self: PyObject, kind: string): PyObject {
  const c = (self as PyMethodWrapperDescr).cm_callable
  if (c === null) throw PyErr_Format(rtOf(self), 'RuntimeError', `uninitialized ${kind} object`)
  return c
}

/**
 * `classmethod.__get__`: a method bound to the class (the instance's type when only an instance is given); 3.9–3.12
 * hand the class to the wrapped object's own `__get__`.
 * @cpython Objects/funcobject.c#cm_descr_get
 */
function cm_descr_get(self: PyObject, obj: PyObject | null, type: PyObject | null): PyObject {
  const rt = rtOf(self)
  const callable = wrapperCallable(self, 'classmethod')
  const cls = type ?? obj!.ob_type
  const get = callable.ob_type.tp_descr_get
  if (rt.profile.objects.runtimeObjects.classmethodChaining && get !== null) return get(callable, cls, cls)
  return PyMethod_New(callable, cls)
}

/** `staticmethod.__get__`: the callable itself. @cpython Objects/funcobject.c#sm_descr_get */
function sm_descr_get(self: PyObject, _obj: PyObject | null, _type: PyObject | null): PyObject {
  const c = wrapperCallable(self, 'staticmethod')
  Py_INCREF(c)
  return c
}

/** `staticmethod(f)(...)` (3.10+). @cpython Objects/funcobject.c#sm_call */
function sm_call(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  return PyObject_Vectorcall(wrapperCallable(self, 'staticmethod'), args, start, nargs, kwnames)
}

/**
 * `functools_wraps`: copies `__module__`, `__name__`, `__qualname__`, `__doc__` and `__annotations__` of the wrapped
 * object into the wrapper's dict (missing attributes are skipped).
 * @cpython Objects/funcobject.c#functools_wraps
 */
function functools_wraps(wrapper: PyObject, wrapped: PyObject): void {
  const rt = rtOf(wrapper)
  const attrs = ['__module__', '__name__', '__qualname__', '__doc__']
  if (rt.profile.objects.runtimeObjects.wrapsAnnotations) attrs.push('__annotations__')
  for (const attr of attrs) {
    const value = _PyObject_LookupAttrStr(wrapped, attr)
    if (value === null) continue
    const name = PyUnicode_InternFromString(rt, attr)
    try {
      PyObject_SetAttr(wrapper, name, value)
    } finally {
      Py_DECREF(name)
      Py_DECREF(value)
    }
  }
}

function wrapperInit(kind: 'classmethod' | 'staticmethod') {
  return (self: PyObject, args: PyObject, kwds: PyObject | null): void => {
    const rt = rtOf(self)
    if (kwds !== null && (kwds as PyDictObject).ma_used > 0) throw PyErr_Format(rt, 'TypeError', `${kind}() takes no keyword arguments`)
    const items = (args as PyTupleObject).ob_item
    if (items.length !== 1) throw PyErr_Format(rt, 'TypeError', `${kind} expected 1 argument, got ${items.length}`)
    const callable = items[0]!
    Py_INCREF(callable)
    Py_SETREF(self as PyMethodWrapperDescr, 'cm_callable', callable)
    if (rt.profile.objects.runtimeObjects.methodWrappers === 'wraps') functools_wraps(self, callable)
  }
}

function wrapperNew(type: PyTypeObject, _args: PyObject, _kwds: PyObject | null): PyObject {
  return PyType_GenericAlloc(type)
}

/** `__isabstractmethod__` of the wrapped callable. @cpython Objects/funcobject.c#cm_get___isabstractmethod__ */
function wrapper_isabstract(self: PyObject): PyObject {
  const rt = rtOf(self)
  const c = (self as PyMethodWrapperDescr).cm_callable
  return newBool(rt, c !== null && _PyObject_IsAbstract(c))
}

/** `_PyObject_IsAbstract`: the object's `__isabstractmethod__` is true. */
export function _PyObject_IsAbstract(obj: PyObject): boolean {
  const v = _PyObject_LookupAttrStr(obj, '__isabstractmethod__')
  if (v === null) return false
  try {
    return PyObject_IsTrue(v)
  } finally {
    Py_DECREF(v)
  }
}

function wrapperRepr(kind: string) {
  return (self: PyObject): PyObject => {
    const rt = rtOf(self)
    if (rt.profile.objects.runtimeObjects.methodWrappers === 'plain') return newStr(rt, `<${kind} object at ${addrHex(self)}>`)
    const c = (self as PyMethodWrapperDescr).cm_callable
    return newStr(rt, `<${kind}(${c === null ? 'NULL' : reprText(c)})>`)
  }
}

function callableMember(self: PyObject): PyObject {
  const c = (self as PyMethodWrapperDescr).cm_callable
  if (c === null) return newNone(rtOf(self))
  Py_INCREF(c)
  return c
}

/** `PyClassMethod_New`: `classmethod(callable)` without copying attributes. */
export function PyClassMethod_New(rt: Runtime, callable: PyObject): PyObject {
  const cm = PyType_GenericAlloc(rt.types.classmethod) as PyMethodWrapperDescr
  Py_INCREF(callable)
  cm.cm_callable = callable
  return cm
}

/** `PyStaticMethod_New`: `staticmethod(callable)` without copying attributes. */
export function PyStaticMethod_New(rt: Runtime, callable: PyObject): PyObject {
  const sm = PyType_GenericAlloc(rt.types.staticmethod) as PyMethodWrapperDescr
  Py_INCREF(callable)
  sm.cm_callable = callable
  return sm
}

function _PyMethodWrappers_InitTypes(rt: Runtime): void {
  const ro = rt.profile.objects.runtimeObjects
  const wraps = ro.methodWrappers === 'wraps'
  const ptr = rt.profile.pointerSize
  for (const kind of ['classmethod', 'staticmethod'] as const) {
    const getset: PyGetSetDef[] = [{ name: '__func__', get: callableMember, set: readonlyAttribute }]
    if (wraps) getset.push({ name: '__wrapped__', get: callableMember, set: readonlyAttribute })
    getset.push(
      { name: '__isabstractmethod__', get: wrapper_isabstract, set: null },
      { name: '__dict__', get: PyObject_GenericGetDict, set: func_set_dict },
    )
    const t = PyType_NewStatic(rt, kind, {
      basicsize: 2 * ptr + 2 * ptr,
      flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
      doc: kind === 'classmethod' ? CLASSMETHOD_DOC : STATICMETHOD_DOC,
      slots: {
        tp_dealloc: cm_dealloc,
        tp_free: PyObject_GC_Del,
        tp_traverse: cm_traverse,
        tp_clear: cm_clear,
        tp_repr: wrapperRepr(kind),
        tp_descr_get: kind === 'classmethod' ? cm_descr_get : sm_descr_get,
        tp_call: kind === 'staticmethod' && wraps ? sm_call : null,
        tp_new: wrapperNew,
        tp_init: wrapperInit(kind),
        tp_alloc: PyType_GenericAlloc,
        tp_dictfield: 'cm_dict',
        tp_hasdict: true,
        tp_getset: getset,
      },
    })
    registerFactory(t, (type) => new PyMethodWrapperDescr(type))
    rt.types[kind] = t
  }
}

const CLASSMETHOD_DOC =
  'classmethod(function, /)\n--\n\nConvert a function to be a class method.\n\nA class method receives the class as implicit first argument,\njust like an instance method receives the instance.\nTo declare a class method, use this idiom:\n\n  class C:\n      @classmethod\n      def f(cls, arg1, arg2, argN):\n          ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()).  The instance is ignored except for its class.\nIf a class method is called for a derived class, the derived class\nobject is passed as the implied first argument.\n\nClass methods are different than C++ or Java static methods.\nIf you want those, see the staticmethod builtin.'

const STATICMETHOD_DOC =
  'staticmethod(function, /)\n--\n\nConvert a function to be a static method.\n\nA static method does not receive an implicit first argument.\nTo declare a static method, use this idiom:\n\n     class C:\n         @staticmethod\n         def f(arg1, arg2, argN):\n             ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()). Both the class and the instance are ignored, and\nneither is passed implicitly as the first argument to the method.\n\nStatic methods in Python are similar to those found in Java or C++.\nFor a more advanced concept, see the classmethod builtin.'

/** Creates `function`, `classmethod` and `staticmethod`. */
export function _PyFuncObjects_InitTypes(rt: Runtime): void {
  _PyFunction_InitType(rt)
  _PyMethodWrappers_InitTypes(rt)
}

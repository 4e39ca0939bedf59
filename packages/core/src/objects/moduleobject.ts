/**
 * Module objects: a namespace dict (`md_dict`) with `__name__`, `__doc__`, `__package__`, `__loader__` and `__spec__`,
 * attribute access through the dict (with the module-level `__getattr__` hook, PEP 562), the repr importlib computes,
 * and the dict clearing the interpreter's shutdown uses.
 * @cpython Objects/moduleobject.c
 */
import { PyErr_Format, type PyErr } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_IS_TRACKED, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_DECREF, Py_INCREF, Py_XDECREF } from '../object/refcount.js'
import { METH_NOARGS, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { registerFactory } from './descrobject.js'
import { PyDict_GetItemStr, PyDict_New, PyDict_Next, PyDict_SetItem, _PyDict_HashSlotOrder, type PyDictObject } from './dictobject.js'
import { parseArgs } from './getargs.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyList_FromArraySteal } from './listobject.js'
import { _PyObject_GenericGetAttrWithDict, _PyObject_LookupAttrStr } from './object-type.js'
import { PyObject_IsTrue, PyObject_Vectorcall, errMatches, reprText, strText } from './protocols.js'
import { PyTuple_Pack, type PyTupleObject } from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'
import { PyUnicode_Check, dropErr, newStr, setAttributeErrorContext, strValue } from './type-util.js'
import { PyUnicode_FromString, PyUnicode_InternFromString, type PyUnicodeObject } from './unicodeobject.js'
import { readonlyAttribute } from './weakrefobject.js'

export class PyModuleObject extends PyObject {
  /** The namespace (owned); null only after `tp_clear`. */
  md_dict: PyDictObject | null
  /** The `PyModuleDef` of an extension module (opaque here). */
  md_def: unknown
  md_state: unknown
  /** The module's name when it was an exact str at creation (owned), for messages. */
  md_name: PyObject | null
  constructor(type: PyTypeObject) {
    super(type)
    this.md_dict = null
    this.md_def = null
    this.md_state = null
    this.md_name = null
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** `PyModule_Check`. */
export function PyModule_Check(op: PyObject): boolean {
  const t = rtOf(op).types.module
  return op instanceof PyModuleObject && t !== undefined
}

function setItemStr(rt: Runtime, d: PyDictObject, name: string, value: PyObject): void {
  const k = PyUnicode_InternFromString(rt, name)
  try {
    PyDict_SetItem(d, k, value)
  } finally {
    Py_DECREF(k)
  }
}

/**
 * `module_init_dict`: `__name__`, `__doc__`, `__package__`, `__loader__`, `__spec__` in that order.
 * @cpython Objects/moduleobject.c#module_init_dict
 */
function module_init_dict(rt: Runtime, mod: PyModuleObject, dict: PyDictObject, name: PyObject, doc: PyObject | null): void {
  setItemStr(rt, dict, '__name__', name)
  setItemStr(rt, dict, '__doc__', doc ?? rt.None)
  setItemStr(rt, dict, '__package__', rt.None)
  if (rt.profile.objects.moduleSpecAttributes !== false) {
    setItemStr(rt, dict, '__loader__', rt.None)
    setItemStr(rt, dict, '__spec__', rt.None)
  }
  if (name.ob_type === rt.types.str) {
    Py_INCREF(name)
    const old = mod.md_name
    mod.md_name = name
    Py_XDECREF(old)
  }
}

/** `new_module_notrack`: the object, then its (empty) dict. @cpython Objects/moduleobject.c#new_module_notrack */
function new_module_notrack(rt: Runtime, type: PyTypeObject): PyModuleObject {
  let m: PyModuleObject
  if (type === rt.types.module) m = PyObject_GC_Init(rt, new PyModuleObject(type), type.tp_basicsize)
  else {
    // A subclass: the generic allocator gives it its heap-type fields (and tracks it; untracked again below).
    m = PyType_GenericAllocObject(type, new PyModuleObject(type))
    if (_PyObject_GC_IS_TRACKED(m)) _PyObject_GC_UNTRACK(m)
  }
  m.md_dict = PyDict_New(rt)
  return m
}

/**
 * `PyModule_NewObject` / `PyModule_New`: a tracked module whose dict holds the five standard names.
 * @cpython Objects/moduleobject.c#PyModule_NewObject
 */
export function PyModule_NewObject(rt: Runtime, name: PyObject): PyModuleObject {
  const m = new_module_notrack(rt, rt.types.module)
  try {
    module_init_dict(rt, m, m.md_dict!, name, null)
  } catch (e) {
    Py_DECREF(m)
    throw e
  }
  _PyObject_GC_TRACK(m)
  return m
}

/** `PyModule_New(name)` with a JS name. */
export function PyModule_New(rt: Runtime, name: string): PyModuleObject {
  const n = PyUnicode_FromString(rt, name)
  try {
    return PyModule_NewObject(rt, n)
  } finally {
    Py_DECREF(n)
  }
}

/** `PyModule_GetDict`: the namespace (borrowed). */
export function PyModule_GetDict(m: PyObject): PyDictObject {
  return (m as PyModuleObject).md_dict!
}

/** `PyModule_AddObjectRef`: `module.name = value` (value borrowed). */
export function PyModule_AddObjectRef(m: PyObject, name: string, value: PyObject): void {
  setItemStr(rtOf(m), PyModule_GetDict(m), name, value)
}

/** `PyModule_GetNameObject`: `__name__` from the dict (new reference); SystemError when missing. */
export function PyModule_GetNameObject(m: PyObject): PyObject {
  const rt = rtOf(m)
  const d = (m as PyModuleObject).md_dict
  const name = d !== null ? PyDict_GetItemStr(d, '__name__') : null
  if (name === null || !PyUnicode_Check(name)) throw PyErr_Format(rt, 'SystemError', 'nameless module')
  Py_INCREF(name)
  return name
}

/** @cpython Objects/moduleobject.c#module_dealloc */
export function module_dealloc(self: PyObject): void {
  const m = self as PyModuleObject
  const rt = rtOf(m)
  if (_PyObject_GC_IS_TRACKED(m)) _PyObject_GC_UNTRACK(m)
  if (rt.weakrefs.has(m)) rt.clearWeakRefs(m)
  const d = m.md_dict
  m.md_dict = null
  Py_XDECREF(d)
  Py_CLEAR(m, 'md_name')
  PyObject_GC_Del(m)
}

/** The dict only (the name is an exact str). @cpython Objects/moduleobject.c#module_traverse */
export function module_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const d = (self as PyModuleObject).md_dict
  return d !== null ? visit(d, arg) : 0
}

/** NON-CPYTHON: every reference the module owns, for the audit (the name too). */
function module_refs(self: PyObject, visit: visitproc, arg: unknown): number {
  const m = self as PyModuleObject
  let r: number
  if (m.md_dict !== null && (r = visit(m.md_dict, arg))) return r
  if (m.md_name !== null && (r = visit(m.md_name, arg))) return r
  return 0
}

/** @cpython Objects/moduleobject.c#module_clear */
export function module_clear(self: PyObject): number {
  Py_CLEAR(self as PyModuleObject, 'md_dict')
  return 0
}

/** `module.__new__`: the object and an empty dict. @cpython Objects/moduleobject.c#new_module */
function module_new(type: PyTypeObject, _args: PyObject, _kwds: PyObject | null): PyObject {
  const m = new_module_notrack(type.tp_runtime, type)
  _PyObject_GC_TRACK(m)
  return m
}

/** `module(name, doc=None)`. @cpython Objects/moduleobject.c#module___init___impl */
function module_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  const m = self as PyModuleObject
  const pos = (args as PyTupleObject).ob_item
  const all: PyObject[] = [...pos]
  let kwnames: PyObject | null = null
  const d = kwds as PyDictObject | null
  if (d !== null && d.ma_used > 0) {
    const names: PyObject[] = []
    for (let i = PyDict_Next(d, 0); i >= 0; i = PyDict_Next(d, i + 1)) {
      names.push(d.ma_keys[i]!)
      all.push(d.ma_values[i]!)
    }
    kwnames = PyTuple_Pack(rt, names)
  }
  let parsed: (PyObject | null)[]
  try {
    parsed = parseArgs(rt, 'module', all, 0, pos.length, kwnames, ['name', 'doc'], 1)
  } finally {
    Py_XDECREF(kwnames)
  }
  const [name, doc] = parsed
  if (!PyUnicode_Check(name!)) throw PyErr_Format(rt, 'TypeError', `module() argument 'name' must be str, not ${name!.ob_type.tp_name}`)
  if (m.md_dict === null) m.md_dict = PyDict_New(rt)
  module_init_dict(rt, m, m.md_dict, name!, doc)
}

/** `spec._initializing` is true (errors are ignored). @cpython Objects/moduleobject.c#_PyModuleSpec_IsInitializing */
function specIsInitializing(spec: PyObject | null): boolean {
  if (spec === null || spec === rtOf(spec).None) return false
  try {
    const v = _PyObject_LookupAttrStr(spec, '_initializing')
    if (v === null) return false
    try {
      return PyObject_IsTrue(v)
    } finally {
      Py_DECREF(v)
    }
  } catch (e) {
    if (errMatches(e, 'Exception')) {
      dropErr(e as PyErr)
      return false
    }
    throw e
  }
}

/**
 * `module_getattro`: the generic lookup, then the module's `__getattr__(name)`, then AttributeError naming the module
 * ("partially initialized" while its spec is initializing).
 * @cpython Objects/moduleobject.c#module_getattro
 */
export function module_getattro(self: PyObject, name: PyObject): PyObject {
  const m = self as PyModuleObject
  const rt = rtOf(m)
  const attr = _PyObject_GenericGetAttrWithDict(m, name, null, true)
  if (attr !== null) return attr
  const d = m.md_dict
  if (d !== null) {
    const getattr = PyDict_GetItemStr(d, '__getattr__')
    if (getattr !== null) {
      Py_INCREF(getattr)
      try {
        return PyObject_Vectorcall(getattr, [name], 0, 1, null)
      } catch (e) {
        if (errMatches(e, 'AttributeError')) setAttributeErrorContext(rt, e, m, name)
        throw e
      } finally {
        Py_DECREF(getattr)
      }
    }
  }
  const modName = d !== null ? PyDict_GetItemStr(d, '__name__') : null
  let err: PyErr
  if (modName !== null && PyUnicode_Check(modName)) {
    const spec = PyDict_GetItemStr(d!, '__spec__')
    const n = strValue(modName)
    err = specIsInitializing(spec)
      ? PyErr_Format(rt, 'AttributeError', `partially initialized module '${n}' has no attribute '${strValue(name)}' (most likely due to a circular import)`)
      : PyErr_Format(rt, 'AttributeError', `module '${n}' has no attribute '${strValue(name)}'`)
  } else err = PyErr_Format(rt, 'AttributeError', `module has no attribute '${strValue(name)}'`)
  setAttributeErrorContext(rt, err, m, name)
  throw err
}

/** An attribute of `obj` (new reference), or null when missing. */
function attr(obj: PyObject, name: string): PyObject | null {
  return _PyObject_LookupAttrStr(obj, name)
}

/**
 * `ModuleType.__repr__` as importlib computes it (`_module_repr`): from `__spec__` when set (`(built-in)` for an
 * origin without location, `from '…'` with one), else from `__file__` or `__loader__`.
 * @cpython Lib/importlib/_bootstrap.py#_module_repr
 */
function module_repr(self: PyObject): PyObject {
  const rt = rtOf(self)
  const owned: PyObject[] = []
  const take = (o: PyObject | null): PyObject | null => {
    if (o !== null) owned.push(o)
    return o
  }
  const isSet = (o: PyObject | null): o is PyObject => o !== null && o !== rt.None
  try {
    const loader = take(attr(self, '__loader__'))
    const spec = take(attr(self, '__spec__'))
    if (isSet(spec) && PyObject_IsTrue(spec)) {
      const specName = take(attr(spec, 'name'))
      const name = isSet(specName) ? reprText(specName) : "'?'"
      const origin = take(attr(spec, 'origin'))
      const specLoader = take(attr(spec, 'loader'))
      if (!isSet(origin)) return newStr(rt, isSet(specLoader) ? `<module ${name} (${reprText(specLoader)})>` : `<module ${name}>`)
      const hasLocation = take(attr(spec, 'has_location'))
      if (hasLocation !== null && PyObject_IsTrue(hasLocation)) return newStr(rt, `<module ${name} from ${reprText(origin)}>`)
      return newStr(rt, `<module ${isSet(specName) ? reprText(specName) : 'None'} (${strText(origin)})>`)
    }
    const nameObj = take(attr(self, '__name__'))
    const name = nameObj !== null ? reprText(nameObj) : "'?'"
    const file = take(attr(self, '__file__'))
    if (file === null) return newStr(rt, !isSet(loader) ? `<module ${name}>` : `<module ${name} (${reprText(loader)})>`)
    return newStr(rt, `<module ${name} from ${reprText(file)}>`)
  } finally {
    for (const o of owned) Py_DECREF(o)
  }
}

/** `module.__dir__()`: the dict's `__dir__()` when defined, else the dict's keys. @cpython Objects/moduleobject.c#module_dir */
function module_dir(self: PyObject): PyObject {
  const rt = rtOf(self)
  const d = (self as PyModuleObject).md_dict
  if (d === null) throw PyErr_Format(rt, 'TypeError', '<module>.__dict__ is not a dictionary')
  const dirfunc = PyDict_GetItemStr(d, '__dir__')
  if (dirfunc !== null) return PyObject_Vectorcall(dirfunc, [], 0, 0, null)
  const keys: PyObject[] = []
  for (let i = PyDict_Next(d, 0); i >= 0; i = PyDict_Next(d, i + 1)) {
    const k = d.ma_keys[i]!
    Py_INCREF(k)
    keys.push(k)
  }
  return PyList_FromArraySteal(rt, keys)
}

/** `__dict__`: the namespace (a read-only member). */
function module_get_dict(self: PyObject): PyObject {
  const d = (self as PyModuleObject).md_dict
  if (d === null) {
    Py_INCREF(rtOf(self).None)
    return rtOf(self).None
  }
  Py_INCREF(d)
  return d
}

/**
 * `_PyModule_ClearDict`: what shutdown does to a module's globals, so destructors run in a predictable order: first
 * every name starting with exactly one underscore is set to None, then every other name except `__builtins__`
 * (values already None are skipped; entries stay in the dict).
 * @cpython Objects/moduleobject.c#_PyModule_ClearDict
 */
export function _PyModule_ClearDict(dict: PyObject): void {
  const d = dict as PyDictObject
  const rt = rtOf(d)
  const slots = rt.profile.objects.dictOrder === 'hash-slots'
  const clearWhere = (pick: (key: string) => boolean): void => {
    const order: number[] = []
    if (slots) order.push(..._PyDict_HashSlotOrder(d))
    else for (let i = PyDict_Next(d, 0); i >= 0; i = PyDict_Next(d, i + 1)) order.push(i)
    for (const i of order) {
      const key = d.ma_keys[i]
      const value = d.ma_values[i]
      if (key === undefined || value === undefined || value === rt.None || !PyUnicode_Check(key)) continue
      if (!pick((key as PyUnicodeObject).value)) continue
      Py_INCREF(key)
      try {
        PyDict_SetItem(d, key, rt.None)
      } finally {
        Py_DECREF(key)
      }
    }
  }
  clearWhere((k) => k.charAt(0) === '_' && k.charAt(1) !== '_')
  clearWhere((k) => k.charAt(0) !== '_' || k !== '__builtins__')
}

/** `_PyModule_Clear`: `_PyModule_ClearDict` of the module's dict. */
export function _PyModule_Clear(m: PyObject): void {
  const d = (m as PyModuleObject).md_dict
  if (d !== null) _PyModule_ClearDict(d)
}

/** Creates the `module` type. */
export function _PyModule_InitType(rt: Runtime): void {
  const ptr = rt.profile.pointerSize
  rt.types.module = PyType_NewStatic(rt, 'module', {
    basicsize: 2 * ptr + 5 * ptr,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc: 'module(name, doc=None)\n--\n\nCreate a module object.\n\nThe name must be a string; the optional doc argument can have any type.',
    slots: {
      tp_dealloc: module_dealloc,
      tp_free: PyObject_GC_Del,
      tp_traverse: module_traverse,
      tp_refs: module_refs,
      tp_clear: module_clear,
      tp_repr: module_repr,
      tp_getattro: module_getattro,
      tp_new: module_new,
      tp_init: module_init,
      tp_dictfield: 'md_dict',
      tp_hasdict: true,
      tp_weaklist: true,
      tp_methods: [{ ml_name: '__dir__', ml_flags: METH_NOARGS, ml_meth: module_dir, ml_doc: '__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for module objects.' }],
      tp_getset: [{ name: '__dict__', get: module_get_dict, set: readonlyAttribute }],
    },
  })
  registerFactory(rt.types.module, (t) => new PyModuleObject(t))
}

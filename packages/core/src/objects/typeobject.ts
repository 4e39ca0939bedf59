/**
 * Type objects: creating the static builtin types, `PyType_Ready` (bases, MRO, the type's dict, slot inheritance),
 * `_PyType_Lookup`, classes (`type_new`: heap types from a class statement or `type(name, bases, dict)`), calling a
 * type (`type_call`: `tp_new` then `tp_init`), attribute access on types, and `isinstance` / `issubclass`.
 * @cpython Objects/typeobject.c
 */
import { PyErr, PyErr_Format } from '../errors.js'
import { PyObject_Free, PyObject_GC_Del, PyObject_InitStatic, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, Py_XDECREF } from '../object/refcount.js'
import {
  METH_CLASS,
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_IMMUTABLETYPE,
  Py_TPFLAGS_INLINE_VALUES,
  Py_TPFLAGS_MANAGED_DICT,
  Py_TPFLAGS_MANAGED_WEAKREF,
  Py_TPFLAGS_READY,
  Py_TPFLAGS_TYPE_SUBCLASS,
  PyObject_TypeCheck,
  PyType_IsSubtype,
  PyTypeObject,
  defaultDealloc,
  type PyGetSetDef,
  type PyMemberDef,
  type PyMethodDef,
  type visitproc,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import type { PyBaseExceptionObject } from './exceptions.js'
import { PyCellObject, PyCell_SetSteal } from './cellobject.js'
import { PyDictProxy_New } from './descrobject.js'
import { PyDict_Clear, PyDict_DelItemIfPresent, PyDict_GetItemStr, PyDict_New, PyDict_SetItem, type PyDictObject } from './dictobject.js'
import { makeStatic } from './immortal.js'
import {
  PyType_GenericAlloc,
  PyType_GenericAllocObject,
  PyObject_GenericGetDict,
  PyObject_GenericSetDict,
  _PyObject_EnsureHeapInstance,
  _PyDict_NewKeysForClass,
  subtype_clear,
  subtype_dealloc,
  subtype_refs,
  subtype_traverse,
} from './instances.js'
import { PyLong_FromNumber } from './longobject.js'
import { PyCFunction_NewEx } from './methodobject.js'
import {
  Py_TPFLAGS_IS_ABSTRACT,
  _PyObject_GenericGetAttrWithDict,
  _PyObject_GenericSetAttrWithDict,
  _PyObject_LookupAttrStr,
  _PyObject_LookupSpecial,
  dictKeysList,
  merge_class_dict,
} from './object-type.js'
import { PyObject_CallArgs, PyObject_GetIter, PyObject_IsTrue, PyObject_Vectorcall, reprText } from './protocols.js'
import { PyWeakref_NewRef } from './weakrefobject.js'
import { add_operators, argsDict, argsTuple, argsTupleAndDict, callWithTupleDict, fixup_slot_dispatchers, isSlotName, update_slot } from './slots.js'
import { PyTuple_FromArraySteal, PyTuple_Pack, type PyTupleObject } from './tupleobject.js'
import {
  PyType_Check,
  PyUnicode_Check,
  fmt,
  newBool,
  newNone,
  newStr,
  setAttributeErrorContext,
  strValue,
  trunc,
  typeModuleName,
  typeQualname,
} from './type-util.js'
import { PyUnicode_InternFromString, type PyUnicodeObject } from './unicodeobject.js'

/** `Py_TPFLAGS_DISALLOW_INSTANTIATION`: a static type without `tp_new` deriving from object. */
export const Py_TPFLAGS_DISALLOW_INSTANTIATION = 1 << 7

/** Options for a static builtin type. */
export interface StaticTypeSpec {
  readonly base?: PyTypeObject | null
  readonly basicsize: number
  readonly itemsize?: number
  readonly flags?: number
  readonly doc?: string | null
  /** Any `tp_*`, `nb_*`, `sq_*`, `mp_*` slots and method tables. */
  readonly slots?: Partial<PyTypeObject>
}

/**
 * Slots a subtype inherits from the types of its MRO when it does not define them.
 * `tp_hash`/`tp_richcompare` (inherited together), `tp_new` and `tp_dealloc`/`tp_free` have their own rules.
 * @cpython Objects/typeobject.c#inherit_slots
 */
const INHERITED_SLOTS = [
  'tp_dealloc', 'tp_alloc', 'tp_init', 'tp_repr', 'tp_str', 'tp_getattro',
  'tp_setattro', 'tp_call', 'tp_iter', 'tp_iternext', 'tp_descr_get', 'tp_descr_set', 'tp_finalize', 'tp_sizeof',
  'tp_is_gc', 'tp_vectorcall', 'tp_dictfield',
  'nb_add', 'nb_subtract', 'nb_multiply', 'nb_remainder', 'nb_divmod', 'nb_power', 'nb_negative', 'nb_positive',
  'nb_absolute', 'nb_bool', 'nb_invert', 'nb_lshift', 'nb_rshift', 'nb_and', 'nb_xor', 'nb_or', 'nb_int', 'nb_float',
  'nb_index', 'nb_floor_divide', 'nb_true_divide', 'nb_matrix_multiply', 'nb_inplace_add', 'nb_inplace_subtract',
  'nb_inplace_multiply', 'nb_inplace_remainder', 'nb_inplace_power', 'nb_inplace_lshift', 'nb_inplace_rshift',
  'nb_inplace_and', 'nb_inplace_xor', 'nb_inplace_or', 'nb_inplace_floor_divide', 'nb_inplace_true_divide',
  'nb_inplace_matrix_multiply', 'sq_length', 'sq_concat', 'sq_repeat', 'sq_item', 'sq_ass_item', 'sq_contains',
  'sq_inplace_concat', 'sq_inplace_repeat', 'mp_length', 'mp_subscript', 'mp_ass_subscript',
] as const

/**
 * Creates a static builtin type: statically allocated, its metatype `type`. Call `PyType_Ready` once the core
 * types exist.
 */
export function PyType_NewStatic(rt: Runtime, name: string, spec: StaticTypeSpec): PyTypeObject {
  const t = new PyTypeObject(rt.types.type ?? null, rt, name)
  t.tp_basicsize = spec.basicsize
  t.tp_itemsize = spec.itemsize ?? 0
  t.tp_flags = spec.flags ?? 0
  t.tp_base = spec.base === undefined ? (rt.types.object ?? null) : spec.base
  t.tp_doc = spec.doc ?? null
  if (spec.slots) Object.assign(t, spec.slots)
  const dot = name.lastIndexOf('.')
  if (dot >= 0) {
    t.tp_module = name.slice(0, dot)
    t.tp_qualname = name.slice(dot + 1)
  } else t.tp_qualname = name
  if (rt.types.type) initTypeObjectMemory(rt, t)
  return t
}

/** Gives a static type its address and static refcount (types are static objects). */
export function initTypeObjectMemory(rt: Runtime, t: PyTypeObject): void {
  PyObject_InitStatic(rt, t, rt.sizeof.type)
  if (rt.profile.objects.staticObjects.builtinTypes) makeStatic(rt, t)
  else t.ob_refcnt = 1
}

/** The type's name as `__name__` shows it (the part after the last dot for builtins like `_io.TextIOWrapper`). */
export function typeShortName(t: PyTypeObject): string {
  return t.tp_qualname
}

function setDictStr(rt: Runtime, dict: PyDictObject, name: string, value: PyObject): void {
  const key = PyUnicode_InternFromString(rt, name)
  PyDict_SetItem(dict, key, value)
  Py_DECREF(key)
}

/** Builds descriptor objects for a type's method tables; installed by the descriptor module. */
export interface DescriptorFactory {
  method(rt: Runtime, type: PyTypeObject, def: PyTypeObject['tp_methods'][number]): PyObject
  getset(rt: Runtime, type: PyTypeObject, def: PyTypeObject['tp_getset'][number]): PyObject
  member(rt: Runtime, type: PyTypeObject, def: PyTypeObject['tp_members'][number]): PyObject
}

let descriptors: DescriptorFactory | null = null
export function _setDescriptorFactory(f: DescriptorFactory): void {
  descriptors = f
}

// ---------------------------------------------------------------------------------------------------------------
// Hooks the interpreter provides
// ---------------------------------------------------------------------------------------------------------------

/** What the type system needs from the interpreter (per runtime). NON-CPYTHON: CPython reads its thread state. */
export interface TypeSystemHooks {
  /** The globals of the calling Python frame (`__module__` of `type(name, bases, dict)`), or null. */
  callerGlobals(rt: Runtime): PyObject | null
  /** Zero-argument `super()`: `[__class__, first argument]` of the calling frame, or null (RuntimeError). */
  superNoArgs(rt: Runtime): [PyObject, PyObject] | null
}

const hooksByRuntime = new WeakMap<Runtime, TypeSystemHooks>()
const defaultHooks: TypeSystemHooks = { callerGlobals: () => null, superNoArgs: () => null }

/** Installs the interpreter's hooks for a runtime. */
export function setTypeSystemHooks(rt: Runtime, hooks: Partial<TypeSystemHooks>): void {
  hooksByRuntime.set(rt, { ...(hooksByRuntime.get(rt) ?? defaultHooks), ...hooks })
}

export function typeSystemHooks(rt: Runtime): TypeSystemHooks {
  return hooksByRuntime.get(rt) ?? defaultHooks
}

// ---------------------------------------------------------------------------------------------------------------
// PyType_Ready
// ---------------------------------------------------------------------------------------------------------------

/** `tp_new_wrapper`'s method definition: the `__new__` of a static type (a builtin method bound to the type). */
export const tp_new_wrapper_meth: PyMethodDef = {
  ml_name: '__new__',
  ml_flags: METH_VARARGS | METH_KEYWORDS,
  ml_meth: tp_new_wrapper,
  ml_doc: '__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature.',
}

/**
 * `T.__new__(S, *args)`: checks that S is a subtype of T whose nearest static base uses T's `tp_new`.
 * @cpython Objects/typeobject.c#tp_new_wrapper
 */
function tp_new_wrapper(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = self.ob_type.tp_runtime
  const type = self as PyTypeObject
  if (nargs < 1) throw PyErr_Format(rt, 'TypeError', `${type.tp_name}.__new__(): not enough arguments`)
  const arg0 = args[start]!
  if (!PyType_Check(arg0)) {
    throw PyErr_Format(rt, 'TypeError', `${type.tp_name}.__new__(X): X is not a type object (${arg0.ob_type.tp_name})`)
  }
  const subtype = arg0 as PyTypeObject
  if (!PyType_IsSubtype(subtype, type)) {
    throw PyErr_Format(rt, 'TypeError', `${type.tp_name}.__new__(${subtype.tp_name}): ${subtype.tp_name} is not a subtype of ${type.tp_name}`)
  }
  let staticbase: PyTypeObject | null = subtype
  while (staticbase !== null && staticbase.tp_new === slotTpNewRef.fn) staticbase = staticbase.tp_base
  if (staticbase !== null && staticbase.tp_new !== type.tp_new) {
    throw PyErr_Format(rt, 'TypeError', `${type.tp_name}.__new__(${subtype.tp_name}) is not safe, use ${staticbase.tp_name}.__new__()`)
  }
  const [t, d] = argsTupleAndDict(rt, args, start + 1, nargs - 1, kwnames)
  try {
    const obj = type.tp_new!(subtype, t, d)
    _PyObject_EnsureHeapInstance(obj)
    return obj
  } finally {
    Py_DECREF(t)
    if (d !== null) Py_DECREF(d)
  }
}

/** Set by types-init: `slot_tp_new` (compared by `tp_new_wrapper`). */
export const slotTpNewRef: { fn: unknown } = { fn: null }

/**
 * `PyType_Ready`: links the bases, computes the MRO, fills the type's dict (`__new__`, slot wrappers, methods,
 * members, getsets, `__doc__`), inherits slots from the MRO, makes a type that defines `__eq__` but no hash
 * unhashable, and registers the type with its bases.
 * @cpython Objects/typeobject.c#type_ready
 */
export function PyType_Ready(rt: Runtime, t: PyTypeObject): void {
  if ((t.tp_flags & Py_TPFLAGS_READY) !== 0) return
  const heap = (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0
  if (t.tp_dict === null) t.tp_dict = PyDict_New(rt)
  // type_ready_set_bases
  if (t.tp_base === null && t !== rt.types.object) t.tp_base = rt.types.object
  const base = t.tp_base
  if (base !== null) PyType_Ready(rt, base)
  if (t.tp_bases === null) {
    if (base !== null) {
      Py_INCREF(base)
      t.tp_bases = PyTuple_FromArraySteal(rt, [base])
    } else {
      Py_INCREF(rt.empty_tuple)
      t.tp_bases = rt.empty_tuple
    }
  }
  for (const b of (t.tp_bases as PyTupleObject).ob_item) PyType_Ready(rt, b as PyTypeObject)
  // type_ready_mro
  if (t.tp_mro === null) t.tp_mro = mro_invoke(rt, t)
  // type_ready_set_new
  if (!heap && t.tp_new === null && base === rt.types.object) t.tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION
  if ((t.tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) !== 0) t.tp_new = null
  else if (t.tp_new !== null) {
    if (!heap) addTpNewWrapper(rt, t)
  } else if (base !== null) t.tp_new = base.tp_new
  // type_ready_fill_dict
  const dict = t.tp_dict as PyDictObject
  add_operators(rt, t)
  if (descriptors !== null) {
    for (const def of t.tp_methods) {
      if (PyDict_GetItemStr(dict, def.ml_name) !== null) continue
      const d = descriptors.method(rt, t, def)
      setDictStr(rt, dict, def.ml_name, d)
      Py_DECREF(d)
    }
    for (const def of t.tp_members) {
      if (PyDict_GetItemStr(dict, def.name) !== null) continue
      const d = descriptors.member(rt, t, def)
      setDictStr(rt, dict, def.name, d)
      Py_DECREF(d)
    }
    for (const def of t.tp_getset) {
      if (PyDict_GetItemStr(dict, def.name) !== null) continue
      const d = descriptors.getset(rt, t, def)
      setDictStr(rt, dict, def.name, d)
      Py_DECREF(d)
    }
  }
  if (PyDict_GetItemStr(dict, '__doc__') === null) {
    const doc = t.tp_doc !== null && !heap ? newStr(rt, docWithoutSignature(t.tp_doc)) : newNone(rt)
    setDictStr(rt, dict, '__doc__', doc)
    Py_DECREF(doc)
  }
  // type_ready_inherit
  if (base !== null) inherit_special(t, base)
  const mro = (t.tp_mro as PyTupleObject).ob_item
  for (let i = 1; i < mro.length; i++) inherit_slots(t, mro[i] as PyTypeObject)
  // type_ready_set_hash
  if (t.tp_hash === null && PyDict_GetItemStr(dict, '__hash__') === null) setDictStr(rt, dict, '__hash__', rt.None)
  // type_ready_add_subclasses
  for (const b of (t.tp_bases as PyTupleObject).ob_item) {
    const bt = b as PyTypeObject
    if (!bt.tp_subclasses.includes(t)) bt.tp_subclasses.push(t)
  }
  add_subclass_weakrefs(rt, t)
  t.tp_flags |= Py_TPFLAGS_READY
}

/**
 * The weak references the bases' `tp_subclasses` dicts hold to each heap class (one per base, `add_subclass`).
 * NON-CPYTHON: kept here by subclass (the lists `tp_subclasses` are plain arrays in this model); not traversed, as in
 * CPython. A heap base's own `tp_subclasses` dict (`{address: weakref}`, made by its first subclass, freed with it) is
 * kept in `subclassDicts`; static bases already have theirs when a program starts.
 */
const subclassWeakrefs = new WeakMap<Runtime, Map<PyTypeObject, { base: PyTypeObject; ref: PyObject }[]>>()
const subclassDictsOf = new WeakMap<Runtime, Map<PyTypeObject, PyDictObject>>()

function subclassDicts(rt: Runtime): Map<PyTypeObject, PyDictObject> {
  let m = subclassDictsOf.get(rt)
  if (m === undefined) {
    const dicts = new Map<PyTypeObject, PyDictObject>()
    subclassDictsOf.set(rt, (m = dicts))
    // The classes hold these dicts.
    rt.auditRoots.push((visit) => {
      for (const d of dicts.values()) visit(d)
    })
  }
  return m
}

/** @cpython Objects/typeobject.c#add_subclass */
function add_subclass_weakrefs(rt: Runtime, t: PyTypeObject): void {
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0 || t.tp_bases === null) return
  let m = subclassWeakrefs.get(rt)
  if (m === undefined) {
    const refsMap = new Map<PyTypeObject, { base: PyTypeObject; ref: PyObject }[]>()
    subclassWeakrefs.set(rt, (m = refsMap))
    rt.auditRoots.push((visit) => {
      for (const refs of refsMap.values()) for (const r of refs) visit(r.ref)
    })
  }
  const refs = m.get(t) ?? []
  for (const b of (t.tp_bases as PyTupleObject).ob_item) {
    const base = b as PyTypeObject
    const ref = PyWeakref_NewRef(t, null)
    refs.push({ base, ref })
    if ((base.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0) {
      const dicts = subclassDicts(rt)
      let d = dicts.get(base)
      if (d === undefined) dicts.set(base, (d = PyDict_New(rt)))
      const key = PyLong_FromNumber(rt, t.ob_addr)
      PyDict_SetItem(d, key, ref)
      Py_DECREF(key)
    }
  }
  m.set(t, refs)
}

/** `remove_all_subclasses`: the bases drop their weak references to `t`. @cpython Objects/typeobject.c#remove_subclass */
function remove_subclass_weakrefs(rt: Runtime, t: PyTypeObject): void {
  const m = subclassWeakrefs.get(rt)
  const refs = m?.get(t)
  if (refs === undefined) return
  m!.delete(t)
  for (const r of refs) {
    const d = subclassDictsOf.get(rt)?.get(r.base)
    if (d !== undefined) {
      const key = PyLong_FromNumber(rt, t.ob_addr)
      PyDict_DelItemIfPresent(d, key)
      Py_DECREF(key)
    }
    Py_DECREF(r.ref)
  }
}

/** The part of a builtin docstring after its signature line. @cpython Objects/typeobject.c#_PyType_GetDocFromInternalDoc */
function docWithoutSignature(doc: string): string {
  const sep = doc.indexOf('\n--\n\n')
  return sep >= 0 ? doc.slice(sep + 5) : doc
}

function addTpNewWrapper(rt: Runtime, t: PyTypeObject): void {
  const dict = t.tp_dict as PyDictObject
  if (PyDict_GetItemStr(dict, '__new__') !== null) return
  const func = PyCFunction_NewEx(rt, tp_new_wrapper_meth, t, null)
  setDictStr(rt, dict, '__new__', func)
  Py_DECREF(func)
}

/** Flags and fields a subtype takes from its base (`inherit_special`). @cpython Objects/typeobject.c#inherit_special */
export function inherit_special(t: PyTypeObject, base: PyTypeObject): void {
  if ((t.tp_flags & Py_TPFLAGS_HAVE_GC) === 0 && (base.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0 && t.tp_traverse === null && t.tp_clear === null) {
    t.tp_flags |= Py_TPFLAGS_HAVE_GC
    t.tp_traverse = base.tp_traverse
    t.tp_clear = base.tp_clear
    if (t.tp_refs === null) t.tp_refs = base.tp_refs
  }
  if (t.tp_basicsize === 0) t.tp_basicsize = base.tp_basicsize
  const featureMask = (1 << 24) | (1 << 25) | (1 << 26) | (1 << 27) | (1 << 28) | (1 << 29) | (1 << 30) | Py_TPFLAGS_TYPE_SUBCLASS
  t.tp_flags |= base.tp_flags & featureMask
  t.tp_flags |= base.tp_flags & (Py_TPFLAGS_MANAGED_DICT | Py_TPFLAGS_MANAGED_WEAKREF)
  if (base.tp_hasdict) t.tp_hasdict = true
  if (base.tp_weaklist) t.tp_weaklist = true
}

/** Whether a type's own dict defines `__eq__` or `__hash__` (then neither is inherited). @cpython Objects/typeobject.c#overrides_hash */
function overrides_hash(t: PyTypeObject): boolean {
  const d = t.tp_dict as PyDictObject | null
  if (d === null) return false
  return PyDict_GetItemStr(d, '__eq__') !== null || PyDict_GetItemStr(d, '__hash__') !== null
}

/** @cpython Objects/typeobject.c#inherit_slots */
export function inherit_slots(t: PyTypeObject, base: PyTypeObject): void {
  const tt = t as unknown as Record<string, unknown>
  const bb = base as unknown as Record<string, unknown>
  for (const s of INHERITED_SLOTS) {
    if (tt[s] === null || tt[s] === undefined || tt[s] === defaultDealloc) tt[s] = bb[s] ?? null
  }
  // GC-related slots only between types that agree on GC.
  if ((t.tp_flags & Py_TPFLAGS_HAVE_GC) === (base.tp_flags & Py_TPFLAGS_HAVE_GC)) {
    if (t.tp_free === null) t.tp_free = base.tp_free
    if (t.tp_traverse === null) t.tp_traverse = base.tp_traverse
    if (t.tp_clear === null) t.tp_clear = base.tp_clear
    if (t.tp_refs === null) t.tp_refs = base.tp_refs
  } else if ((t.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0 && t.tp_free === null && base.tp_free !== null) {
    t.tp_free = PyObject_GC_Del
  }
  if (t.tp_richcompare === null && t.tp_hash === null && !overrides_hash(t)) {
    t.tp_richcompare = base.tp_richcompare
    t.tp_hash = base.tp_hash
  }
  if (base.tp_hasdict) t.tp_hasdict = true
  if (base.tp_weaklist) t.tp_weaklist = true
}

/** `mro_invoke`: a metaclass may override `mro()`. @cpython Objects/typeobject.c#mro_invoke */
function mro_invoke(rt: Runtime, t: PyTypeObject): PyTupleObject {
  const meta = t.ob_type
  if (meta !== rt.types.type && (meta.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0) {
    const m = _PyType_Lookup(meta, 'mro')
    const builtin = _PyType_Lookup(rt.types.type, 'mro')
    if (m !== null && m !== builtin) {
      const f = m.ob_type.tp_descr_get
      const bound = f !== null ? f(m, t, meta) : (Py_INCREF(m), m)
      let res: PyObject
      try {
        res = PyObject_Vectorcall(bound, [], 0, 0, null)
      } finally {
        Py_DECREF(bound)
      }
      try {
        const tup = PyObject_CallArgs(rt.types.tuple, [res])
        for (const x of (tup as PyTupleObject).ob_item) {
          if (!PyType_Check(x)) {
            Py_DECREF(tup)
            throw PyErr_Format(rt, 'TypeError', `mro() returned a non-class ('${trunc(x.ob_type.tp_name, 500)}')`)
          }
        }
        return tup as PyTupleObject
      } finally {
        Py_DECREF(res)
      }
    }
  }
  return mro_internal(rt, t)
}

/**
 * The C3 linearisation of the bases (a new tuple reference).
 * @cpython Objects/typeobject.c#mro_implementation
 */
export function mro_internal(rt: Runtime, t: PyTypeObject): PyTupleObject {
  const bases = t.tp_bases ? (t.tp_bases as PyTupleObject).ob_item.map((b) => b as PyTypeObject) : []
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) {
      if (bases[i] === bases[j]) throw PyErr_Format(rt, 'TypeError', `duplicate base class ${bases[i]!.tp_qualname}`)
    }
  }
  if (bases.length === 1) {
    // Fast path: the base's MRO with the type in front.
    const items = [t, ...mroList(bases[0]!)]
    for (const r of items) Py_INCREF(r)
    return PyTuple_FromArraySteal(rt, items)
  }
  const seqs: PyTypeObject[][] = bases.map((b) => mroList(b))
  seqs.push(bases.slice())
  const result: PyTypeObject[] = [t]
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0)
    if (nonEmpty.length === 0) break
    let cand: PyTypeObject | null = null
    for (const s of nonEmpty) {
      const head = s[0]!
      if (!nonEmpty.some((o) => o.indexOf(head) > 0)) {
        cand = head
        break
      }
    }
    if (cand === null) {
      // The bases that remain to be merged, in order.
      const remaining: PyTypeObject[] = []
      for (const s of nonEmpty) if (!remaining.includes(s[0]!)) remaining.push(s[0]!)
      const names = remaining.map((b) => b.tp_qualname).join(', ')
      throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.mroConflict, { bases: names }))
    }
    result.push(cand)
    for (const s of nonEmpty) if (s[0] === cand) s.shift()
  }
  for (const r of result) Py_INCREF(r)
  return PyTuple_FromArraySteal(rt, result)
}

function mroList(t: PyTypeObject): PyTypeObject[] {
  if (t.tp_mro === null) {
    const out: PyTypeObject[] = []
    for (let b: PyTypeObject | null = t; b !== null; b = b.tp_base) out.push(b)
    return out
  }
  return (t.tp_mro as PyTupleObject).ob_item.map((x) => x as PyTypeObject)
}

/**
 * `_PyType_Lookup`: the first definition of `name` along the MRO (a borrowed reference), or null.
 * @cpython Objects/typeobject.c#_PyType_Lookup
 */
export function _PyType_Lookup(t: PyTypeObject, name: string): PyObject | null {
  const mro = t.tp_mro as PyTupleObject | null
  if (mro !== null && (t.tp_flags & Py_TPFLAGS_READY) !== 0) {
    let cache = t.tp_lookup_cache
    const items = mro.ob_item
    if (cache !== null && cache.mro === mro) {
      const versions = cache.versions
      let valid = true
      for (let i = 0; i < items.length; i++) {
        const d = (items[i] as PyTypeObject).tp_dict as PyDictObject | null
        if ((d === null ? -1 : d.ma_version) !== versions[i]) {
          valid = false
          break
        }
      }
      if (valid) {
        const hit = cache.entries.get(name)
        if (hit !== undefined) return hit
      } else cache = null
    } else cache = null
    if (cache === null) {
      const versions: number[] = new Array(items.length)
      for (let i = 0; i < items.length; i++) {
        const d = (items[i] as PyTypeObject).tp_dict as PyDictObject | null
        versions[i] = d === null ? -1 : d.ma_version
      }
      cache = t.tp_lookup_cache = { mro, versions, entries: new Map() }
    }
    const res = findNameInMro(items, name)
    cache.entries.set(name, res)
    return res
  }
  if (mro === null) {
    for (let b: PyTypeObject | null = t; b !== null; b = b.tp_base) {
      const v = b.tp_dict ? PyDict_GetItemStr(b.tp_dict as PyDictObject, name) : null
      if (v !== null) return v
    }
    return null
  }
  const items = mro.ob_item
  for (let i = 0; i < items.length; i++) {
    const d = (items[i] as PyTypeObject).tp_dict as PyDictObject | null
    if (d === null) continue
    const v = PyDict_GetItemStr(d, name)
    if (v !== null) return v
  }
  return null
}

let nextVersionTag = 1

/**
 * `PyType_Modified`: a class attribute changed; caches keyed by the type's version (and its subclasses') are stale.
 * @cpython Objects/typeobject.c#PyType_Modified
 */
export function PyType_Modified(t: PyTypeObject): void {
  t.tp_version_tag = nextVersionTag++
  t.tp_lookup_cache = null
  for (const s of t.tp_subclasses) PyType_Modified(s as PyTypeObject)
}

function findNameInMro(items: PyObject[], name: string): PyObject | null {
  for (let i = 0; i < items.length; i++) {
    const d = (items[i] as PyTypeObject).tp_dict as PyDictObject | null
    if (d === null) continue
    const v = PyDict_GetItemStr(d, name)
    if (v !== null) return v
  }
  return null
}

/** Whether the type may be subclassed. */
export function isBaseType(t: PyTypeObject): boolean {
  return (t.tp_flags & Py_TPFLAGS_BASETYPE) !== 0
}

/** The text of a str object. */
export function pyStr(op: PyObject): string {
  return (op as PyUnicodeObject).value
}

// ---------------------------------------------------------------------------------------------------------------
// Type objects: GC, deallocation
// ---------------------------------------------------------------------------------------------------------------

/**
 * @cpython Objects/typeobject.c#type_traverse
 * Visits the dict, the bases and the MRO; heap types also own their base.
 */
export function type_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const t = self as PyTypeObject
  for (const v of [t.tp_dict, t.tp_mro, t.tp_bases]) {
    if (v !== null) {
      const r = visit(v, arg)
      if (r) return r
    }
  }
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0 && t.tp_base !== null) return visit(t.tp_base, arg)
  return 0
}

/**
 * `type_clear`: breaks a class's cycles by emptying its dict and dropping its MRO (only heap types are collected).
 * @cpython Objects/typeobject.c#type_clear
 */
export function type_clear(self: PyObject): number {
  const t = self as PyTypeObject
  PyType_Modified(t)
  releaseCachedKeys(t)
  if (t.tp_dict !== null) PyDict_Clear(t.tp_dict as PyDictObject)
  const mro = t.tp_mro
  if (mro !== null) {
    t.tp_mro = null
    Py_DECREF(mro)
  }
  return 0
}

function releaseCachedKeys(t: PyTypeObject): void {
  const k = t.ht_cached_keys
  if (k !== null) {
    t.ht_cached_keys = null
    k.dk_refcnt--
  }
}

/** @cpython Objects/typeobject.c#type_dealloc */
export function type_dealloc(self: PyObject): void {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0) rt.hooks.fatalError(rt, 'type_dealloc', `deallocating static type '${t.tp_name}'`)
  if (t._gc_next !== null) _PyObject_GC_UNTRACK(t)
  // type_dealloc_common: leave the bases' subclass lists, clear weakrefs.
  if (t.tp_bases !== null) {
    for (const b of (t.tp_bases as PyTupleObject).ob_item) {
      const subs = (b as PyTypeObject).tp_subclasses
      const i = subs.indexOf(t)
      if (i >= 0) subs.splice(i, 1)
    }
  }
  remove_subclass_weakrefs(rt, t)
  if (rt.weakrefs.has(t)) rt.clearWeakRefs(t)
  const base = t.tp_base
  const dict = t.tp_dict
  const bases = t.tp_bases
  const mro = t.tp_mro
  t.tp_base = null
  t.tp_dict = null
  t.tp_bases = null
  t.tp_mro = null
  Py_XDECREF(base)
  Py_XDECREF(dict)
  Py_XDECREF(bases)
  Py_XDECREF(mro)
  const subclasses = subclassDictsOf.get(rt)?.get(t)
  if (subclasses !== undefined) {
    subclassDictsOf.get(rt)!.delete(t)
    Py_DECREF(subclasses)
  }
  releaseCachedKeys(t)
  const free = t.ob_type.tp_free ?? PyObject_GC_Del
  free(t)
}

// ---------------------------------------------------------------------------------------------------------------
// Calling types; creating classes
// ---------------------------------------------------------------------------------------------------------------

function kwCount(kwnames: PyObject | null): number {
  return kwnames === null ? 0 : (kwnames as PyTupleObject).ob_item.length
}

/**
 * `type_call`: `type(x)`, or `tp_new` then (when the result is an instance of the type) `tp_init`.
 * @cpython Objects/typeobject.c#type_call
 */
export function type_call(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const type = callable as PyTypeObject
  const rt = type.tp_runtime
  if (type === rt.types.type) {
    if (nargs === 1 && kwCount(kwnames) === 0) {
      const t = args[start]!.ob_type
      Py_INCREF(t)
      return t
    }
    if (nargs !== 3) throw PyErr_Format(rt, 'TypeError', 'type() takes 1 or 3 arguments')
  }
  // Builtin types with their own vectorcall (list, dict, range … 3.9+) skip the argument tuple. CPython never
  // inherits tp_vectorcall: heap types and types that merely inherited it take the tp_new/tp_init path.
  const vc = type.tp_vectorcall
  if (vc !== null && (type.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0 && (type.tp_base === null || vc !== type.tp_base.tp_vectorcall)) {
    return vc(type, args, start, nargs, kwnames)
  }
  if (type.tp_new === null) throw PyErr_Format(rt, 'TypeError', `cannot create '${type.tp_name}' instances`)
  const t = argsTuple(rt, args, start, nargs)
  const d = argsDict(rt, args, start, nargs, kwnames)
  try {
    const obj = type.tp_new(type, t, d)
    _PyObject_EnsureHeapInstance(obj)
    if (!PyObject_TypeCheck(obj, type)) return obj
    const init = obj.ob_type.tp_init
    if (init !== null) {
      try {
        init(obj, t, d)
      } catch (e) {
        Py_DECREF(obj)
        throw e
      }
    }
    return obj
  } finally {
    Py_DECREF(t)
    if (d !== null) Py_DECREF(d)
  }
}

/** @cpython Objects/typeobject.c#type_init */
function type_init(_cls: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = _cls.ob_type.tp_runtime
  const n = (args as PyTupleObject).ob_item.length
  if (kwds !== null && n === 1 && (kwds as PyDictObject).ma_used !== 0) {
    throw PyErr_Format(rt, 'TypeError', 'type.__init__() takes no keyword arguments')
  }
  if (n !== 1 && n !== 3) throw PyErr_Format(rt, 'TypeError', 'type.__init__() takes 1 or 3 arguments')
}

/** `_PyType_CalculateMetaclass`: the most derived metaclass. @cpython Objects/typeobject.c#_PyType_CalculateMetaclass */
export function _PyType_CalculateMetaclass(rt: Runtime, metatype: PyTypeObject, bases: readonly PyObject[]): PyTypeObject {
  let winner = metatype
  for (const b of bases) {
    const tmptype = b.ob_type
    if (PyType_IsSubtype(winner, tmptype)) continue
    if (PyType_IsSubtype(tmptype, winner)) {
      winner = tmptype
      continue
    }
    throw PyErr_Format(
      rt,
      'TypeError',
      'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases',
    )
  }
  return winner
}

/** Whether a heap type added real `__slots__` (beyond `__dict__`/`__weakref__`). */
function addsRealSlots(t: PyTypeObject): boolean {
  return t.ht_slots !== null && t.ht_slots.some((s) => s !== '__dict__' && s !== '__weakref__')
}

/** `solid_base`: the nearest base that fixes the instance layout. @cpython Objects/typeobject.c#solid_base */
function solid_base(rt: Runtime, t: PyTypeObject): PyTypeObject {
  const base = t.tp_base !== null ? solid_base(rt, t.tp_base) : rt.types.object
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0) return addsRealSlots(t) ? t : base
  return t.tp_basicsize !== base.tp_basicsize || t.tp_itemsize !== base.tp_itemsize ? t : base
}

/** `best_base`: the base whose layout the new class extends. @cpython Objects/typeobject.c#best_base */
function best_base(rt: Runtime, bases: readonly PyObject[]): PyTypeObject {
  let base: PyTypeObject | null = null
  let winner: PyTypeObject | null = null
  for (const b of bases) {
    if (!PyType_Check(b)) throw PyErr_Format(rt, 'TypeError', 'bases must be types')
    const bt = b as PyTypeObject
    PyType_Ready(rt, bt)
    if ((bt.tp_flags & Py_TPFLAGS_BASETYPE) === 0) {
      throw PyErr_Format(rt, 'TypeError', `type '${trunc(bt.tp_name, 100)}' is not an acceptable base type`)
    }
    const candidate = solid_base(rt, bt)
    if (winner === null) {
      winner = candidate
      base = bt
    } else if (PyType_IsSubtype(winner, candidate)) {
      // keep
    } else if (PyType_IsSubtype(candidate, winner)) {
      winner = candidate
      base = bt
    } else throw PyErr_Format(rt, 'TypeError', 'multiple bases have instance lay-out conflict')
  }
  return base!
}

/** `_Py_Mangle`: `__x` in class `C` becomes `_C__x`. @cpython Python/compile.c#_Py_Mangle */
export function _Py_Mangle(privateobj: string, name: string): string {
  if (!name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name
  const stripped = privateobj.replace(/^_+/, '')
  if (stripped.length === 0) return name
  return `_${stripped}${name}`
}

const IDENT = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*$/u

interface SlotsInfo {
  /** Mangled, sorted member names (without `__dict__`/`__weakref__`). */
  names: string[]
  /** The `__slots__` items as given. */
  given: string[]
  addDict: boolean
  addWeak: boolean
}

/** `type_new_slots`: validates `__slots__` and decides whether a dict and a weakref list are added. */
function type_new_slots(rt: Runtime, name: string, base: PyTypeObject, dict: PyDictObject): SlotsInfo {
  const mayAddDict = !base.tp_hasdict
  const mayAddWeak = !base.tp_weaklist && base.tp_itemsize === 0
  const slots = PyDict_GetItemStr(dict, '__slots__')
  if (slots === null) return { names: [], given: [], addDict: mayAddDict, addWeak: mayAddWeak }
  let items: PyObject[]
  if (PyUnicode_Check(slots)) {
    Py_INCREF(slots)
    items = [slots]
  } else items = sequenceItems(slots)
  const given: string[] = []
  try {
    for (const it of items) {
      if (!PyUnicode_Check(it)) throw PyErr_Format(rt, 'TypeError', `__slots__ items must be strings, not '${trunc(it.ob_type.tp_name, 200)}'`)
      const s = strValue(it)
      if (!IDENT.test(s)) throw PyErr_Format(rt, 'TypeError', '__slots__ must be identifiers')
      given.push(s)
    }
  } finally {
    for (const it of items) Py_DECREF(it)
  }
  let addDict = false
  let addWeak = false
  const names: string[] = []
  for (const s of given) {
    if (s === '__dict__') {
      if (!mayAddDict || addDict) throw PyErr_Format(rt, 'TypeError', '__dict__ slot disallowed: we already got one')
      addDict = true
      continue
    }
    if (s === '__weakref__') {
      if (!mayAddWeak || addWeak) {
        throw PyErr_Format(rt, 'TypeError', '__weakref__ slot disallowed: either we already got one, or the base type has none')
      }
      addWeak = true
      continue
    }
    const mangled = _Py_Mangle(name, s)
    if (mangled !== '__qualname__' && mangled !== '__classcell__' && PyDict_GetItemStr(dict, mangled) !== null) {
      throw PyErr_Format(rt, 'ValueError', `'${mangled}' in __slots__ conflicts with class variable`)
    }
    names.push(mangled)
  }
  if (names.length > 0 && base.tp_itemsize !== 0) {
    throw PyErr_Format(rt, 'TypeError', `nonempty __slots__ not supported for subtype of '${trunc(base.tp_name, 200)}'`)
  }
  names.sort()
  return { names, given, addDict, addWeak }
}

/** The items of an iterable, as new references (tuples and lists directly, other iterables by iteration). */
function sequenceItems(o: PyObject): PyObject[] {
  const direct = (o as unknown as { ob_item?: PyObject[] }).ob_item
  if (Array.isArray(direct)) {
    for (const v of direct) Py_INCREF(v)
    return direct.slice()
  }
  const it = PyObject_GetIter(o)
  const out: PyObject[] = []
  try {
    for (;;) {
      const v = it.ob_type.tp_iternext!(it)
      if (v === null) break
      out.push(v)
    }
  } catch (e) {
    for (const v of out) Py_DECREF(v)
    throw e
  } finally {
    Py_DECREF(it)
  }
  return out
}

/** Number of `__slots__` storage cells the heap bases of `t` already use. */
function baseSlotCount(t: PyTypeObject): number {
  let n = 0
  for (let b: PyTypeObject | null = t; b !== null; b = b.tp_base) {
    if ((b.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0) break
    for (const m of b.tp_members) if (m.index + 1 > n) n = m.index + 1
  }
  return n
}

const subtype_getset_dict: PyGetSetDef = {
  name: '__dict__',
  get: (self) => PyObject_GenericGetDict(self),
  set: (self, value) => PyObject_GenericSetDict(self, value),
  doc: 'dictionary for instance variables (if defined)',
}

const subtype_getset_weakref: PyGetSetDef = {
  name: '__weakref__',
  get: (self) => {
    const rt = self.ob_type.tp_runtime
    const head = rt.weakrefs.get(self) ?? rt.None
    Py_INCREF(head)
    return head
  },
  set: null,
  doc: 'list of weak references to the object (if defined)',
}

/** Wraps a plain function found under `name` in the class dict (staticmethod / classmethod). */
function wrapSpecial(rt: Runtime, dict: PyDictObject, name: string, wrapper: PyTypeObject | undefined): void {
  const func = PyDict_GetItemStr(dict, name)
  if (func === null || wrapper === undefined || func.ob_type !== rt.types.function) return
  const w = PyObject_CallArgs(wrapper, [func])
  setDictStr(rt, dict, name, w)
  Py_DECREF(w)
}

/**
 * `type_new`: a heap type from `(name, bases, dict)`: the metaclass, the best base and the MRO, `__slots__`, the
 * instance layout of the profile (inline dict and weakref pointers ≤3.10, managed dict 3.11, managed dict and weakref
 * 3.12+, inline values 3.13+), the descriptors for `__dict__`/`__weakref__`, `PyType_Ready`, the slot dispatchers, the
 * shared keys, `__set_name__` and `__init_subclass__`.
 * @cpython Objects/typeobject.c#type_new_impl
 */
export function type_new(metatypeIn: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = metatypeIn.tp_runtime
  const items = (args as PyTupleObject).ob_item
  if (items.length !== 3) {
    throw PyErr_Format(rt, 'TypeError', `type.__new__() takes exactly 3 arguments (${items.length} given)`)
  }
  const [nameObj, basesObj, origDict] = items as [PyObject, PyObject, PyObject]
  if (!PyUnicode_Check(nameObj)) throw PyErr_Format(rt, 'TypeError', `type.__new__() argument 1 must be str, not ${trunc(nameObj.ob_type.tp_name, 50)}`)
  if (!PyObject_TypeCheck(basesObj, rt.types.tuple)) {
    throw PyErr_Format(rt, 'TypeError', `type.__new__() argument 2 must be tuple, not ${trunc(basesObj.ob_type.tp_name, 50)}`)
  }
  if (!PyObject_TypeCheck(origDict, rt.types.dict)) {
    throw PyErr_Format(rt, 'TypeError', `type.__new__() argument 3 must be dict, not ${trunc(origDict.ob_type.tp_name, 50)}`)
  }
  const baseItems = (basesObj as PyTupleObject).ob_item
  let metatype = metatypeIn
  const winner = _PyType_CalculateMetaclass(rt, metatype, baseItems)
  if (winner !== metatype) {
    if (winner.tp_new !== type_new) return winner.tp_new!(winner, args, kwds)
    metatype = winner
  }
  const name = strValue(nameObj)
  if (name.includes('\0')) throw PyErr_Format(rt, 'ValueError', 'type name must not contain null characters')
  // type_new_get_bases
  let bases: PyTupleObject
  let base: PyTypeObject
  if (baseItems.length === 0) {
    base = rt.types.object
    bases = PyTuple_Pack(rt, [base])
  } else {
    for (const b of baseItems) {
      if (!PyType_Check(b) && _PyObject_LookupAttrStr(b, '__mro_entries__') !== null) {
        throw PyErr_Format(rt, 'TypeError', "type() doesn't support MRO entry resolution; use types.new_class()")
      }
    }
    base = best_base(rt, baseItems)
    Py_INCREF(basesObj)
    bases = basesObj as PyTupleObject
  }
  let dict: PyDictObject | null = null
  let type: PyTypeObject | null = null
  try {
    // type_new_init: the namespace is copied first.
    dict = copyDict(rt, origDict as PyDictObject)
    const slots = type_new_slots(rt, name, base, dict)
    // type_new_alloc
    type = PyType_GenericAllocObject(metatype, new PyTypeObject(metatype, rt, name), slots.names.length)
    type.tp_flags = Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC
    type.tp_bases = bases
    Py_INCREF(base)
    type.tp_base = base
    type.tp_dealloc = subtype_dealloc
    type.tp_alloc = PyType_GenericAlloc
    type.tp_free = PyObject_GC_Del
    type.tp_traverse = subtype_traverse
    type.tp_clear = subtype_clear
    type.tp_refs = subtype_refs
    type.tp_dict = dict
    dict = null
    const tdict = type.tp_dict as PyDictObject
    // type_new_set_module
    if (PyDict_GetItemStr(tdict, '__module__') === null) {
      const globals = typeSystemHooks(rt).callerGlobals(rt)
      const mod = globals !== null && globals.ob_type === rt.types.dict ? PyDict_GetItemStr(globals as PyDictObject, '__name__') : null
      if (mod !== null) setDictStr(rt, tdict, '__module__', mod)
    }
    // type_new_set_ht_name
    const qualname = PyDict_GetItemStr(tdict, '__qualname__')
    if (qualname !== null) {
      if (!PyUnicode_Check(qualname)) {
        throw PyErr_Format(rt, 'TypeError', `type __qualname__ must be a str, not ${trunc(qualname.ob_type.tp_name, 200)}`)
      }
      type.tp_qualname = strValue(qualname)
      const key = PyUnicode_InternFromString(rt, '__qualname__')
      PyDict_DelItemIfPresent(tdict, key)
      Py_DECREF(key)
    } else type.tp_qualname = name
    // type_new_set_doc
    const doc = PyDict_GetItemStr(tdict, '__doc__')
    if (doc !== null && PyUnicode_Check(doc)) type.tp_doc = strValue(doc)
    wrapSpecial(rt, tdict, '__new__', rt.types.staticmethod)
    if (rt.profile.objects.initSubclass) wrapSpecial(rt, tdict, '__init_subclass__', rt.types.classmethod)
    wrapSpecial(rt, tdict, '__class_getitem__', rt.types.classmethod)
    type_new_descriptors(rt, type, base, slots)
    if (rt.profile.objects.heapTypeGC === 'when-adding-fields' && (base.tp_flags & Py_TPFLAGS_HAVE_GC) === 0 && type.tp_basicsize <= base.tp_basicsize) {
      // 2.7: no new instance fields and a non-GC base, so instances cannot be part of a cycle.
      type.tp_flags &= ~Py_TPFLAGS_HAVE_GC
      type.tp_free = PyObject_Free
      type.tp_traverse = null
      type.tp_clear = null
    }
    // type_new_set_classcell
    const cell = PyDict_GetItemStr(tdict, '__classcell__')
    if (cell !== null) {
      if (cell.ob_type !== rt.types.cell) {
        throw PyErr_Format(rt, 'TypeError', `__classcell__ must be a nonlocal cell, not ${reprText(cell.ob_type)}`)
      }
      Py_INCREF(type)
      PyCell_SetSteal(cell as PyCellObject, type)
      const key = PyUnicode_InternFromString(rt, '__classcell__')
      PyDict_DelItemIfPresent(tdict, key)
      Py_DECREF(key)
    }
    PyType_Ready(rt, type)
    fixup_slot_dispatchers(rt, type)
    if (type.tp_dictfield === 'ob_dict') type.ht_cached_keys = _PyDict_NewKeysForClass(rt)
    if (rt.profile.objects.initSubclass) {
      type_new_set_names(rt, type)
      type_new_init_subclass(rt, type, kwds)
    }
    return type
  } catch (e) {
    if (dict !== null) Py_DECREF(dict)
    if (type !== null) Py_DECREF(type)
    else Py_DECREF(bases)
    throw e
  }
}

function copyDict(rt: Runtime, d: PyDictObject): PyDictObject {
  const c = PyDict_New(rt)
  for (let i = 0; i < d.ma_keys.length; i++) {
    const k = d.ma_keys[i]
    if (k !== undefined) PyDict_SetItem(c, k, d.ma_values[i]!)
  }
  return c
}

/**
 * `type_new_descriptors`: slot members, where `__dict__` and the weakref list live in this profile, the basic size,
 * and the `__dict__`/`__weakref__` getsets.
 * @cpython Objects/typeobject.c#type_new_descriptors
 */
function type_new_descriptors(rt: Runtime, type: PyTypeObject, base: PyTypeObject, slots: SlotsInfo): void {
  const layout = rt.profile.objects.instanceLayout
  const ptr = rt.profile.pointerSize
  let size = base.tp_basicsize
  const first = baseSlotCount(base)
  const members: PyMemberDef[] = slots.names.map((n, i) => ({ name: n, index: first + i, readonly: false }))
  size += members.length * ptr
  type.tp_members = members
  type.ht_slots = PyDictHasSlots(type) ? slots.given : null
  if (slots.addDict) {
    type.tp_hasdict = true
    type.tp_dictfield = 'ob_dict'
    const managed = layout === 'managed-dict-and-weakref' || (layout === 'managed-dict' && base.tp_itemsize === 0)
    if (managed) type.tp_flags |= Py_TPFLAGS_MANAGED_DICT
    else size += ptr
  }
  if (slots.addWeak) {
    type.tp_weaklist = true
    if (layout === 'managed-dict-and-weakref') type.tp_flags |= Py_TPFLAGS_MANAGED_WEAKREF
    else size += ptr
  }
  type.tp_basicsize = size
  type.tp_itemsize = base.tp_itemsize
  const managedDict = (type.tp_flags & Py_TPFLAGS_MANAGED_DICT) !== 0 || (base.tp_flags & Py_TPFLAGS_MANAGED_DICT) !== 0
  if (
    rt.profile.objects.instanceDict === 'inline-values' &&
    managedDict &&
    type.tp_itemsize === 0 &&
    size === rt.types.object.tp_basicsize &&
    (slots.addDict || (base.tp_flags & Py_TPFLAGS_INLINE_VALUES) !== 0)
  ) {
    type.tp_flags |= Py_TPFLAGS_INLINE_VALUES
  }
  const getsets: PyGetSetDef[] = []
  if (slots.addDict) getsets.push(subtype_getset_dict)
  if (slots.addWeak) getsets.push(subtype_getset_weakref)
  type.tp_getset = getsets
}

function PyDictHasSlots(type: PyTypeObject): boolean {
  return type.tp_dict !== null && PyDict_GetItemStr(type.tp_dict as PyDictObject, '__slots__') !== null
}

/**
 * `type_new_set_names`: calls `__set_name__(cls, name)` on every class attribute that defines it (over a copy of the
 * dict). ≤3.11 wraps an error in RuntimeError; 3.12+ let it propagate.
 * @cpython Objects/typeobject.c#type_new_set_names
 */
function type_new_set_names(rt: Runtime, type: PyTypeObject): void {
  const names = copyDict(rt, type.tp_dict as PyDictObject)
  try {
    for (let i = 0; i < names.ma_keys.length; i++) {
      const key = names.ma_keys[i]
      if (key === undefined) continue
      const value = names.ma_values[i]!
      const setName = _PyObject_LookupSpecial(value, '__set_name__')
      if (setName === null) continue
      let res: PyObject
      try {
        res = PyObject_Vectorcall(setName, [type, key], 0, 2, null)
      } catch (e) {
        const tmpl = rt.profile.messages.setNameError
        if (tmpl !== null && e instanceof PyErr) {
          const err = PyErr_Format(rt, 'RuntimeError', fmt(tmpl, { type: trunc(value.ob_type.tp_name, 100), name: reprText(key), cls: trunc(type.tp_name, 100) }))
          const exc = err.exc as PyBaseExceptionObject
          exc.cause = e.exc
          Py_INCREF(e.exc)
          exc.context = e.exc
          exc.suppress_context = true
          throw err
        }
        throw e
      } finally {
        Py_DECREF(setName)
      }
      Py_DECREF(res)
    }
  } finally {
    Py_DECREF(names)
  }
}

/** `super(type, type).__init_subclass__(**kwds)`. @cpython Objects/typeobject.c#type_new_init_subclass */
function type_new_init_subclass(rt: Runtime, type: PyTypeObject, kwds: PyObject | null): void {
  const sup = PyObject_Vectorcall(rt.types.super, [type, type], 0, 2, null)
  let func: PyObject
  try {
    const n = PyUnicode_InternFromString(rt, '__init_subclass__')
    try {
      func = sup.ob_type.tp_getattro!(sup, n)
    } finally {
      Py_DECREF(n)
    }
  } finally {
    Py_DECREF(sup)
  }
  try {
    Py_DECREF(callWithTupleDict(rt, func, null, rt.empty_tuple, kwds))
  } finally {
    Py_DECREF(func)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Attribute access on types
// ---------------------------------------------------------------------------------------------------------------

/**
 * `type_getattro`: a data descriptor of the metatype, else the attribute found along the type's MRO (a descriptor
 * is bound with no instance), else a metatype attribute.
 * @cpython Objects/typeobject.c#type_getattro
 */
export function type_getattro(self: PyObject, name: PyObject): PyObject {
  const type = self as PyTypeObject
  const rt = type.tp_runtime
  if (!PyUnicode_Check(name)) {
    throw PyErr_Format(rt, 'TypeError', `attribute name must be string, not '${trunc(name.ob_type.tp_name, 200)}'`)
  }
  const n = strValue(name)
  const metatype = type.ob_type
  const metaAttribute = _PyType_Lookup(metatype, n)
  let metaGet = null
  if (metaAttribute !== null) {
    Py_INCREF(metaAttribute)
    metaGet = metaAttribute.ob_type.tp_descr_get
    if (metaGet !== null && metaAttribute.ob_type.tp_descr_set !== null) {
      try {
        return metaGet(metaAttribute, type, metatype)
      } finally {
        Py_DECREF(metaAttribute)
      }
    }
  }
  const attribute = _PyType_Lookup(type, n)
  if (attribute !== null) {
    Py_INCREF(attribute)
    const localGet = attribute.ob_type.tp_descr_get
    if (metaAttribute !== null) Py_DECREF(metaAttribute)
    if (localGet !== null) {
      try {
        return localGet(attribute, null, type)
      } finally {
        Py_DECREF(attribute)
      }
    }
    return attribute
  }
  if (metaGet !== null) {
    try {
      return metaGet(metaAttribute!, type, metatype)
    } finally {
      Py_DECREF(metaAttribute!)
    }
  }
  if (metaAttribute !== null) return metaAttribute
  const err = PyErr_Format(rt, 'AttributeError', `type object '${trunc(type.tp_name, 50)}' has no attribute '${n}'`)
  setAttributeErrorContext(rt, err, type, name)
  throw err
}

/**
 * `type_setattro`: only classes (heap types) accept attribute stores; a dunder name updates the slots.
 * @cpython Objects/typeobject.c#type_setattro
 */
export function type_setattro(self: PyObject, name: PyObject, value: PyObject | null): void {
  const type = self as PyTypeObject
  const rt = type.tp_runtime
  if ((type.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0 || (type.tp_flags & Py_TPFLAGS_IMMUTABLETYPE) !== 0) {
    const n = PyUnicode_Check(name) ? strValue(name) : '?'
    throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.immutableTypeSetattr, { name: n, type: type.tp_name }))
  }
  if (!PyUnicode_Check(name)) {
    throw PyErr_Format(rt, 'TypeError', `attribute name must be string, not '${trunc(name.ob_type.tp_name, 200)}'`)
  }
  const interned = PyUnicode_InternFromString(rt, strValue(name))
  try {
    _PyObject_GenericSetAttrWithDict(type, interned, value, null)
  } finally {
    Py_DECREF(interned)
  }
  PyType_Modified(type)
  const n = strValue(name)
  if (isSlotName(n)) update_slot(rt, type, n)
}

/** `<class 'module.Qualname'>`, or `<class 'int'>` for builtins. @cpython Objects/typeobject.c#type_repr */
export function type_repr(self: PyObject): PyObject {
  const type = self as PyTypeObject
  const rt = type.tp_runtime
  const mod = typeModuleName(type)
  if (mod !== null && mod !== 'builtins') return newStr(rt, `<class '${mod}.${typeQualname(type)}'>`)
  return newStr(rt, `<class '${type.tp_name}'>`)
}

// ---------------------------------------------------------------------------------------------------------------
// type's getsets and methods
// ---------------------------------------------------------------------------------------------------------------

function checkSetSpecialTypeAttr(rt: Runtime, type: PyTypeObject, value: PyObject | null, name: string): void {
  if ((type.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0) {
    throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.immutableTypeSetattr, { name, type: type.tp_name }))
  }
  if (value === null) {
    throw PyErr_Format(rt, 'TypeError', `cannot delete '${name}' attribute of immutable type '${type.tp_name}'`)
  }
}

function type_get_name(self: PyObject): PyObject {
  const t = self as PyTypeObject
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0) return PyUnicode_InternFromString(t.tp_runtime, t.tp_name)
  return newStr(t.tp_runtime, t.tp_qualname)
}

function type_set_name(self: PyObject, value: PyObject | null): void {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  checkSetSpecialTypeAttr(rt, t, value, '__name__')
  if (!PyUnicode_Check(value!)) {
    throw PyErr_Format(rt, 'TypeError', `can only assign string to ${t.tp_name}.__name__, not '${trunc(value!.ob_type.tp_name, 200)}'`)
  }
  const s = strValue(value!)
  if (s.includes('\0')) throw PyErr_Format(rt, 'ValueError', 'type name must not contain null characters')
  t.tp_name = s
}

function type_get_qualname(self: PyObject): PyObject {
  const t = self as PyTypeObject
  return newStr(t.tp_runtime, t.tp_qualname)
}

function type_set_qualname(self: PyObject, value: PyObject | null): void {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  checkSetSpecialTypeAttr(rt, t, value, '__qualname__')
  if (!PyUnicode_Check(value!)) {
    throw PyErr_Format(rt, 'TypeError', `can only assign string to ${t.tp_name}.__qualname__, not '${trunc(value!.ob_type.tp_name, 200)}'`)
  }
  t.tp_qualname = strValue(value!)
}

function type_get_module(self: PyObject): PyObject {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0) {
    const m = PyDict_GetItemStr(t.tp_dict as PyDictObject, '__module__')
    if (m === null) throw PyErr_Format(rt, 'AttributeError', '__module__')
    Py_INCREF(m)
    return m
  }
  return PyUnicode_InternFromString(rt, typeModuleName(t) ?? 'builtins')
}

function type_set_module(self: PyObject, value: PyObject | null): void {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  checkSetSpecialTypeAttr(rt, t, value, '__module__')
  PyType_Modified(t)
  setDictStr(rt, t.tp_dict as PyDictObject, '__module__', value!)
}

function type_get_doc(self: PyObject): PyObject {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0 && t.tp_doc !== null) return newStr(rt, docWithoutSignature(t.tp_doc))
  const r = PyDict_GetItemStr(t.tp_dict as PyDictObject, '__doc__')
  if (r === null) return newNone(rt)
  const f = r.ob_type.tp_descr_get
  if (f !== null) return f(r, null, t)
  Py_INCREF(r)
  return r
}

function type_set_doc(self: PyObject, value: PyObject | null): void {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  checkSetSpecialTypeAttr(rt, t, value, '__doc__')
  PyType_Modified(t)
  setDictStr(rt, t.tp_dict as PyDictObject, '__doc__', value!)
}

function objOrNone(rt: Runtime, v: PyObject | null): PyObject {
  const r = v ?? rt.None
  Py_INCREF(r)
  return r
}

function type_get_abstractmethods(self: PyObject): PyObject {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  const v = t !== rt.types.type ? PyDict_GetItemStr(t.tp_dict as PyDictObject, '__abstractmethods__') : null
  if (v === null) throw PyErr_Format(rt, 'AttributeError', '__abstractmethods__')
  Py_INCREF(v)
  return v
}

function type_set_abstractmethods(self: PyObject, value: PyObject | null): void {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  let abstract = false
  const key = PyUnicode_InternFromString(rt, '__abstractmethods__')
  try {
    if (value !== null) {
      abstract = PyObject_IsTrue(value)
      PyDict_SetItem(t.tp_dict as PyDictObject, key, value)
    } else if (!PyDict_DelItemIfPresent(t.tp_dict as PyDictObject, key)) {
      throw PyErr_Format(rt, 'AttributeError', '__abstractmethods__')
    }
  } finally {
    Py_DECREF(key)
  }
  PyType_Modified(t)
  if (abstract) t.tp_flags |= Py_TPFLAGS_IS_ABSTRACT
  else t.tp_flags &= ~Py_TPFLAGS_IS_ABSTRACT
}

/** `__bases__ = …`: new bases with a compatible layout; the MRO is recomputed. @cpython Objects/typeobject.c#type_set_bases */
function type_set_bases(self: PyObject, value: PyObject | null): void {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  checkSetSpecialTypeAttr(rt, t, value, '__bases__')
  if (value!.ob_type !== rt.types.tuple) {
    throw PyErr_Format(rt, 'TypeError', `can only assign tuple to ${t.tp_name}.__bases__, not ${trunc(value!.ob_type.tp_name, 200)}`)
  }
  const items = (value as PyTupleObject).ob_item
  if (items.length === 0) throw PyErr_Format(rt, 'TypeError', `can only assign non-empty tuple to ${t.tp_name}.__bases__, not ()`)
  for (const b of items) {
    if (!PyType_Check(b)) {
      throw PyErr_Format(rt, 'TypeError', `${t.tp_name}.__bases__ must be tuple of classes, not '${trunc(b.ob_type.tp_name, 200)}'`)
    }
    if (PyType_IsSubtype(b as PyTypeObject, t)) throw PyErr_Format(rt, 'TypeError', 'a __bases__ item causes an inheritance cycle')
  }
  const newBase = best_base(rt, items)
  if (solid_base(rt, newBase) !== solid_base(rt, t.tp_base!)) {
    throw PyErr_Format(rt, 'TypeError', `__bases__ assignment: '${newBase.tp_name}' object layout differs from '${t.tp_base!.tp_name}'`)
  }
  const oldBases = t.tp_bases!
  const oldBase = t.tp_base!
  const oldMro = t.tp_mro
  for (const b of (oldBases as PyTupleObject).ob_item) {
    const subs = (b as PyTypeObject).tp_subclasses
    const i = subs.indexOf(t)
    if (i >= 0) subs.splice(i, 1)
  }
  Py_INCREF(value!)
  Py_INCREF(newBase)
  t.tp_bases = value
  t.tp_base = newBase
  try {
    t.tp_mro = mro_invoke(rt, t)
  } catch (e) {
    Py_DECREF(value!)
    Py_DECREF(newBase)
    t.tp_bases = oldBases
    t.tp_base = oldBase
    for (const b of (oldBases as PyTupleObject).ob_item) (b as PyTypeObject).tp_subclasses.push(t)
    throw e
  }
  for (const b of items) (b as PyTypeObject).tp_subclasses.push(t)
  // remove_all_subclasses(old bases), then add_all_subclasses(new bases).
  remove_subclass_weakrefs(rt, t)
  add_subclass_weakrefs(rt, t)
  Py_XDECREF(oldMro)
  Py_DECREF(oldBases)
  Py_DECREF(oldBase)
  PyType_Modified(t)
  fixup_slot_dispatchers(rt, t)
}

function type_mro(self: PyObject): PyObject {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  const tup = mro_internal(rt, t)
  try {
    return PyObject_CallArgs(rt.types.list, [tup])
  } finally {
    Py_DECREF(tup)
  }
}

function type___subclasses__(self: PyObject): PyObject {
  const t = self as PyTypeObject
  const rt = t.tp_runtime
  const subs = t.tp_subclasses.slice()
  for (const s of subs) Py_INCREF(s)
  const tup = PyTuple_FromArraySteal(rt, subs)
  try {
    return PyObject_CallArgs(rt.types.list, [tup])
  } finally {
    Py_DECREF(tup)
  }
}

function type___dir__(self: PyObject): PyObject {
  const rt = self.ob_type.tp_runtime
  const d = PyDict_New(rt)
  try {
    merge_class_dict(rt, d, self)
    return dictKeysList(rt, d)
  } finally {
    Py_DECREF(d)
  }
}

/** `type.__sizeof__`: a class adds its shared-keys table; a static type is a `PyTypeObject`. @cpython Objects/typeobject.c#type___sizeof___impl */
export function type_sizeof(t: PyTypeObject): number {
  const s = t.tp_runtime.sizeof
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0) return s.staticType
  const keys = t.ht_cached_keys !== null ? Math.max(0, s.type - t.tp_runtime.profile.gc.gcHeadSize - s.heapType) : 0
  return s.heapType + keys
}

function intGetter(f: (t: PyTypeObject) => number): (self: PyObject) => PyObject {
  return (self) => PyLong_FromNumber(self.ob_type.tp_runtime, f(self as PyTypeObject))
}

function meth(name: string, flags: number, fn: PyMethodDef['ml_meth'], doc?: string): PyMethodDef {
  return doc === undefined ? { ml_name: name, ml_flags: flags, ml_meth: fn } : { ml_name: name, ml_flags: flags, ml_meth: fn, ml_doc: doc }
}

// ---------------------------------------------------------------------------------------------------------------
// isinstance / issubclass
// ---------------------------------------------------------------------------------------------------------------

/** `abstract_get_bases`: `cls.__bases__` when it is a tuple, else null. */
function abstract_get_bases(cls: PyObject): PyTupleObject | null {
  const b = _PyObject_LookupAttrStr(cls, '__bases__')
  if (b === null) return null
  if (b.ob_type !== b.ob_type.tp_runtime.types.tuple) {
    Py_DECREF(b)
    return null
  }
  return b as PyTupleObject
}

/** `abstract_issubclass`: walks `__bases__` (for non-type classes). */
function abstract_issubclass(derived: PyObject, cls: PyObject): boolean {
  for (;;) {
    if (derived === cls) return true
    const bases = abstract_get_bases(derived)
    if (bases === null) return false
    try {
      const n = bases.ob_item.length
      if (n === 0) return false
      if (n === 1) {
        derived = bases.ob_item[0]!
        continue
      }
      for (const b of bases.ob_item) if (abstract_issubclass(b, cls)) return true
      return false
    } finally {
      Py_DECREF(bases)
    }
  }
}

function check_class(cls: PyObject): boolean {
  if (PyType_Check(cls)) return true
  const b = abstract_get_bases(cls)
  if (b === null) return false
  Py_DECREF(b)
  return true
}

/** `object_isinstance` (ignores `__instancecheck__`). @cpython Objects/abstract.c#object_isinstance */
export function _PyObject_RealIsInstance(inst: PyObject, cls: PyObject): boolean {
  const rt = inst.ob_type.tp_runtime
  if (PyType_Check(cls)) {
    if (PyObject_TypeCheck(inst, cls as PyTypeObject)) return true
    const c = _PyObject_LookupAttrStr(inst, '__class__')
    if (c === null) return false
    try {
      return c !== inst.ob_type && PyType_Check(c) && PyType_IsSubtype(c as PyTypeObject, cls as PyTypeObject)
    } finally {
      Py_DECREF(c)
    }
  }
  if (!check_class(cls)) throw PyErr_Format(rt, 'TypeError', rt.profile.messages.isinstanceArg2)
  const icls = _PyObject_LookupAttrStr(inst, '__class__')
  if (icls === null) return false
  try {
    return abstract_issubclass(icls, cls)
  } finally {
    Py_DECREF(icls)
  }
}

/** `recursive_issubclass` (ignores `__subclasscheck__`). @cpython Objects/abstract.c#recursive_issubclass */
export function _PyObject_RealIsSubclass(derived: PyObject, cls: PyObject): boolean {
  const rt = derived.ob_type.tp_runtime
  if (PyType_Check(cls) && PyType_Check(derived)) return PyType_IsSubtype(derived as PyTypeObject, cls as PyTypeObject)
  if (!check_class(derived)) throw PyErr_Format(rt, 'TypeError', 'issubclass() arg 1 must be a class')
  if (!check_class(cls)) throw PyErr_Format(rt, 'TypeError', rt.profile.messages.issubclassArg2)
  return abstract_issubclass(derived, cls)
}

/**
 * `isinstance(inst, cls)`: exact type, tuples, then `type(cls).__instancecheck__`.
 * @cpython Objects/abstract.c#object_recursive_isinstance
 */
export function PyObject_IsInstance(inst: PyObject, cls: PyObject): boolean {
  const rt = inst.ob_type.tp_runtime
  if (inst.ob_type === cls) return true
  if (cls.ob_type === rt.types.type) return _PyObject_RealIsInstance(inst, cls)
  if (cls.ob_type === rt.types.tuple) {
    for (const item of (cls as PyTupleObject).ob_item) if (PyObject_IsInstance(inst, item)) return true
    return false
  }
  const checker = _PyObject_LookupSpecial(cls, '__instancecheck__')
  if (checker !== null) {
    let res: PyObject
    try {
      res = PyObject_Vectorcall(checker, [inst], 0, 1, null)
    } finally {
      Py_DECREF(checker)
    }
    try {
      return PyObject_IsTrue(res)
    } finally {
      Py_DECREF(res)
    }
  }
  return _PyObject_RealIsInstance(inst, cls)
}

/** `issubclass(derived, cls)`. @cpython Objects/abstract.c#object_issubclass */
export function PyObject_IsSubclass(derived: PyObject, cls: PyObject): boolean {
  const rt = derived.ob_type.tp_runtime
  if (cls.ob_type === rt.types.type) {
    if (derived === cls) return true
    return _PyObject_RealIsSubclass(derived, cls)
  }
  if (cls.ob_type === rt.types.tuple) {
    for (const item of (cls as PyTupleObject).ob_item) if (PyObject_IsSubclass(derived, item)) return true
    return false
  }
  const checker = _PyObject_LookupSpecial(cls, '__subclasscheck__')
  if (checker !== null) {
    let res: PyObject
    try {
      res = PyObject_Vectorcall(checker, [derived], 0, 1, null)
    } finally {
      Py_DECREF(checker)
    }
    try {
      return PyObject_IsTrue(res)
    } finally {
      Py_DECREF(res)
    }
  }
  return _PyObject_RealIsSubclass(derived, cls)
}

// ---------------------------------------------------------------------------------------------------------------
// Setting up `type`
// ---------------------------------------------------------------------------------------------------------------

/** Gives the `type` type its slots, methods and getsets. */
export function _PyType_InitTypeType(rt: Runtime): void {
  const t = rt.types.type
  t.tp_basicsize = rt.sizeof.heapType
  t.tp_dictfield = 'tp_dict'
  t.tp_hasdict = true
  t.tp_weaklist = true
  t.tp_call = type_call
  t.tp_new = type_new
  t.tp_init = type_init
  t.tp_repr = type_repr
  t.tp_getattro = type_getattro
  t.tp_setattro = type_setattro
  t.tp_dealloc = type_dealloc
  t.tp_clear = type_clear
  t.tp_free = PyObject_GC_Del
  t.tp_alloc = PyType_GenericAlloc
  t.tp_sizeof = (self) => type_sizeof(self as PyTypeObject)
  t.tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type"
  t.tp_methods = [
    meth('mro', METH_NOARGS, (self) => type_mro(self), 'Return a type\'s method resolution order.'),
    meth('__subclasses__', METH_NOARGS, (self) => type___subclasses__(self), 'Return a list of immediate subclasses.'),
    meth('__prepare__', METH_FASTCALL | METH_KEYWORDS | METH_CLASS, () => PyDict_New(rt), '__prepare__() -> dict\nused to create the namespace for the class statement'),
    meth('__instancecheck__', METH_O, (self, args, start) => newBool(rt, _PyObject_RealIsInstance(args[start]!, self)), 'Check if an object is an instance.'),
    meth('__subclasscheck__', METH_O, (self, args, start) => newBool(rt, _PyObject_RealIsSubclass(args[start]!, self)), 'Check if a class is a subclass.'),
    meth('__dir__', METH_NOARGS, (self) => type___dir__(self), 'Specialized __dir__ implementation for types.'),
    meth('__sizeof__', METH_NOARGS, (self) => PyLong_FromNumber(rt, type_sizeof(self as PyTypeObject)), 'Return memory consumption of the type object.'),
  ]
  const ptr = rt.profile.pointerSize
  t.tp_getset = [
    { name: '__basicsize__', get: intGetter((x) => x.tp_basicsize), set: null },
    { name: '__itemsize__', get: intGetter((x) => x.tp_itemsize), set: null },
    { name: '__flags__', get: intGetter((x) => x.tp_flags >>> 0), set: null },
    { name: '__weakrefoffset__', get: intGetter((x) => (x.tp_weaklist ? ((x.tp_flags & Py_TPFLAGS_MANAGED_WEAKREF) !== 0 ? -4 * ptr : x.tp_basicsize - ptr) : 0)), set: null },
    { name: '__base__', get: (self) => objOrNone(rt, (self as PyTypeObject).tp_base), set: null },
    { name: '__dictoffset__', get: intGetter(dictOffset), set: null },
    { name: '__mro__', get: (self) => objOrNone(rt, (self as PyTypeObject).tp_mro), set: null },
    { name: '__name__', get: type_get_name, set: type_set_name },
    { name: '__qualname__', get: type_get_qualname, set: type_set_qualname },
    { name: '__bases__', get: (self) => objOrNone(rt, (self as PyTypeObject).tp_bases), set: type_set_bases },
    { name: '__module__', get: type_get_module, set: type_set_module },
    { name: '__abstractmethods__', get: type_get_abstractmethods, set: type_set_abstractmethods },
    { name: '__dict__', get: (self) => PyDictProxy_New(rt, (self as PyTypeObject).tp_dict!), set: null },
    { name: '__doc__', get: type_get_doc, set: type_set_doc },
    { name: '__text_signature__', get: () => newNone(rt), set: null },
  ]
}

/** `tp_dictoffset`: exceptions keep the dict right after the header (`PyBaseExceptionObject.dict`); others at the end. */
function dictOffset(x: PyTypeObject): number {
  const ptr = x.tp_runtime.profile.pointerSize
  if (!x.tp_hasdict) return 0
  if (x.tp_dictfield === 'dict') return 2 * ptr
  if ((x.tp_flags & Py_TPFLAGS_MANAGED_DICT) !== 0) return -1
  return x.tp_basicsize - (x.tp_weaklist ? 2 : 1) * ptr
}

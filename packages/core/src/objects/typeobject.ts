/**
 * Type objects: creating the static builtin types, `PyType_Ready` (bases, MRO, slot inheritance, the type's dict),
 * `_PyType_Lookup`, and the generic attribute protocol.
 * @cpython Objects/typeobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_InitStatic } from '../object/alloc.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import {
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_READY,
  PyTypeObject,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyDict_GetItemStr, PyDict_New, PyDict_SetItem, type PyDictObject } from './dictobject.js'
import { makeStatic } from './immortal.js'
import { PyTuple_FromArraySteal, type PyTupleObject } from './tupleobject.js'
import { PyUnicode_InternFromString, type PyUnicodeObject } from './unicodeobject.js'

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

/** Slots that a subtype inherits from its base when it does not define them. @cpython Objects/typeobject.c#inherit_slots */
const INHERITED_SLOTS = [
  'tp_dealloc', 'tp_free', 'tp_alloc', 'tp_new', 'tp_init', 'tp_repr', 'tp_str', 'tp_hash', 'tp_richcompare', 'tp_getattro',
  'tp_setattro', 'tp_call', 'tp_iter', 'tp_iternext', 'tp_descr_get', 'tp_descr_set', 'tp_finalize', 'tp_sizeof',
  'tp_traverse', 'tp_clear', 'tp_is_gc', 'tp_refs',
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
  PyObject_InitStatic(rt, t, rt.profile.objects.sizeof.type)
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

/**
 * `PyType_Ready`: links the base, computes the MRO, inherits slots and fills the type's dict with descriptors for
 * its methods, getsets and members.
 * @cpython Objects/typeobject.c#type_ready
 */
export function PyType_Ready(rt: Runtime, t: PyTypeObject): void {
  if ((t.tp_flags & Py_TPFLAGS_READY) !== 0) return
  const base = t.tp_base
  if (base !== null) {
    PyType_Ready(rt, base)
    inherit_slots(t, base)
    if (!base.tp_subclasses.includes(t)) base.tp_subclasses.push(t)
  }
  if (t.tp_bases === null) {
    if (base !== null) {
      Py_INCREF(base)
      t.tp_bases = PyTuple_FromArraySteal(rt, [base])
    } else {
      Py_INCREF(rt.empty_tuple)
      t.tp_bases = rt.empty_tuple
    }
  }
  if (t.tp_mro === null) t.tp_mro = mro_internal(rt, t)
  if (t.tp_dict === null) t.tp_dict = PyDict_New(rt)
  const dict = t.tp_dict as PyDictObject
  if (descriptors !== null) {
    for (const def of t.tp_methods) {
      if (PyDict_GetItemStr(dict, def.ml_name) !== null) continue
      const d = descriptors.method(rt, t, def)
      setDictStr(rt, dict, def.ml_name, d)
      Py_DECREF(d)
    }
    for (const def of t.tp_getset) {
      if (PyDict_GetItemStr(dict, def.name) !== null) continue
      const d = descriptors.getset(rt, t, def)
      setDictStr(rt, dict, def.name, d)
      Py_DECREF(d)
    }
    for (const def of t.tp_members) {
      if (PyDict_GetItemStr(dict, def.name) !== null) continue
      const d = descriptors.member(rt, t, def)
      setDictStr(rt, dict, def.name, d)
      Py_DECREF(d)
    }
  }
  t.tp_flags |= Py_TPFLAGS_READY
}

/** @cpython Objects/typeobject.c#inherit_slots */
export function inherit_slots(t: PyTypeObject, base: PyTypeObject): void {
  const tt = t as unknown as Record<string, unknown>
  const bb = base as unknown as Record<string, unknown>
  for (const s of INHERITED_SLOTS) {
    if (tt[s] === null || tt[s] === undefined) tt[s] = bb[s] ?? null
  }
  // A type without HAVE_GC that inherits a GC base becomes GC (heap subtypes).
  if ((base.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0 && (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0) t.tp_flags |= Py_TPFLAGS_HAVE_GC
  if (base.tp_hasdict) t.tp_hasdict = true
  if (base.tp_weaklist) t.tp_weaklist = true
  const featureMask = (1 << 24) | (1 << 25) | (1 << 26) | (1 << 27) | (1 << 28) | (1 << 29) | (1 << 30) | (1 << 31)
  t.tp_flags |= base.tp_flags & featureMask
}

/**
 * The C3 linearisation of the bases (a new tuple reference).
 * @cpython Objects/typeobject.c#mro_implementation
 */
export function mro_internal(rt: Runtime, t: PyTypeObject): PyTupleObject {
  const bases = t.tp_bases ? (t.tp_bases as PyTupleObject).ob_item.map((b) => b as PyTypeObject) : []
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
      const names = bases.map((b) => b.tp_qualname).join(', ')
      throw PyErr_Format(rt, 'TypeError', `Cannot create a consistent method resolution\norder (MRO) for bases ${names}`)
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

/** Whether the type may be subclassed. */
export function isBaseType(t: PyTypeObject): boolean {
  return (t.tp_flags & Py_TPFLAGS_BASETYPE) !== 0
}

/** The text of a str object. */
export function pyStr(op: PyObject): string {
  return (op as PyUnicodeObject).value
}

/**
 * @cpython Objects/typeobject.c#type_traverse
 * Visits the dict, the bases and the MRO; heap types also own their base.
 */
export function type_traverse(self: PyObject, visit: (op: PyObject, arg: unknown) => number, arg: unknown): number {
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

import type { Runtime } from '../runtime/runtime.js'
import { PyObject } from './object.js'

/* Type flags (Include/object.h). Only the ones the simulation reads. */
export const Py_TPFLAGS_MANAGED_DICT = 1 << 4
export const Py_TPFLAGS_PREHEADER = (1 << 3) | (1 << 4) // managed dict and/or managed weakref (3.11+)
export const Py_TPFLAGS_INLINE_VALUES = 1 << 2
export const Py_TPFLAGS_MANAGED_WEAKREF = 1 << 3
export const Py_TPFLAGS_SEQUENCE = 1 << 5
export const Py_TPFLAGS_MAPPING = 1 << 6
export const Py_TPFLAGS_IMMUTABLETYPE = 1 << 8
export const Py_TPFLAGS_HEAPTYPE = 1 << 9
export const Py_TPFLAGS_BASETYPE = 1 << 10
export const Py_TPFLAGS_HAVE_VECTORCALL = 1 << 11
export const Py_TPFLAGS_READY = 1 << 12
export const Py_TPFLAGS_HAVE_GC = 1 << 14
export const Py_TPFLAGS_METHOD_DESCRIPTOR = 1 << 17
export const Py_TPFLAGS_LONG_SUBCLASS = 1 << 24
export const Py_TPFLAGS_LIST_SUBCLASS = 1 << 25
export const Py_TPFLAGS_TUPLE_SUBCLASS = 1 << 26
export const Py_TPFLAGS_BYTES_SUBCLASS = 1 << 27
export const Py_TPFLAGS_UNICODE_SUBCLASS = 1 << 28
export const Py_TPFLAGS_DICT_SUBCLASS = 1 << 29
export const Py_TPFLAGS_BASE_EXC_SUBCLASS = 1 << 30
export const Py_TPFLAGS_TYPE_SUBCLASS = 1 << 31

/* Rich comparison operators (Include/object.h). */
export const Py_LT = 0
export const Py_LE = 1
export const Py_EQ = 2
export const Py_NE = 3
export const Py_GT = 4
export const Py_GE = 5

export type visitproc = (op: PyObject, arg: unknown) => number
export type traverseproc = (self: PyObject, visit: visitproc, arg: unknown) => number
export type inquiry = (self: PyObject) => number
export type destructor = (self: PyObject) => void
export type freefunc = (self: PyObject) => void
/** Returns a new reference. */
export type unaryfunc = (self: PyObject) => PyObject
/** Returns a new reference, or the runtime's NotImplemented (new reference). */
export type binaryfunc = (a: PyObject, b: PyObject) => PyObject
export type ternaryfunc = (a: PyObject, b: PyObject, c: PyObject) => PyObject
export type lenfunc = (self: PyObject) => number
export type hashfunc = (self: PyObject) => number
export type richcmpfunc = (a: PyObject, b: PyObject, op: number) => PyObject
export type getattrofunc = (self: PyObject, name: PyObject) => PyObject
/** value null means delete. */
export type setattrofunc = (self: PyObject, name: PyObject, value: PyObject | null) => void
export type objobjargproc = (self: PyObject, key: PyObject, value: PyObject | null) => void
export type ssizeargfunc = (self: PyObject, i: number) => PyObject
export type objobjproc = (self: PyObject, value: PyObject) => boolean
export type getiterfunc = (self: PyObject) => PyObject
/** Returns a new reference, or null when exhausted (no exception set). */
export type iternextfunc = (self: PyObject) => PyObject | null
/** Returns a new reference; `obj` is null when looked up on the type. */
export type descrgetfunc = (descr: PyObject, obj: PyObject | null, type: PyObject | null) => PyObject
export type descrsetfunc = (descr: PyObject, obj: PyObject, value: PyObject | null) => void
/**
 * Vectorcall: `args[start .. start+nargs)` are the positional arguments followed by one value per name in
 * `kwnames` (a tuple of str, or null). Arguments are borrowed; the result is a new reference.
 */
export type vectorcallfunc = (callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null) => PyObject
export type newfunc = (subtype: PyTypeObject, args: PyObject, kwds: PyObject | null) => PyObject
export type initproc = (self: PyObject, args: PyObject, kwds: PyObject | null) => void
export type allocfunc = (subtype: PyTypeObject, nitems: number) => PyObject
export type sizeoffunc = (self: PyObject) => number

/** A builtin method: the simulator's `PyMethodDef`, with the vectorcall convention. */
export interface PyMethodDef {
  readonly ml_name: string
  /**
   * `self` is the bound object (or the module for module functions). A METH_VARARGS function also gets the argument
   * tuple the call built (`argsTuple`; absent when there are no positional arguments).
   */
  readonly ml_meth: (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null, argsTuple?: PyObject) => PyObject
  readonly ml_flags: number
  readonly ml_doc?: string
}
export const METH_VARARGS = 0x0001
export const METH_KEYWORDS = 0x0002
export const METH_NOARGS = 0x0004
export const METH_O = 0x0008
export const METH_CLASS = 0x0010
export const METH_STATIC = 0x0020
export const METH_FASTCALL = 0x0080

/** `PyGetSetDef`. */
export interface PyGetSetDef {
  readonly name: string
  readonly get: ((self: PyObject) => PyObject) | null
  readonly set: ((self: PyObject, value: PyObject | null) => void) | null
  readonly doc?: string
}

/** `PyMemberDef` for `__slots__`: the index into the instance's slot array. */
export interface PyMemberDef {
  readonly name: string
  readonly index: number
  readonly readonly: boolean
  /**
   * NON-CPYTHON: a member kept in a JS field of a builtin object instead of a `__slots__` cell (CPython's `T_OBJECT`,
   * `T_BOOL`, `T_PYSSIZET` struct members): reads it (a new reference) and writes it (null deletes).
   */
  readonly get?: (self: PyObject) => PyObject
  readonly set?: (self: PyObject, value: PyObject | null) => void
  readonly doc?: string
}

/**
 * `PyTypeObject`. Structural slots (`tp_dealloc`, `tp_traverse`, `tp_clear`, `tp_finalize`, `tp_del`) decide memory
 * behaviour; behaviour slots (`tp_repr`, `nb_add` …) are filled by the object implementations.
 * The number / sequence / mapping sub-structures are flattened onto the type.
 */
export class PyTypeObject extends PyObject {
  /** The runtime that owns this type. NON-CPYTHON: CPython's static types are process-wide. */
  tp_runtime: Runtime
  tp_name: string
  tp_qualname: string
  tp_module: string | null
  tp_basicsize: number
  tp_itemsize: number
  tp_flags: number
  tp_base: PyTypeObject | null
  /** Tuple of types (new reference held by the type). */
  tp_bases: PyObject | null
  /** Tuple of types, the method resolution order. */
  tp_mro: PyObject | null
  /** A dict (held by the type). */
  tp_dict: PyObject | null
  tp_subclasses: PyObject[] // weak in CPython; plain list here (NON-CPYTHON: not counted)
  tp_doc: string | null

  tp_dealloc: destructor
  tp_free: freefunc | null
  tp_traverse: traverseproc | null
  tp_clear: inquiry | null
  tp_finalize: destructor | null
  /** The legacy (pre-PEP 442) finalizer slot: objects whose type has it are uncollectable in cycles. */
  tp_del: destructor | null
  tp_is_gc: ((self: PyObject) => boolean) | null
  /** NON-CPYTHON: visits every reference the object owns (the audit); null means `tp_traverse` is complete. */
  tp_refs: traverseproc | null
  tp_alloc: allocfunc | null
  tp_new: newfunc | null
  tp_init: initproc | null
  tp_vectorcall: vectorcallfunc | null
  tp_sizeof: sizeoffunc | null

  tp_repr: unaryfunc | null
  tp_str: unaryfunc | null
  tp_hash: hashfunc | null
  tp_richcompare: richcmpfunc | null
  tp_getattro: getattrofunc | null
  tp_setattro: setattrofunc | null
  tp_call: vectorcallfunc | null
  tp_iter: getiterfunc | null
  tp_iternext: iternextfunc | null
  tp_descr_get: descrgetfunc | null
  tp_descr_set: descrsetfunc | null

  nb_add: binaryfunc | null
  nb_subtract: binaryfunc | null
  nb_multiply: binaryfunc | null
  nb_remainder: binaryfunc | null
  nb_divmod: binaryfunc | null
  nb_power: ternaryfunc | null
  nb_negative: unaryfunc | null
  nb_positive: unaryfunc | null
  nb_absolute: unaryfunc | null
  nb_bool: inquiry | null
  nb_invert: unaryfunc | null
  nb_lshift: binaryfunc | null
  nb_rshift: binaryfunc | null
  nb_and: binaryfunc | null
  nb_xor: binaryfunc | null
  nb_or: binaryfunc | null
  nb_int: unaryfunc | null
  nb_float: unaryfunc | null
  nb_index: unaryfunc | null
  nb_floor_divide: binaryfunc | null
  nb_true_divide: binaryfunc | null
  nb_matrix_multiply: binaryfunc | null
  /** In-place variants: null falls back to the binary slot. */
  nb_inplace_add: binaryfunc | null
  nb_inplace_subtract: binaryfunc | null
  nb_inplace_multiply: binaryfunc | null
  nb_inplace_remainder: binaryfunc | null
  nb_inplace_power: ternaryfunc | null
  nb_inplace_lshift: binaryfunc | null
  nb_inplace_rshift: binaryfunc | null
  nb_inplace_and: binaryfunc | null
  nb_inplace_xor: binaryfunc | null
  nb_inplace_or: binaryfunc | null
  nb_inplace_floor_divide: binaryfunc | null
  nb_inplace_true_divide: binaryfunc | null
  nb_inplace_matrix_multiply: binaryfunc | null

  sq_length: lenfunc | null
  sq_concat: binaryfunc | null
  sq_repeat: ((self: PyObject, n: number) => PyObject) | null
  sq_item: ssizeargfunc | null
  sq_ass_item: ((self: PyObject, i: number, value: PyObject | null) => void) | null
  sq_contains: objobjproc | null
  sq_inplace_concat: binaryfunc | null
  sq_inplace_repeat: ((self: PyObject, n: number) => PyObject) | null

  mp_length: lenfunc | null
  mp_subscript: binaryfunc | null
  mp_ass_subscript: objobjargproc | null

  tp_methods: readonly PyMethodDef[]
  tp_getset: readonly PyGetSetDef[]
  tp_members: readonly PyMemberDef[]

  /** Heap types: the shared-keys table of instance attribute names (`ht_cached_keys`). */
  ht_cached_keys: SharedKeys | null
  /** Heap types: `__slots__` names, or null when the class has no `__slots__`. */
  ht_slots: readonly string[] | null
  /** Whether instances carry a `__dict__` (tp_dictoffset != 0 or a managed dict). */
  tp_hasdict: boolean
  /**
   * NON-CPYTHON form of `tp_dictoffset`: the name of the JS field holding an instance's `__dict__` (owned, null until
   * created) — 'ob_dict' for heap-type instances, 'dict' for exceptions, 'func_dict' for functions … — or null.
   */
  tp_dictfield: string | null
  /** Whether instances can be weakly referenced (tp_weaklistoffset != 0 or a managed weakref). */
  tp_weaklist: boolean
  /** Cached lookups of special methods, invalidated on class attribute assignment (tp_version_tag). */
  tp_version_tag: number
  /** Free list for exact instances of this type. */
  tp_freelist: PyObject[] | null
  /** Per-type extra data for implementations (e.g. the Python-level class behind slot wrappers). */
  tp_extra: unknown
  /**
   * NON-CPYTHON: `_PyType_Lookup` results by name (CPython keeps a global method cache keyed by version tags); valid
   * while the MRO and the version of every dict along it are unchanged.
   */
  tp_lookup_cache: TypeLookupCache | null

  constructor(metatype: PyTypeObject | null, rt: Runtime, name: string) {
    // The metatype of `type` is `type` itself: patched after construction.
    super(metatype as PyTypeObject)
    this.tp_runtime = rt
    this.tp_name = name
    this.tp_qualname = name
    this.tp_module = null
    this.tp_basicsize = 16
    this.tp_itemsize = 0
    this.tp_flags = 0
    this.tp_base = null
    this.tp_bases = null
    this.tp_mro = null
    this.tp_dict = null
    this.tp_subclasses = []
    this.tp_doc = null
    this.tp_dealloc = defaultDealloc
    this.tp_free = null
    this.tp_traverse = null
    this.tp_clear = null
    this.tp_finalize = null
    this.tp_del = null
    this.tp_is_gc = null
    this.tp_refs = null
    this.tp_alloc = null
    this.tp_new = null
    this.tp_init = null
    this.tp_vectorcall = null
    this.tp_sizeof = null
    this.tp_repr = null
    this.tp_str = null
    this.tp_hash = null
    this.tp_richcompare = null
    this.tp_getattro = null
    this.tp_setattro = null
    this.tp_call = null
    this.tp_iter = null
    this.tp_iternext = null
    this.tp_descr_get = null
    this.tp_descr_set = null
    this.nb_add = null
    this.nb_subtract = null
    this.nb_multiply = null
    this.nb_remainder = null
    this.nb_divmod = null
    this.nb_power = null
    this.nb_negative = null
    this.nb_positive = null
    this.nb_absolute = null
    this.nb_bool = null
    this.nb_invert = null
    this.nb_lshift = null
    this.nb_rshift = null
    this.nb_and = null
    this.nb_xor = null
    this.nb_or = null
    this.nb_int = null
    this.nb_float = null
    this.nb_index = null
    this.nb_floor_divide = null
    this.nb_true_divide = null
    this.nb_matrix_multiply = null
    this.nb_inplace_add = null
    this.nb_inplace_subtract = null
    this.nb_inplace_multiply = null
    this.nb_inplace_remainder = null
    this.nb_inplace_power = null
    this.nb_inplace_lshift = null
    this.nb_inplace_rshift = null
    this.nb_inplace_and = null
    this.nb_inplace_xor = null
    this.nb_inplace_or = null
    this.nb_inplace_floor_divide = null
    this.nb_inplace_true_divide = null
    this.nb_inplace_matrix_multiply = null
    this.sq_length = null
    this.sq_concat = null
    this.sq_repeat = null
    this.sq_item = null
    this.sq_ass_item = null
    this.sq_contains = null
    this.sq_inplace_concat = null
    this.sq_inplace_repeat = null
    this.mp_length = null
    this.mp_subscript = null
    this.mp_ass_subscript = null
    this.tp_methods = []
    this.tp_getset = []
    this.tp_members = []
    this.ht_cached_keys = null
    this.ht_slots = null
    this.tp_hasdict = false
    this.tp_dictfield = null
    this.tp_weaklist = false
    this.tp_version_tag = 0
    this.tp_freelist = null
    this.tp_extra = undefined
    this.tp_lookup_cache = null
  }
}

/** See `PyTypeObject.tp_lookup_cache`. */
export interface TypeLookupCache {
  readonly mro: PyObject
  /** `ma_version` of each dict along the MRO when the cache was (re)started. */
  readonly versions: number[]
  readonly entries: Map<string, PyObject | null>
}

/** The shared keys of a heap type's instances (`PyDictKeysObject` in split mode). */
export interface SharedKeys {
  readonly names: string[]
  readonly index: Map<string, number>
  /** No more keys may be added (the table is full, or insertion order diverged). */
  frozen: boolean
  /** `dk_usable`: how many more keys fit (3.11+: also shrinks by one per new instance while above 1). */
  dk_usable: number
  /** log2 of the table size (≤3.10 split tables grow; 3.11+ is fixed at 6). */
  dk_log2_size: number
  /** `dk_refcnt` (≤3.10): the type and every split dict that shares the keys. */
  dk_refcnt: number
}

/** The `tp_dealloc` of a type that defines none: `PyType_Ready` replaces it with the base's. */
export function defaultDealloc(self: PyObject): void {
  // Replaced by every concrete type (or inherited); reaching it is a simulator bug.
  throw new Error(`tp_dealloc missing for type ${self.ob_type.tp_name}`)
}

export function PyType_HasFeature(t: PyTypeObject, flag: number): boolean {
  return (t.tp_flags & flag) !== 0
}

/** `PyObject_IS_GC`: the type has `Py_TPFLAGS_HAVE_GC` (and, for types, `tp_is_gc` agrees). */
export function PyObject_IS_GC(op: PyObject): boolean {
  const t = op.ob_type
  return (t.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0 && (t.tp_is_gc === null || t.tp_is_gc(op))
}

/** `PyType_IsSubtype`: walks the MRO when there is one, else the base chain. */
export function PyType_IsSubtype(a: PyTypeObject, b: PyTypeObject): boolean {
  if (a === b) return true
  const mro = a.tp_mro as unknown as { ob_item?: PyObject[] } | null
  if (mro && mro.ob_item) {
    const items = mro.ob_item
    for (let i = 0; i < items.length; i++) if (items[i] === b) return true
    return false
  }
  for (let t: PyTypeObject | null = a.tp_base; t !== null; t = t.tp_base) if (t === b) return true
  return false
}

/** `PyObject_TypeCheck`. */
export function PyObject_TypeCheck(op: PyObject, t: PyTypeObject): boolean {
  return op.ob_type === t || PyType_IsSubtype(op.ob_type, t)
}

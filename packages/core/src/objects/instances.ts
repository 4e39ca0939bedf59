/**
 * Instances of heap types (classes): where their attributes live, and how they die.
 *
 * Attribute storage follows `profile.objects.instanceDict`:
 * - 'always-dict' (≤3.10): a real `__dict__` created at the first store; a split dict over the class's shared keys
 *   while the attributes are added in the shared order;
 * - 'lazy-values' (3.11, 3.12): a values array indexed by the class's shared keys (`ht_cached_keys`); a dict exists
 *   only once `obj.__dict__` is requested or a name cannot join the shared keys, and then owns the values;
 * - 'inline-values' (3.13+): the values are inline; a dict made by `obj.__dict__` keeps sharing them ("embedded"):
 *   the owner's traverse visits the values and the dict's traverse skips them, so the collector never counts that
 *   dict. It stops sharing when a name cannot join the shared keys.
 * Shared keys hold at most 30 names; every new instance shrinks the room by one while it is above one (3.11+), which is
 * why long-lived classes with many instances materialise dicts for late attribute names.
 *
 * Deallocation (`subtype_dealloc`) runs the finalizer once (PEP 442) or on every deallocation (legacy `tp_del`),
 * clears weakrefs, then `__slots__`, then the dict or values (in key order), then the base's deallocator, then releases
 * the type.
 * @cpython Objects/typeobject.c#subtype_dealloc
 * @cpython Objects/dictobject.c#_PyObject_StoreInstanceAttribute
 */
import { PyErr_Format } from '../errors.js'
import {
  PyObject_GC_Init,
  PyObject_Init,
  SimulatedMemoryError,
  _PyObject_GC_IS_TRACKED,
  _PyObject_GC_TRACK,
  _PyObject_GC_UNTRACK,
  headerBytes,
} from '../object/alloc.js'
import { PREV_MASK_FINALIZED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import {
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_INLINE_VALUES,
  Py_TPFLAGS_MANAGED_DICT,
  type PyTypeObject,
  type SharedKeys,
  type traverseproc,
  type visitproc,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { structSize } from '../profiles/layout.js'
import { PyDict_DelItemIfPresent, PyDict_GetItemStr, PyDict_New, PyDict_SetItem, PyDictObject } from './dictobject.js'
import { factoryFor } from './descrobject.js'
import { fmt, PyUnicode_Check, strValue, trunc, addrHex } from './type-util.js'
import { PyUnicodeObject, PyUnicode_InternFromString } from './unicodeobject.js'

// ---------------------------------------------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------------------------------------------

/** Attribute values of an instance (3.11+), indexed like the class's shared keys. */
export class InstanceValues {
  /** Owned; null where the attribute is absent. Length = the capacity fixed at creation. */
  readonly values: (PyObject | null)[]
  /** The indexes of present attributes in insertion order (`_PyDictValues` order bytes). */
  readonly order: number[]
  /** The raw memory block of a separately allocated values array (3.11, 3.12), 0 when inline. */
  addr: number
  nbytes: number
  constructor(capacity: number) {
    this.values = new Array<PyObject | null>(capacity).fill(null)
    this.order = []
    this.addr = 0
    this.nbytes = 0
  }
}

/** An instance of a class whose solid base is `object`. */
export class PyInstanceObject extends PyObject {
  /** Owned: the materialised `__dict__` (or, 'always-dict', the dict), null until needed. */
  ob_dict: PyDictObject | null
  /** 3.11+: the attribute values while no dict holds them. */
  ob_values: InstanceValues | null
  /** Owned `__slots__` values, indexed by member; null when the class has no slots. */
  ob_slots: (PyObject | null)[] | null
  constructor(type: PyTypeObject) {
    super(type)
    this.ob_dict = null
    this.ob_values = null
    this.ob_slots = null
  }
}

/** The extra fields heap-type instances of builtin bases carry (added when such an instance is allocated). */
export interface HeapInstanceFields {
  ob_dict?: PyDictObject | null
  ob_slots?: (PyObject | null)[] | null
  ob_values?: InstanceValues | null
}

/** NON-CPYTHON: how a dict built over shared keys relates to them (CPython's split table). */
export interface SplitDictInfo {
  /** The class's shared keys. */
  keys: SharedKeys
  /** 3.13+: the values are still the owner's inline values (the owner visits them; dict_traverse skips them). */
  embedded: boolean
}

/** The split-table state of a dict, stored on the dict object. */
export interface SplitDictHolder {
  ma_split?: SplitDictInfo | null
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

// ---------------------------------------------------------------------------------------------------------------
// Shared keys
// ---------------------------------------------------------------------------------------------------------------

/** `SHARED_KEYS_MAX_SIZE` (3.11+). */
export const SHARED_KEYS_MAX_SIZE = 30

/**
 * `_PyDict_NewKeysForClass`: 30 usable names (3.11+; the count shrinks by one before each new instance), or an 8-slot
 * split table (≤3.10).
 * @cpython Objects/dictobject.c#_PyDict_NewKeysForClass
 */
export function _PyDict_NewKeysForClass(rt: Runtime): SharedKeys {
  const old = rt.profile.objects.instanceDict === 'always-dict'
  return {
    names: [],
    index: new Map(),
    frozen: false,
    dk_usable: old ? 5 : SHARED_KEYS_MAX_SIZE,
    dk_log2_size: old ? 3 : 6,
    dk_refcnt: 1,
  }
}

/** `shared_keys_usable_size`: entries plus remaining room. */
export function shared_keys_usable_size(keys: SharedKeys): number {
  return keys.names.length + keys.dk_usable
}

/**
 * `insert_into_dictkeys`: the index of `name` in the shared keys, adding it when there is room; -1 (DKIX_EMPTY) when
 * the keys are full.
 * @cpython Objects/dictobject.c#insert_into_dictkeys
 */
export function insert_into_dictkeys(keys: SharedKeys, name: string): number {
  const ix = keys.index.get(name)
  if (ix !== undefined) return ix
  if (keys.dk_usable <= 0 || keys.frozen) return -1
  const n = keys.names.length
  keys.names.push(name)
  keys.index.set(name, n)
  keys.dk_usable--
  return n
}

/** The byte size of a values array of `size` entries: insertion-order prefix plus the pointers. */
function valuesBytes(size: number, prefixExtra: number): number {
  const prefix = Math.ceil((size + prefixExtra) / 8) * 8
  return prefix + size * 8
}

/** `_PyInlineValuesSize` (3.13+): what the allocation adds after the object for its inline values. */
export function _PyInlineValuesSize(keys: SharedKeys): number {
  const size = shared_keys_usable_size(keys)
  return Math.ceil(size / 8) * 8 + (size + 1) * 8
}

/**
 * Reserves one slot for a new instance (`init_inline_values` / `_PyObject_InitInlineValues`) and returns the values
 * array's capacity.
 */
function reserveForNewInstance(keys: SharedKeys): number {
  if (keys.dk_usable > 1) keys.dk_usable--
  return shared_keys_usable_size(keys)
}

// ---------------------------------------------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------------------------------------------

/** Whether instances of `type` keep inline values (3.13+: a managed dict on an object-sized body). */
export function typeHasInlineValues(type: PyTypeObject): boolean {
  return (type.tp_flags & Py_TPFLAGS_INLINE_VALUES) !== 0
}

/**
 * `PyType_GenericAlloc` for heap types and for the static types that registered a factory: constructs the instance,
 * gives it memory (the GC header per the type's flags, plus inline values on 3.13+), INCREFs a heap type and tracks
 * the object.
 * @cpython Objects/typeobject.c#PyType_GenericAlloc
 */
export function PyType_GenericAlloc(type: PyTypeObject, nitems = 0): PyObject {
  const f = factoryFor(type)
  const op = f !== null ? f(type) : new PyInstanceObject(type)
  return PyType_GenericAllocObject(type, op, nitems)
}

/**
 * The memory part of `PyType_GenericAlloc` for an object already constructed with `ob_type = type`: base types'
 * `tp_new` call it when allocating for a subtype (`class L(list)`), so the instance gets the subtype's size and GC
 * header, its heap-type fields, the reference to its heap type, and tracking.
 */
export function PyType_GenericAllocObject<T extends PyObject>(type: PyTypeObject, op: T, nitems = 0): T {
  const heapInit = (type.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0 && !(op instanceof PyInstanceObject)
  const rt = type.tp_runtime
  let nbytes = type.tp_basicsize + nitems * type.tp_itemsize
  const heap = (type.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0
  if (heap) {
    const h = op as unknown as HeapInstanceFields
    if (!(op instanceof PyInstanceObject) && type.tp_dictfield === 'ob_dict') h.ob_dict = null
    const nslots = slotCount(type)
    if (nslots > 0) h.ob_slots = new Array<PyObject | null>(nslots).fill(null)
    if (typeHasInlineValues(type) && type.ht_cached_keys !== null) {
      // 3.13+: the values live right after the object; the allocation is sized by the keys' current room.
      nbytes += _PyInlineValuesSize(type.ht_cached_keys)
      const cap = reserveForNewInstance(type.ht_cached_keys)
      ;(op as unknown as PyInstanceObject).ob_values = new InstanceValues(cap)
    }
    Py_INCREF(type)
  }
  if ((type.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0) {
    PyObject_GC_Init(rt, op, nbytes)
    _PyObject_GC_TRACK(op)
  } else PyObject_Init(rt, op, nbytes)
  if (heapInit) heapInitialised.add(op)
  return op
}

/** Instances of heap subtypes of builtins that went through `PyType_GenericAllocObject`. */
const heapInitialised = new WeakSet<PyObject>()

/**
 * Makes sure a new instance of a heap subtype of a builtin is set up as `PyType_GenericAlloc` would have done it:
 * the reference to its heap type, its heap-type fields, its GC header and tracking.
 * DEVIATION(cpython): CPython's base `tp_new` always allocates through `type->tp_alloc`; this repairs objects that a
 * base type's `tp_new` allocated directly. Called by `type_call` and `tp_new_wrapper`.
 */
export function _PyObject_EnsureHeapInstance(obj: PyObject): void {
  const type = obj.ob_type
  if ((type.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0 || obj instanceof PyInstanceObject || heapInitialised.has(obj)) return
  const rt = type.tp_runtime
  const gc = (type.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0
  if (gc) {
    const header = headerBytes(rt, type)
    const info = rt.mem.blockAt(obj.ob_addr)
    if (info !== null && info.obj === obj && info.block !== obj.ob_addr - header) {
      // Allocated without the GC header: move it into a block with one (it was never observed).
      const nbytes = Math.max(obj.ob_block - (obj.ob_addr - info.block), type.tp_basicsize)
      const wasTracked = obj._gc_next !== null
      if (wasTracked) _PyObject_GC_UNTRACK(obj)
      rt.mem.setOwner(info.block, undefined)
      rt.mem.free(info.block, obj.ob_block)
      PyObject_GC_Init(rt, obj, nbytes)
    }
  }
  const h = obj as unknown as HeapInstanceFields
  if (type.tp_dictfield === 'ob_dict' && h.ob_dict === undefined) h.ob_dict = null
  const nslots = slotCount(type)
  if (nslots > 0 && !h.ob_slots) h.ob_slots = new Array<PyObject | null>(nslots).fill(null)
  Py_INCREF(type)
  if (gc && obj._gc_next === null) _PyObject_GC_TRACK(obj)
  heapInitialised.add(obj)
}

/** Number of `__slots__` cells over the type and its heap bases. */
function slotCount(type: PyTypeObject): number {
  let n = 0
  for (let b: PyTypeObject | null = type; b !== null && (b.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0; b = b.tp_base) {
    if (b.ht_slots === null) continue
    for (const m of b.tp_members) if (m.index + 1 > n) n = m.index + 1
  }
  return n
}

/**
 * `_PyObject_InitializeDict` (3.11, 3.12): `object.__new__` gives an instance of a managed-dict class its values
 * array, allocated separately.
 * @cpython Objects/dictobject.c#_PyObject_InitializeDict
 */
export function _PyObject_InitializeDict(obj: PyObject): void {
  const rt = rtOf(obj)
  if (rt.profile.objects.instanceDict !== 'lazy-values') return
  const type = obj.ob_type
  if ((type.tp_flags & Py_TPFLAGS_MANAGED_DICT) === 0 || type.ht_cached_keys === null) return
  if (!(obj instanceof PyInstanceObject)) return
  const cap = reserveForNewInstance(type.ht_cached_keys)
  const v = new InstanceValues(cap)
  v.nbytes = valuesBytes(cap, 2)
  const addr = rt.mem.malloc(v.nbytes)
  if (addr < 0) throw new SimulatedMemoryError(v.nbytes)
  rt.mem.setOwner(addr, undefined)
  v.addr = addr
  obj.ob_values = v
}

function freeValuesBlock(rt: Runtime, v: InstanceValues): void {
  if (v.addr !== 0) {
    rt.mem.free(v.addr, v.nbytes)
    v.addr = 0
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The dict of an instance
// ---------------------------------------------------------------------------------------------------------------

/** The dict field of an object (`_PyObject_GetDictPtr`), or null when its type has none. */
export function dictFieldOf(op: PyObject): string | null {
  return op.ob_type.tp_dictfield
}

/** The instance dict (borrowed), or null when none exists (yet). */
export function _PyObject_GetInstanceDict(op: PyObject): PyDictObject | null {
  const f = op.ob_type.tp_dictfield
  if (f === null) return null
  return ((op as unknown as Record<string, PyDictObject | null | undefined>)[f] ?? null)
}

function setDictField(op: PyObject, field: string, d: PyDictObject | null): void {
  ;(op as unknown as Record<string, PyDictObject | null>)[field] = d
}

/** A new, empty instance dict over the class's shared keys (a split dict), or a plain dict. */
function newInstanceDict(rt: Runtime, type: PyTypeObject): PyDictObject {
  const d = PyDict_New(rt)
  const keys = type.ht_cached_keys
  if (keys !== null) {
    keys.dk_refcnt++
    ;(d as SplitDictHolder).ma_split = { keys, embedded: false }
  }
  return d
}

/**
 * `make_dict_from_instance_attributes`: a dict holding the instance's values in their insertion order; the values
 * move into it. On 3.13+ the dict keeps sharing them ("embedded") until it cannot.
 * @cpython Objects/dictobject.c#make_dict_from_instance_attributes
 */
function materialiseDict(obj: PyInstanceObject): PyDictObject {
  const rt = rtOf(obj)
  const values = obj.ob_values!
  const keys = obj.ob_type.ht_cached_keys!
  const d = PyDict_New(rt)
  for (const ix of values.order) {
    const v = values.values[ix]!
    const key = PyUnicode_InternFromString(rt, keys.names[ix]!)
    PyDict_SetItem(d, key, v)
    Py_DECREF(key)
    values.values[ix] = null
    Py_DECREF(v)
  }
  values.order.length = 0
  keys.dk_refcnt++
  ;(d as SplitDictHolder).ma_split = { keys, embedded: rt.profile.objects.instanceDict === 'inline-values' }
  freeValuesBlock(rt, values)
  obj.ob_values = null
  obj.ob_dict = d
  return d
}

/**
 * `PyObject_GenericGetDict`: the instance dict, created (always-dict, builtin subclasses) or materialised from the
 * values (3.11+) on demand. A new reference.
 * @cpython Objects/dictobject.c#PyObject_GenericGetDict
 */
export function PyObject_GenericGetDict(obj: PyObject): PyObject {
  const rt = rtOf(obj)
  const field = obj.ob_type.tp_dictfield
  if (field === null) throw PyErr_Format(rt, 'AttributeError', 'This object has no __dict__')
  if (obj instanceof PyInstanceObject && obj.ob_values !== null) {
    const d = materialiseDict(obj)
    Py_INCREF(d)
    return d
  }
  let d = _PyObject_GetInstanceDict(obj)
  if (d === null) {
    d = newInstanceDict(rt, obj.ob_type)
    setDictField(obj, field, d)
  }
  Py_INCREF(d)
  return d
}

/** `__dict__ = value` / `del __dict__`. @cpython Objects/typeobject.c#subtype_setdict */
export function PyObject_GenericSetDict(obj: PyObject, value: PyObject | null): void {
  const rt = rtOf(obj)
  const field = obj.ob_type.tp_dictfield
  if (field === null) throw PyErr_Format(rt, 'AttributeError', 'This object has no __dict__')
  if (value !== null && !(value.ob_type === rt.types.dict || (value.ob_type.tp_flags & (1 << 29)) !== 0)) {
    throw PyErr_Format(rt, 'TypeError', `__dict__ must be set to a dictionary, not a '${trunc(value.ob_type.tp_name, 200)}'`)
  }
  if (obj instanceof PyInstanceObject && obj.ob_values !== null) {
    const v = obj.ob_values
    obj.ob_values = null
    releaseValues(rt, v)
  }
  if (value !== null) Py_INCREF(value)
  const old = _PyObject_GetInstanceDict(obj)
  setDictField(obj, field, value as PyDictObject | null)
  if (old !== null) {
    _PyDict_DetachFromObject(old)
    Py_DECREF(old)
  }
}

/** Releases a values array: every value in key order, then its memory. */
function releaseValues(rt: Runtime, v: InstanceValues): void {
  const vals = v.values
  v.order.length = 0
  for (let i = 0; i < vals.length; i++) {
    const x = vals[i]
    if (x !== null && x !== undefined) {
      vals[i] = null
      Py_DECREF(x)
    }
  }
  freeValuesBlock(rt, v)
}

// ---------------------------------------------------------------------------------------------------------------
// Attribute access on values
// ---------------------------------------------------------------------------------------------------------------

/** `_PyObject_GetInstanceAttribute`: a borrowed value, or null. */
export function _PyObject_GetInstanceAttribute(obj: PyInstanceObject, values: InstanceValues, name: string): PyObject | null {
  const ix = obj.ob_type.ht_cached_keys!.index.get(name)
  if (ix === undefined || ix >= values.values.length) return null
  return values.values[ix] ?? null
}

/**
 * `_PyObject_StoreInstanceAttribute`: stores into the values when the name has (or gets) a place in the shared keys;
 * otherwise the dict is materialised and takes the store. `value` null deletes.
 * @cpython Objects/dictobject.c#_PyObject_StoreInstanceAttribute
 */
export function _PyObject_StoreInstanceAttribute(obj: PyInstanceObject, values: InstanceValues, name: PyObject, value: PyObject | null): void {
  const rt = rtOf(obj)
  const keys = obj.ob_type.ht_cached_keys!
  let ix = -1
  if (name.ob_type === rt.types.str) {
    ix = insert_into_dictkeys(keys, strValue(name))
    if (ix >= values.values.length) ix = -1
  }
  if (ix < 0) {
    if (value === null) throw missingAttributeOnDelete(rt, obj, name)
    const d = materialiseDict(obj)
    // The new name cannot join the shared keys: the dict becomes a combined table (and stops sharing values).
    _PyDict_SplitRelease(d)
    PyDict_SetItem(d, name, value)
    return
  }
  const old = values.values[ix] ?? null
  if (value !== null) Py_INCREF(value)
  values.values[ix] = value
  if (old === null) {
    if (value === null) throw missingAttributeOnDelete(rt, obj, name)
    values.order.push(ix)
  } else {
    if (value === null) {
      const p = values.order.indexOf(ix)
      if (p >= 0) values.order.splice(p, 1)
    }
    Py_DECREF(old)
  }
}

function missingAttributeOnDelete(rt: Runtime, obj: PyObject, name: PyObject): ReturnType<typeof PyErr_Format> {
  const n = strValue(name)
  return PyErr_Format(rt, 'AttributeError', fmt(rt.profile.messages.attributeErrorDel, { type: trunc(obj.ob_type.tp_name, 100), name: n }))
}

/**
 * `_PyObjectDict_SetItem`: a store through the instance dict (creating it over the shared keys when missing, as
 * ≤3.10 and builtin subclasses do). `value` null deletes; a missing name raises AttributeError.
 * @cpython Objects/dictobject.c#_PyObjectDict_SetItem
 */
export function _PyObjectDict_SetItem(obj: PyObject, field: string, name: PyObject, value: PyObject | null): void {
  const rt = rtOf(obj)
  let d = _PyObject_GetInstanceDict(obj)
  if (d === null) {
    d = newInstanceDict(rt, obj.ob_type)
    setDictField(obj, field, d)
  }
  if (value === null) {
    if (!PyDict_DelItemIfPresent(d, name)) {
      const isType = (obj.ob_type.tp_flags & (1 << 31)) !== 0
      const m = rt.profile.messages
      const n = PyUnicode_Check(name) ? strValue(name) : '?'
      const msg = isType
        ? fmt(m.typeAttributeErrorDel, { type: trunc((obj as PyTypeObject).tp_name, 50), name: n })
        : fmt(m.attributeErrorDel, { type: trunc(obj.ob_type.tp_name, 100), name: n })
      throw PyErr_Format(rt, 'AttributeError', msg)
    }
    return
  }
  PyDict_SetItem(d, name, value)
}

/** A borrowed attribute value from the instance's dict or values, or null. */
export function instanceLookup(obj: PyObject, name: PyObject): PyObject | null {
  if (obj instanceof PyInstanceObject) {
    const v = obj.ob_values
    if (v !== null) return _PyObject_GetInstanceAttribute(obj, v, (name as PyUnicodeObject).value)
  }
  const d = _PyObject_GetInstanceDict(obj)
  if (d === null) return null
  return name.ob_type === rtOf(obj).types.str ? PyDict_GetItemStr(d, (name as PyUnicodeObject).value) : null
}

// ---------------------------------------------------------------------------------------------------------------
// Split-table hooks (called by dictobject.ts when a split dict changes)
// ---------------------------------------------------------------------------------------------------------------

/**
 * A new key enters a dict built over shared keys: it joins them when there is room (the dict stays split);
 * otherwise, or for a non-str key, or (≤3.10) out of the shared order, the dict becomes a combined table — on 3.13+
 * it then stops sharing the owner's values, and the collector starts counting it.
 * @cpython Objects/dictobject.c#insertdict
 */
export function _PyDict_SplitInsert(mp: PyObject, key: PyObject): void {
  const h = mp as SplitDictHolder
  const info = h.ma_split
  if (info === null || info === undefined) return
  const rt = rtOf(mp)
  if (key.ob_type !== rt.types.str) return splitToCombined(h)
  const name = (key as PyUnicodeObject).value
  const keys = info.keys
  if (rt.profile.objects.instanceDict === 'always-dict') {
    // Split tables require the shared insertion order.
    const used = (mp as PyDictObject).ma_used
    const ix = keys.index.get(name)
    if (ix !== undefined) {
      if (ix !== used) splitToCombined(h)
      return
    }
    if (used !== keys.names.length || keys.dk_usable <= 0) return splitToCombined(h)
    insert_into_dictkeys(keys, name)
    return
  }
  if (insert_into_dictkeys(keys, name) < 0) splitToCombined(h)
}

/** Deleting from a ≤3.10 split dict makes it combined. */
export function _PyDict_SplitDelete(mp: PyObject): void {
  const h = mp as SplitDictHolder
  if (h.ma_split && rtOf(mp).profile.objects.instanceDict === 'always-dict') splitToCombined(h)
}

/** A split dict dies or is emptied: it stops sharing the keys. */
export function _PyDict_SplitRelease(mp: PyObject): void {
  splitToCombined(mp as SplitDictHolder)
}

function splitToCombined(h: SplitDictHolder): void {
  const info = h.ma_split
  if (info) info.keys.dk_refcnt--
  h.ma_split = null
}

/**
 * `_PyDict_DetachFromObject`: the owner lets go of its dict (deallocation, clear, `__dict__` reassignment); a dict that
 * shared the owner's inline values owns them from now on, and the collector sees them through it.
 */
export function _PyDict_DetachFromObject(d: PyObject): void {
  const s = (d as SplitDictHolder).ma_split
  if (s !== null && s !== undefined && s.embedded) s.embedded = false
}

/** Whether a dict still shares its owner's inline values (3.13+): its traverse must skip the values. */
export function _PyDict_HasEmbeddedValues(mp: PyObject): boolean {
  const s = (mp as SplitDictHolder).ma_split
  return s !== null && s !== undefined && s.embedded
}

/**
 * `__sizeof__` of a dict built over shared keys: the dict plus one pointer per usable key; ≤3.10 also counts the keys
 * table once no other object shares it. Returns -1 for a combined dict (the dict module computes it).
 * @cpython Objects/dictobject.c#_PyDict_SizeOf
 */
export function _PyDict_SplitSizeOf(mp: PyObject): number {
  const s = (mp as SplitDictHolder).ma_split
  if (s === null || s === undefined) return -1
  const rt = rtOf(mp)
  const base = rt.types.dict.tp_basicsize
  const ptr = rt.profile.pointerSize
  const keys = s.keys
  if (rt.profile.objects.instanceDict === 'always-dict') {
    const size = 1 << keys.dk_log2_size
    const usable = Math.floor((2 * size) / 3)
    let res = base + usable * ptr
    if (keys.dk_refcnt === 1) res += structSize(rt.profile.objects.dictKeys.headerSize, ptr) + size * (size <= 0xff ? 1 : 2) + usable * 3 * ptr
    return res
  }
  return base + shared_keys_usable_size(keys) * ptr
}

// ---------------------------------------------------------------------------------------------------------------
// Traverse, clear, refs
// ---------------------------------------------------------------------------------------------------------------

function isHeap(t: PyTypeObject): boolean {
  return (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0
}

/** The members a heap type adds itself (its own `__slots__`). */
function ownMembers(t: PyTypeObject): readonly { index: number }[] {
  return t.ht_slots !== null ? t.tp_members : []
}

/** Visits the values of an instance (or of its embedded dict) in key order. */
function visitValues(obj: PyObject, visit: visitproc, arg: unknown): number {
  if (obj instanceof PyInstanceObject && obj.ob_values !== null) {
    const vals = obj.ob_values.values
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i]
      if (v !== null && v !== undefined) {
        const r = visit(v, arg)
        if (r) return r
      }
    }
  }
  return 0
}

/** The values of an embedded dict, in shared-key order. */
function visitEmbeddedDict(d: PyDictObject, keys: SharedKeys, visit: visitproc, arg: unknown): number {
  const dk = d.ma_keys
  // Usually the dict's order is the key order: visit without sorting.
  let last = -1
  let ordered = true
  for (let i = 0; i < dk.length; i++) {
    const k = dk[i]
    if (k === undefined) continue
    const ix = keys.index.get((k as PyUnicodeObject).value) ?? -1
    if (ix <= last) {
      ordered = false
      break
    }
    last = ix
  }
  if (ordered) {
    for (let i = 0; i < dk.length; i++) {
      if (dk[i] === undefined) continue
      const r = visit(d.ma_values[i]!, arg)
      if (r) return r
    }
    return 0
  }
  const pairs: [number, PyObject][] = []
  for (let i = 0; i < dk.length; i++) {
    const k = dk[i]
    if (k === undefined) continue
    const ix = keys.index.get((k as PyUnicodeObject).value) ?? i
    pairs.push([ix, d.ma_values[i]!])
  }
  pairs.sort((a, b) => a[0] - b[0])
  for (const [, v] of pairs) {
    const r = visit(v, arg)
    if (r) return r
  }
  return 0
}

/**
 * `subtype_traverse`: the slots of each heap level, the values or the dict (an embedded dict's values instead of the
 * dict itself), the heap type, then the base's traverse.
 * @cpython Objects/typeobject.c#subtype_traverse
 */
export function subtype_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const type = self.ob_type
  let base = type
  let basetraverse: traverseproc | null
  while ((basetraverse = base.tp_traverse) === subtype_traverse) {
    const r = traverseSlots(base, self, visit, arg)
    if (r) return r
    base = base.tp_base!
  }
  if (type.tp_dictfield === 'ob_dict' && base.tp_dictfield !== 'ob_dict') {
    let r = visitValues(self, visit, arg)
    if (r) return r
    const d = (self as HeapInstanceFields).ob_dict ?? null
    if (d !== null) {
      const s = (d as SplitDictHolder).ma_split
      r = s && s.embedded ? visitEmbeddedDict(d, s.keys, visit, arg) : visit(d, arg)
      if (r) return r
    }
  }
  if (isHeap(type) && (basetraverse === null || !isHeap(base))) {
    const r = visit(type, arg)
    if (r) return r
  }
  return basetraverse !== null ? basetraverse(self, visit, arg) : 0
}

function traverseSlots(t: PyTypeObject, self: PyObject, visit: visitproc, arg: unknown): number {
  const members = ownMembers(t)
  if (members.length === 0) return 0
  const slots = (self as HeapInstanceFields).ob_slots
  if (!slots) return 0
  for (const m of members) {
    const v = slots[m.index]
    if (v !== null && v !== undefined) {
      const r = visit(v, arg)
      if (r) return r
    }
  }
  return 0
}

/**
 * NON-CPYTHON: every reference an instance owns, for the refcount audit (`subtype_traverse` skips the dict of an
 * embedded-values instance, which the instance nevertheless owns).
 */
export function subtype_refs(self: PyObject, visit: visitproc, arg: unknown): number {
  const type = self.ob_type
  let base = type
  while (base.tp_traverse === subtype_traverse || base.tp_refs === subtype_refs) {
    const r = traverseSlots(base, self, visit, arg)
    if (r) return r
    base = base.tp_base!
  }
  if (type.tp_dictfield === 'ob_dict' && base.tp_dictfield !== 'ob_dict') {
    let r = visitValues(self, visit, arg)
    if (r) return r
    const d = (self as HeapInstanceFields).ob_dict ?? null
    if (d !== null) {
      r = visit(d, arg)
      if (r) return r
    }
  }
  if (isHeap(type)) {
    const r = visit(type, arg)
    if (r) return r
  }
  const baseRefs = base.tp_refs ?? base.tp_traverse
  if (baseRefs === null) return 0
  // The base's traverse of a heap base visits the type again: only non-heap bases here.
  return baseRefs(self, visit, arg)
}

/** `clear_slots`: releases the slots one heap level added, in member order. */
function clear_slots(t: PyTypeObject, self: PyObject): void {
  const members = ownMembers(t)
  if (members.length === 0) return
  const slots = (self as HeapInstanceFields).ob_slots
  if (!slots) return
  for (const m of members) {
    const v = slots[m.index]
    if (v !== null && v !== undefined) {
      slots[m.index] = null
      Py_DECREF(v)
    }
  }
}

/**
 * `subtype_clear`: breaks cycles through slots and the instance's attributes, then the base's `tp_clear`.
 * @cpython Objects/typeobject.c#subtype_clear
 */
export function subtype_clear(self: PyObject): number {
  const type = self.ob_type
  let base = type
  while (base.tp_clear === subtype_clear) {
    clear_slots(base, self)
    base = base.tp_base!
  }
  if (type.tp_dictfield === 'ob_dict' && base.tp_dictfield !== 'ob_dict') {
    if (self instanceof PyInstanceObject && self.ob_values !== null) {
      // Values stay allocated, emptied (3.11: _PyObject_ClearInstanceAttributes).
      const vals = self.ob_values.values
      self.ob_values.order.length = 0
      for (let i = 0; i < vals.length; i++) {
        const v = vals[i]
        if (v !== null && v !== undefined) {
          vals[i] = null
          Py_DECREF(v)
        }
      }
    }
    const h = self as HeapInstanceFields
    const d = h.ob_dict ?? null
    if (d !== null) {
      h.ob_dict = null
      _PyDict_DetachFromObject(d)
      Py_DECREF(d)
    }
  }
  const baseclear = base.tp_clear
  return baseclear !== null ? baseclear(self) : 0
}

// ---------------------------------------------------------------------------------------------------------------
// Finalizers
// ---------------------------------------------------------------------------------------------------------------

/**
 * `PyObject_CallFinalizer`: runs `tp_finalize` at most once (the FINALIZED bit of GC objects).
 * @cpython Objects/object.c#PyObject_CallFinalizer
 */
export function PyObject_CallFinalizer(self: PyObject): void {
  const tp = self.ob_type
  const fin = tp.tp_finalize
  if (fin === null) return
  const gc = (tp.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0
  if (gc && (self.gc_flags & PREV_MASK_FINALIZED) !== 0) return
  fin(self)
  if (gc) self.gc_flags |= PREV_MASK_FINALIZED
}

/**
 * The check at the top of `PyObject_CallFinalizerFromDealloc`: the finalizer of a live object (refcount not 0) is a
 * fatal error — an assertion dump with the file line where the profile's CPython has one (3.9+), else a plain fatal
 * error. Exported for @heap/unsafe (`_Py_Dealloc` on a live instance).
 */
export function _PyObject_AssertFinalizerFromDealloc(self: PyObject): void {
  if (self.ob_refcnt === 0) return
  const rt = rtOf(self)
  const msg = 'PyObject_CallFinalizerFromDealloc called on object with a non-zero refcount'
  const line = rt.profile.unsafe.finalizerAssertLine
  if (line === null) rt.hooks.fatalError(rt, null, msg)
  let repr: string
  try {
    const f = self.ob_type.tp_repr
    const r = f !== null ? f(self) : null
    repr = r !== null ? (r as PyUnicodeObject).value : '?'
    if (r !== null) Py_DECREF(r)
  } catch {
    repr = '<repr failed>'
  }
  rt.hooks.writeStderr(
    rt,
    `Objects/object.c:${line}: PyObject_CallFinalizerFromDealloc: Assertion failed: ${msg}\n` +
      'Enable tracemalloc to get the memory block allocation traceback\n\n' +
      `object address  : ${addrHex(self)}\n` +
      `object refcount : ${self.ob_refcnt}\n` +
      `object type     : ${addrHex(self.ob_type)}\n` +
      `object type name: ${self.ob_type.tp_name}\n` +
      `object repr     : ${repr}\n\n`,
  )
  rt.hooks.fatalError(rt, '_PyObject_AssertFailed', '_PyObject_AssertFailed')
}

/**
 * `PyObject_CallFinalizerFromDealloc`: temporarily resurrects the object (count 1), runs the finalizer once, and
 * undoes the resurrection. Returns false when the finalizer resurrected it (the count stays above zero and the
 * deallocation must stop).
 * @cpython Objects/object.c#PyObject_CallFinalizerFromDealloc
 */
export function PyObject_CallFinalizerFromDealloc(self: PyObject): boolean {
  _PyObject_AssertFinalizerFromDealloc(self)
  self.ob_refcnt = 1
  PyObject_CallFinalizer(self)
  self.ob_refcnt -= 1
  return self.ob_refcnt === 0
}

/**
 * The legacy `slot_tp_del` protocol: `tp_del` on every deallocation, with the same temporary resurrection; returns
 * false when `__del__` resurrected the object.
 */
function callLegacyDel(self: PyObject, del: (op: PyObject) => void): boolean {
  self.ob_refcnt = 1
  del(self)
  self.ob_refcnt -= 1
  return self.ob_refcnt === 0
}

// ---------------------------------------------------------------------------------------------------------------
// Deallocation
// ---------------------------------------------------------------------------------------------------------------

/**
 * `subtype_dealloc`: the deallocator of every heap type.
 * @cpython Objects/typeobject.c#subtype_dealloc
 */
export function subtype_dealloc(self: PyObject): void {
  const type = self.ob_type
  const rt = type.tp_runtime
  let base = type
  while (base.tp_dealloc === subtype_dealloc) base = base.tp_base!
  const basedealloc = base.tp_dealloc
  if (_PyObject_GC_IS_TRACKED(self)) _PyObject_GC_UNTRACK(self)
  if (!Py_TRASHCAN_BEGIN(self)) return
  // A non-GC class (2.7 `__slots__ = ()`) is never tracked, not even around its finalizer.
  const gcType = (type.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0
  try {
    const hasFinalizer = type.tp_finalize !== null || type.tp_del !== null
    if (type.tp_finalize !== null) {
      if (gcType) _PyObject_GC_TRACK(self)
      if (!PyObject_CallFinalizerFromDealloc(self)) return // resurrected
      if (gcType) _PyObject_GC_UNTRACK(self)
    }
    const ownWeaklist = type.tp_weaklist && !base.tp_weaklist
    // `PyObject_ClearWeakRefs` refuses an object whose count is not 0 (a forced deallocation): a debug build's
    // `_Py_Dealloc` finds the SystemError it raised and aborts.
    if (ownWeaklist && self.ob_refcnt !== 0 && rt.debugBuild) {
      rt.hooks.fatalError(rt, '_Py_Dealloc', `Deallocator of type '${type.tp_name}' raised an exception`, `SystemError: ${rt.profile.debugBuild.clearWeakRefsSite}: bad argument to internal function`)
    }
    if (ownWeaklist && rt.weakrefs.has(self)) rt.clearWeakRefs(self)
    if (type.tp_del !== null) {
      if (gcType) _PyObject_GC_TRACK(self)
      if (!callLegacyDel(self, type.tp_del)) return // resurrected
      if (gcType) _PyObject_GC_UNTRACK(self)
    }
    if (hasFinalizer && ownWeaklist && rt.weakrefs.has(self)) {
      // Weakrefs created by the finalizer.
      rt.clearWeakRefs(self)
    }
    for (let b = type; b.tp_dealloc === subtype_dealloc; b = b.tp_base!) clear_slots(b, self)
    if (type.tp_dictfield === 'ob_dict' && base.tp_dictfield !== 'ob_dict') {
      if (self instanceof PyInstanceObject && self.ob_values !== null) {
        const v = self.ob_values
        self.ob_values = null
        releaseValues(rt, v)
      }
      const h = self as HeapInstanceFields
      const d = h.ob_dict ?? null
      if (d !== null) {
        h.ob_dict = null
        _PyDict_DetachFromObject(d)
        Py_DECREF(d)
      }
    }
    const type2 = self.ob_type
    if ((base.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0) _PyObject_GC_TRACK(self)
    const typeNeedsDecref = isHeap(type2) && !isHeap(base)
    basedealloc(self)
    if (typeNeedsDecref) Py_DECREF(type2)
  } finally {
    Py_TRASHCAN_END(self)
  }
}

/**
 * `object_dealloc` for heap instances whose solid base is `object`: frees the memory through the type's `tp_free`.
 * @cpython Objects/typeobject.c#object_dealloc
 */
export function object_dealloc(self: PyObject): void {
  const free = self.ob_type.tp_free
  if (free !== null) free(self)
}

/** The size of an instance as `object.__sizeof__` reports it (the basic size: the pre-header is not counted). */
export function instanceSizeof(self: PyObject): number {
  return self.ob_type.tp_basicsize
}

/** Header bytes that `sys.getsizeof` adds for an instance (GC head and pre-header). */
export function instancePreheader(self: PyObject): number {
  return headerBytes(rtOf(self), self.ob_type)
}


/**
 * `set` and `frozenset`: CPython's open-addressing hash table — linear probes (9 slots) then perturbed probing,
 * dummy entries for deleted keys, `fill`/`used`, growth at 60 % fill — so iteration order (table order) and `repr`
 * match CPython for deterministic hashes (ints, tuples of ints, frozensets …). Hashes are exact 64-bit values.
 * The 8-entry small table lives inside the object; larger tables are blocks of the simulated heap.
 * @cpython Objects/setobject.c
 */
import { PyErr_Format, PyErr_SetObject } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, SimulatedMemoryError, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, Py_NewRef } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import { Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE, PyType_IsSubtype, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyDictObject, _setDictSetEntries, dict_lookup } from './dictobject.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PySequence_List, _PyList_RegisterDirectItems } from './listobject.js'
import { PyLong_FromNumber } from './longobject.js'
import { PyObject_GetIter, PyObject_IsTrue, PyObject_RichCompareBool, errMatches, notImplemented, reprText } from './protocols.js'
import { Py_ReprEnter, Py_ReprLeave } from './reprenter.js'
import { PyObject_HashExact, U64, _PyHash_RegisterExact, u64Load, u64Mul, u64ToHash, type Py_hash_t } from './tupleobject.js'
import { dropErr, newBool, newNone } from './type-util.js'
import { PyUnicode_FromString, type PyUnicodeObject } from './unicodeobject.js'

export const PySet_MINSIZE = 8
const LINEAR_PROBES = 9
const PERTURB_SHIFT = 5

/** The key of a deleted entry (its hash is -1). */
const dummy = { dummy: true } as unknown as PyObject

export class PySetObject extends PyObject {
  /** Active + dummy entries. */
  fill: number
  /** Active entries. */
  used: number
  /** Table size - 1. */
  mask: number
  /** The table: null (never used), `dummy` (deleted), or an owned key. */
  table: (PyObject | null)[]
  /** The hash of each slot (0 unused, -1 dummy). */
  hashes: Py_hash_t[]
  /** `frozenset` hash cache, -1 until computed. */
  hash: Py_hash_t
  /** Where `pop()` starts searching. */
  finger: number
  /** NON-CPYTHON: the block of a table larger than the inline small table (0: the small table). */
  table_addr: number
  constructor(type: PyTypeObject) {
    super(type)
    this.fill = 0
    this.used = 0
    this.mask = PySet_MINSIZE - 1
    this.table = new Array<PyObject | null>(PySet_MINSIZE).fill(null)
    this.hashes = new Array<Py_hash_t>(PySet_MINSIZE).fill(0)
    this.hash = -1
    this.finger = 0
    this.table_addr = 0
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** `PyAnySet_Check`. */
export function PyAnySet_Check(rt: Runtime, o: PyObject): boolean {
  const t = o.ob_type
  return t === rt.types.set || t === rt.types.frozenset || PyType_IsSubtype(t, rt.types.set) || PyType_IsSubtype(t, rt.types.frozenset)
}

/** `PySet_Check` (set or a subclass). */
export function PySet_Check(rt: Runtime, o: PyObject): boolean {
  return o.ob_type === rt.types.set || PyType_IsSubtype(o.ob_type, rt.types.set)
}

function isFrozenExact(rt: Runtime, o: PyObject): boolean {
  return o.ob_type === rt.types.frozenset
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Probing                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

/** Low 32 bits of a hash (the part `& mask` sees). */
function hashLow(h: Py_hash_t): number {
  return typeof h === 'number' ? h | 0 : Number(BigInt.asIntN(32, h))
}

// The perturbation, a 64-bit unsigned value as (hi, lo), advanced in place.
let perturbHi = 0
let perturbLo = 0
function perturbInit(h: Py_hash_t): void {
  u64Load(h)
  perturbHi = U64.hi
  perturbLo = U64.lo
}
/** `perturb >>= PERTURB_SHIFT; i = (i * 5 + 1 + perturb) & mask`. */
function perturbNext(i: number, mask: number): number {
  perturbLo = ((perturbLo >>> PERTURB_SHIFT) | (perturbHi << (32 - PERTURB_SHIFT))) >>> 0
  perturbHi = perturbHi >>> PERTURB_SHIFT
  return (i * 5 + 1 + perturbLo) & mask
}

/** Set by `keysMatch`: the comparison changed the table (the probe must restart). */
let tableChanged = false

/** Whether two keys with equal hashes are the same key (identity, str equality, or `startkey == key`). */
function keysMatch(so: PySetObject, startkey: PyObject, key: PyObject): boolean {
  tableChanged = false
  if (startkey === key) return true
  const rt = rtOf(so)
  if (startkey.ob_type === rt.types.str && key.ob_type === rt.types.str) {
    return (startkey as PyUnicodeObject).value === (key as PyUnicodeObject).value
  }
  const table = so.table
  Py_INCREF(startkey)
  let cmp: boolean
  try {
    cmp = PyObject_RichCompareBool(startkey, key, Py_EQ)
  } finally {
    Py_DECREF(startkey)
  }
  tableChanged = table !== so.table
  return cmp
}

/**
 * The slot holding `key`, or -1 (an empty slot ends the probe sequence).
 * @cpython Objects/setobject.c#set_lookkey
 */
function set_lookkey(so: PySetObject, key: PyObject, hash: Py_hash_t): number {
  restart: for (;;) {
    const mask = so.mask
    let i = hashLow(hash) & mask
    perturbInit(hash)
    for (;;) {
      const table = so.table
      const hashes = so.hashes
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0
      let j = i
      do {
        const k = table[j]!
        if (k === null) return -1
        if (k !== dummy && hashes[j] === hash) {
          const m = keysMatch(so, k, key)
          // The comparison changed the table: start over.
          if (tableChanged || table[j] !== k) continue restart
          if (m) return j
        }
        j++
      } while (probes-- > 0)
      i = perturbNext(i, mask)
    }
  }
}

/**
 * Adds a key (a new reference is taken); grows the table when it is 60 % full. Reuses the last dummy slot seen on
 * the probe path.
 * @cpython Objects/setobject.c#set_add_entry
 */
function set_add_entry(so: PySetObject, key: PyObject, hash: Py_hash_t): void {
  Py_INCREF(key)
  restart: for (;;) {
    const mask = so.mask
    let i = hashLow(hash) & mask
    perturbInit(hash)
    let freeslot = -1
    for (;;) {
      const table = so.table
      const hashes = so.hashes
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0
      let j = i
      do {
        const k = table[j]!
        if (k === null) {
          if (freeslot >= 0) {
            so.used++
            so.table[freeslot] = key
            so.hashes[freeslot] = hash
            return
          }
          so.fill++
          so.used++
          table[j] = key
          hashes[j] = hash
          if (so.fill * 5 < mask * 3) return
          set_table_resize(so, so.used > 50000 ? so.used * 2 : so.used * 4)
          return
        }
        if (k !== dummy && hashes[j] === hash) {
          let m: boolean
          try {
            m = keysMatch(so, k, key)
          } catch (e) {
            Py_DECREF(key)
            throw e
          }
          if (m) {
            Py_DECREF(key)
            return
          }
          if (tableChanged || table[j] !== k) continue restart
        } else if (k === dummy) freeslot = j
        j++
      } while (probes-- > 0)
      i = perturbNext(i, mask)
    }
  }
}

/** Inserts a key known to be absent into a table without dummies. @cpython Objects/setobject.c#set_insert_clean */
function set_insert_clean(table: (PyObject | null)[], hashes: Py_hash_t[], mask: number, key: PyObject, hash: Py_hash_t): void {
  let i = hashLow(hash) & mask
  perturbInit(hash)
  for (;;) {
    if (table[i] === null) {
      table[i] = key
      hashes[i] = hash
      return
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] === null) {
          table[i + j] = key
          hashes[i + j] = hash
          return
        }
      }
    }
    i = perturbNext(i, mask)
  }
}

/**
 * Rebuilds the table with the smallest size above `minused` (the entries keep their table order; dummies go away).
 * @cpython Objects/setobject.c#set_table_resize
 */
function set_table_resize(so: PySetObject, minused: number): void {
  const rt = rtOf(so)
  let newsize = PySet_MINSIZE
  while (newsize <= minused) newsize *= 2
  const oldTable = so.table
  const oldHashes = so.hashes
  const oldAddr = so.table_addr
  const oldSize = so.mask + 1
  if (newsize === PySet_MINSIZE && oldAddr === 0 && so.fill === so.used) return
  let newAddr = 0
  if (newsize > PySet_MINSIZE) {
    newAddr = rt.mem.malloc(newsize * setEntrySize(rt))
    if (newAddr < 0) throw new SimulatedMemoryError(newsize * setEntrySize(rt))
  }
  const table = new Array<PyObject | null>(newsize).fill(null)
  const hashes = new Array<Py_hash_t>(newsize).fill(0)
  const newmask = newsize - 1
  for (let i = 0; i < oldSize; i++) {
    const k = oldTable[i]!
    if (k !== null && k !== dummy) set_insert_clean(table, hashes, newmask, k, oldHashes[i]!)
  }
  so.table = table
  so.hashes = hashes
  so.mask = newmask
  so.fill = so.used
  so.table_addr = newAddr
  if (oldAddr !== 0) rt.mem.free(oldAddr, oldSize * setEntrySize(rt))
}

/** `set_contains_entry`. */
function set_contains_entry(so: PySetObject, key: PyObject, hash: Py_hash_t): boolean {
  return set_lookkey(so, key, hash) >= 0
}

/** Marks the entry of `key` deleted; returns false when absent. @cpython Objects/setobject.c#set_discard_entry */
function set_discard_entry(so: PySetObject, key: PyObject, hash: Py_hash_t): boolean {
  const i = set_lookkey(so, key, hash)
  if (i < 0) return false
  const old = so.table[i]!
  so.table[i] = dummy
  so.hashes[i] = -1
  so.used--
  Py_DECREF(old)
  return true
}

function set_add_key(so: PySetObject, key: PyObject): void {
  set_add_entry(so, key, PyObject_HashExact(key))
}

function set_contains_key(so: PySetObject, key: PyObject): boolean {
  return set_contains_entry(so, key, PyObject_HashExact(key))
}

function set_discard_key(so: PySetObject, key: PyObject): boolean {
  return set_discard_entry(so, key, PyObject_HashExact(key))
}

/** Live entries in table order (keys and hashes, borrowed). */
export function setEntries(so: PySetObject): { keys: PyObject[]; hashes: Py_hash_t[] } {
  const keys: PyObject[] = []
  const hashes: Py_hash_t[] = []
  for (let i = 0; i <= so.mask; i++) {
    const k = so.table[i]!
    if (k !== null && k !== dummy) {
      keys.push(k)
      hashes.push(so.hashes[i]!)
    }
  }
  return { keys, hashes }
}

/**
 * Empties the set first (a finalizer that runs meanwhile sees an empty set), then releases the keys in table order
 * and frees the old table.
 * @cpython Objects/setobject.c#set_clear_internal
 */
export function set_clear_internal(self: PyObject): number {
  const so = self as PySetObject
  const rt = rtOf(so)
  const table = so.table
  const size = so.mask + 1
  const addr = so.table_addr
  const used = so.used
  if (addr === 0 && so.fill === 0) return 0
  so.table = new Array<PyObject | null>(PySet_MINSIZE).fill(null)
  so.hashes = new Array<Py_hash_t>(PySet_MINSIZE).fill(0)
  so.fill = 0
  so.used = 0
  so.mask = PySet_MINSIZE - 1
  so.table_addr = 0
  so.hash = -1
  for (let i = 0, left = used; left > 0 && i < size; i++) {
    const k = table[i]!
    if (k !== null && k !== dummy) {
      left--
      Py_DECREF(k)
    }
  }
  if (addr !== 0) rt.mem.free(addr, size * setEntrySize(rt))
  return 0
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Memory slots                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/setobject.c#set_dealloc */
export function set_dealloc(self: PyObject): void {
  const so = self as PySetObject
  const rt = rtOf(so)
  if (so._gc_next !== null) _PyObject_GC_UNTRACK(so)
  if (!Py_TRASHCAN_BEGIN(so)) return
  if (rt.weakrefs.has(so)) rt.clearWeakRefs(so)
  const table = so.table
  const size = so.mask + 1
  let used = so.used
  so.used = 0
  so.fill = 0
  for (let i = 0; used > 0 && i < size; i++) {
    const k = table[i]!
    if (k !== null && k !== dummy) {
      used--
      Py_DECREF(k)
    }
  }
  if (so.table_addr !== 0) rt.mem.free(so.table_addr, size * setEntrySize(rt))
  so.table_addr = 0
  so.table = []
  so.hashes = []
  const free = so.ob_type.tp_free ?? PyObject_GC_Del
  free(so)
  Py_TRASHCAN_END(so)
}

/** @cpython Objects/setobject.c#set_traverse */
export function set_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const so = self as PySetObject
  const table = so.table
  for (let i = 0; i <= so.mask; i++) {
    const k = table[i]!
    if (k !== null && k !== dummy) {
      const r = visit(k, arg)
      if (r !== 0) return r
    }
  }
  return 0
}

/** `sizeof(setentry)`: a key pointer and its hash. */
function setEntrySize(rt: Runtime): number {
  return 2 * rt.profile.pointerSize
}

/** `set.__sizeof__`: the object, plus the table when it is not the inline small table. */
export function set_sizeof(self: PyObject): number {
  const so = self as PySetObject
  return so.ob_type.tp_basicsize + (so.table_addr !== 0 ? (so.mask + 1) * setEntrySize(so.ob_type.tp_runtime) : 0)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Creation and bulk update                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

/** A new empty set/frozenset of `type` (allocated through the type, tracked). */
function alloc_set(type: PyTypeObject): PySetObject {
  return PyType_GenericAllocObject(type, new PySetObject(type), 0)
}

/**
 * `make_new_set`: a new set of `type` filled from `iterable` (may be null).
 * @cpython Objects/setobject.c#make_new_set
 */
export function make_new_set(type: PyTypeObject, iterable: PyObject | null): PySetObject {
  const so = alloc_set(type)
  if (iterable !== null) {
    try {
      set_update_internal(so, iterable)
    } catch (e) {
      Py_DECREF(so)
      throw e
    }
  }
  return so
}

/** `make_new_set_basetype`: results of set operations on subclasses are plain sets or frozensets. */
function make_new_set_basetype(type: PyTypeObject, iterable: PyObject | null): PySetObject {
  const rt = type.tp_runtime
  if (type !== rt.types.set && type !== rt.types.frozenset) type = PyType_IsSubtype(type, rt.types.set) ? rt.types.set : rt.types.frozenset
  return make_new_set(type, iterable)
}

/**
 * `set_merge`: adds the entries of another set; an empty target of the same size copies the table as is, other
 * empty targets re-insert in the source's table order after one resize.
 * @cpython Objects/setobject.c#set_merge
 */
function set_merge(so: PySetObject, other: PySetObject): void {
  if (other === so || other.used === 0) return
  if ((so.fill + other.used) * 5 >= so.mask * 3) set_table_resize(so, (so.used + other.used) * 2)
  if (so.fill === 0 && so.mask === other.mask && other.fill === other.used) {
    for (let i = 0; i <= other.mask; i++) {
      const k = other.table[i]!
      if (k !== null) {
        Py_INCREF(k)
        so.table[i] = k
        so.hashes[i] = other.hashes[i]!
      }
    }
    so.fill = other.fill
    so.used = other.used
    return
  }
  if (so.fill === 0) {
    so.fill = other.used
    so.used = other.used
    for (let i = 0; i <= other.mask; i++) {
      const k = other.table[i]!
      if (k !== null && k !== dummy) {
        Py_INCREF(k)
        set_insert_clean(so.table, so.hashes, so.mask, k, other.hashes[i]!)
      }
    }
    return
  }
  for (let i = 0; i <= other.mask; i++) {
    const k = other.table[i]
    if (k !== null && k !== undefined && k !== dummy) set_add_entry(so, k, other.hashes[i]!)
  }
}

/**
 * `set_update_internal`: from a set (merge), an exact dict (its keys with their stored hashes, after one resize), or
 * any iterable.
 * @cpython Objects/setobject.c#set_update_internal
 */
export function set_update_internal(so: PySetObject, other: PyObject): void {
  const rt = rtOf(so)
  if (PyAnySet_Check(rt, other)) {
    set_merge(so, other as PySetObject)
    return
  }
  if (other.ob_type === rt.types.dict) {
    const d = other as PyDictObject
    const dictsize = d.ma_used
    if ((so.fill + dictsize) * 5 >= so.mask * 3) set_table_resize(so, (so.used + dictsize) * 2)
    for (let i = 0; i < d.ma_keys.length; i++) {
      const k = d.ma_keys[i]
      if (k !== undefined) set_add_entry(so, k, d.ma_hashes[i]!)
    }
    return
  }
  const it = PyObject_GetIter(other)
  try {
    const next = it.ob_type.tp_iternext!
    for (let key = next(it); key !== null; key = next(it)) {
      try {
        set_add_key(so, key)
      } finally {
        Py_DECREF(key)
      }
    }
  } finally {
    Py_DECREF(it)
  }
}

/** `PySet_New(iterable)`: a new set (iterable may be null). */
export function PySet_New(rt: Runtime, iterable: PyObject | null): PySetObject {
  return make_new_set(rt.types.set, iterable)
}

/** `PyFrozenSet_New(iterable)`: a new frozenset (never the empty singleton). */
export function PyFrozenSet_New(rt: Runtime, iterable: PyObject | null): PySetObject {
  return make_new_set(rt.types.frozenset, iterable)
}

/** `PySet_Add`: adds a borrowed key (also used to fill a new frozenset). */
export function PySet_Add(set: PyObject, key: PyObject): void {
  set_add_key(set as PySetObject, key)
}

/** `PySet_Discard`: true when the key was present. */
export function PySet_Discard(set: PyObject, key: PyObject): boolean {
  return set_discard_key(set as PySetObject, key)
}

/** `PySet_Contains`. */
export function PySet_Contains(set: PyObject, key: PyObject): boolean {
  return set_contains_key(set as PySetObject, key)
}

/** `PySet_Size`. */
export function PySet_Size(set: PyObject): number {
  return (set as PySetObject).used
}

/** `PySet_Clear`. */
export function PySet_Clear(set: PyObject): void {
  set_clear_internal(set)
}

/** `_PySet_Update` (SET_UPDATE): adds the items of an iterable. */
export function _PySet_Update(set: PyObject, iterable: PyObject): void {
  set_update_internal(set as PySetObject, iterable)
}

/** `PySet_Pop`. */
export function PySet_Pop(set: PyObject): PyObject {
  return set_pop(set)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Python-level behaviour                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

const none = newNone
const bool = newBool

/** @cpython Objects/setobject.c#set_repr */
export function set_repr(self: PyObject): PyObject {
  const so = self as PySetObject
  const rt = rtOf(so)
  const name = so.ob_type.tp_name
  if (Py_ReprEnter(so)) return PyUnicode_FromString(rt, `${name}(...)`)
  try {
    if (so.used === 0) return PyUnicode_FromString(rt, `${name}()`)
    const keys = PySequence_List(so)
    let listrepr: string
    try {
      listrepr = reprText(keys)
    } finally {
      Py_DECREF(keys)
    }
    const inner = listrepr.slice(1, -1)
    return PyUnicode_FromString(rt, so.ob_type !== rt.types.set ? `${name}({${inner}})` : `{${inner}}`)
  } finally {
    Py_ReprLeave(so)
  }
}

/** @cpython Objects/setobject.c#set_len */
export function set_len(self: PyObject): number {
  return (self as PySetObject).used
}

/**
 * Runs a lookup with `key`; an unhashable set key is retried as a frozenset with the same items (`set_contains`,
 * `set_remove`, `set_discard`).
 * @cpython Objects/setobject.c#set_contains
 */
function withFrozenFallback(so: PySetObject, key: PyObject, op: (so: PySetObject, key: PyObject) => boolean): boolean {
  const rt = rtOf(so)
  try {
    return op(so, key)
  } catch (e) {
    if (!PySet_Check(rt, key) || !errMatches(e, 'TypeError')) throw e
    dropErr(e)
    const tmp = make_new_set(rt.types.frozenset, key)
    try {
      return op(so, tmp)
    } finally {
      Py_DECREF(tmp)
    }
  }
}

/** `key in s`. */
export function set_contains(self: PyObject, key: PyObject): boolean {
  return withFrozenFallback(self as PySetObject, key, set_contains_key)
}

/** `set.__contains__`. */
export function set___contains__(self: PyObject, key: PyObject): PyObject {
  return bool(rtOf(self), set_contains(self, key))
}

/** `set.add(elem)`. */
export function set_add(self: PyObject, key: PyObject): PyObject {
  set_add_key(self as PySetObject, key)
  return none(rtOf(self))
}

function discardWithFrozenFallback(so: PySetObject, key: PyObject): boolean {
  return withFrozenFallback(so, key, set_discard_key)
}

/** `set.remove(elem)`: KeyError(elem) when absent. */
export function set_remove(self: PyObject, key: PyObject): PyObject {
  const rt = rtOf(self)
  if (!discardWithFrozenFallback(self as PySetObject, key)) throw PyErr_SetObject(rt, rt.exc['KeyError']!, key)
  return none(rt)
}

/** `set.discard(elem)`. */
export function set_discard(self: PyObject, key: PyObject): PyObject {
  discardWithFrozenFallback(self as PySetObject, key)
  return none(rtOf(self))
}

/** `set.pop()`: from the search finger onwards. @cpython Objects/setobject.c#set_pop */
export function set_pop(self: PyObject): PyObject {
  const so = self as PySetObject
  const rt = rtOf(so)
  if (so.used === 0) throw PyErr_Format(rt, 'KeyError', 'pop from an empty set')
  let i = so.finger & so.mask
  while (so.table[i] === null || so.table[i] === dummy) {
    i++
    if (i > so.mask) i = 0
  }
  const key = so.table[i]!
  so.table[i] = dummy
  so.hashes[i] = -1
  so.used--
  so.finger = i + 1
  return key
}

/** `set.clear()`. */
export function set_clear(self: PyObject): PyObject {
  set_clear_internal(self)
  return none(rtOf(self))
}

/** `set.copy()`. */
export function set_copy(self: PyObject): PyObject {
  return make_new_set_basetype(self.ob_type, self)
}

/** `frozenset.copy()`: an exact frozenset is returned itself. */
export function frozenset_copy(self: PyObject): PyObject {
  if (isFrozenExact(rtOf(self), self)) return Py_NewRef(self)
  return set_copy(self)
}

/** `set.update(*others)`. */
export function set_update(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  for (let i = 0; i < nargs; i++) set_update_internal(self as PySetObject, args[start + i]!)
  return none(rtOf(self))
}

/** `set.union(*others)`. @cpython Objects/setobject.c#set_union */
export function set_union(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const result = make_new_set_basetype(self.ob_type, self)
  try {
    for (let i = 0; i < nargs; i++) {
      const other = args[start + i]!
      if (other === self) continue
      set_update_internal(result, other)
    }
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/** `s | t`. */
export function set_or(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyAnySet_Check(rt, self) || !PyAnySet_Check(rt, other)) return notImplemented(rt)
  const result = set_copy(self) as PySetObject
  if (self === other) return result
  try {
    set_update_internal(result, other)
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/** `s |= t`. */
export function set_ior(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyAnySet_Check(rt, other)) return notImplemented(rt)
  set_update_internal(self as PySetObject, other)
  return Py_NewRef(self)
}

/**
 * Intersection: iterates the smaller set (or the iterable) and keeps what the other contains; 3.12+ stops once the
 * result is as large as the set.
 * @cpython Objects/setobject.c#set_intersection
 */
export function set_intersection(soIn: PySetObject, other: PyObject): PySetObject {
  const rt = rtOf(soIn)
  if (soIn === other) return set_copy(soIn) as PySetObject
  let so = soIn
  const result = make_new_set_basetype(so.ob_type, null)
  try {
    if (PyAnySet_Check(rt, other)) {
      let o = other as PySetObject
      if (o.used > so.used) {
        const tmp = so
        so = o
        o = tmp
      }
      const { keys, hashes } = setEntries(o)
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!
        Py_INCREF(key)
        try {
          if (set_contains_entry(so, key, hashes[i]!)) set_add_entry(result, key, hashes[i]!)
        } finally {
          Py_DECREF(key)
        }
      }
      return result
    }
    const stopWhenFull = rt.profile.objects.setOps.intersectionStopsWhenFull
    const it = PyObject_GetIter(other)
    try {
      const next = it.ob_type.tp_iternext!
      for (let key = next(it); key !== null; key = next(it)) {
        try {
          const hash = PyObject_HashExact(key)
          if (set_contains_entry(so, key, hash)) {
            set_add_entry(result, key, hash)
            if (stopWhenFull && result.used >= so.used) break
          }
        } finally {
          Py_DECREF(key)
        }
      }
    } finally {
      Py_DECREF(it)
    }
    return result
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
}

/** `set.intersection(*others)`. */
export function set_intersection_multi(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  if (nargs === 0) return set_copy(self)
  let result: PyObject = Py_NewRef(self)
  for (let i = 0; i < nargs; i++) {
    let next: PyObject
    try {
      next = set_intersection(result as PySetObject, args[start + i]!)
    } catch (e) {
      Py_DECREF(result)
      throw e
    }
    Py_DECREF(result)
    result = next
  }
  return result
}

/** Exchanges the contents of two sets (`set_swap_bodies`). */
function set_swap_bodies(a: PySetObject, b: PySetObject): void {
  const rt = rtOf(a)
  const fields = ['fill', 'used', 'mask', 'table', 'hashes', 'table_addr'] as const
  for (const f of fields) {
    const t = a[f]
    ;(a as unknown as Record<string, unknown>)[f] = b[f]
    ;(b as unknown as Record<string, unknown>)[f] = t
  }
  if (PyType_IsSubtype(a.ob_type, rt.types.frozenset) && PyType_IsSubtype(b.ob_type, rt.types.frozenset)) {
    const h = a.hash
    a.hash = b.hash
    b.hash = h
  } else {
    a.hash = -1
    b.hash = -1
  }
}

/** `set.intersection_update(*others)`. */
export function set_intersection_update_multi(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const tmp = set_intersection_multi(self, args, start, nargs) as PySetObject
  set_swap_bodies(self as PySetObject, tmp)
  Py_DECREF(tmp)
  return none(rtOf(self))
}

/** `s & t`. */
export function set_and(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyAnySet_Check(rt, self) || !PyAnySet_Check(rt, other)) return notImplemented(rt)
  return set_intersection(self as PySetObject, other)
}

/** `s &= t`. */
export function set_iand(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyAnySet_Check(rt, other)) return notImplemented(rt)
  const tmp = set_intersection(self as PySetObject, other)
  set_swap_bodies(self as PySetObject, tmp)
  Py_DECREF(tmp)
  return Py_NewRef(self)
}

/** `set.isdisjoint(other)`. @cpython Objects/setobject.c#set_isdisjoint */
export function set_isdisjoint(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  let so = self as PySetObject
  if (self === other) return bool(rt, so.used === 0)
  if (other.ob_type === rt.types.set || other.ob_type === rt.types.frozenset) {
    let o = other as PySetObject
    if (o.used > so.used) {
      const tmp = so
      so = o
      o = tmp
    }
    const { keys, hashes } = setEntries(o)
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!
      Py_INCREF(key)
      try {
        if (set_contains_entry(so, key, hashes[i]!)) return bool(rt, false)
      } finally {
        Py_DECREF(key)
      }
    }
    return bool(rt, true)
  }
  const it = PyObject_GetIter(other)
  try {
    const next = it.ob_type.tp_iternext!
    for (let key = next(it); key !== null; key = next(it)) {
      let rv: boolean
      try {
        rv = set_contains_key(so, key)
      } finally {
        Py_DECREF(key)
      }
      if (rv) return bool(rt, false)
    }
  } finally {
    Py_DECREF(it)
  }
  return bool(rt, true)
}

/**
 * Removes the items of `other`; rebuilds the table when more than a quarter of it is dummies.
 * @cpython Objects/setobject.c#set_difference_update_internal
 */
function set_difference_update_internal(so: PySetObject, other: PyObject): void {
  const rt = rtOf(so)
  if (so === other) {
    set_clear_internal(so)
    return
  }
  if (PyAnySet_Check(rt, other)) {
    let o = other as PySetObject
    // When the other set is more than 8 times larger, only their intersection matters.
    if (o.used >> 3 > so.used) o = set_intersection(so, o)
    else Py_INCREF(o)
    try {
      const { keys, hashes } = setEntries(o)
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!
        Py_INCREF(key)
        try {
          set_discard_entry(so, key, hashes[i]!)
        } finally {
          Py_DECREF(key)
        }
      }
    } finally {
      Py_DECREF(o)
    }
  } else {
    const it = PyObject_GetIter(other)
    try {
      const next = it.ob_type.tp_iternext!
      for (let key = next(it); key !== null; key = next(it)) {
        try {
          set_discard_key(so, key)
        } finally {
          Py_DECREF(key)
        }
      }
    } finally {
      Py_DECREF(it)
    }
  }
  if (so.fill - so.used <= so.mask / 4) return
  set_table_resize(so, so.used > 50000 ? so.used * 2 : so.used * 4)
}

/** `set.difference_update(*others)`. */
export function set_difference_update(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  for (let i = 0; i < nargs; i++) set_difference_update_internal(self as PySetObject, args[start + i]!)
  return none(rtOf(self))
}

function set_copy_and_difference(so: PySetObject, other: PyObject): PySetObject {
  const result = set_copy(so) as PySetObject
  try {
    set_difference_update_internal(result, other)
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/**
 * `s - t`: a new set of the items of s not in t (copy-then-remove when t is small or not a set/dict).
 * @cpython Objects/setobject.c#set_difference
 */
export function set_difference(so: PySetObject, other: PyObject): PySetObject {
  const rt = rtOf(so)
  let otherSize: number
  const isDict = other.ob_type === rt.types.dict
  if (PyAnySet_Check(rt, other)) otherSize = (other as PySetObject).used
  else if (isDict) otherSize = (other as PyDictObject).ma_used
  else return set_copy_and_difference(so, other)
  if (so.used >> 2 > otherSize) return set_copy_and_difference(so, other)
  const result = make_new_set_basetype(so.ob_type, null)
  try {
    const { keys, hashes } = setEntries(so)
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!
      Py_INCREF(key)
      try {
        const inOther = isDict ? dictContainsKnownHash(other as PyDictObject, key, hashes[i]!) : set_contains_entry(other as PySetObject, key, hashes[i]!)
        if (!inOther) set_add_entry(result, key, hashes[i]!)
      } finally {
        Py_DECREF(key)
      }
    }
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/** `_PyDict_Contains_KnownHash`. */
function dictContainsKnownHash(d: PyDictObject, key: PyObject, hash: Py_hash_t): boolean {
  return dict_lookup(d, key, hash) >= 0
}

/** `set.difference(*others)`. */
export function set_difference_multi(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  if (nargs === 0) return set_copy(self)
  const result = set_difference(self as PySetObject, args[start]!)
  try {
    for (let i = 1; i < nargs; i++) set_difference_update_internal(result, args[start + i]!)
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/** `s - t`. */
export function set_sub(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyAnySet_Check(rt, self) || !PyAnySet_Check(rt, other)) return notImplemented(rt)
  return set_difference(self as PySetObject, other)
}

/** `s -= t`. */
export function set_isub(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyAnySet_Check(rt, other)) return notImplemented(rt)
  set_difference_update_internal(self as PySetObject, other)
  return Py_NewRef(self)
}

/** For each key of `other`: removed when present, else added. */
function symmetricUpdateFrom(so: PySetObject, keys: PyObject[], hashes: Py_hash_t[]): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    Py_INCREF(key)
    try {
      if (!set_discard_entry(so, key, hashes[i]!)) set_add_entry(so, key, hashes[i]!)
    } finally {
      Py_DECREF(key)
    }
  }
}

/** `set.symmetric_difference_update(other)`. @cpython Objects/setobject.c#set_symmetric_difference_update */
export function set_symmetric_difference_update(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  const so = self as PySetObject
  if (so === other) return set_clear(so)
  if (other.ob_type === rt.types.dict) {
    const d = other as PyDictObject
    const keys: PyObject[] = []
    const hashes: Py_hash_t[] = []
    for (let i = 0; i < d.ma_keys.length; i++) {
      const k = d.ma_keys[i]
      if (k !== undefined) {
        keys.push(k)
        hashes.push(d.ma_hashes[i]!)
      }
    }
    symmetricUpdateFrom(so, keys, hashes)
    return none(rt)
  }
  let otherset: PySetObject
  if (PyAnySet_Check(rt, other)) otherset = Py_NewRef(other) as PySetObject
  else otherset = make_new_set_basetype(so.ob_type, other)
  try {
    const { keys, hashes } = setEntries(otherset)
    symmetricUpdateFrom(so, keys, hashes)
  } finally {
    Py_DECREF(otherset)
  }
  return none(rt)
}

/** `set.symmetric_difference(other)`: a new set from other, updated with self. */
export function set_symmetric_difference(self: PyObject, other: PyObject): PyObject {
  const otherset = make_new_set_basetype(self.ob_type, other)
  try {
    Py_DECREF(set_symmetric_difference_update(otherset, self))
  } catch (e) {
    Py_DECREF(otherset)
    throw e
  }
  return otherset
}

/** `s ^ t`. */
export function set_xor(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyAnySet_Check(rt, self) || !PyAnySet_Check(rt, other)) return notImplemented(rt)
  return set_symmetric_difference(self, other)
}

/** `s ^= t`. */
export function set_ixor(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyAnySet_Check(rt, other)) return notImplemented(rt)
  Py_DECREF(set_symmetric_difference_update(self, other))
  return Py_NewRef(self)
}

/** `set.issubset(other)`. @cpython Objects/setobject.c#set_issubset */
export function set_issubset(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  const so = self as PySetObject
  if (!PyAnySet_Check(rt, other)) {
    if (rt.profile.objects.setOps.issubsetIterable === 'intersection') {
      const tmp = set_intersection(so, other)
      const result = tmp.used === so.used
      Py_DECREF(tmp)
      return bool(rt, result)
    }
    const tmp = make_new_set(rt.types.set, other)
    try {
      return set_issubset(so, tmp)
    } finally {
      Py_DECREF(tmp)
    }
  }
  const o = other as PySetObject
  if (so.used > o.used) return bool(rt, false)
  const { keys, hashes } = setEntries(so)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    Py_INCREF(key)
    try {
      if (!set_contains_entry(o, key, hashes[i]!)) return bool(rt, false)
    } finally {
      Py_DECREF(key)
    }
  }
  return bool(rt, true)
}

/** `set.issuperset(other)`. @cpython Objects/setobject.c#set_issuperset */
export function set_issuperset(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (PyAnySet_Check(rt, other)) return set_issubset(other, self)
  if (rt.profile.objects.setOps.issupersetIterable === 'copy-to-set') {
    const tmp = make_new_set(rt.types.set, other)
    try {
      return set_issuperset(self, tmp)
    } finally {
      Py_DECREF(tmp)
    }
  }
  const it = PyObject_GetIter(other)
  try {
    const next = it.ob_type.tp_iternext!
    for (let key = next(it); key !== null; key = next(it)) {
      let rv: boolean
      try {
        rv = set_contains_key(self as PySetObject, key)
      } finally {
        Py_DECREF(key)
      }
      if (!rv) return bool(rt, false)
    }
  } finally {
    Py_DECREF(it)
  }
  return bool(rt, true)
}

function truth(o: PyObject): boolean {
  try {
    return PyObject_IsTrue(o)
  } finally {
    Py_DECREF(o)
  }
}

/** @cpython Objects/setobject.c#set_richcompare */
export function set_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = rtOf(v)
  if (!PyAnySet_Check(rt, w)) return notImplemented(rt)
  const a = v as PySetObject
  const b = w as PySetObject
  switch (op) {
    case Py_EQ:
      if (a.used !== b.used) return bool(rt, false)
      if (a.hash !== -1 && b.hash !== -1 && a.hash !== b.hash) return bool(rt, false)
      return set_issubset(a, b)
    case Py_NE:
      return bool(rt, !truth(set_richcompare(v, w, Py_EQ)))
    case Py_LE:
      return set_issubset(a, b)
    case Py_GE:
      return set_issuperset(a, b)
    case Py_LT:
      if (a.used >= b.used) return bool(rt, false)
      return set_issubset(a, b)
    case Py_GT:
      if (a.used <= b.used) return bool(rt, false)
      return set_issuperset(a, b)
  }
  return notImplemented(rt)
}

/** `set.__sizeof__()`. */
export function set___sizeof__(self: PyObject): PyObject {
  return PyLong_FromNumber(rtOf(self), set_sizeof(self))
}

/* frozenset hash: an order-independent xor of shuffled entry hashes, dispersed. */

/**
 * @cpython Objects/setobject.c#frozenset_hash
 */
export function frozenset_hash_exact(self: PyObject): Py_hash_t {
  const so = self as PySetObject
  if (so.hash !== -1) return so.hash
  let hhi = 0
  let hlo = 0
  for (let i = 0; i <= so.mask; i++) {
    const k = so.table[i]!
    if (k === null || k === dummy) continue
    // _shuffle_bits(h) = ((h ^ 89869747) ^ (h << 16)) * 3644798167
    u64Load(so.hashes[i]!)
    const lo = U64.lo
    const hi = U64.hi
    const shlHi = ((hi << 16) | (lo >>> 16)) >>> 0
    const shlLo = (lo << 16) >>> 0
    const xhi = (hi ^ shlHi) >>> 0
    const xlo = (lo ^ 89869747 ^ shlLo) >>> 0
    u64Mul(xhi, xlo, 0, 3644798167)
    hhi = (hhi ^ U64.hi) >>> 0
    hlo = (hlo ^ U64.lo) >>> 0
  }
  // hash ^= (used + 1) * 1927868237
  u64Mul(0, so.used + 1, 0, 1927868237)
  hhi = (hhi ^ U64.hi) >>> 0
  hlo = (hlo ^ U64.lo) >>> 0
  // hash ^= (hash >> 11) ^ (hash >> 25)
  const s11hi = hhi >>> 11
  const s11lo = ((hlo >>> 11) | (hhi << 21)) >>> 0
  const s25hi = hhi >>> 25
  const s25lo = ((hlo >>> 25) | (hhi << 7)) >>> 0
  hhi = (hhi ^ s11hi ^ s25hi) >>> 0
  hlo = (hlo ^ s11lo ^ s25lo) >>> 0
  // hash = hash * 69069 + 907133923
  u64Mul(hhi, hlo, 0, 69069)
  let lo = U64.lo + 907133923
  const carry = lo > 0xffffffff ? 1 : 0
  lo = lo >>> 0
  const hi = (U64.hi + carry) >>> 0
  let h: Py_hash_t = hi === 0xffffffff && lo === 0xffffffff ? 590923713 : u64ToHash(hi, lo)
  if (h === -1) h = 590923713
  so.hash = h
  return h
}

/** `frozenset`'s `tp_hash` (a JS number; see `PyObject_HashExact`). */
export function frozenset_hash(self: PyObject): number {
  return Number(frozenset_hash_exact(self))
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Constructors                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

function noKeywords(rt: Runtime, name: string, kwds: PyObject | null): void {
  if (kwds !== null && (kwds as PyDictObject).ma_used > 0) throw PyErr_Format(rt, 'TypeError', `${name}() takes no keyword arguments`)
}

function unpackOne(rt: Runtime, name: string, args: PyObject): PyObject | null {
  const items = (args as unknown as { ob_item: PyObject[] }).ob_item
  if (items.length > 1) throw PyErr_Format(rt, 'TypeError', `${name} expected at most 1 argument, got ${items.length}`)
  return items.length > 0 ? items[0]! : null
}

/** @cpython Objects/setobject.c#set_new */
export function set_new(type: PyTypeObject, _args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (type === rt.types.set) noKeywords(rt, 'set', kwds)
  return make_new_set(type, null)
}

/** @cpython Objects/setobject.c#set_init */
export function set_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  const so = self as PySetObject
  noKeywords(rt, 'set', kwds)
  const iterable = unpackOne(rt, so.ob_type.tp_name, args)
  if (so.fill > 0) set_clear_internal(so)
  so.hash = -1
  if (iterable !== null) set_update_internal(so, iterable)
}

/** `set(...)` on the exact type (3.9+ `set_vectorcall`). */
export function set_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  if (kwnames !== null && (kwnames as unknown as { ob_item: PyObject[] }).ob_item.length > 0) throw PyErr_Format(rt, 'TypeError', 'set() takes no keyword arguments')
  if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `set expected at most 1 argument, got ${nargs}`)
  return make_new_set(type as PyTypeObject, nargs > 0 ? args[start]! : null)
}

/** The empty frozenset singleton (≤3.9), created on first use and kept by the interpreter. */
const emptyFrozensets = new WeakMap<Runtime, PySetObject>()
function emptyFrozenset(rt: Runtime): PyObject {
  let fs = emptyFrozensets.get(rt)
  if (fs === undefined) {
    fs = make_new_set(rt.types.frozenset, null)
    emptyFrozensets.set(rt, fs)
    const held = fs
    rt.auditRoots.push((visit) => visit(held))
  }
  return Py_NewRef(fs)
}

/** `make_new_frozenset`: `frozenset(f)` of an exact frozenset is f itself; ≤3.9 empty results are the singleton. */
function make_new_frozenset(type: PyTypeObject, iterable: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (type !== rt.types.frozenset) return make_new_set(type, iterable)
  if (iterable !== null && isFrozenExact(rt, iterable)) return Py_NewRef(iterable)
  if (rt.profile.objects.setOps.emptyFrozensetSingleton) {
    if (iterable !== null) {
      const result = make_new_set(type, iterable)
      if (result.used > 0) return result
      Py_DECREF(result)
    }
    return emptyFrozenset(rt)
  }
  return make_new_set(type, iterable)
}

/** @cpython Objects/setobject.c#frozenset_new */
export function frozenset_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (type === rt.types.frozenset || type.tp_init === rt.types.frozenset.tp_init) noKeywords(rt, 'frozenset', kwds)
  const iterable = unpackOne(rt, type.tp_name, args)
  return make_new_frozenset(type, iterable)
}

/** `frozenset(...)` on the exact type (3.9+). */
export function frozenset_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  if (kwnames !== null && (kwnames as unknown as { ob_item: PyObject[] }).ob_item.length > 0) throw PyErr_Format(rt, 'TypeError', 'frozenset() takes no keyword arguments')
  if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `frozenset expected at most 1 argument, got ${nargs}`)
  return make_new_frozenset(type as PyTypeObject, nargs > 0 ? args[start]! : null)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* set_iterator                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

export class PySetIterObject extends PyObject {
  /** Owned; null once exhausted. */
  si_set: PySetObject | null
  si_used: number
  si_pos: number
  len: number
  constructor(type: PyTypeObject, so: PySetObject) {
    super(type)
    this.si_set = so
    this.si_used = so.used
    this.si_pos = 0
    this.len = so.used
  }
}

/** @cpython Objects/setobject.c#set_iter */
export function set_iter(self: PyObject): PyObject {
  const rt = rtOf(self)
  const t = rt.types.set_iterator
  Py_INCREF(self)
  const si = PyObject_GC_Init(rt, new PySetIterObject(t, self as PySetObject), t.tp_basicsize)
  _PyObject_GC_TRACK(si)
  return si
}

/** @cpython Objects/setobject.c#setiter_iternext */
export function setiter_iternext(self: PyObject): PyObject | null {
  const si = self as PySetIterObject
  const so = si.si_set
  if (so === null) return null
  if (si.si_used !== so.used) {
    si.si_used = -1
    throw PyErr_Format(rtOf(si), 'RuntimeError', 'Set changed size during iteration')
  }
  let i = si.si_pos
  const mask = so.mask
  while (i <= mask && (so.table[i] === null || so.table[i] === dummy)) i++
  si.si_pos = i + 1
  if (i > mask) {
    si.si_set = null
    Py_DECREF(so)
    return null
  }
  si.len--
  return Py_NewRef(so.table[i]!)
}

/** @cpython Objects/setobject.c#setiter_dealloc */
export function setiter_dealloc(self: PyObject): void {
  const si = self as PySetIterObject
  if (si._gc_next !== null) _PyObject_GC_UNTRACK(si)
  const so = si.si_set
  si.si_set = null
  if (so !== null) Py_DECREF(so)
  PyObject_GC_Del(si)
}

/** @cpython Objects/setobject.c#setiter_traverse */
export function setiter_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const so = (self as PySetIterObject).si_set
  return so !== null ? visit(so, arg) : 0
}

/** `set_iterator.__length_hint__()`. */
export function setiter_len(self: PyObject): PyObject {
  const si = self as PySetIterObject
  const len = si.si_set !== null && si.si_used === si.si_set.used ? si.len : 0
  return PyLong_FromNumber(rtOf(si), len)
}


/** Registers the set module's hooks with list and dict (3.13+ direct copies, `dict.fromkeys(set)`). */
export function _PySet_InitHooks(): void {
  _PyHash_RegisterExactFrozenset()
  _PyList_RegisterDirectItems((rt, o) => {
    if (o.ob_type !== rt.types.set && o.ob_type !== rt.types.frozenset) return null
    const so = o as PySetObject
    return {
      n: so.used,
      fill: (push) => {
        for (const k of setEntries(so).keys) {
          Py_INCREF(k)
          push(k)
        }
      },
    }
  })
  _setDictSetEntries((rt, o) => (o.ob_type === rt.types.set || o.ob_type === rt.types.frozenset ? setEntries(o as PySetObject) : null))
}

function _PyHash_RegisterExactFrozenset(): void {
  _PyHash_RegisterExact(frozenset_hash, frozenset_hash_exact)
}

/**
 * `dict`: insertion-ordered mapping.
 *
 * Structure (kept stable for other modules, which read `ma_keys`/`ma_values` directly):
 * - entries live in parallel arrays in insertion order — `ma_keys`, `ma_values`, `ma_hashes` — with `undefined` in
 *   the key slot of a deleted entry (a hole, as CPython's compact dict keeps until the table is rebuilt); the arrays'
 *   length is CPython's `dk_nentries`;
 * - lookups go through a JS Map keyed by the key's value for exact str/int/float/bool keys (`ma_index`), and by
 *   hash for every other key (`ma_objindex`);
 * - the keys table CPython would have is described by `dk_log2_size` (0: the shared empty table), `dk_usable`
 *   (entries left before a resize; deletions do not give any back) and `dk_unicode` (a str-only table), and lives in
 *   the simulated heap as a block (`dk_addr`), from the keys free list when CPython uses one;
 * - `ma_split` (instances.ts) marks a dict built over a class's shared keys: those hooks decide its size and when it
 *   becomes an ordinary (combined) table.
 *
 * Tracking follows the profile: 'lazy' dicts start untracked and become tracked when a value that may be tracked is
 * stored (MAINTAIN_TRACKING); 'always' dicts (3.14) are tracked from creation.
 * @cpython Objects/dictobject.c
 */
import { PyErr_Format, PyErr_SetObject } from '../errors.js'
import {
  PyObject_GC_Del,
  PyObject_GC_Init,
  SimulatedMemoryError,
  _PyObject_GC_MAY_BE_TRACKED,
  _PyObject_GC_TRACK,
  _PyObject_GC_UNTRACK,
} from '../object/alloc.js'
import { OB_FREED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, Py_NewRef, _Py_DECREF_AT, _Py_NewReference } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import { Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE, PyType_IsSubtype, Py_TPFLAGS_DICT_SUBCLASS, Py_TPFLAGS_TUPLE_SUBCLASS, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { structSize } from '../profiles/layout.js'
import { PyObject_CallArgs, PyObject_GetAttr, PyObject_GetItem, PyObject_GetIter, PyObject_RichCompareBool_EQ, PyObject_SetItem, PyObject_Size, errMatches, reprText } from './protocols.js'
import { PyDictProxy_New } from './descrobject.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PySequence_Contains } from './iterobject.js'
import { PyLong_FromNumber } from './longobject.js'
import { Py_ReprEnter, Py_ReprLeave } from './reprenter.js'
import { PySequence_Fast, PySequence_List, _PyList_RegisterDirectItems } from './listobject.js'
import { _PyObject_LookupAttrStr, _PyObject_LookupSpecial } from './object-type.js'
import { _PyDict_SplitInsert, _PyDict_SplitDelete, _PyDict_SplitRelease, _PyDict_SplitSizeOf, type SplitDictInfo } from './instances.js'
import { PyUnicode_Check } from './type-util.js'
import { PyObject_HashExact, PyTuple_FromArraySteal, PyTuple_Pack, type PyTupleObject, type Py_hash_t } from './tupleobject.js'
import { PyUnicodeObject, PyUnicode_FromString, PyUnicode_InternFromString, unicode_hash } from './unicodeobject.js'

export const PyDict_MINSIZE = 8

export class PyDictObject extends PyObject {
  /** Number of live entries. */
  ma_used: number
  /** Entries in insertion order; `undefined` key marks a deleted slot. Keys and values are owned. */
  ma_keys: (PyObject | undefined)[]
  ma_values: (PyObject | undefined)[]
  ma_hashes: Py_hash_t[]
  /** Primitive key → entry index. */
  ma_index: Map<unknown, number>
  /** Hash → entry indexes, for keys without a primitive form. */
  ma_objindex: Map<Py_hash_t, number[]> | null
  /** log2 of the hash table size CPython would have (drives `__sizeof__`), 0 when no keys table exists. */
  dk_log2_size: number
  /** `dk_usable`: entries that can still be added before the table must grow. */
  dk_usable: number
  /** The table holds only exact str keys (3.11+ `DICT_KEYS_UNICODE`; ≤3.10 `lookdict_unicode`). */
  dk_unicode: boolean
  /** NON-CPYTHON: the keys table's block in the simulated heap (0: none, or the shared empty table). */
  dk_addr: number
  dk_nbytes: number
  /** Changes on every mutation (for iteration-safety checks). */
  ma_version: number
  /**
   * NON-CPYTHON (type system, additive): set while the dict is a split table over a class's shared keys — an
   * instance `__dict__` (see instances.ts). 3.13+ `embedded` dicts share the owner's values: the owner visits them and
   * `dict_traverse` skips them. Null for ordinary dicts.
   */
  ma_split: SplitDictInfo | null
  constructor(type: PyTypeObject) {
    super(type)
    this.ma_used = 0
    this.ma_keys = []
    this.ma_values = []
    this.ma_hashes = []
    this.ma_index = new Map()
    this.ma_objindex = null
    this.dk_log2_size = 0
    this.dk_usable = 0
    this.dk_unicode = true
    this.dk_addr = 0
    this.dk_nbytes = 0
    this.ma_version = 0
    this.ma_split = null
  }
}

/** `PyDict_Check`. */
export function PyDict_Check(op: PyObject): boolean {
  return (op.ob_type.tp_flags & Py_TPFLAGS_DICT_SUBCLASS) !== 0
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/**
 * The primitive form of a key whose equality and hash are the builtin ones of str, int, float or bool, or
 * `undefined` when the key must be compared through `__eq__`.
 */
export function primitiveKey(rt: Runtime, key: PyObject): unknown {
  const t = key.ob_type
  const types = rt.types
  if (t === types.str) return (key as PyUnicodeObject).value
  const pk = (key as unknown as { primitiveKey?: unknown }).primitiveKey
  if (pk !== undefined && (t === types.int || t === types.bool || t === types.float)) return pk
  return undefined
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The keys table: sizes, memory, free list                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

/** `USABLE_FRACTION(n)`. */
function usableFraction(size: number): number {
  return ((size << 1) / 3) | 0
}

/**
 * `calculate_log2_keysize` (3.11+: a bit-length computation that maps 1..7 to 16) or, ≤3.10, the smallest power of
 * two at least `minsize` (8 at least).
 * @cpython Objects/dictobject.c#calculate_log2_keysize
 */
function calculate_log2_keysize(rt: Runtime, minsize: number): number {
  if (rt.profile.objects.dictKeys.sizing === 'bit-length') {
    const v = ((minsize | PyDict_MINSIZE) - 1) | (PyDict_MINSIZE - 1)
    return 32 - Math.clz32(v)
  }
  let log2 = 3
  while (1 << log2 < minsize) log2++
  return log2
}

/** `estimate_log2_keysize(n)`: a table in which n entries fit. @cpython Objects/dictobject.c#estimate_log2_keysize */
function estimate_log2_keysize(rt: Runtime, n: number): number {
  return calculate_log2_keysize(rt, ((n * 3 + 1) / 2) | 0)
}

/** `_PyDict_KeysSize`: bytes of a keys table (header, indices, entries). */
function keysSize(rt: Runtime, log2: number, unicode: boolean): number {
  const dk = rt.profile.objects.dictKeys
  const size = 1 << log2
  const ix = size <= 0xff ? 1 : size <= 0xffff ? 2 : size <= 0xffffffff ? 4 : 8
  const ptr = rt.profile.pointerSize
  const entry = (unicode && dk.unicodeEntries ? 2 : 3) * ptr
  return structSize(dk.headerSize, ptr) + size * ix + usableFraction(size) * entry
}

function keysFreeList(rt: Runtime): { addr: number; nbytes: number }[] {
  return rt.dictKeysFreelist
}

/** Whether a keys table of this shape goes to / comes from the keys free list. */
function keysFreeListable(rt: Runtime, log2: number, unicode: boolean): boolean {
  return log2 === 3 && (unicode || !rt.profile.objects.dictKeys.unicodeEntries)
}

/**
 * `new_keys_object`: a block for a new keys table (from the keys free list for minimum-size tables).
 * @cpython Objects/dictobject.c#new_keys_object
 */
function new_keys_block(rt: Runtime, mp: PyDictObject, log2: number, unicode: boolean): void {
  if (keysFreeListable(rt, log2, unicode)) {
    const fl = keysFreeList(rt)
    const e = fl.pop()
    if (e !== undefined) {
      mp.dk_addr = e.addr
      mp.dk_nbytes = e.nbytes
      return
    }
  }
  const nbytes = keysSize(rt, log2, unicode)
  const addr = rt.mem.malloc(nbytes)
  if (addr < 0) throw new SimulatedMemoryError(nbytes)
  mp.dk_addr = addr
  mp.dk_nbytes = nbytes
}

/** `free_keys_object`'s memory part: to the keys free list, or back to the allocator. */
function free_keys_block(rt: Runtime, addr: number, nbytes: number, log2: number, unicode: boolean): void {
  if (addr === 0) return
  if (keysFreeListable(rt, log2, unicode)) {
    const fl = keysFreeList(rt)
    if (fl.length < rt.profile.objects.freeLists.dict) {
      fl.push({ addr, nbytes })
      return
    }
  }
  rt.mem.free(addr, nbytes)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Creation                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

/** A dict object from the free list or the allocator, with the empty keys table. */
function new_dict(rt: Runtime): PyDictObject {
  const fl = rt.fl.dict
  let op: PyDictObject
  if (fl.length > 0) {
    op = fl.pop() as PyDictObject
    _Py_NewReference(op)
    op.ob_flags &= ~OB_FREED
  } else {
    op = PyObject_GC_Init(rt, new PyDictObject(rt.types.dict), rt.types.dict.tp_basicsize)
  }
  op.dk_unicode = true
  op.dk_usable = 0
  return op
}

/** `PyDict_New`: a new empty dict (a new reference), from the free list when possible. */
export function PyDict_New(rt: Runtime): PyDictObject {
  const op = new_dict(rt)
  if (rt.profile.objects.dictTracking === 'always') _PyObject_GC_TRACK(op)
  return op
}

/**
 * `_PyDict_NewPresized`: an empty dict whose table already fits `minused` entries (as `BUILD_MAP` makes it); up to 5
 * entries it is `PyDict_New()`. `unicode`: all keys will be str (3.11+'s `_PyDict_FromItems`).
 * @cpython Objects/dictobject.c#_PyDict_NewPresized
 */
export function _PyDict_NewPresized(rt: Runtime, minused: number, unicode = false): PyDictObject {
  if (minused <= usableFraction(PyDict_MINSIZE)) return PyDict_New(rt)
  const log2 = minused > usableFraction(1 << 17) ? 17 : estimate_log2_keysize(rt, minused)
  const op = new_dict(rt)
  const uni = rt.profile.objects.dictKeys.unicodeEntries ? unicode : true
  new_keys_block(rt, op, log2, uni)
  op.dk_log2_size = log2
  op.dk_unicode = uni
  op.dk_usable = usableFraction(1 << log2)
  if (rt.profile.objects.dictTracking === 'always') _PyObject_GC_TRACK(op)
  return op
}

/**
 * `_PyDict_FromItems`: `BUILD_MAP` — a presized dict filled with borrowed keys and values in order.
 * @cpython Objects/dictobject.c#_PyDict_FromItems
 */
export function _PyDict_FromItems(rt: Runtime, keys: readonly PyObject[], values: readonly PyObject[]): PyDictObject {
  let unicode = true
  for (let i = 0; i < keys.length; i++) if (keys[i]!.ob_type !== rt.types.str) unicode = false
  const d = _PyDict_NewPresized(rt, keys.length, unicode)
  try {
    for (let i = 0; i < keys.length; i++) PyDict_SetItem(d, keys[i]!, values[i]!)
  } catch (e) {
    Py_DECREF(d)
    throw e
  }
  return d
}

/** `MAINTAIN_TRACKING`: a lazily tracked dict becomes tracked when it receives a value that may be tracked. */
function maintainTracking(mp: PyDictObject, key: PyObject, value: PyObject): void {
  if (mp._gc_next === null && (_PyObject_GC_MAY_BE_TRACKED(key) || _PyObject_GC_MAY_BE_TRACKED(value))) _PyObject_GC_TRACK(mp)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Index maintenance                                                                                             */
/* ------------------------------------------------------------------------------------------------------------ */

function indexInsert(rt: Runtime, mp: PyDictObject, key: PyObject, hash: Py_hash_t, ix: number): void {
  const pk = primitiveKey(rt, key)
  if (pk !== undefined && pk === pk) {
    mp.ma_index.set(pk, ix)
    return
  }
  if (mp.ma_objindex === null) mp.ma_objindex = new Map()
  const bucket = mp.ma_objindex.get(hash)
  if (bucket) bucket.push(ix)
  else mp.ma_objindex.set(hash, [ix])
}

function indexRemove(rt: Runtime, mp: PyDictObject, key: PyObject, hash: Py_hash_t, ix: number): void {
  const pk = primitiveKey(rt, key)
  if (pk !== undefined && pk === pk) {
    mp.ma_index.delete(pk)
    return
  }
  const bucket = mp.ma_objindex!.get(hash)!
  bucket.splice(bucket.indexOf(ix), 1)
  if (bucket.length === 0) mp.ma_objindex!.delete(hash)
}

/** Rebuilds the entry arrays without holes and the lookup maps. */
function compactEntries(mp: PyDictObject): void {
  const rt = rtOf(mp)
  const keys: (PyObject | undefined)[] = []
  const values: (PyObject | undefined)[] = []
  const hashes: Py_hash_t[] = []
  mp.ma_index = new Map()
  mp.ma_objindex = null
  for (let i = 0; i < mp.ma_keys.length; i++) {
    const k = mp.ma_keys[i]
    if (k === undefined) continue
    const j = keys.length
    keys.push(k)
    values.push(mp.ma_values[i]!)
    hashes.push(mp.ma_hashes[i]!)
    indexInsert(rt, mp, k, hashes[j]!, j)
  }
  mp.ma_keys = keys
  mp.ma_values = values
  mp.ma_hashes = hashes
}

/**
 * `dictresize`: a new keys table of 2**log2 slots (kept str-only only when the old one was and `unicode` allows),
 * holding the live entries without holes; the new block is allocated before the old one is freed.
 * @cpython Objects/dictobject.c#dictresize
 */
function dictresize(mp: PyDictObject, log2: number, unicode: boolean): void {
  const rt = rtOf(mp)
  const uni = rt.profile.objects.dictKeys.unicodeEntries ? unicode && mp.dk_unicode : mp.dk_unicode
  const oldAddr = mp.dk_addr
  const oldBytes = mp.dk_nbytes
  const oldLog2 = mp.dk_log2_size
  const oldUni = mp.dk_unicode
  const split = mp.ma_split !== null
  if (!split) new_keys_block(rt, mp, log2, uni)
  else {
    mp.dk_addr = 0
    mp.dk_nbytes = 0
  }
  if (mp.ma_keys.length !== mp.ma_used) compactEntries(mp)
  mp.dk_log2_size = log2
  mp.dk_unicode = uni
  mp.dk_usable = usableFraction(1 << log2) - mp.ma_used
  if (!split) free_keys_block(rt, oldAddr, oldBytes, oldLog2, oldUni)
}

/** `insertion_resize`: grows (or shrinks) the table to fit 3 × the live entries. */
function insertion_resize(mp: PyDictObject, unicode: boolean): void {
  dictresize(mp, calculate_log2_keysize(rtOf(mp), mp.ma_used * 3), unicode)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Lookup                                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

/** Whether `key` is an exact str. */
function isExactStr(rt: Runtime, key: PyObject): boolean {
  return key.ob_type === rt.types.str
}

/**
 * The entry index of `key`, or -1. May call `__eq__` (and so run Python code).
 * @cpython Objects/dictobject.c#_Py_dict_lookup
 */
export function dict_lookup(mp: PyDictObject, key: PyObject, hash: Py_hash_t): number {
  const rt = mp.ob_type.tp_runtime
  if (mp.dk_unicode && mp.dk_log2_size !== 0 && key.ob_type !== rt.types.str) lookupSwitch(mp)
  const pk = primitiveKey(rt, key)
  if (pk !== undefined && pk === pk) {
    const ix = mp.ma_index.get(pk)
    if (ix !== undefined) return ix
  }
  if (mp.ma_objindex === null) return -1
  const bucket = mp.ma_objindex.get(hash)
  if (!bucket) return -1
  for (let i = 0; i < bucket.length; i++) {
    const ix = bucket[i]!
    const k = mp.ma_keys[ix]!
    if (k === key) return ix
  }
  for (let i = 0; i < bucket.length; i++) {
    const ix = bucket[i]!
    const table = mp.ma_keys
    const k = table[ix]
    if (k === undefined) continue
    Py_INCREF(k)
    let eq: boolean
    try {
      eq = PyObject_RichCompareBool_EQ(k, key)
    } finally {
      Py_DECREF(k)
    }
    // `__eq__` changed the table under us: start over.
    if (mp.ma_keys !== table || table[ix] !== k) return dict_lookup(mp, key, hash)
    if (eq) return ix
  }
  return -1
}

/** ≤3.10: looking up a non-str key switches a str-only table to the general lookup for good. */
function lookupSwitch(mp: PyDictObject): void {
  if (mp.ob_type.tp_runtime.profile.objects.dictKeys.kinds === 'lookup-switch' && mp.ma_split === null) mp.dk_unicode = false
}

/** Looks up a str key by its text: the fast path for attribute and global lookups. Borrowed result. */
export function PyDict_GetItemStr(mp: PyDictObject, name: string): PyObject | null {
  const ix = mp.ma_index.get(name)
  if (ix === undefined) return null
  return mp.ma_values[ix] ?? null
}

/** The hash a dict stores for a key (str hashes are cached on the string). */
function keyHash(mp: PyDictObject, key: PyObject): Py_hash_t {
  const rt = mp.ob_type.tp_runtime
  if (key.ob_type === rt.types.str) return unicode_hash(key)
  return PyObject_HashExact(key)
}

/** The hash of a key, computed only when the lookup needs it (primitive keys are found by value). */
function lookupKey(mp: PyDictObject, key: PyObject): number {
  const rt = rtOf(mp)
  const t = key.ob_type
  if (t === rt.types.str) {
    if (mp.ma_objindex === null) return mp.ma_index.get((key as PyUnicodeObject).value) ?? -1
  } else if (mp.ma_objindex === null && (t === rt.types.int || t === rt.types.bool || t === rt.types.float)) {
    const pk = primitiveKey(rt, key)
    if (pk !== undefined && pk === pk) {
      if (mp.dk_unicode && mp.dk_log2_size !== 0) lookupSwitch(mp)
      return mp.ma_index.get(pk) ?? -1
    }
  }
  return dict_lookup(mp, key, keyHash(mp, key))
}

/** `PyDict_GetItemWithError`: a borrowed value, or null when absent (TypeError for an unhashable key). */
export function PyDict_GetItem(mp: PyDictObject, key: PyObject): PyObject | null {
  const ix = lookupKey(mp, key)
  return ix < 0 ? null : mp.ma_values[ix]!
}

/** `PyDict_GetItemWithError` (alias). */
export const PyDict_GetItemWithError = PyDict_GetItem

/** `PyDict_Contains`. */
export function PyDict_Contains(mp: PyObject, key: PyObject): boolean {
  return lookupKey(mp as PyDictObject, key) >= 0
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Insertion and deletion                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

/**
 * `PyDict_SetItem`: stores borrowed `key` and `value` (both INCREF'd). An existing key keeps its key object.
 * @cpython Objects/dictobject.c#insertdict
 */
export function PyDict_SetItem(mp: PyDictObject, key: PyObject, value: PyObject): void {
  const hash = keyHash(mp, key)
  insertdict(mp, key, hash, value)
}

/** `_PyDict_SetItem_KnownHash`. */
export function _PyDict_SetItem_KnownHash(mp: PyDictObject, key: PyObject, value: PyObject, hash: Py_hash_t): void {
  insertdict(mp, key, hash, value)
}

/** @cpython Objects/dictobject.c#insertdict */
function insertdict(mp: PyDictObject, key: PyObject, hash: Py_hash_t, value: PyObject): void {
  const rt = rtOf(mp)
  const unicodeEntries = rt.profile.objects.dictKeys.unicodeEntries
  const keyIsStr = isExactStr(rt, key)
  if (unicodeEntries && mp.dk_unicode && !keyIsStr && mp.dk_log2_size !== 0 && mp.ma_split === null) {
    // 3.11+: a non-str key turns a str-only table into a general one (through a resize).
    insertion_resize(mp, false)
  }
  Py_INCREF(value)
  let ix: number
  try {
    ix = dict_lookup(mp, key, hash)
  } catch (e) {
    Py_DECREF(value)
    throw e
  }
  maintainTracking(mp, key, value)
  if (ix >= 0) {
    const old = mp.ma_values[ix]!
    mp.ma_values[ix] = value
    mp.ma_version++
    Py_DECREF(old)
    return
  }
  if (mp.ma_split !== null) {
    _PyDict_SplitInsert(mp, key)
    if (mp.ma_split === null) {
      // The dict stops sharing the class's keys: it gets a table of its own.
      mp.dk_unicode = true
      insertion_resize(mp, keyIsStr)
    }
  }
  Py_INCREF(key)
  if (mp.ma_split === null) {
    if (mp.dk_log2_size === 0) {
      // The first key: a minimum-size table (str-only if the key is a str).
      new_keys_block(rt, mp, 3, keyIsStr)
      mp.dk_log2_size = 3
      mp.dk_unicode = keyIsStr
      mp.dk_usable = usableFraction(PyDict_MINSIZE)
    } else if (mp.dk_usable <= 0) insertion_resize(mp, true)
  }
  const j = mp.ma_keys.length
  mp.ma_keys.push(key)
  mp.ma_values.push(value)
  mp.ma_hashes.push(hash)
  indexInsert(rt, mp, key, hash, j)
  mp.ma_used++
  mp.dk_usable--
  mp.ma_version++
}

/** Removes entry `ix` (its key and value are released, key first). @cpython Objects/dictobject.c#delitem_common */
function delitem_common(mp: PyDictObject, ix: number): void {
  const k = mp.ma_keys[ix]!
  const v = mp.ma_values[ix]!
  indexRemove(mp.ob_type.tp_runtime, mp, k, mp.ma_hashes[ix]!, ix)
  mp.ma_keys[ix] = undefined
  mp.ma_values[ix] = undefined
  mp.ma_used--
  mp.ma_version++
  Py_DECREF(k)
  _Py_DECREF_AT(v, 'dict-delitem')
}

/**
 * ≤3.10: deleting from a split table first makes it a combined table of the same size.
 * @cpython Objects/dictobject.c#_PyDict_DelItem_KnownHash
 */
function splitBeforeDelete(mp: PyDictObject): void {
  const split = mp.ma_split
  if (split === null) return
  const log2 = split.keys.dk_log2_size
  _PyDict_SplitDelete(mp)
  if (mp.ma_split === null) {
    mp.dk_unicode = true
    mp.dk_log2_size = 0
    dictresize(mp, log2, true)
  }
}

/** Removes `key`; returns false when it was absent. */
export function PyDict_DelItemIfPresent(mp: PyDictObject, key: PyObject): boolean {
  splitBeforeDelete(mp)
  const ix = lookupKey(mp, key)
  if (ix < 0) return false
  delitem_common(mp, ix)
  return true
}

/** `PyDict_DelItem`: KeyError when absent. */
export function PyDict_DelItem(mp: PyDictObject, key: PyObject): void {
  if (!PyDict_DelItemIfPresent(mp, key)) throw PyErr_SetObject(mp.ob_type.tp_runtime, mp.ob_type.tp_runtime.exc['KeyError']!, key)
}

/**
 * `PyDict_Next`: the position of the next live entry at or after `pos`, or -1 at the end.
 */
/**
 * The entry indexes of `mp` in the order a 2.7 dict's hash table holds them (`PyDict_Next` walks the slots): the
 * live keys are inserted in insertion order into a simulated table — 8 slots, `i = 5*i + perturb + 1` probing with
 * `perturb >>= 5`, grown to the smallest power of two above 4 × used when two thirds full, rehashed in slot order.
 * DEVIATION(cpython): deleted keys are not replayed (their dummy slots could shift later probes).
 * @cpython Objects/dictobject.c#lookdict (2.7) @cpython Objects/dictobject.c#dictresize (2.7)
 */
export function _PyDict_HashSlotOrder(mp: PyDictObject): number[] {
  const M = (1n << 64n) - 1n
  let mask = 7n
  let table: (number | undefined)[] = new Array(8)
  let fill = 0
  // The exact 64-bit hash (`ma_hashes` holds JS numbers, which round beyond 2**53).
  const hashOf = (i: number): bigint => BigInt.asUintN(64, BigInt(PyObject_HashExact(mp.ma_keys[i]!)))
  const insert = (tab: (number | undefined)[], m: bigint, entry: number): void => {
    const h = hashOf(entry)
    let i = h & m
    let perturb = h
    while (tab[Number(i & m)] !== undefined) {
      i = ((i << 2n) + i + perturb + 1n) & M
      perturb >>= 5n
    }
    tab[Number(i & m)] = entry
  }
  for (let e = 0; e < mp.ma_keys.length; e++) {
    if (mp.ma_keys[e] === undefined) continue
    insert(table, mask, e)
    fill++
    if (fill * 3 >= (Number(mask) + 1) * 2) {
      const minused = (fill > 50000 ? 2 : 4) * fill
      let n = 8
      while (n <= minused) n <<= 1
      const old = table
      table = new Array(n)
      mask = BigInt(n - 1)
      for (const x of old) if (x !== undefined) insert(table, mask, x)
    }
  }
  return table.filter((x): x is number => x !== undefined)
}

export function PyDict_Next(mp: PyDictObject, pos: number): number {
  const keys = mp.ma_keys
  while (pos < keys.length && keys[pos] === undefined) pos++
  return pos < keys.length ? pos : -1
}

/** Detaches every entry and the keys table, leaving the shared empty table; returns what was detached. */
function detachAll(mp: PyDictObject): { keys: (PyObject | undefined)[]; values: (PyObject | undefined)[]; addr: number; nbytes: number; log2: number; uni: boolean } {
  const out = { keys: mp.ma_keys, values: mp.ma_values, addr: mp.dk_addr, nbytes: mp.dk_nbytes, log2: mp.dk_log2_size, uni: mp.dk_unicode }
  mp.ma_keys = []
  mp.ma_values = []
  mp.ma_hashes = []
  mp.ma_index = new Map()
  mp.ma_objindex = null
  mp.ma_used = 0
  mp.dk_log2_size = 0
  mp.dk_usable = 0
  mp.dk_unicode = true
  mp.dk_addr = 0
  mp.dk_nbytes = 0
  return out
}

/** Releases detached entries in insertion order (key, then value), then frees the keys block. */
function releaseDetached(rt: Runtime, d: ReturnType<typeof detachAll>): void {
  for (let i = 0; i < d.keys.length; i++) {
    const k = d.keys[i]
    if (k === undefined) continue
    Py_DECREF(k)
    Py_DECREF(d.values[i]!)
  }
  free_keys_block(rt, d.addr, d.nbytes, d.log2, d.uni)
}

/** @cpython Objects/dictobject.c#PyDict_Clear */
export function PyDict_Clear(mp: PyDictObject): void {
  if (mp.dk_log2_size === 0 && mp.ma_keys.length === 0 && mp.ma_split === null) return
  const rt = rtOf(mp)
  const d = detachAll(mp)
  mp.ma_version++
  if (mp.ma_split !== null && !mp.ma_split.embedded) _PyDict_SplitRelease(mp)
  releaseDetached(rt, d)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Memory slots                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

/** `dict.__sizeof__`. @cpython Objects/dictobject.c#_PyDict_SizeOf */
export function dict_sizeof(mp: PyDictObject): number {
  if (mp.ma_split !== null) return _PyDict_SplitSizeOf(mp)
  const rt = mp.ob_type.tp_runtime
  const base = mp.ob_type.tp_basicsize
  if (mp.dk_log2_size === 0) return base
  return base + keysSize(rt, mp.dk_log2_size, mp.dk_unicode)
}

/** @cpython Objects/dictobject.c#dict_dealloc */
export function dict_dealloc(self: PyObject): void {
  const mp = self as PyDictObject
  const rt = mp.ob_type.tp_runtime
  if (mp._gc_next !== null) _PyObject_GC_UNTRACK(mp)
  if (!Py_TRASHCAN_BEGIN(mp)) return
  const d = detachAll(mp)
  if (mp.ma_split !== null) _PyDict_SplitRelease(mp)
  // Entries are released in insertion order.
  releaseDetached(rt, d)
  const fl = rt.fl.dict
  if (mp.ob_type === rt.types.dict && fl.length < rt.profile.objects.freeLists.dict) {
    mp.ob_flags |= OB_FREED
    fl.push(mp)
  } else PyObject_GC_Del(mp)
  Py_TRASHCAN_END(mp)
}

/**
 * `dict_traverse`: values, and keys only in general tables (str keys of a str-only table are not visited).
 * @cpython Objects/dictobject.c#dict_traverse
 */
export function dict_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const mp = self as PyDictObject
  const keys = mp.ma_keys
  const values = mp.ma_values
  // A dict that shares an instance's inline values does not visit them (the instance does).
  if (mp.ma_split !== null && mp.ma_split.embedded) return 0
  if (mp.ob_type.tp_runtime.profile.objects.dictTraverse === 'keys-and-values') {
    // 2.7: every entry's key, then its value.
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]
      const v = values[i]
      if (k === undefined || v === undefined || v === null) continue
      let r = visit(k, arg)
      if (r !== 0) return r
      r = visit(v, arg)
      if (r !== 0) return r
    }
    return 0
  }
  const general = !mp.dk_unicode && mp.ma_split === null
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    if (k === undefined) continue
    let r = visit(values[i]!, arg)
    if (r !== 0) return r
    if (general) {
      r = visit(k, arg)
      if (r !== 0) return r
    }
  }
  return 0
}

/** NON-CPYTHON: every key and value the dict owns, for the refcount audit (dict_traverse skips some). */
export function dict_refs(self: PyObject, visit: visitproc, arg: unknown): number {
  const mp = self as PyDictObject
  const keys = mp.ma_keys
  const values = mp.ma_values
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    if (k === undefined) continue
    let r = visit(k, arg)
    if (r !== 0) return r
    r = visit(values[i]!, arg)
    if (r !== 0) return r
  }
  return 0
}

/** @cpython Objects/dictobject.c#dict_tp_clear */
export function dict_tp_clear(self: PyObject): number {
  PyDict_Clear(self as PyDictObject)
  return 0
}

/**
 * Untracks a dict whose keys and values can never form a cycle (≤3.13 collections of the oldest generation).
 * @cpython Objects/dictobject.c#_PyDict_MaybeUntrack
 */
export function _PyDict_MaybeUntrack(op: PyObject): void {
  const mp = op as PyDictObject
  if (mp._gc_next === null) return
  const keys = mp.ma_keys
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    if (k === undefined) continue
    if (_PyObject_GC_MAY_BE_TRACKED(mp.ma_values[i]!) || _PyObject_GC_MAY_BE_TRACKED(k)) return
  }
  _PyObject_GC_UNTRACK(mp)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Copy and merge                                                                                                */
/* ------------------------------------------------------------------------------------------------------------ */

/** Copies `src`'s table exactly (same size, same holes) into the empty `dst`: `clone_combined_dict_keys`. */
function cloneInto(dst: PyDictObject, src: PyDictObject): void {
  const rt = rtOf(dst)
  const nbytes = keysSize(rt, src.dk_log2_size, src.dk_unicode)
  const addr = rt.mem.malloc(nbytes)
  if (addr < 0) throw new SimulatedMemoryError(nbytes)
  const old = detachAll(dst)
  dst.dk_addr = addr
  dst.dk_nbytes = nbytes
  dst.dk_log2_size = src.dk_log2_size
  dst.dk_unicode = src.dk_unicode
  dst.dk_usable = src.dk_usable
  dst.ma_keys = src.ma_keys.slice()
  dst.ma_values = src.ma_values.slice()
  dst.ma_hashes = src.ma_hashes.slice()
  dst.ma_index = new Map(src.ma_index)
  dst.ma_objindex = src.ma_objindex === null ? null : new Map([...src.ma_objindex].map(([h, b]) => [h, b.slice()]))
  dst.ma_used = src.ma_used
  dst.ma_version++
  for (let i = 0; i < dst.ma_keys.length; i++) {
    const k = dst.ma_keys[i]
    if (k === undefined) continue
    Py_INCREF(k)
    Py_INCREF(dst.ma_values[i]!)
  }
  releaseDetached(rt, old)
}

/**
 * `PyDict_Copy`: a compact source is cloned table and all; otherwise its entries are merged into a new dict.
 * @cpython Objects/dictobject.c#PyDict_Copy
 */
export function PyDict_Copy(o: PyObject): PyDictObject {
  const mp = o as PyDictObject
  const rt = rtOf(mp)
  if (mp.ma_used === 0) return PyDict_New(rt)
  if (mp.ob_type.tp_iter === rt.types.dict.tp_iter && mp.ma_split === null && mp.ma_used >= Math.floor((mp.ma_keys.length * 2) / 3)) {
    const copy = new_dict(rt)
    cloneInto(copy, mp)
    if (mp._gc_next !== null || rt.profile.objects.dictTracking === 'always') _PyObject_GC_TRACK(copy)
    return copy
  }
  const copy = PyDict_New(rt)
  try {
    PyDict_Merge(copy, mp, 1)
  } catch (e) {
    Py_DECREF(copy)
    throw e
  }
  return copy
}

/**
 * `PyDict_Merge(a, b, override)`: entries of a dict `b` are inserted in order after one up-front resize (3.10+ clone
 * a compact source into an empty target); other mappings go through `keys()` and `b[key]`. override: 1 replaces,
 * 0 keeps existing keys, 2 raises KeyError on a duplicate.
 * @cpython Objects/dictobject.c#dict_merge
 */
export function PyDict_Merge(a: PyObject, b: PyObject, override: number): void {
  const mp = a as PyDictObject
  const rt = rtOf(mp)
  if (PyDict_Check(b) && b.ob_type.tp_iter === rt.types.dict.tp_iter) {
    const other = b as PyDictObject
    if (other === mp || other.ma_used === 0) return
    if (mp.ma_used === 0) {
      override = 1
      if (
        rt.profile.objects.dictKeys.mergeClone &&
        other.ma_split === null &&
        mp.ma_split === null &&
        other.ma_used === other.ma_keys.length &&
        (other.dk_log2_size === 3 || usableFraction((1 << other.dk_log2_size) / 2) < other.ma_used)
      ) {
        cloneInto(mp, other)
        if (other._gc_next !== null && mp._gc_next === null) _PyObject_GC_TRACK(mp)
        return
      }
    }
    const size = mp.dk_log2_size === 0 ? 1 : 1 << mp.dk_log2_size
    if (usableFraction(size) < other.ma_used && mp.ma_split === null) {
      dictresize(mp, estimate_log2_keysize(rt, mp.ma_used + other.ma_used), other.dk_unicode)
    }
    const n = other.ma_keys.length
    for (let i = 0; i < n && i < other.ma_keys.length; i++) {
      const key = other.ma_keys[i]
      if (key === undefined) continue
      const value = other.ma_values[i]!
      const hash = other.ma_hashes[i]!
      Py_INCREF(key)
      Py_INCREF(value)
      try {
        if (override === 1) insertdict(mp, key, hash, value)
        else {
          const ix = dict_lookup(mp, key, hash)
          if (ix < 0) insertdict(mp, key, hash, value)
          else if (override !== 0) throw PyErr_SetObject(rt, rt.exc['KeyError']!, key)
        }
      } finally {
        Py_DECREF(value)
        Py_DECREF(key)
      }
      if (n !== other.ma_keys.length) throw PyErr_Format(rt, 'RuntimeError', 'dict mutated during update')
    }
    return
  }
  // A generic mapping: keys() then b[key].
  const keys = callMethod(b, 'keys', [])
  try {
    const it = getIter(keys)
    try {
      for (let key = it.ob_type.tp_iternext!(it); key !== null; key = it.ob_type.tp_iternext!(it)) {
        try {
          if (override !== 1 && PyDict_Contains(mp, key)) {
            if (override !== 0) throw PyErr_SetObject(rt, rt.exc['KeyError']!, key)
            continue
          }
          const value = getItem(b, key)
          try {
            PyDict_SetItem(mp, key, value)
          } finally {
            Py_DECREF(value)
          }
        } finally {
          Py_DECREF(key)
        }
      }
    } finally {
      Py_DECREF(it)
    }
  } finally {
    Py_DECREF(keys)
  }
}

/** `PyDict_Update(a, b)`. */
export function PyDict_Update(a: PyObject, b: PyObject): void {
  PyDict_Merge(a, b, 1)
}

/**
 * `PyDict_MergeFromSeq2`: pairs from an iterable of 2-sequences.
 * @cpython Objects/dictobject.c#PyDict_MergeFromSeq2
 */
export function PyDict_MergeFromSeq2(d: PyObject, seq2: PyObject, override: boolean): void {
  const rt = rtOf(d)
  const it = getIter(seq2)
  try {
    for (let i = 0; ; ++i) {
      const item = it.ob_type.tp_iternext!(it)
      if (item === null) break
      try {
        let fast: PyObject
        try {
          fast = sequenceFast(item, '')
        } catch (e) {
          if (isErr(e, 'TypeError')) {
            Py_DECREF((e as { exc: PyObject }).exc)
            throw PyErr_Format(rt, 'TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`)
          }
          throw e
        }
        try {
          const items = (fast as unknown as { ob_item: PyObject[] }).ob_item
          if (items.length !== 2) {
            throw PyErr_Format(rt, 'ValueError', `dictionary update sequence element #${i} has length ${items.length}; 2 is required`)
          }
          const key = items[0]!
          const value = items[1]!
          Py_INCREF(key)
          Py_INCREF(value)
          try {
            if (override) PyDict_SetItem(d as PyDictObject, key, value)
            else if (!PyDict_Contains(d, key)) PyDict_SetItem(d as PyDictObject, key, value)
          } finally {
            Py_DECREF(key)
            Py_DECREF(value)
          }
        } finally {
          Py_DECREF(fast)
        }
      } finally {
        Py_DECREF(item)
      }
    }
  } finally {
    Py_DECREF(it)
  }
}

/**
 * `dict_update_arg`: a dict is merged; an object with `keys` is treated as a mapping; anything else as pairs.
 * @cpython Objects/dictobject.c#dict_update_arg
 */
export function dict_update_arg(self: PyObject, arg: PyObject): void {
  const rt = rtOf(self)
  if (arg.ob_type === rt.types.dict) {
    PyDict_Merge(self, arg, 1)
    return
  }
  if (hasAttr(arg, 'keys')) {
    PyDict_Merge(self, arg, 1)
    return
  }
  PyDict_MergeFromSeq2(self, arg, true)
}

function getIter(o: PyObject): PyObject {
  return PyObject_GetIter(o)
}
function getItem(o: PyObject, key: PyObject): PyObject {
  return PyObject_GetItem(o, key)
}
/** `PyObject_CallMethod(o, name, *args)`: a bound-attribute call. */
function callMethod(o: PyObject, name: string, args: readonly PyObject[]): PyObject {
  const rt = rtOf(o)
  const n = PyUnicode_InternFromString(rt, name)
  let f: PyObject
  try {
    f = PyObject_GetAttr(o, n)
  } finally {
    Py_DECREF(n)
  }
  try {
    return PyObject_CallArgs(f, args)
  } finally {
    Py_DECREF(f)
  }
}
function hasAttr(o: PyObject, name: string): boolean {
  const v = _PyObject_LookupAttrStr(o, name)
  if (v === null) return false
  Py_DECREF(v)
  return true
}
function sequenceFast(o: PyObject, msg: string): PyObject {
  return PySequence_Fast(o, msg)
}
function isErr(e: unknown, name: string): boolean {
  return errMatches(e, name)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Equality                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/dictobject.c#dict_equal */
export function dict_equal(a: PyDictObject, b: PyDictObject): boolean {
  if (a.ma_used !== b.ma_used) return false
  for (let i = 0; i < a.ma_keys.length; i++) {
    const key = a.ma_keys[i]
    if (key === undefined) continue
    const aval = a.ma_values[i]!
    Py_INCREF(aval)
    Py_INCREF(key)
    try {
      const ix = dict_lookup(b, key, a.ma_hashes[i]!)
      if (ix < 0) return false
      const bval = b.ma_values[ix]!
      Py_INCREF(bval)
      try {
        if (!PyObject_RichCompareBool_EQ(aval, bval)) return false
      } finally {
        Py_DECREF(bval)
      }
    } finally {
      Py_DECREF(key)
      Py_DECREF(aval)
    }
  }
  return true
}

/** @cpython Objects/dictobject.c#dict_richcompare */
export function dict_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = rtOf(v)
  let res: PyObject
  if (!PyDict_Check(v) || !PyDict_Check(w) || (op !== Py_EQ && op !== Py_NE)) res = rt.NotImplemented
  else res = dict_equal(v as PyDictObject, w as PyDictObject) === (op === Py_EQ) ? rt.True : rt.False
  Py_INCREF(res)
  return res
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Python-level behaviour: repr, mapping slots, methods, constructor                                             */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/dictobject.c#dict_repr */
export function dict_repr(self: PyObject): PyObject {
  const mp = self as PyDictObject
  const rt = rtOf(mp)
  if (Py_ReprEnter(mp)) return PyUnicode_FromString(rt, '{...}')
  try {
    if (mp.ma_used === 0) return PyUnicode_FromString(rt, '{}')
    let s = '{'
    let first = true
    // The dict may change while its items are repr'd: re-read the entries each time.
    for (let i = 0; i < mp.ma_keys.length; i++) {
      const key = mp.ma_keys[i]
      if (key === undefined) continue
      const value = mp.ma_values[i]!
      if (!first) s += ', '
      first = false
      Py_INCREF(key)
      Py_INCREF(value)
      try {
        s += reprText(key)
        s += ': '
        s += reprText(value)
      } finally {
        Py_DECREF(key)
        Py_DECREF(value)
      }
    }
    return PyUnicode_FromString(rt, s + '}')
  } finally {
    Py_ReprLeave(mp)
  }
}

/** @cpython Objects/dictobject.c#dict_length */
export function dict_length(self: PyObject): number {
  return (self as PyDictObject).ma_used
}

/**
 * `d[key]`: KeyError(key) when absent — after trying `__missing__` on dict subclasses.
 * @cpython Objects/dictobject.c#dict_subscript
 */
export function dict_subscript(self: PyObject, key: PyObject): PyObject {
  const mp = self as PyDictObject
  const rt = rtOf(mp)
  const ix = lookupKey(mp, key)
  if (ix >= 0) return Py_NewRef(mp.ma_values[ix]!)
  if (mp.ob_type !== rt.types.dict) {
    const missing = _PyObject_LookupSpecial(mp, '__missing__')
    if (missing !== null) {
      try {
        return PyObject_CallArgs(missing, [key])
      } finally {
        Py_DECREF(missing)
      }
    }
  }
  throw PyErr_SetObject(rt, rt.exc['KeyError']!, key)
}

/** @cpython Objects/dictobject.c#dict_ass_sub */
export function dict_ass_sub(self: PyObject, key: PyObject, value: PyObject | null): void {
  if (value === null) PyDict_DelItem(self as PyDictObject, key)
  else PyDict_SetItem(self as PyDictObject, key, value)
}

/** @cpython Objects/dictobject.c#dict_contains */
export function dict_sq_contains(self: PyObject, key: PyObject): boolean {
  return PyDict_Contains(self, key)
}

/** `dict.__contains__(key)`. */
export function dict___contains__(self: PyObject, key: PyObject): PyObject {
  return Py_NewRef(PyDict_Contains(self, key) ? rtOf(self).True : rtOf(self).False)
}

/** `dict.get(key, default=None)`. @cpython Objects/dictobject.c#dict_get_impl */
export function dict_get(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = rtOf(self)
  checkRange(rt, 'get', nargs, 1, 2)
  const v = PyDict_GetItem(self as PyDictObject, args[start]!)
  if (v !== null) return Py_NewRef(v)
  return Py_NewRef(nargs > 1 ? args[start + 1]! : rt.None)
}

/**
 * `dict.setdefault(key, default=None)`: the value, inserting `default` first when the key is absent.
 * @cpython Objects/dictobject.c#PyDict_SetDefault
 */
export function dict_setdefault(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = rtOf(self)
  checkRange(rt, 'setdefault', nargs, 1, 2)
  return PyDict_SetDefault(self, args[start]!, nargs > 1 ? args[start + 1]! : rt.None)
}

/** `PyDict_SetDefault`: a new reference to the value now stored under `key`. */
export function PyDict_SetDefault(self: PyObject, key: PyObject, dflt: PyObject): PyObject {
  const mp = self as PyDictObject
  const hash = keyHash(mp, key)
  const ix = dict_lookup(mp, key, hash)
  if (ix >= 0) return Py_NewRef(mp.ma_values[ix]!)
  insertdict(mp, key, hash, dflt)
  return Py_NewRef(dflt)
}

/**
 * `dict.pop(key[, default])`: an empty dict answers without hashing the key.
 * @cpython Objects/dictobject.c#_PyDict_Pop
 */
export function dict_pop(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = rtOf(self)
  checkRange(rt, 'pop', nargs, 1, 2)
  return _PyDict_Pop(self, args[start]!, nargs > 1 ? args[start + 1]! : null)
}

/** `_PyDict_Pop`: the removed value, or `deflt`, or KeyError. */
export function _PyDict_Pop(self: PyObject, key: PyObject, deflt: PyObject | null): PyObject {
  const mp = self as PyDictObject
  const rt = rtOf(mp)
  if (mp.ma_used === 0) {
    if (deflt !== null) return Py_NewRef(deflt)
    throw PyErr_SetObject(rt, rt.exc['KeyError']!, key)
  }
  splitBeforeDelete(mp)
  const ix = lookupKey(mp, key)
  if (ix < 0) {
    if (deflt !== null) return Py_NewRef(deflt)
    throw PyErr_SetObject(rt, rt.exc['KeyError']!, key)
  }
  const v = Py_NewRef(mp.ma_values[ix]!)
  delitem_common(mp, ix)
  return v
}

/**
 * `dict.popitem()`: removes the last entry (LIFO); the table's entry count shrinks to it, but its room is not given
 * back.
 * @cpython Objects/dictobject.c#dict_popitem_impl
 */
export function dict_popitem(self: PyObject): PyObject {
  const mp = self as PyDictObject
  const rt = rtOf(mp)
  if (mp.ma_used === 0) throw PyErr_Format(rt, 'KeyError', 'popitem(): dictionary is empty')
  splitBeforeDelete(mp)
  if (mp.ma_split !== null) {
    // A split table becomes combined (of the shared keys' size) before popping.
    const log2 = mp.ma_split.keys.dk_log2_size
    _PyDict_SplitRelease(mp)
    mp.dk_unicode = true
    mp.dk_log2_size = 0
    dictresize(mp, log2, true)
  }
  let i = mp.ma_keys.length - 1
  while (i >= 0 && mp.ma_keys[i] === undefined) i--
  const key = mp.ma_keys[i]!
  const value = mp.ma_values[i]!
  indexRemove(rt, mp, key, mp.ma_hashes[i]!, i)
  mp.ma_keys.length = i
  mp.ma_values.length = i
  mp.ma_hashes.length = i
  mp.ma_used--
  mp.ma_version++
  // The (key, value) tuple takes over the dict's references.
  return PyTuple_FromArraySteal(rt, [key, value])
}

/** `dict.keys()` / `values()` / `items()`. */
export function dict_keys(self: PyObject): PyObject {
  return dictview_new(self, rtOf(self).types.dict_keys)
}
export function dict_values(self: PyObject): PyObject {
  return dictview_new(self, rtOf(self).types.dict_values)
}
export function dict_items(self: PyObject): PyObject {
  return dictview_new(self, rtOf(self).types.dict_items)
}

/** `dict.update([other], **kwargs)`. @cpython Objects/dictobject.c#dict_update */
export function dict_update(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = rtOf(self)
  if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `update expected at most 1 argument, got ${nargs}`)
  if (nargs === 1) dict_update_arg(self, args[start]!)
  mergeKwnames(self as PyDictObject, args, start + nargs, kwnames)
  return Py_NewRef(rt.None)
}

function mergeKwnames(mp: PyDictObject, args: readonly PyObject[], kwstart: number, kwnames: PyObject | null): void {
  if (kwnames === null) return
  const names = (kwnames as unknown as { ob_item: PyObject[] }).ob_item
  for (let i = 0; i < names.length; i++) PyDict_SetItem(mp, names[i]!, args[kwstart + i]!)
}

/**
 * `dict.fromkeys(iterable, value=None)` (a classmethod): exact dicts from a dict or a set are sized up front.
 * @cpython Objects/dictobject.c#_PyDict_FromKeys
 */
export function dict_fromkeys(cls: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = rtOf(cls)
  checkRange(rt, 'fromkeys', nargs, 1, 2)
  const iterable = args[start]!
  const value = nargs > 1 ? args[start + 1]! : rt.None
  const d = PyObject_CallArgs(cls, [])
  try {
    if (d.ob_type === rt.types.dict) {
      const mp = d as PyDictObject
      if (iterable.ob_type === rt.types.dict) {
        const src = iterable as PyDictObject
        dictresize(mp, estimate_log2_keysize(rt, src.ma_used), src.dk_unicode)
        for (let i = 0; i < src.ma_keys.length; i++) {
          const k = src.ma_keys[i]
          if (k !== undefined) insertdict(mp, k, src.ma_hashes[i]!, value)
        }
        return d
      }
      const setEntries = setEntriesOf(rt, iterable)
      if (setEntries !== null) {
        dictresize(mp, estimate_log2_keysize(rt, setEntries.keys.length), false)
        for (let i = 0; i < setEntries.keys.length; i++) insertdict(mp, setEntries.keys[i]!, setEntries.hashes[i]!, value)
        return d
      }
    }
    const it = PyObject_GetIter(iterable)
    try {
      for (let key = it.ob_type.tp_iternext!(it); key !== null; key = it.ob_type.tp_iternext!(it)) {
        try {
          if (d.ob_type === rt.types.dict) PyDict_SetItem(d as PyDictObject, key, value)
          else PyObject_SetItem(d, key, value)
        } finally {
          Py_DECREF(key)
        }
      }
    } finally {
      Py_DECREF(it)
    }
    return d
  } catch (e) {
    Py_DECREF(d)
    throw e
  }
}

/** The live entries of an exact set or frozenset, in table order (provided by the set module). */
let setEntriesOf: (rt: Runtime, o: PyObject) => { keys: PyObject[]; hashes: Py_hash_t[] } | null = () => null
export function _setDictSetEntries(f: typeof setEntriesOf): void {
  setEntriesOf = f
}

/** `dict.copy()`. */
export function dict_copy(self: PyObject): PyObject {
  return PyDict_Copy(self)
}

/** `dict.clear()`. */
export function dict_clear_meth(self: PyObject): PyObject {
  PyDict_Clear(self as PyDictObject)
  return Py_NewRef(rtOf(self).None)
}

/** `dict.__sizeof__()`. */
export function dict___sizeof__(self: PyObject): PyObject {
  return PyLong_FromNumber(rtOf(self), dict_sizeof(self as PyDictObject))
}

/** `dict.__reversed__()`. */
export function dict___reversed__(self: PyObject): PyObject {
  return dictiter_new(self as PyDictObject, rtOf(self).types.dict_reversekeyiterator)
}

/** `d | other` (3.9+). @cpython Objects/dictobject.c#dict_or */
export function dict_or(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyDict_Check(self) || !PyDict_Check(other)) return Py_NewRef(rt.NotImplemented)
  const n = PyDict_Copy(self)
  try {
    dict_update_arg(n, other)
  } catch (e) {
    Py_DECREF(n)
    throw e
  }
  return n
}

/** `d |= other` (3.9+). @cpython Objects/dictobject.c#dict_ior */
export function dict_ior(self: PyObject, other: PyObject): PyObject {
  dict_update_arg(self, other)
  return Py_NewRef(self)
}

function checkRange(rt: Runtime, name: string, nargs: number, min: number, max: number): void {
  if (nargs < min) throw PyErr_Format(rt, 'TypeError', `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${nargs}`)
  if (nargs > max) throw PyErr_Format(rt, 'TypeError', `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${nargs}`)
}

/**
 * `dict.__new__`: a new empty dict through the type's allocator (never the free list); an exact dict starts
 * untracked on lazily tracking profiles, subclass instances tracked.
 * @cpython Objects/dictobject.c#dict_new
 */
export function dict_new(type: PyTypeObject, _args: PyObject | null, _kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const d = PyType_GenericAllocObject(type, new PyDictObject(type), 0)
  if (type === rt.types.dict && rt.profile.objects.dictTracking === 'lazy' && d._gc_next !== null) _PyObject_GC_UNTRACK(d)
  return d
}

/** `dict.__init__(self, [mapping_or_iterable], **kwargs)`. @cpython Objects/dictobject.c#dict_init */
export function dict_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  const items = (args as unknown as { ob_item: PyObject[] }).ob_item
  if (items.length > 1) throw PyErr_Format(rt, 'TypeError', `dict expected at most 1 argument, got ${items.length}`)
  if (items.length === 1) dict_update_arg(self, items[0]!)
  if (kwds !== null) {
    const kd = kwds as PyDictObject
    for (let i = 0; i < kd.ma_keys.length; i++) {
      const k = kd.ma_keys[i]
      if (k === undefined) continue
      if (!PyUnicode_Check(k)) throw PyErr_Format(rt, 'TypeError', 'keywords must be strings')
    }
    PyDict_Merge(self, kwds, 1)
  }
}

/** `dict(...)` called on the exact type (3.9+ `dict_vectorcall`). */
export function dict_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `dict expected at most 1 argument, got ${nargs}`)
  const self = dict_new(type as PyTypeObject, null, null) as PyDictObject
  try {
    if (nargs === 1) dict_update_arg(self, args[start]!)
    mergeKwnames(self, args, start + nargs, kwnames)
  } catch (e) {
    Py_DECREF(self)
    throw e
  }
  return self
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Iterators                                                                                                     */
/* ------------------------------------------------------------------------------------------------------------ */

/** The six dict iterators: keys/values/items, forward and reversed. */
export class PyDictIterObject extends PyObject {
  /** Owned; null once exhausted. */
  di_dict: PyDictObject | null
  di_used: number
  di_pos: number
  /** Owned: the reusable (key, value) tuple of item iterators, else null. */
  di_result: PyObject | null
  len: number
  constructor(type: PyTypeObject, d: PyDictObject) {
    super(type)
    this.di_dict = d
    this.di_used = d.ma_used
    this.di_pos = 0
    this.di_result = null
    this.len = d.ma_used
  }
}

/** @cpython Objects/dictobject.c#dictiter_new */
export function dictiter_new(d: PyDictObject, itertype: PyTypeObject): PyDictIterObject {
  const rt = rtOf(d)
  const T = rt.types
  Py_INCREF(d)
  const di = PyObject_GC_Init(rt, new PyDictIterObject(itertype, d), itertype.tp_basicsize)
  if (itertype === T.dict_reversekeyiterator || itertype === T.dict_reversevalueiterator || itertype === T.dict_reverseitemiterator) {
    di.di_pos = d.ma_keys.length - 1
  }
  if (itertype === T.dict_itemiterator || itertype === T.dict_reverseitemiterator) {
    di.di_result = PyTuple_Pack(rt, [rt.None, rt.None])
  }
  _PyObject_GC_TRACK(di)
  return di
}

/** Advances a forward iterator to its next live entry; null when exhausted (the dict is released). */
function dictiterNextIndex(di: PyDictIterObject): number {
  const d = di.di_dict
  if (d === null) return -1
  const rt = rtOf(d)
  if (di.di_used !== d.ma_used) {
    di.di_used = -1
    throw PyErr_Format(rt, 'RuntimeError', 'dictionary changed size during iteration')
  }
  let i = di.di_pos
  const n = d.ma_keys.length
  while (i < n && d.ma_keys[i] === undefined) i++
  if (i >= n) {
    di.di_dict = null
    Py_DECREF(d)
    return -1
  }
  if (di.len === 0) {
    di.di_dict = null
    Py_DECREF(d)
    throw PyErr_Format(rt, 'RuntimeError', 'dictionary keys changed during iteration')
  }
  di.di_pos = i + 1
  di.len--
  return i
}

/** Steps a reversed iterator back to its previous live entry; -1 when exhausted. */
function dictreviterIndex(di: PyDictIterObject): number {
  const d = di.di_dict
  if (d === null) return -1
  if (di.di_used !== d.ma_used) {
    di.di_used = -1
    throw PyErr_Format(rtOf(d), 'RuntimeError', 'dictionary changed size during iteration')
  }
  let i = di.di_pos
  if (i >= d.ma_keys.length) i = d.ma_keys.length - 1
  while (i >= 0 && d.ma_keys[i] === undefined) i--
  if (i < 0) {
    di.di_dict = null
    Py_DECREF(d)
    return -1
  }
  di.di_pos = i - 1
  di.len--
  return i
}

/** The (key, value) result: the iterator's own tuple is reused when nobody else holds it. */
function itemResult(di: PyDictIterObject, key: PyObject, value: PyObject): PyObject {
  const rt = rtOf(di)
  Py_INCREF(key)
  Py_INCREF(value)
  const result = di.di_result as PyTupleObject
  if (result.ob_refcnt === 1) {
    const oldkey = result.ob_item[0]!
    const oldvalue = result.ob_item[1]!
    result.ob_item[0] = key
    result.ob_item[1] = value
    Py_INCREF(result)
    Py_DECREF(oldkey)
    Py_DECREF(oldvalue)
    // The collector may have untracked the tuple; a recycled result is tracked again.
    if (result._gc_next === null) _PyObject_GC_TRACK(result)
    return result
  }
  return PyTuple_FromArraySteal(rt, [key, value])
}

/** @cpython Objects/dictobject.c#dictiter_iternextkey */
export function dictiter_iternextkey(self: PyObject): PyObject | null {
  const di = self as PyDictIterObject
  const d = di.di_dict
  const i = dictiterNextIndex(di)
  return i < 0 ? null : Py_NewRef(d!.ma_keys[i]!)
}

/** @cpython Objects/dictobject.c#dictiter_iternextvalue */
export function dictiter_iternextvalue(self: PyObject): PyObject | null {
  const di = self as PyDictIterObject
  const d = di.di_dict
  const i = dictiterNextIndex(di)
  return i < 0 ? null : Py_NewRef(d!.ma_values[i]!)
}

/** @cpython Objects/dictobject.c#dictiter_iternextitem */
export function dictiter_iternextitem(self: PyObject): PyObject | null {
  const di = self as PyDictIterObject
  const d = di.di_dict
  const i = dictiterNextIndex(di)
  return i < 0 ? null : itemResult(di, d!.ma_keys[i]!, d!.ma_values[i]!)
}

/** @cpython Objects/dictobject.c#dictreviter_iternext */
export function dictreviter_iternext(self: PyObject): PyObject | null {
  const di = self as PyDictIterObject
  const d = di.di_dict
  const i = dictreviterIndex(di)
  if (i < 0) return null
  const T = rtOf(di).types
  const t = di.ob_type
  if (t === T.dict_reversekeyiterator) return Py_NewRef(d!.ma_keys[i]!)
  if (t === T.dict_reversevalueiterator) return Py_NewRef(d!.ma_values[i]!)
  return itemResult(di, d!.ma_keys[i]!, d!.ma_values[i]!)
}

/** @cpython Objects/dictobject.c#dictiter_dealloc */
export function dictiter_dealloc(self: PyObject): void {
  const di = self as PyDictIterObject
  if (di._gc_next !== null) _PyObject_GC_UNTRACK(di)
  const d = di.di_dict
  const r = di.di_result
  di.di_dict = null
  di.di_result = null
  if (d !== null) Py_DECREF(d)
  if (r !== null) Py_DECREF(r)
  PyObject_GC_Del(di)
}

/** @cpython Objects/dictobject.c#dictiter_traverse */
export function dictiter_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const di = self as PyDictIterObject
  if (di.di_dict !== null) {
    const r = visit(di.di_dict, arg)
    if (r !== 0) return r
  }
  return di.di_result !== null ? visit(di.di_result, arg) : 0
}

/** `__length_hint__` of dict iterators. */
export function dictiter_len(self: PyObject): PyObject {
  const di = self as PyDictIterObject
  const len = di.di_dict !== null && di.di_used === di.di_dict.ma_used ? di.len : 0
  return PyLong_FromNumber(rtOf(di), len)
}

/** `iter(d)`. */
export function dict_iter(self: PyObject): PyObject {
  return dictiter_new(self as PyDictObject, rtOf(self).types.dict_keyiterator)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Views                                                                                                         */
/* ------------------------------------------------------------------------------------------------------------ */

/** `dict_keys`, `dict_values`, `dict_items`: a view of the dict (owned). */
export class PyDictViewObject extends PyObject {
  dv_dict: PyDictObject
  constructor(type: PyTypeObject, d: PyDictObject) {
    super(type)
    this.dv_dict = d
  }
}

/** @cpython Objects/dictobject.c#_PyDictView_New */
export function dictview_new(d: PyObject, type: PyTypeObject): PyObject {
  const rt = rtOf(d)
  Py_INCREF(d)
  const dv = PyObject_GC_Init(rt, new PyDictViewObject(type, d as PyDictObject), type.tp_basicsize)
  _PyObject_GC_TRACK(dv)
  return dv
}

/** @cpython Objects/dictobject.c#dictview_dealloc */
export function dictview_dealloc(self: PyObject): void {
  const dv = self as PyDictViewObject
  if (dv._gc_next !== null) _PyObject_GC_UNTRACK(dv)
  Py_DECREF(dv.dv_dict)
  PyObject_GC_Del(dv)
}

/** @cpython Objects/dictobject.c#dictview_traverse */
export function dictview_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  return visit((self as PyDictViewObject).dv_dict, arg)
}

/** @cpython Objects/dictobject.c#dictview_len */
export function dictview_len(self: PyObject): number {
  return (self as PyDictViewObject).dv_dict.ma_used
}

/** `PyDictViewSet_Check`: a keys or items view. */
export function PyDictViewSet_Check(o: PyObject): boolean {
  const T = rtOf(o).types
  return o.ob_type === T.dict_keys || o.ob_type === T.dict_items || PyType_IsSubtype(o.ob_type, T.dict_keys) || PyType_IsSubtype(o.ob_type, T.dict_items)
}

/** @cpython Objects/dictobject.c#dictkeys_iter */
export function dictkeys_iter(self: PyObject): PyObject {
  return dictiter_new((self as PyDictViewObject).dv_dict, rtOf(self).types.dict_keyiterator)
}
export function dictvalues_iter(self: PyObject): PyObject {
  return dictiter_new((self as PyDictViewObject).dv_dict, rtOf(self).types.dict_valueiterator)
}
export function dictitems_iter(self: PyObject): PyObject {
  return dictiter_new((self as PyDictViewObject).dv_dict, rtOf(self).types.dict_itemiterator)
}

/** `reversed()` of the views. */
export function dictkeys_reversed(self: PyObject): PyObject {
  return dictiter_new((self as PyDictViewObject).dv_dict, rtOf(self).types.dict_reversekeyiterator)
}
export function dictvalues_reversed(self: PyObject): PyObject {
  return dictiter_new((self as PyDictViewObject).dv_dict, rtOf(self).types.dict_reversevalueiterator)
}
export function dictitems_reversed(self: PyObject): PyObject {
  return dictiter_new((self as PyDictViewObject).dv_dict, rtOf(self).types.dict_reverseitemiterator)
}

/** @cpython Objects/dictobject.c#dictkeys_contains */
export function dictkeys_contains(self: PyObject, obj: PyObject): boolean {
  return PyDict_Contains((self as PyDictViewObject).dv_dict, obj)
}

/** @cpython Objects/dictobject.c#dictitems_contains */
export function dictitems_contains(self: PyObject, obj: PyObject): boolean {
  const rt = rtOf(self)
  if (!(obj.ob_type.tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS) || (obj as PyTupleObject).ob_item.length !== 2) return false
  const items = (obj as PyTupleObject).ob_item
  const found = PyDict_GetItem((self as PyDictViewObject).dv_dict, items[0]!)
  if (found === null) return false
  void rt
  Py_INCREF(found)
  try {
    return PyObject_RichCompareBool_EQ(found, items[1]!)
  } finally {
    Py_DECREF(found)
  }
}

/** @cpython Objects/dictobject.c#dictview_repr */
export function dictview_repr(self: PyObject): PyObject {
  const rt = rtOf(self)
  if (Py_ReprEnter(self)) return PyUnicode_FromString(rt, '...')
  try {
    const seq = PySequence_List(self)
    try {
      return PyUnicode_FromString(rt, `${self.ob_type.tp_name}(${reprText(seq)})`)
    } finally {
      Py_DECREF(seq)
    }
  } finally {
    Py_ReprLeave(self)
  }
}

/** `all_contained_in(self, other)`: every item of self is in other. */
function all_contained_in(self: PyObject, other: PyObject): boolean {
  const it = PyObject_GetIter(self)
  try {
    for (let next = it.ob_type.tp_iternext!(it); next !== null; next = it.ob_type.tp_iternext!(it)) {
      let ok: boolean
      try {
        ok = PySequence_Contains(other, next)
      } finally {
        Py_DECREF(next)
      }
      if (!ok) return false
    }
    return true
  } finally {
    Py_DECREF(it)
  }
}

/** @cpython Objects/dictobject.c#dictview_richcompare */
export function dictview_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  const rt = rtOf(self)
  if (!isAnySet(rt, other) && !PyDictViewSet_Check(other)) return Py_NewRef(rt.NotImplemented)
  const lenSelf = PyObject_Size(self)
  const lenOther = PyObject_Size(other)
  let ok = false
  switch (op) {
    case Py_NE:
    case Py_EQ:
      if (lenSelf === lenOther) ok = all_contained_in(self, other)
      if (op === Py_NE) ok = !ok
      break
    case Py_LT:
      if (lenSelf < lenOther) ok = all_contained_in(self, other)
      break
    case Py_LE:
      if (lenSelf <= lenOther) ok = all_contained_in(self, other)
      break
    case Py_GT:
      if (lenSelf > lenOther) ok = all_contained_in(other, self)
      break
    case Py_GE:
      if (lenSelf >= lenOther) ok = all_contained_in(other, self)
      break
  }
  return Py_NewRef(ok ? rt.True : rt.False)
}

function isAnySet(rt: Runtime, o: PyObject): boolean {
  return PyType_IsSubtype(o.ob_type, rt.types.set) || PyType_IsSubtype(o.ob_type, rt.types.frozenset)
}

/** A new set of the view's items (keys views: built from the dict itself). @cpython Objects/dictobject.c#dictviews_to_set */
function dictviews_to_set(self: PyObject): PyObject {
  const rt = rtOf(self)
  const left = self.ob_type === rt.types.dict_keys ? (self as PyDictViewObject).dv_dict : self
  return PyObject_CallArgs(rt.types.set, [left])
}

/** @cpython Objects/dictobject.c#dictviews_sub */
export function dictviews_sub(self: PyObject, other: PyObject): PyObject {
  const result = dictviews_to_set(self)
  try {
    Py_DECREF(callMethod(result, 'difference_update', [other]))
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/** @cpython Objects/dictobject.c#dictviews_or */
export function dictviews_or(self: PyObject, other: PyObject): PyObject {
  const result = dictviews_to_set(self)
  try {
    Py_DECREF(callMethod(result, 'update', [other]))
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/** @cpython Objects/dictobject.c#dictviews_xor */
export function dictviews_xor(self: PyObject, other: PyObject): PyObject {
  const result = dictviews_to_set(self)
  try {
    Py_DECREF(callMethod(result, 'symmetric_difference_update', [other]))
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/** @cpython Objects/dictobject.c#_PyDictView_Intersect */
export function dictviews_and(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyDictViewSet_Check(self)) {
    const tmp = other
    other = self
    self = tmp
  }
  const lenSelf = dictview_len(self)
  if (other.ob_type === rt.types.set && lenSelf <= PyObject_Size(other)) return callMethod(other, 'intersection', [self])
  if (PyDictViewSet_Check(other)) {
    const lenOther = dictview_len(other)
    if (lenOther > lenSelf) {
      const tmp = other
      other = self
      self = tmp
    }
  }
  const result = PyObject_CallArgs(rt.types.set, [])
  try {
    const it = PyObject_GetIter(other)
    try {
      const contains = self.ob_type === rt.types.dict_keys || PyType_IsSubtype(self.ob_type, rt.types.dict_keys) ? dictkeys_contains : dictitems_contains
      for (let key = it.ob_type.tp_iternext!(it); key !== null; key = it.ob_type.tp_iternext!(it)) {
        try {
          if (contains(self, key)) Py_DECREF(callMethod(result, 'add', [key]))
        } finally {
          Py_DECREF(key)
        }
      }
    } finally {
      Py_DECREF(it)
    }
  } catch (e) {
    Py_DECREF(result)
    throw e
  }
  return result
}

/** `dict_keys.isdisjoint(other)`. @cpython Objects/dictobject.c#dictviews_isdisjoint */
export function dictviews_isdisjoint(selfIn: PyObject, args: readonly PyObject[], start: number): PyObject {
  const rt = rtOf(selfIn)
  let self = selfIn
  let other = args[start]!
  if (self === other) return Py_NewRef(dictview_len(self) === 0 ? rt.True : rt.False)
  if (isAnySet(rt, other) || PyDictViewSet_Check(other)) {
    const lenSelf = dictview_len(self)
    const lenOther = PyObject_Size(other)
    if (lenOther > lenSelf) {
      const tmp = other
      other = self
      self = tmp
    }
  }
  const it = PyObject_GetIter(other)
  try {
    for (let item = it.ob_type.tp_iternext!(it); item !== null; item = it.ob_type.tp_iternext!(it)) {
      let contains: boolean
      try {
        contains = PySequence_Contains(self, item)
      } finally {
        Py_DECREF(item)
      }
      if (contains) return Py_NewRef(rt.False)
    }
  } finally {
    Py_DECREF(it)
  }
  return Py_NewRef(rt.True)
}

/** `dict_keys.mapping` (3.10+): a read-only proxy of the dict. */
export function dictview_mapping(self: PyObject): PyObject {
  return PyDictProxy_New(rtOf(self), (self as PyDictViewObject).dv_dict)
}

/** 3.13+ `list(d)`, `list(d.keys())`, `list(d.values())`, `list(d.items())` copy without an iterator. */
export function _PyDict_InitHooks(): void {
  _PyList_RegisterDirectItems((rt, o) => {
    const T = rt.types
    const t = o.ob_type
    let d: PyDictObject
    let which: 0 | 1 | 2
    if (t === T.dict) {
      d = o as PyDictObject
      which = 0
    } else if (t === T.dict_keys || t === T.dict_values || t === T.dict_items) {
      d = (o as PyDictViewObject).dv_dict
      which = t === T.dict_keys ? 0 : t === T.dict_values ? 1 : 2
    } else return null
    return {
      n: d.ma_used,
      fill: (push) => {
        for (let i = 0; i < d.ma_keys.length; i++) {
          const k = d.ma_keys[i]
          if (k === undefined) continue
          const v = d.ma_values[i]!
          if (which === 2) push(PyTuple_Pack(rt, [k, v]))
          else {
            const item = which === 0 ? k : v
            Py_INCREF(item)
            push(item)
          }
        }
      },
    }
  })
}

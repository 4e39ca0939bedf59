/**
 * `dict`: insertion-ordered mapping. Entries live in parallel arrays in insertion order (deleted entries leave
 * holes until the table is rebuilt, as CPython's compact dict does); lookups go through a JS Map keyed by the
 * key's value for str/int/float/bool keys, and by hash for every other key.
 *
 * Tracking follows the profile: 'lazy' dicts start untracked and become tracked when a value that may be tracked is
 * stored (MAINTAIN_TRACKING); 'always' dicts (3.14) are tracked from creation.
 * @cpython Objects/dictobject.c
 */
import { PyErr_SetObject } from '../errors.js'
import {
  PyObject_GC_Del,
  PyObject_GC_Init,
  _PyObject_GC_MAY_BE_TRACKED,
  _PyObject_GC_TRACK,
  _PyObject_GC_UNTRACK,
} from '../object/alloc.js'
import { OB_FREED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, _Py_NewReference } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import type { PyTypeObject, visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyObject_Hash, PyObject_RichCompareBool_EQ } from './protocols.js'
import { _PyDict_SplitInsert, _PyDict_SplitDelete, _PyDict_SplitRelease, _PyDict_SplitSizeOf, type SplitDictInfo } from './instances.js'
import { PyUnicodeObject, unicode_hash } from './unicodeobject.js'

export const PyDict_MINSIZE = 8

export class PyDictObject extends PyObject {
  /** Number of live entries. */
  ma_used: number
  /** Entries in insertion order; `undefined` key marks a deleted slot. Keys and values are owned. */
  ma_keys: (PyObject | undefined)[]
  ma_values: (PyObject | undefined)[]
  ma_hashes: number[]
  /** Primitive key → entry index. */
  ma_index: Map<unknown, number>
  /** Hash → entry indexes, for keys without a primitive form. */
  ma_objindex: Map<number, number[]> | null
  /** log2 of the hash table size CPython would have (drives `__sizeof__`), 0 when no keys table exists. */
  dk_log2_size: number
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
    this.ma_version = 0
    this.ma_split = null
  }
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

/** `PyDict_New`: a new empty dict (a new reference), from the free list when possible. */
export function PyDict_New(rt: Runtime): PyDictObject {
  const fl = rt.freelist('dict')
  let op: PyDictObject
  if (fl.length > 0) {
    op = fl.pop() as PyDictObject
    _Py_NewReference(op)
    op.ob_flags &= ~OB_FREED
  } else {
    op = PyObject_GC_Init(rt, new PyDictObject(rt.types.dict), rt.types.dict.tp_basicsize)
  }
  if (rt.profile.objects.dictTracking === 'always') _PyObject_GC_TRACK(op)
  return op
}

/** `MAINTAIN_TRACKING`: a lazily tracked dict becomes tracked when it receives a value that may be tracked. */
function maintainTracking(mp: PyDictObject, key: PyObject, value: PyObject): void {
  if (mp._gc_next === null && (_PyObject_GC_MAY_BE_TRACKED(key) || _PyObject_GC_MAY_BE_TRACKED(value))) _PyObject_GC_TRACK(mp)
}

function growKeys(mp: PyDictObject): void {
  // CPython: a new keys table has 8 slots and 5 usable entries; it grows to the next power of two >= used*3.
  const size = mp.dk_log2_size === 0 ? 0 : 1 << mp.dk_log2_size
  const usable = (size * 2) / 3
  if (size === 0) {
    mp.dk_log2_size = 3
    return
  }
  if (mp.ma_keys.length >= Math.floor(usable)) {
    // Rebuild: drop deleted slots, then size for used*3.
    compact(mp)
    let log2 = 3
    while (1 << log2 < mp.ma_used * 3) log2++
    mp.dk_log2_size = log2
  }
}

function compact(mp: PyDictObject): void {
  if (mp.ma_keys.length === mp.ma_used) return
  const keys: PyObject[] = []
  const values: PyObject[] = []
  const hashes: number[] = []
  mp.ma_index.clear()
  if (mp.ma_objindex) mp.ma_objindex.clear()
  const rt = mp.ob_type.tp_runtime
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

function indexInsert(rt: Runtime, mp: PyDictObject, key: PyObject, hash: number, ix: number): void {
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

function indexRemove(rt: Runtime, mp: PyDictObject, key: PyObject, hash: number, ix: number): void {
  const pk = primitiveKey(rt, key)
  if (pk !== undefined && pk === pk) {
    mp.ma_index.delete(pk)
    return
  }
  const bucket = mp.ma_objindex!.get(hash)!
  bucket.splice(bucket.indexOf(ix), 1)
  if (bucket.length === 0) mp.ma_objindex!.delete(hash)
}

/**
 * The entry index of `key`, or -1. May call `__eq__` (and so run Python code).
 * @cpython Objects/dictobject.c#_Py_dict_lookup
 */
export function dict_lookup(mp: PyDictObject, key: PyObject, hash: number): number {
  const rt = mp.ob_type.tp_runtime
  const pk = primitiveKey(rt, key)
  if (pk !== undefined && pk === pk) {
    const ix = mp.ma_index.get(pk)
    if (ix !== undefined) return ix
    if (mp.ma_objindex === null) return -1
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
    const k = mp.ma_keys[ix]!
    if (PyObject_RichCompareBool_EQ(k, key)) return ix
  }
  return -1
}

/** Looks up a str key by its text: the fast path for attribute and global lookups. Borrowed result. */
export function PyDict_GetItemStr(mp: PyDictObject, name: string): PyObject | null {
  const ix = mp.ma_index.get(name)
  if (ix === undefined) return null
  return mp.ma_values[ix] ?? null
}

/** `PyDict_GetItemWithError`: a borrowed value, or null when absent. */
export function PyDict_GetItem(mp: PyDictObject, key: PyObject): PyObject | null {
  const ix = dict_lookup(mp, key, keyHash(mp, key))
  return ix < 0 ? null : mp.ma_values[ix]!
}

function keyHash(mp: PyDictObject, key: PyObject): number {
  if (key.ob_type === mp.ob_type.tp_runtime.types.str) return unicode_hash(key)
  return PyObject_Hash(key)
}

/**
 * `PyDict_SetItem`: stores borrowed `key` and `value` (both INCREF'd). An existing key keeps its key object.
 * @cpython Objects/dictobject.c#insertdict
 */
export function PyDict_SetItem(mp: PyDictObject, key: PyObject, value: PyObject): void {
  const hash = keyHash(mp, key)
  Py_INCREF(value)
  const ix = dict_lookup(mp, key, hash)
  if (ix >= 0) {
    const old = mp.ma_values[ix]!
    mp.ma_values[ix] = value
    mp.ma_version++
    maintainTracking(mp, key, value)
    Py_DECREF(old)
    return
  }
  if (mp.ma_split !== null) _PyDict_SplitInsert(mp, key)
  Py_INCREF(key)
  growKeys(mp)
  const rt = mp.ob_type.tp_runtime
  const j = mp.ma_keys.length
  mp.ma_keys.push(key)
  mp.ma_values.push(value)
  mp.ma_hashes.push(hash)
  indexInsert(rt, mp, key, hash, j)
  mp.ma_used++
  mp.ma_version++
  maintainTracking(mp, key, value)
}

/** Removes `key`; returns false when it was absent. */
export function PyDict_DelItemIfPresent(mp: PyDictObject, key: PyObject): boolean {
  const hash = keyHash(mp, key)
  const ix = dict_lookup(mp, key, hash)
  if (ix < 0) return false
  const k = mp.ma_keys[ix]!
  const v = mp.ma_values[ix]!
  indexRemove(mp.ob_type.tp_runtime, mp, k, hash, ix)
  mp.ma_keys[ix] = undefined
  mp.ma_values[ix] = undefined
  mp.ma_used--
  mp.ma_version++
  if (mp.ma_split !== null) _PyDict_SplitDelete(mp)
  Py_DECREF(k)
  Py_DECREF(v)
  return true
}

/** `PyDict_DelItem`: KeyError when absent. */
export function PyDict_DelItem(mp: PyDictObject, key: PyObject): void {
  if (!PyDict_DelItemIfPresent(mp, key)) throw PyErr_SetObject(mp.ob_type.tp_runtime, mp.ob_type.tp_runtime.exc['KeyError']!, key)
}

/**
 * `PyDict_Next`: iterates live entries from position `pos`; returns the next position, or -1 at the end.
 * Borrowed key/value are passed to `fn`.
 */
export function PyDict_Next(mp: PyDictObject, pos: number): number {
  const keys = mp.ma_keys
  while (pos < keys.length && keys[pos] === undefined) pos++
  return pos < keys.length ? pos : -1
}

/** @cpython Objects/dictobject.c#PyDict_Clear */
export function PyDict_Clear(mp: PyDictObject): void {
  const keys = mp.ma_keys
  const values = mp.ma_values
  mp.ma_keys = []
  mp.ma_values = []
  mp.ma_hashes = []
  mp.ma_index = new Map()
  mp.ma_objindex = null
  mp.ma_used = 0
  mp.dk_log2_size = 0
  mp.ma_version++
  if (mp.ma_split !== null && !mp.ma_split.embedded) _PyDict_SplitRelease(mp)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    if (k === undefined) continue
    Py_DECREF(k)
    Py_DECREF(values[i]!)
  }
}

/** `dict.__sizeof__`. */
export function dict_sizeof(mp: PyDictObject): number {
  if (mp.ma_split !== null) return _PyDict_SplitSizeOf(mp)
  const rt = mp.ob_type.tp_runtime
  const base = rt.types.dict.tp_basicsize
  if (mp.dk_log2_size === 0) return base
  const size = 1 << mp.dk_log2_size
  const usable = Math.floor((size * 2) / 3)
  const indexBytes = size <= 0xff ? 1 : size <= 0xffff ? 2 : 4
  // PyDictKeysObject header + index table + entries (3 words each; 2 for str-only tables on 3.11+).
  const allStr = mp.ma_keys.every((k) => k === undefined || k.ob_type === rt.types.str)
  const entrySize = allStr && rt.profile.objects.instanceDict !== 'always-dict' ? 16 : 24
  return base + 32 + size * indexBytes + usable * entrySize
}

/** @cpython Objects/dictobject.c#dict_dealloc */
export function dict_dealloc(self: PyObject): void {
  const mp = self as PyDictObject
  const rt = mp.ob_type.tp_runtime
  if (mp._gc_next !== null) _PyObject_GC_UNTRACK(mp)
  if (!Py_TRASHCAN_BEGIN(mp)) return
  const keys = mp.ma_keys
  const values = mp.ma_values
  mp.ma_keys = []
  mp.ma_values = []
  mp.ma_hashes = []
  mp.ma_index = new Map()
  mp.ma_objindex = null
  mp.ma_used = 0
  mp.dk_log2_size = 0
  if (mp.ma_split !== null) _PyDict_SplitRelease(mp)
  // Entries are released in insertion order.
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    if (k === undefined) continue
    Py_DECREF(k)
    Py_DECREF(values[i]!)
  }
  const fl = rt.freelist('dict')
  if (mp.ob_type === rt.types.dict && fl.length < rt.profile.objects.freeLists.dict) {
    mp.ob_flags |= OB_FREED
    fl.push(mp)
  } else PyObject_GC_Del(mp)
  Py_TRASHCAN_END(mp)
}

/** @cpython Objects/dictobject.c#dict_traverse */
export function dict_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const mp = self as PyDictObject
  const keys = mp.ma_keys
  const values = mp.ma_values
  // A dict that shares an instance's inline values does not visit them (the instance does).
  if (mp.ma_split !== null && mp.ma_split.embedded) return 0
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

/** NON-CPYTHON: every key and value the dict owns, for the refcount audit (dict_traverse skips embedded values). */
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

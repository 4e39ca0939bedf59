/**
 * `tuple`: a fixed-size sequence. Runtime tuples start tracked; a collection (and, on 3.14, creation) untracks
 * those whose items can never form a cycle. Free lists per length keep recently freed tuples for reuse.
 *
 * Also the exact 64-bit hashing every hashed container needs (`Py_hash_t`): a hash is a JS number while it is a safe
 * integer and a bigint beyond, so `hash((1, 2))` and the probe order of sets of tuples match CPython.
 * @cpython Objects/tupleobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, SimulatedMemoryError, _PyObject_GC_MAY_BE_TRACKED, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK, headerBytes } from '../object/alloc.js'
import { OB_FREED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, _Py_NewReference } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import { Py_EQ, Py_GT, Py_LE, Py_LT, Py_NE, Py_TPFLAGS_LONG_SUBCLASS, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_TUPLE_SUBCLASS, type PyTypeObject, type hashfunc, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyLong_FromNumber, intValue, long_hash, long_hash_exact } from './longobject.js'
import { PyObject_CallNoArgs, PyObject_GetIter, PyObject_Hash, PyObject_RichCompare, PyObject_RichCompareBool, notImplemented, reprText } from './protocols.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyNumber_AsSsize_t, _PyIndex_Check } from './listobject.js'
import { PySlice_AdjustIndices, PySlice_Unpack, PySliceObject, _PyEval_SliceIndexNotNone, sliceBounds } from './sliceobject.js'
import { _PyObject_LookupSpecial } from './object-type.js'
import { Py_ReprEnter, Py_ReprLeave } from './reprenter.js'
import { PyUnicode_FromString } from './unicodeobject.js'

export class PyTupleObject extends PyObject {
  /** Owned references. The array's length is `ob_size`. */
  ob_item: PyObject[]
  /** Cached hash (3.14+ caches it), -1 until computed. */
  ob_hash: number | bigint
  constructor(type: PyTypeObject, items: PyObject[]) {
    super(type)
    this.ob_item = items
    this.ob_hash = -1
  }
  get ob_size(): number {
    return this.ob_item.length
  }
}

/** `PyTuple_Check`. */
export function PyTuple_Check(op: PyObject): boolean {
  return (op.ob_type.tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS) !== 0
}

function tupleFreelist(rt: Runtime, n: number): PyObject[] | null {
  const fl = rt.profile.objects.freeLists.tuple
  if (n === 0 || n >= fl.maxLength) return null
  let list = rt.tupleFreelists[n]
  if (list === undefined) rt.tupleFreelists[n] = list = rt.freelist('tuple' + n)
  return list
}

/**
 * A tuple that takes ownership of `items` (the references are stolen). The result is tracked; on profiles that
 * untrack at creation, a tuple of atomic items is left untracked.
 * @cpython Objects/tupleobject.c#_PyTuple_FromArraySteal
 */
export function PyTuple_FromArraySteal(rt: Runtime, items: PyObject[]): PyTupleObject {
  const n = items.length
  if (n === 0) {
    Py_INCREF(rt.empty_tuple)
    return rt.empty_tuple as PyTupleObject
  }
  const op = tuple_alloc(rt, n)
  op.ob_item = items
  op.ob_hash = -1
  if (rt.profile.objects.tupleUntracking === 'at-creation-and-collection' && !tupleHasGCItem(op)) return op
  _PyObject_GC_TRACK(op)
  return op
}

/**
 * The creation-time test (3.14 `maybe_tracked`): some item's type is a GC type. Unlike the collector's test it does
 * not look at whether an item tuple is tracked, so `(n, (n, n))` starts tracked, nor ask `tp_is_gc`, so a tuple of
 * static types (`(object,)`, a class's bases) does too.
 */
function tupleHasGCItem(op: PyTupleObject): boolean {
  const items = op.ob_item
  for (let i = 0; i < items.length; i++) if ((items[i]!.ob_type.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0) return true
  return false
}

/** A tuple of borrowed items (each is INCREF'd). @cpython Objects/tupleobject.c#PyTuple_Pack */
export function PyTuple_Pack(rt: Runtime, items: readonly PyObject[]): PyTupleObject {
  for (let i = 0; i < items.length; i++) Py_INCREF(items[i]!)
  return PyTuple_FromArraySteal(rt, items.slice())
}

/** Allocates an untracked tuple object of `n` items, from the free list when possible. */
function tuple_alloc(rt: Runtime, n: number): PyTupleObject {
  const fl = tupleFreelist(rt, n)
  if (fl !== null && fl.length > 0) {
    const op = fl.pop() as PyTupleObject
    _Py_NewReference(op)
    op.ob_flags &= ~OB_FREED
    return op
  }
  const op = new PyTupleObject(rt.types.tuple, [])
  return PyObject_GC_Init(rt, op, rt.types.tuple.tp_basicsize + n * rt.types.tuple.tp_itemsize)
}

/** Creates the empty tuple singleton (static from 3.11 on). */
export function _PyTuple_InitEmpty(rt: Runtime, initStatic: (op: PyObject, nbytes: number) => void): void {
  const op = new PyTupleObject(rt.types.tuple, [])
  initStatic(op, rt.types.tuple.tp_basicsize)
  rt.empty_tuple = op
}

function tupleMayContainTracked(op: PyTupleObject): boolean {
  const items = op.ob_item
  for (let i = 0; i < items.length; i++) if (_PyObject_GC_MAY_BE_TRACKED(items[i]!)) return true
  return false
}

/**
 * Untracks a tracked tuple whose items are all untracked or atomic.
 * @cpython Objects/tupleobject.c#_PyTuple_MaybeUntrack
 */
export function _PyTuple_MaybeUntrack(op: PyObject): void {
  const t = op as PyTupleObject
  if (t._gc_next === null) return
  if (tupleMayContainTracked(t)) return
  _PyObject_GC_UNTRACK(t)
}

/** @cpython Objects/tupleobject.c#tupledealloc */
export function tupledealloc(self: PyObject): void {
  const op = self as PyTupleObject
  const rt = op.ob_type.tp_runtime
  const n = op.ob_item.length
  if (n === 0 && op === rt.empty_tuple) return
  if (op._gc_next !== null) _PyObject_GC_UNTRACK(op)
  if (!Py_TRASHCAN_BEGIN(op)) return
  const items = op.ob_item
  // Items are released from the last to the first.
  for (let i = n - 1; i >= 0; i--) Py_DECREF(items[i]!)
  op.ob_item = []
  const fl = op.ob_type === rt.types.tuple ? tupleFreelist(rt, n) : null
  if (fl !== null && fl.length < rt.profile.objects.freeLists.tuple.perLength) {
    op.ob_flags |= OB_FREED
    fl.push(op)
  } else PyObject_GC_Del(op)
  Py_TRASHCAN_END(op)
}

/** @cpython Objects/tupleobject.c#tupletraverse */
export function tupletraverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const items = (self as PyTupleObject).ob_item
  for (let i = items.length - 1; i >= 0; i--) {
    const r = visit(items[i]!, arg)
    if (r !== 0) return r
  }
  return 0
}

/**
 * Moves an object to a block of `nbytes` (object part, without GC header) the way `PyObject_Realloc` does for a
 * pymalloc block: kept when it still fits without shrinking by more than a quarter, else a new block is taken and
 * the old one freed (the object's address changes).
 * @cpython Objects/obmalloc.c#pymalloc_realloc
 */
export function _PyObject_ReallocBlock(rt: Runtime, op: PyObject, nbytes: number): void {
  const header = headerBytes(rt, op.ob_type)
  const total = nbytes + header
  const mem = rt.mem
  const oldSize = mem.roundup(op.ob_block)
  if (oldSize <= mem.threshold ? total <= oldSize && 4 * total > 3 * oldSize : total <= oldSize) return
  const block = mem.malloc(total)
  if (block < 0) throw new SimulatedMemoryError(total)
  mem.free(op.ob_addr - header, op.ob_block)
  op.ob_addr = block + header
  op.ob_block = total
  mem.setOwner(block, op)
}

/**
 * `_PyTuple_Resize` on a tuple nobody else sees: its memory is reallocated for `n` items (it may move).
 * @cpython Objects/tupleobject.c#_PyTuple_Resize
 */
function tupleResizeFresh(rt: Runtime, op: PyTupleObject, n: number): void {
  const wasTracked = op._gc_next !== null
  if (wasTracked) _PyObject_GC_UNTRACK(op)
  _PyObject_ReallocBlock(rt, op, rt.types.tuple.tp_basicsize + n * rt.types.tuple.tp_itemsize)
  if (wasTracked) _PyObject_GC_TRACK(op)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Py_hash_t: exact 64-bit hashes                                                                                */
/* ------------------------------------------------------------------------------------------------------------ */

/** A CPython hash value: a number while it is a safe integer, a bigint beyond (exact 64-bit signed). */
export type Py_hash_t = number | bigint

/** Exact variants of `tp_hash` functions whose number result can be rounded, keyed by the `tp_hash` function. */
const exactHashFuncs = new Map<hashfunc, (op: PyObject) => Py_hash_t>()

/** Declares the exact (possibly bigint) hash of a type whose `tp_hash` is `f`. */
export function _PyHash_RegisterExact(f: hashfunc, exact: (op: PyObject) => Py_hash_t): void {
  exactHashFuncs.set(f, exact)
}

/**
 * `PyObject_Hash` with the exact 64-bit result (what `hash()` prints and what set probing uses).
 * @cpython Objects/object.c#PyObject_Hash
 */
export function PyObject_HashExact(op: PyObject): Py_hash_t {
  const f = op.ob_type.tp_hash
  if (f !== null) {
    const exact = exactHashFuncs.get(f)
    if (exact !== undefined) return exact(op)
  }
  return PyObject_Hash(op)
}

/** A bigint hash in its canonical representation (a number when it is a safe integer). */
export function hashFromBig(b: bigint): Py_hash_t {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b
}

/* 64-bit unsigned arithmetic on (hi, lo) pairs of uint32, without allocating: results in U64. */
export const U64 = { hi: 0, lo: 0 }

/** Loads a hash into U64 as its two's-complement bits. */
export function u64Load(h: Py_hash_t): void {
  if (typeof h === 'number') {
    U64.lo = h >>> 0
    U64.hi = Math.floor(h / 4294967296) >>> 0
  } else {
    U64.lo = Number(BigInt.asUintN(32, h))
    U64.hi = Number(BigInt.asUintN(32, h >> 32n))
  }
}

/** The signed 64-bit value of (hi, lo) as a Py_hash_t. */
export function u64ToHash(hi: number, lo: number): Py_hash_t {
  const shi = hi | 0
  if (shi >= -0x200000 && shi < 0x200000) return shi * 4294967296 + lo
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0))
}

/** U64 = (ahi, alo) * (bhi, blo) mod 2**64. */
export function u64Mul(ahi: number, alo: number, bhi: number, blo: number): void {
  const a0 = alo & 0xffff
  const a1 = alo >>> 16
  const b0 = blo & 0xffff
  const b1 = blo >>> 16
  const p00 = a0 * b0
  const p01 = a0 * b1
  const p10 = a1 * b0
  const p11 = a1 * b1
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff)
  U64.lo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0
  const hi = p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)
  U64.hi = (hi + Math.imul(ahi, blo) + Math.imul(alo, bhi)) >>> 0
}

/** U64 = (ahi, alo) + (bhi, blo) mod 2**64. */
export function u64Add(ahi: number, alo: number, bhi: number, blo: number): void {
  const lo = alo + blo
  const carry = lo > 0xffffffff ? 1 : 0
  U64.lo = lo >>> 0
  U64.hi = (ahi + bhi + carry) >>> 0
}

// xxHash primes (64-bit builds), as (hi, lo).
const P1_HI = 0x9e3779b1
const P1_LO = 0x85ebca87
const P2_HI = 0xc2b2ae3d
const P2_LO = 0x27d4eb4f
const P5_HI = 0x27d4eb2f
const P5_LO = 0x165667c5
// PRIME5 ^ 3527539
const P5X_LO = (P5_LO ^ 3527539) >>> 0

/**
 * The xxHash-based accumulation of `tuplehash` (3.8+) over the items' hashes; `withLength` adds the length step
 * (tuples do, slices do not). `minusOne` replaces a result of -1.
 * @cpython Objects/tupleobject.c#tuplehash
 */
export function xxhashLanes(items: readonly PyObject[], withLength: boolean, minusOne: Py_hash_t): Py_hash_t {
  let hi = P5_HI
  let lo = P5_LO
  const n = items.length
  for (let i = 0; i < n; i++) {
    u64Load(PyObject_HashExact(items[i]!))
    // acc += lane * PRIME2
    u64Mul(U64.hi, U64.lo, P2_HI, P2_LO)
    u64Add(hi, lo, U64.hi, U64.lo)
    // acc = rotl(acc, 31)
    const rhi = ((U64.hi << 31) | (U64.lo >>> 1)) >>> 0
    const rlo = ((U64.lo << 31) | (U64.hi >>> 1)) >>> 0
    // acc *= PRIME1
    u64Mul(rhi, rlo, P1_HI, P1_LO)
    hi = U64.hi
    lo = U64.lo
  }
  if (withLength) {
    // acc += len ^ (PRIME5 ^ 3527539)
    u64Add(hi, lo, P5_HI, (n ^ P5X_LO) >>> 0)
    hi = U64.hi
    lo = U64.lo
  }
  if (hi === 0xffffffff && lo === 0xffffffff) return minusOne
  return u64ToHash(hi, lo)
}

/** The exact tuple hash (cached on profiles that cache it). @cpython Objects/tupleobject.c#tuplehash */
export function tuplehash_exact(self: PyObject): Py_hash_t {
  const t = self as PyTupleObject
  if (t.ob_hash !== -1) return t.ob_hash
  const h = xxhashLanes(t.ob_item, true, 1546275796)
  if (t.ob_type.tp_runtime.profile.objects.tupleHashCache) t.ob_hash = h
  return h
}

/** `tp_hash` of tuple (a JS number; exact unless beyond 2**53 — see `PyObject_HashExact`). */
export function tuplehash(self: PyObject): number {
  return Number(tuplehash_exact(self))
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Sequence protocol helpers                                                                                     */
/* ------------------------------------------------------------------------------------------------------------ */

/**
 * `PyObject_LengthHint`: `len(o)` when `o` has a length, else `o.__length_hint__()`, else `dflt`.
 * @cpython Objects/abstract.c#PyObject_LengthHint
 */
export function PyObject_LengthHint(o: PyObject, dflt: number): number {
  const rt = o.ob_type.tp_runtime
  const t = o.ob_type
  const len = t.sq_length ?? t.mp_length
  if (len !== null) {
    try {
      return len(o)
    } catch (e) {
      if (!isTypeError(rt, e)) throw e
      Py_DECREF((e as { exc: PyObject }).exc)
    }
  }
  const hintSpecial = _PyObject_LookupSpecial(o, '__length_hint__')
  if (hintSpecial === null) return dflt
  let result: PyObject
  try {
    result = PyObject_CallNoArgs(hintSpecial)
  } finally {
    Py_DECREF(hintSpecial)
  }
  if (result === rt.NotImplemented) {
    Py_DECREF(result)
    return dflt
  }
  if ((result.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) === 0) {
    const tn = result.ob_type.tp_name
    Py_DECREF(result)
    throw PyErr_Format(rt, 'TypeError', `__length_hint__ must be an integer, not ${tn}`)
  }
  const v = intValue(result)
  Py_DECREF(result)
  if (typeof v !== 'number') throw PyErr_Format(rt, 'OverflowError', 'Python int too large to convert to C ssize_t')
  if (v < 0) throw PyErr_Format(rt, 'ValueError', '__length_hint__() should return >= 0')
  return v
}

function isTypeError(rt: Runtime, e: unknown): boolean {
  const exc = (e as { exc?: PyObject }).exc
  if (exc === undefined) return false
  const want = rt.exc['TypeError']
  for (let t: PyTypeObject | null = exc.ob_type; t !== null; t = t.tp_base) if (t === want) return true
  return false
}

/**
 * `PySequence_Tuple`: the same object for an exact tuple, a copy of a list's items, else the items of an iterator
 * collected into a tuple pre-sized from the length hint (default 10), grown by a quarter plus 10 when full and
 * resized to its final length at the end.
 * @cpython Objects/abstract.c#PySequence_Tuple
 */
export function PySequence_Tuple(v: PyObject): PyObject {
  const rt = v.ob_type.tp_runtime
  if (v.ob_type === rt.types.tuple) {
    Py_INCREF(v)
    return v
  }
  if (v.ob_type === rt.types.list) return PyTuple_Pack(rt, (v as unknown as { ob_item: PyObject[] }).ob_item)
  const it = PyObject_GetIter(v)
  let op: PyTupleObject | null = null
  let items: PyObject[] = []
  try {
    let cap = PyObject_LengthHint(v, 10)
    if (cap > 0) op = _PyTuple_NewFilled(rt, cap, items)
    const next = it.ob_type.tp_iternext!
    for (;;) {
      const item = next(it)
      if (item === null) break
      if (items.length >= cap) {
        cap += 10 + (cap >> 2)
        if (op === null) op = _PyTuple_NewFilled(rt, cap, items)
        else tupleResizeFresh(rt, op, cap)
      }
      items.push(item)
    }
    if (op === null || items.length === 0) {
      if (op !== null) Py_DECREF(op)
      Py_INCREF(rt.empty_tuple)
      return rt.empty_tuple
    }
    if (items.length < cap) tupleResizeFresh(rt, op, items.length)
    const result = op
    op = null
    items = []
    return result
  } catch (e) {
    if (op !== null) Py_DECREF(op)
    throw e
  } finally {
    Py_DECREF(it)
  }
}

/**
 * `PyTuple_New(n)` whose slots are filled later: the tracked tuple shares `items` (its filled part; the caller pushes
 * exactly n items, or releases the tuple).
 */
export function _PyTuple_NewFilled(rt: Runtime, n: number, items: PyObject[]): PyTupleObject {
  const op = tuple_alloc(rt, n)
  op.ob_item = items
  op.ob_hash = -1
  _PyObject_GC_TRACK(op)
  return op
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Python-level behaviour                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/tupleobject.c#tuplerepr */
export function tuplerepr(self: PyObject): PyObject {
  const t = self as PyTupleObject
  const rt = t.ob_type.tp_runtime
  const n = t.ob_item.length
  if (n === 0) return PyUnicode_FromString(rt, '()')
  if (Py_ReprEnter(t)) return PyUnicode_FromString(rt, '(...)')
  try {
    let s = '('
    for (let i = 0; i < n; i++) {
      if (i > 0) s += ', '
      s += reprText(t.ob_item[i]!)
    }
    s += n === 1 ? ',)' : ')'
    return PyUnicode_FromString(rt, s)
  } finally {
    Py_ReprLeave(t)
  }
}

/** `Py_RETURN_RICHCOMPARE` on two numbers: a new reference to True or False. */
export function richcompareNumbers(rt: Runtime, a: number, b: number, op: number): PyObject {
  let r: boolean
  switch (op) {
    case Py_LT:
      r = a < b
      break
    case Py_LE:
      r = a <= b
      break
    case Py_EQ:
      r = a === b
      break
    case Py_NE:
      r = a !== b
      break
    case Py_GT:
      r = a > b
      break
    default:
      r = a >= b
  }
  const o = r ? rt.True : rt.False
  Py_INCREF(o)
  return o
}

/** @cpython Objects/tupleobject.c#tuplerichcompare */
export function tuple_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = v.ob_type.tp_runtime
  if (!PyTuple_Check(v) || !PyTuple_Check(w)) return notImplemented(rt)
  const vi = (v as PyTupleObject).ob_item
  const wi = (w as PyTupleObject).ob_item
  const vlen = vi.length
  const wlen = wi.length
  let i = 0
  for (; i < vlen && i < wlen; i++) {
    if (!PyObject_RichCompareBool(vi[i]!, wi[i]!, Py_EQ)) break
  }
  if (i >= vlen || i >= wlen) return richcompareNumbers(rt, vlen, wlen, op)
  if (op === Py_EQ || op === Py_NE) {
    const r = op === Py_EQ ? rt.False : rt.True
    Py_INCREF(r)
    return r
  }
  return PyObject_RichCompare(vi[i]!, wi[i]!, op)
}

/** @cpython Objects/tupleobject.c#tuplelength */
export function tuplelength(self: PyObject): number {
  return (self as PyTupleObject).ob_item.length
}

/** @cpython Objects/tupleobject.c#tuplecontains */
export function tuplecontains(self: PyObject, el: PyObject): boolean {
  const items = (self as PyTupleObject).ob_item
  const needleFirst = self.ob_type.tp_runtime.profile.objects.containsComparison === 'needle-first'
  for (let i = 0; i < items.length; i++) {
    if (needleFirst ? PyObject_RichCompareBool(el, items[i]!, Py_EQ) : PyObject_RichCompareBool(items[i]!, el, Py_EQ)) return true
  }
  return false
}

/** @cpython Objects/tupleobject.c#tupleitem */
export function tupleitem(self: PyObject, i: number): PyObject {
  const items = (self as PyTupleObject).ob_item
  if (i < 0 || i >= items.length) throw PyErr_Format(self.ob_type.tp_runtime, 'IndexError', 'tuple index out of range')
  const v = items[i]!
  Py_INCREF(v)
  return v
}

/** A new tuple of items [lo, hi) (borrowed from `items`). @cpython Objects/tupleobject.c#tupleslice */
export function tupleslice(rt: Runtime, items: readonly PyObject[], lo: number, hi: number): PyObject {
  const out = items.slice(lo, hi)
  for (let i = 0; i < out.length; i++) Py_INCREF(out[i]!)
  return PyTuple_FromArraySteal(rt, out)
}

/** @cpython Objects/tupleobject.c#tupleconcat */
export function tupleconcat(a: PyObject, bb: PyObject): PyObject {
  const rt = a.ob_type.tp_runtime
  if (!PyTuple_Check(bb)) {
    throw PyErr_Format(rt, 'TypeError', `can only concatenate tuple (not "${bb.ob_type.tp_name}") to tuple`)
  }
  const ai = (a as PyTupleObject).ob_item
  const bi = (bb as PyTupleObject).ob_item
  if (bi.length === 0 && a.ob_type === rt.types.tuple) {
    Py_INCREF(a)
    return a
  }
  if (ai.length === 0 && bb.ob_type === rt.types.tuple) {
    Py_INCREF(bb)
    return bb
  }
  const out = ai.concat(bi)
  for (let i = 0; i < out.length; i++) Py_INCREF(out[i]!)
  return PyTuple_FromArraySteal(rt, out)
}

/** @cpython Objects/tupleobject.c#tuplerepeat */
export function tuplerepeat(self: PyObject, n: number): PyObject {
  const rt = self.ob_type.tp_runtime
  const items = (self as PyTupleObject).ob_item
  const size = items.length
  if (size === 0 || n === 1) {
    if (self.ob_type === rt.types.tuple) {
      Py_INCREF(self)
      return self
    }
  }
  if (size === 0 || n <= 0) {
    Py_INCREF(rt.empty_tuple)
    return rt.empty_tuple
  }
  if (size * n > 2 ** 60) throw new SimulatedMemoryError(size * n * 8)
  const out = new Array<PyObject>(size * n)
  for (let k = 0, j = 0; k < n; k++) {
    for (let i = 0; i < size; i++, j++) {
      const v = items[i]!
      Py_INCREF(v)
      out[j] = v
    }
  }
  return PyTuple_FromArraySteal(rt, out)
}

/** `tuple.index(value, start=0, stop=sys.maxsize)`. @cpython Objects/tupleobject.c#tuple_index_impl */
export function tuple_index(self: PyObject, value: PyObject, start: number, stop: number): number {
  const items = (self as PyTupleObject).ob_item
  const n = items.length
  if (start < 0) {
    start += n
    if (start < 0) start = 0
  }
  if (stop < 0) stop += n
  else if (stop > n) stop = n
  for (let i = start; i < stop; i++) {
    if (PyObject_RichCompareBool(items[i]!, value, Py_EQ)) return i
  }
  throw PyErr_Format(self.ob_type.tp_runtime, 'ValueError', 'tuple.index(x): x not in tuple')
}

/** `tuple.count(value)`. @cpython Objects/tupleobject.c#tuple_count */
export function tuple_count(self: PyObject, value: PyObject): PyObject {
  const items = (self as PyTupleObject).ob_item
  let count = 0
  for (let i = 0; i < items.length; i++) if (PyObject_RichCompareBool(items[i]!, value, Py_EQ)) count++
  return PyLong_FromNumber(self.ob_type.tp_runtime, count)
}

/** `tuple.__sizeof__`. */
export function tuple_sizeof(self: PyObject): number {
  const t = self.ob_type
  return t.tp_basicsize + (self as PyTupleObject).ob_item.length * t.tp_itemsize
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Construction and hashing registration                                                                         */
/* ------------------------------------------------------------------------------------------------------------ */

/**
 * `tuple(iterable)`: an exact tuple argument is returned as is; subtypes get a new instance holding the items.
 * @cpython Objects/tupleobject.c#tuple_new_impl
 */
export function tuple_new_impl(type: PyTypeObject, iterable: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (type !== rt.types.tuple) return tuple_subtype_new(type, iterable)
  if (iterable === null) {
    Py_INCREF(rt.empty_tuple)
    return rt.empty_tuple
  }
  return PySequence_Tuple(iterable)
}

/** @cpython Objects/tupleobject.c#tuple_subtype_new */
function tuple_subtype_new(type: PyTypeObject, iterable: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const tmp = tuple_new_impl(rt.types.tuple, iterable) as PyTupleObject
  try {
    const items = tmp.ob_item.slice()
    for (let i = 0; i < items.length; i++) Py_INCREF(items[i]!)
    const op = new PyTupleObject(type, items)
    PyType_GenericAllocObject(type, op, items.length)
    return op
  } finally {
    Py_DECREF(tmp)
  }
}

/** Registers the exact hashes of int and tuple (called by containers-init). */
export function _PyTuple_InitHashes(): void {
  _PyHash_RegisterExact(long_hash, long_hash_exact)
  _PyHash_RegisterExact(tuplehash, tuplehash_exact)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Subscript, constructor and methods                                                                            */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/tupleobject.c#tuplesubscript */
export function tuplesubscript(self: PyObject, item: PyObject): PyObject {
  const t = self as PyTupleObject
  const rt = t.ob_type.tp_runtime
  if (_PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(rt, item, 'IndexError')
    if (i < 0) i += t.ob_item.length
    return tupleitem(t, i)
  }
  if (item instanceof PySliceObject) {
    PySlice_Unpack(item)
    const slicelength = PySlice_AdjustIndices(t.ob_item.length)
    const { start, step } = sliceBounds
    if (slicelength <= 0) {
      Py_INCREF(rt.empty_tuple)
      return rt.empty_tuple
    }
    if (start === 0 && step === 1 && slicelength === t.ob_item.length && t.ob_type === rt.types.tuple) {
      Py_INCREF(t)
      return t
    }
    const out = new Array<PyObject>(slicelength)
    for (let cur = start, i = 0; i < slicelength; cur += step, i++) {
      const v = t.ob_item[cur]!
      Py_INCREF(v)
      out[i] = v
    }
    return PyTuple_FromArraySteal(rt, out)
  }
  throw PyErr_Format(rt, 'TypeError', `tuple indices must be integers or slices, not ${item.ob_type.tp_name}`)
}

/** `tuple.__new__` (tuple/dict convention). @cpython Objects/tupleobject.c#tuple_new */
export function tuple_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if ((type === rt.types.tuple || type.tp_init === rt.types.tuple.tp_init) && kwds !== null && (kwds as unknown as { ma_used: number }).ma_used > 0) {
    throw PyErr_Format(rt, 'TypeError', 'tuple() takes no keyword arguments')
  }
  const items = (args as PyTupleObject).ob_item
  if (items.length > 1) throw PyErr_Format(rt, 'TypeError', `tuple expected at most 1 argument, got ${items.length}`)
  return tuple_new_impl(type, items.length > 0 ? items[0]! : null)
}

/** `tuple(...)` on the exact type (3.9+ `tuple_vectorcall`). */
export function tuple_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  if (kwnames !== null && (kwnames as PyTupleObject).ob_item.length > 0) throw PyErr_Format(rt, 'TypeError', 'tuple() takes no keyword arguments')
  if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `tuple expected at most 1 argument, got ${nargs}`)
  return tuple_new_impl(type as PyTypeObject, nargs > 0 ? args[start]! : null)
}

/** `tuple.index(value, start=0, stop=sys.maxsize, /)`. */
export function tuple_index_meth(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const rt = self.ob_type.tp_runtime
  if (nargs < 1) throw PyErr_Format(rt, 'TypeError', `index expected at least 1 argument, got ${nargs}`)
  if (nargs > 3) throw PyErr_Format(rt, 'TypeError', `index expected at most 3 arguments, got ${nargs}`)
  const lo = nargs > 1 ? _PyEval_SliceIndexNotNone(rt, args[start + 1]!) : 0
  const hi = nargs > 2 ? _PyEval_SliceIndexNotNone(rt, args[start + 2]!) : 2 ** 63 - 1
  return PyLong_FromNumber(rt, tuple_index(self, args[start]!, lo, hi))
}

/** `tuple.count(value)`. */
export function tuple_count_meth(self: PyObject, args: readonly PyObject[], start: number): PyObject {
  return tuple_count(self, args[start]!)
}

/** `tuple.__getnewargs__()`. */
export function tuple___getnewargs__(self: PyObject): PyObject {
  const rt = self.ob_type.tp_runtime
  const copy = tupleslice(rt, (self as PyTupleObject).ob_item, 0, (self as PyTupleObject).ob_item.length)
  return PyTuple_FromArraySteal(rt, [copy])
}

/** `tuple.__sizeof__()`. */
export function tuple___sizeof__(self: PyObject): PyObject {
  return PyLong_FromNumber(self.ob_type.tp_runtime, tuple_sizeof(self))
}

/* ------------------------------------------------------------------------------------------------------------ */
/* tuple_iterator                                                                                                */
/* ------------------------------------------------------------------------------------------------------------ */

export class PyTupleIterObject extends PyObject {
  it_index: number
  /** Owned; null once exhausted. */
  it_seq: PyTupleObject | null
  constructor(type: PyTypeObject, seq: PyTupleObject) {
    super(type)
    this.it_index = 0
    this.it_seq = seq
  }
}

/** @cpython Objects/tupleobject.c#tuple_iter */
export function tuple_iter(self: PyObject): PyObject {
  const rt = self.ob_type.tp_runtime
  const t = rt.types.tuple_iterator
  Py_INCREF(self)
  const it = PyObject_GC_Init(rt, new PyTupleIterObject(t, self as PyTupleObject), t.tp_basicsize)
  _PyObject_GC_TRACK(it)
  return it
}

/** @cpython Objects/tupleobject.c#tupleiter_next */
export function tupleiter_next(self: PyObject): PyObject | null {
  const it = self as PyTupleIterObject
  const seq = it.it_seq
  if (seq === null) return null
  if (it.it_index < seq.ob_item.length) {
    const v = seq.ob_item[it.it_index++]!
    Py_INCREF(v)
    return v
  }
  it.it_seq = null
  Py_DECREF(seq)
  return null
}

/** @cpython Objects/tupleobject.c#tupleiter_dealloc */
export function tupleiter_dealloc(self: PyObject): void {
  const it = self as PyTupleIterObject
  if (it._gc_next !== null) _PyObject_GC_UNTRACK(it)
  const seq = it.it_seq
  it.it_seq = null
  if (seq !== null) Py_DECREF(seq)
  PyObject_GC_Del(it)
}

/** @cpython Objects/tupleobject.c#tupleiter_traverse */
export function tupleiter_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const seq = (self as PyTupleIterObject).it_seq
  return seq !== null ? visit(seq, arg) : 0
}

/** `tuple_iterator.__length_hint__()`. */
export function tupleiter_len(self: PyObject): PyObject {
  const it = self as PyTupleIterObject
  const len = it.it_seq !== null ? it.it_seq.ob_item.length - it.it_index : 0
  return PyLong_FromNumber(self.ob_type.tp_runtime, len)
}

/**
 * `bytes`: immutable byte strings (a `Uint8Array`). The empty bytes and the one-byte bytes are shared (static on
 * profiles with static latin-1 characters, created on first use and cached by the interpreter otherwise).
 * `getsizeof` is the header plus one byte per item plus the trailing NUL.
 * @cpython Objects/bytesobject.c
 */
import { PyErr_Format, PyErr_NoMemory } from '../errors.js'
import { PyObject_Free, PyObject_GC_Del, PyObject_GC_Init, PyObject_Init, PyObject_InitStatic, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE, Py_TPFLAGS_BYTES_SUBCLASS, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { takeStartupRefs } from '../runtime/startup-refs.js'
import { makeStatic } from './immortal.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyNumber_AsSsize_t, _PyIndex_Check } from './listobject.js'
import { PyLong_FromNumber, intValue } from './longobject.js'
import { PyIter_Next, PyObject_GetIter, notImplemented } from './protocols.js'
import { _Py_HashBytes } from './pyhash.js'
import { PySliceObject, PySlice_AdjustIndices, PySlice_Unpack, sliceBounds } from './sliceobject.js'
import { _PyObject_LookupSpecial } from './object-type.js'
import { PyTuple_FromArraySteal, type Py_hash_t } from './tupleobject.js'
import { PyLong_Check, PyUnicode_Check, newBool, trunc } from './type-util.js'
import type { PyUnicodeObject } from './unicodeobject.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

export class PyBytesObject extends PyObject {
  ob_sval: Uint8Array
  /** Cached hash, -1 until computed. */
  ob_shash: Py_hash_t = -1
  constructor(type: PyTypeObject, data: Uint8Array) {
    super(type)
    this.ob_sval = data
  }
}

/** `PyBytes_Check`. */
export function PyBytes_Check(op: PyObject): boolean {
  return (op.ob_type.tp_flags & Py_TPFLAGS_BYTES_SUBCLASS) !== 0
}

/** `bytes.__sizeof__`. */
export function bytes_sizeof(rt: Runtime, n: number): number {
  return rt.sizeof.bytesBase + n
}

function newBytesObject(rt: Runtime, data: Uint8Array): PyBytesObject {
  return PyObject_Init(rt, new PyBytesObject(rt.types.bytes, data), bytes_sizeof(rt, data.length))
}

/** Creates the static empty and one-byte bytes (profiles with static latin-1 characters). */
export function _PyBytes_InitStatic(rt: Runtime): void {
  if (!rt.profile.objects.staticObjects.latin1Chars) return
  const mk = (data: Uint8Array): PyBytesObject => {
    const op = new PyBytesObject(rt.types.bytes, data)
    PyObject_InitStatic(rt, op, bytes_sizeof(rt, data.length))
    makeStatic(rt, op)
    return op
  }
  rt.empty_bytes = mk(new Uint8Array(0))
  for (let c = 0; c < 256; c++) rt.bytes_characters[c] = mk(Uint8Array.of(c))
}

/**
 * A bytes object holding `data` (taken over, not copied; a new reference). Empty and one-byte results are the
 * shared objects.
 * @cpython Objects/bytesobject.c#PyBytes_FromStringAndSize
 */
export function _PyBytes_FromOwned(rt: Runtime, data: Uint8Array): PyObject {
  if (data.length === 0) {
    let e = rt.empty_bytes as PyObject | undefined
    if (e === undefined) {
      e = newBytesObject(rt, data)
      rt.empty_bytes = e
      if (rt.pendingPhantomRefs.size !== 0) takeStartupRefs(rt, "const:b''", e)
    }
    Py_INCREF(e)
    return e
  }
  if (data.length === 1) {
    const c = data[0]!
    let op = rt.bytes_characters[c]
    if (op === undefined) {
      op = newBytesObject(rt, data)
      rt.bytes_characters[c] = op
    }
    Py_INCREF(op)
    return op
  }
  return newBytesObject(rt, data)
}

/** A bytes object with a copy of `u8` (a new reference). */
export function PyBytes_FromUint8Array(rt: Runtime, u8: Uint8Array): PyObject {
  return _PyBytes_FromOwned(rt, u8.slice())
}

/** The data of a bytes (or bytearray) object, or null for other objects. */
export function PyBytes_AsUint8Array(o: PyObject): Uint8Array | null {
  if (o instanceof PyBytesObject) return o.ob_sval
  const ba = o as unknown as { ob_bytes?: Uint8Array; ob_start?: number; ob_size?: number }
  if (ba.ob_bytes instanceof Uint8Array && typeof ba.ob_start === 'number' && typeof ba.ob_size === 'number') {
    return ba.ob_bytes.subarray(ba.ob_start, ba.ob_start + ba.ob_size)
  }
  return null
}

/** The bytes of a bytes-like object (bytes, bytearray), or null. */
export function bufferOf(o: PyObject): Uint8Array | null {
  return PyBytes_AsUint8Array(o)
}

/** Latin-1 text of bytes (one unit per byte). */
export function latin1(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192))
  return s
}

/** Bytes of latin-1 text. */
export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

/** A bytes object from latin-1 text (a new reference). */
export function bytesFromLatin1(rt: Runtime, s: string): PyObject {
  return _PyBytes_FromOwned(rt, fromLatin1(s))
}

export function bytes_dealloc(op: PyObject): void {
  PyObject_Free(op)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* repr, hash, comparison                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

/**
 * The text of `repr(b)` without the prefix: quotes as str's repr chooses them, \\x escapes for bytes outside
 * printable ASCII.
 * @cpython Objects/bytesobject.c#PyBytes_Repr
 */
export function bytesReprText(b: Uint8Array): string {
  let sq = false
  let dq = false
  for (const c of b) {
    if (c === 0x27) sq = true
    else if (c === 0x22) dq = true
  }
  const quote = sq && !dq ? '"' : "'"
  const q = quote.charCodeAt(0)
  let out = quote
  for (const c of b) {
    if (c === q || c === 0x5c) out += '\\' + String.fromCharCode(c)
    else if (c === 0x09) out += '\\t'
    else if (c === 0x0a) out += '\\n'
    else if (c === 0x0d) out += '\\r'
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else out += String.fromCharCode(c)
  }
  return out + quote
}

let strFactory: ((rt: Runtime, s: string) => PyObject) | null = null
/** Installed by text-init (str objects for reprs). */
export function _PyBytes_SetStrFactory(f: (rt: Runtime, s: string) => PyObject): void {
  strFactory = f
}

export function bytes_repr(self: PyObject): PyObject {
  return strFactory!(rtOf(self), 'b' + bytesReprText((self as PyBytesObject).ob_sval))
}

/** The exact hash of bytes (cached). @cpython Objects/bytesobject.c#bytes_hash */
export function bytes_hash_exact(self: PyObject): Py_hash_t {
  const b = self as PyBytesObject
  if (b.ob_shash !== -1) return b.ob_shash
  b.ob_shash = _Py_HashBytes(rtOf(b), b.ob_sval)
  return b.ob_shash
}

export function bytes_hash(self: PyObject): number {
  return Number(bytes_hash_exact(self))
}

/** Byte-wise comparison: negative, zero or positive. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

export function richFromCompare(rt: Runtime, c: number, op: number): PyObject {
  return newBool(rt, op === Py_EQ ? c === 0 : op === Py_NE ? c !== 0 : op === Py_LT ? c < 0 : op === Py_LE ? c <= 0 : op === Py_GT ? c > 0 : c >= 0)
}

/** @cpython Objects/bytesobject.c#bytes_richcompare */
export function bytes_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = rtOf(v)
  if (!PyBytes_Check(v) || !PyBytes_Check(w)) return notImplemented(rt)
  if (v === w && (op === Py_EQ || op === Py_NE || op === Py_LE || op === Py_GE)) return newBool(rt, op !== Py_NE)
  return richFromCompare(rt, compareBytes((v as PyBytesObject).ob_sval, (w as PyBytesObject).ob_sval), op)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Sequence slots                                                                                                */
/* ------------------------------------------------------------------------------------------------------------ */

export function bytes_length(self: PyObject): number {
  return (self as PyBytesObject).ob_sval.length
}

/** `a bytes-like object is required, not 'str'`. */
export function needBuffer(rt: Runtime, o: PyObject): Uint8Array {
  const b = bufferOf(o)
  if (b === null) throw PyErr_Format(rt, 'TypeError', `a bytes-like object is required, not '${trunc(o.ob_type.tp_name, 100)}'`)
  return b
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/** @cpython Objects/bytesobject.c#bytes_concat */
export function bytes_concat(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  const vb = bufferOf(b)
  if (vb === null) throw PyErr_Format(rt, 'TypeError', `can't concat ${trunc(b.ob_type.tp_name, 100)} to ${trunc(a.ob_type.tp_name, 100)}`)
  const va = (a as PyBytesObject).ob_sval
  // Adding nothing to an exact bytes returns it unchanged.
  if (vb.length === 0 && a.ob_type === rt.types.bytes) {
    Py_INCREF(a)
    return a
  }
  if (va.length === 0 && b.ob_type === rt.types.bytes) {
    Py_INCREF(b)
    return b
  }
  return _PyBytes_FromOwned(rt, concatBytes(va, vb))
}

export function repeatBytes(rt: Runtime, b: Uint8Array, n: number): Uint8Array {
  if (n <= 0 || b.length === 0) return new Uint8Array(0)
  if (b.length * n > 0x7fffffff) throw PyErr_NoMemory(rt)
  const out = new Uint8Array(b.length * n)
  for (let i = 0; i < n; i++) out.set(b, i * b.length)
  return out
}

/** @cpython Objects/bytesobject.c#bytes_repeat */
export function bytes_repeat(self: PyObject, n: number): PyObject {
  const rt = rtOf(self)
  if (n === 1 && self.ob_type === rt.types.bytes) {
    Py_INCREF(self)
    return self
  }
  return _PyBytes_FromOwned(rt, repeatBytes(rt, (self as PyBytesObject).ob_sval, n))
}

/** `x in b` for bytes and bytearray: an int in range(256) or a bytes-like needle. */
export function bytesContains(rt: Runtime, hay: Uint8Array, arg: PyObject): boolean {
  if (_PyIndex_Check(arg)) {
    const v = PyNumber_AsSsize_t(rt, arg, null)
    if (v < 0 || v > 255) throw PyErr_Format(rt, 'ValueError', 'byte must be in range(0, 256)')
    return hay.includes(v)
  }
  const b = bufferOf(arg)
  if (b === null) throw PyErr_Format(rt, 'TypeError', `a bytes-like object is required, not '${trunc(arg.ob_type.tp_name, 100)}'`)
  return latin1(hay).includes(latin1(b))
}

export function bytes_contains(self: PyObject, arg: PyObject): boolean {
  return bytesContains(rtOf(self), (self as PyBytesObject).ob_sval, arg)
}

export function bytes_item(self: PyObject, i: number): PyObject {
  const b = (self as PyBytesObject).ob_sval
  const rt = rtOf(self)
  if (i < 0 || i >= b.length) throw PyErr_Format(rt, 'IndexError', 'index out of range')
  return PyLong_FromNumber(rt, b[i]!)
}

/** Slice `b` by a slice object: the selected bytes (a copy). */
export function sliceBytes(b: Uint8Array, item: PyObject): Uint8Array {
  PySlice_Unpack(item)
  const n = PySlice_AdjustIndices(b.length)
  const { start, step } = sliceBounds
  if (n <= 0) return new Uint8Array(0)
  if (step === 1) return b.slice(start, start + n)
  const out = new Uint8Array(n)
  for (let cur = start, i = 0; i < n; cur += step, i++) out[i] = b[cur]!
  return out
}

/** @cpython Objects/bytesobject.c#bytes_subscript */
export function bytes_subscript(self: PyObject, item: PyObject): PyObject {
  const rt = rtOf(self)
  const b = (self as PyBytesObject).ob_sval
  if (_PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(rt, item, 'IndexError')
    if (i < 0) i += b.length
    return bytes_item(self, i)
  }
  if (item instanceof PySliceObject) {
    PySlice_Unpack(item)
    const n = PySlice_AdjustIndices(b.length)
    if (n === b.length && sliceBounds.step === 1 && self.ob_type === rt.types.bytes) {
      Py_INCREF(self)
      return self
    }
    return _PyBytes_FromOwned(rt, sliceBytes(b, item))
  }
  throw PyErr_Format(rt, 'TypeError', `byte indices must be integers or slices, not ${trunc(item.ob_type.tp_name, 200)}`)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Iterator                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

/** `bytes_iterator` (and `bytearray_iterator`): the sequence (owned; null once exhausted) and the next index. */
export class PyBytesIterObject extends PyObject {
  it_index = 0
  it_seq: PyObject | null
  constructor(type: PyTypeObject, seq: PyObject) {
    super(type)
    this.it_seq = seq
  }
}

/** An iterator of `type` over a bytes or bytearray. */
export function bytesIterNew(rt: Runtime, type: PyTypeObject, seq: PyObject): PyObject {
  Py_INCREF(seq)
  const it = PyObject_GC_Init(rt, new PyBytesIterObject(type, seq), type.tp_basicsize)
  _PyObject_GC_TRACK(it)
  return it
}

export function bytes_iter(self: PyObject): PyObject {
  const rt = rtOf(self)
  return bytesIterNew(rt, rt.types.bytes_iterator!, self)
}

export function bytesiter_next(self: PyObject): PyObject | null {
  const it = self as PyBytesIterObject
  const seq = it.it_seq
  if (seq === null) return null
  const b = bufferOf(seq)!
  if (it.it_index < b.length) return PyLong_FromNumber(rtOf(it), b[it.it_index++]!)
  it.it_seq = null
  Py_DECREF(seq)
  return null
}

export function bytesiter_dealloc(self: PyObject): void {
  const it = self as PyBytesIterObject
  if (it._gc_next !== null) _PyObject_GC_UNTRACK(it)
  const seq = it.it_seq
  it.it_seq = null
  if (seq !== null) Py_DECREF(seq)
  PyObject_GC_Del(it)
}

export function bytesiter_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const seq = (self as PyBytesIterObject).it_seq
  return seq !== null ? visit(seq, arg) : 0
}

export function bytesiter_len(self: PyObject): PyObject {
  const it = self as PyBytesIterObject
  const n = it.it_seq === null ? 0 : Math.max(0, bufferOf(it.it_seq)!.length - it.it_index)
  return PyLong_FromNumber(rtOf(it), n)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Construction                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

/** The items of an iterable of ints in range(256). */
export function bytesFromIterable(rt: Runtime, x: PyObject, onItem?: (n: number) => void): Uint8Array {
  const it = PyObject_GetIter(x)
  const out: number[] = []
  try {
    for (let v = PyIter_Next(it); v !== null; v = PyIter_Next(it)) {
      try {
        out.push(byteValue(rt, v))
        onItem?.(out.length)
      } finally {
        Py_DECREF(v)
      }
    }
  } finally {
    Py_DECREF(it)
  }
  return Uint8Array.from(out)
}

/** An int in range(256) from an index-like object ("bytes must be in range(0, 256)"). */
export function byteValue(rt: Runtime, v: PyObject, msg = 'bytes must be in range(0, 256)'): number {
  if (!_PyIndex_Check(v)) throw PyErr_Format(rt, 'TypeError', `'${trunc(v.ob_type.tp_name, 200)}' object cannot be interpreted as an integer`)
  const n = PyNumber_AsSsize_t(rt, v, null)
  if (n < 0 || n > 255) throw PyErr_Format(rt, 'ValueError', msg)
  return n
}

let encodeHook: ((rt: Runtime, s: string, encoding: string, errors: string) => Uint8Array) | null = null
/** Installed by text-init (codecs). */
export function _PyBytes_SetEncodeHook(f: (rt: Runtime, s: string, encoding: string, errors: string) => Uint8Array): void {
  encodeHook = f
}

/**
 * The data `bytes(x, encoding, errors)` / `bytearray(...)` start from.
 * @cpython Objects/bytesobject.c#bytes_new_impl
 */
export function bytesSourceData(rt: Runtime, x: PyObject | null, encoding: string | null, errors: string | null, what: 'bytes' | 'bytearray'): Uint8Array {
  if (x === null) {
    if (encoding !== null || errors !== null) throw PyErr_Format(rt, 'TypeError', encoding !== null ? 'encoding without a string argument' : 'errors without a string argument')
    return new Uint8Array(0)
  }
  if (encoding !== null) {
    if (!PyUnicode_Check(x)) throw PyErr_Format(rt, 'TypeError', 'encoding without a string argument')
    return encodeHook!(rt, (x as PyUnicodeObject).value, encoding, errors ?? 'strict')
  }
  if (errors !== null) throw PyErr_Format(rt, 'TypeError', PyUnicode_Check(x) ? 'string argument without an encoding' : 'errors without a string argument')
  if (PyUnicode_Check(x)) throw PyErr_Format(rt, 'TypeError', 'string argument without an encoding')
  if (what === 'bytes') {
    const meth = _PyObject_LookupSpecial(x, '__bytes__')
    if (meth !== null) {
      let r: PyObject
      try {
        r = meth.ob_type.tp_call!(meth, [], 0, 0, null)
      } finally {
        Py_DECREF(meth)
      }
      try {
        if (!PyBytes_Check(r)) throw PyErr_Format(rt, 'TypeError', `__bytes__ returned non-bytes (type ${trunc(r.ob_type.tp_name, 200)})`)
        return (r as PyBytesObject).ob_sval.slice()
      } finally {
        Py_DECREF(r)
      }
    }
  }
  const buf = bufferOf(x)
  if (buf !== null) return buf.slice()
  if (_PyIndex_Check(x)) {
    const n = PyNumber_AsSsize_t(rt, x, 'OverflowError')
    if (n < 0) throw PyErr_Format(rt, 'ValueError', 'negative count')
    if (n > 0x7fffffff) throw PyErr_NoMemory(rt)
    return new Uint8Array(n)
  }
  if (x.ob_type.tp_iter === null && x.ob_type.sq_item === null) {
    throw PyErr_Format(rt, 'TypeError', what === 'bytes' ? `cannot convert '${trunc(x.ob_type.tp_name, 200)}' object to bytes` : `cannot convert '${trunc(x.ob_type.tp_name, 200)}' object to bytearray`)
  }
  return bytesFromIterable(rt, x)
}

/** `bytes(...)` for bytes and its subtypes. */
export function bytes_new_impl(type: PyTypeObject, x: PyObject | null, encoding: string | null, errors: string | null): PyObject {
  const rt = type.tp_runtime
  if (type === rt.types.bytes && x !== null && x.ob_type === rt.types.bytes && encoding === null && errors === null) {
    Py_INCREF(x)
    return x
  }
  const data = bytesSourceData(rt, x, encoding, errors, 'bytes')
  if (type === rt.types.bytes) return _PyBytes_FromOwned(rt, data)
  const op = new PyBytesObject(type, data)
  return PyType_GenericAllocObject(type, op, data.length)
}

/** `__getnewargs__`: `(bytes(self),)`. */
export function bytes_getnewargs(self: PyObject): PyObject {
  const rt = rtOf(self)
  return PyTuple_FromArraySteal(rt, [_PyBytes_FromOwned(rt, (self as PyBytesObject).ob_sval.slice())])
}

/** `bytes.__bytes__`: the object itself for exact bytes, else a copy. */
export function bytes___bytes__(self: PyObject): PyObject {
  const rt = rtOf(self)
  if (self.ob_type === rt.types.bytes) {
    Py_INCREF(self)
    return self
  }
  return _PyBytes_FromOwned(rt, (self as PyBytesObject).ob_sval.slice())
}

/** `%b`/`%s` of bytes formatting: a bytes-like object or `__bytes__`. */
export function bytesFormatOperand(rt: Runtime, v: PyObject): string {
  const b = bufferOf(v)
  if (b !== null) return latin1(b)
  const meth = _PyObject_LookupSpecial(v, '__bytes__')
  if (meth !== null) {
    let r: PyObject
    try {
      r = meth.ob_type.tp_call!(meth, [], 0, 0, null)
    } finally {
      Py_DECREF(meth)
    }
    try {
      if (!PyBytes_Check(r)) throw PyErr_Format(rt, 'TypeError', `__bytes__ returned non-bytes (type ${trunc(r.ob_type.tp_name, 200)})`)
      return latin1((r as PyBytesObject).ob_sval)
    } finally {
      Py_DECREF(r)
    }
  }
  throw PyErr_Format(rt, 'TypeError', `%b requires a bytes-like object, or an object that implements __bytes__, not '${trunc(v.ob_type.tp_name, 200)}'`)
}

/** `%c` of bytes formatting. */
export function bytesFormatChar(rt: Runtime, v: PyObject): string {
  if (PyLong_Check(v)) {
    const n = intValue(v)
    if (typeof n === 'bigint' || n < 0 || n > 255) throw PyErr_Format(rt, 'OverflowError', '%c arg not in range(256)')
    return String.fromCharCode(n)
  }
  const b = bufferOf(v)
  if (b !== null && b.length === 1) return String.fromCharCode(b[0]!)
  throw PyErr_Format(rt, 'TypeError', '%c requires an integer in range(256) or a single byte')
}


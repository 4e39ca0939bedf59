/**
 * `int`: arbitrary precision. The value is a JS number while it is a safe integer and a bigint beyond; the
 * simulated size counts 30-bit digits as CPython does. Values in the small-int range come from the cache.
 * Arithmetic follows CPython: floor division and modulo take the divisor's sign, `**` with a negative exponent
 * gives a float, shifts and bitwise operators act on the infinite two's complement, true division rounds once.
 * @cpython Objects/longobject.c
 */
import { PyErr, PyErr_Format } from '../errors.js'
import { PyObject_Free, PyObject_Init, PyObject_InitStatic } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE, Py_TPFLAGS_LONG_SUBCLASS, PyType_IsSubtype, type PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { bitLength, ratioToDouble } from './dtoa.js'
import { makeStatic } from './immortal.js'
import { PyType_GenericAllocObject } from './instances.js'
import { _PyObject_LookupSpecial } from './object-type.js'
import { PyObject_CallNoArgs, PyObject_Repr, PyObject_RichCompare, errMatches, notImplemented, reprText } from './protocols.js'
import { numberIndex } from './slots.js'
import { PyTuple_FromArraySteal, hashFromBig, type Py_hash_t } from './tupleobject.js'
import { fmt, strValue, trunc } from './type-util.js'
import { PyUnicode_FromString } from './unicodeobject.js'

export type IntValue = number | bigint

export class PyLongObject extends PyObject {
  /** The value: a safe-integer number, or a bigint outside that range. */
  ob_ival: IntValue
  constructor(type: PyTypeObject, v: IntValue) {
    super(type)
    this.ob_ival = v
  }
  /** The key dict lookups use: equal ints, floats and bools share it. */
  get primitiveKey(): IntValue {
    return this.ob_ival
  }
}

/** Brings a bigint back to a number when it fits, so each value has one representation. */
export function normInt(v: bigint): IntValue {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v
}

/** The value as a bigint. */
export function toBig(v: IntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v)
}

/** Number of 30-bit digits CPython stores for `v` (`ob_size`'s magnitude). */
export function intDigits(v: IntValue): number {
  if (typeof v === 'number') {
    let a = Math.abs(v)
    let n = 0
    while (a > 0) {
      a = Math.floor(a / 1073741824)
      n++
    }
    return n
  }
  return Math.ceil(bitLength(v < 0n ? -v : v) / 30)
}

/** `int.__sizeof__`. */
export function long_sizeof(rt: Runtime, v: IntValue): number {
  const t = rt.sizeof
  let d = intDigits(v)
  if (d === 0 && t.intZeroHasDigit) d = 1
  return t.intBase + d * t.intDigitSize
}

/** Creates the small-int cache: static objects (3.11+), or heap objects held by the interpreter. */
export function _PyLong_InitSmallInts(rt: Runtime): void {
  const { min, max } = rt.profile.objects.smallInts
  const isStatic = rt.profile.objects.staticObjects.smallInts
  for (let v = min; v <= max; v++) {
    const op = new PyLongObject(rt.types.int, v)
    if (isStatic) {
      PyObject_InitStatic(rt, op, long_sizeof(rt, v))
      makeStatic(rt, op)
    } else PyObject_Init(rt, op, long_sizeof(rt, v))
    rt.small_ints.push(op)
  }
}

/**
 * An int object for `v` (a new reference): the cached object for small values.
 * @cpython Objects/longobject.c#PyLong_FromLong
 */
export function PyLong_FromNumber(rt: Runtime, v: number): PyLongObject {
  const { min, max } = rt.profile.objects.smallInts
  if (v >= min && v <= max) {
    const op = rt.small_ints[v - min]!
    Py_INCREF(op)
    return op as PyLongObject
  }
  if (!Number.isSafeInteger(v)) return PyLong_FromBigInt(rt, BigInt(v))
  const op = new PyLongObject(rt.types.int, v === 0 ? 0 : v)
  return PyObject_Init(rt, op, long_sizeof(rt, v))
}

/** An int object for a bigint value (a new reference). */
export function PyLong_FromBigInt(rt: Runtime, v: bigint): PyLongObject {
  const n = normInt(v)
  if (typeof n === 'number') return PyLong_FromNumber(rt, n)
  const op = new PyLongObject(rt.types.int, n)
  return PyObject_Init(rt, op, long_sizeof(rt, n))
}

/** An int object for either representation. */
export function PyLong_FromValue(rt: Runtime, v: IntValue): PyLongObject {
  return typeof v === 'number' ? PyLong_FromNumber(rt, v) : PyLong_FromBigInt(rt, v)
}

/** @cpython Objects/longobject.c#long_dealloc */
export function long_dealloc(op: PyObject): void {
  const free = op.ob_type.tp_free
  if (free !== null && op.ob_type !== op.ob_type.tp_runtime.types.int) free(op)
  else PyObject_Free(op)
}

/** The value of an int (or bool) object. */
export function intValue(op: PyObject): IntValue {
  return (op as PyLongObject).ob_ival
}

/** `PyLong_Check`: an int or a subclass (bool included). */
export function PyLong_Check(op: PyObject): boolean {
  return (op.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) !== 0
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Hashing                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

/** `_PyHASH_BITS`: 61 on 64-bit builds, 31 on 32-bit ones (the modulus is the Mersenne prime 2**bits - 1). */
export function hashBits(rt: Runtime): 61 | 31 {
  return rt.profile.pointerSize === 4 ? 31 : 61
}

/** `long_hash` exactly: |v| reduced modulo 2**bits - 1 with v's sign, -1 mapped to -2. */
export function long_hash_exact(op: PyObject): Py_hash_t {
  const v = (op as PyLongObject).ob_ival
  const bits = hashBits(rtOf(op))
  if (typeof v === 'number') {
    const m = bits === 61 ? v : v % 2147483647
    return m === -1 ? -2 : m === 0 ? 0 : m
  }
  const modulus = (1n << BigInt(bits)) - 1n
  let m = (v < 0n ? -v : v) % modulus
  if (v < 0n) m = -m
  if (m === -1n) m = -2n
  return hashFromBig(m)
}

/**
 * `long_hash` as a JS number (`tp_hash`).
 * DEVIATION(cpython): hashes beyond 2**53 lose precision here; `PyObject_HashExact` gives the exact value.
 */
export function long_hash(op: PyObject): number {
  return Number(long_hash_exact(op))
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Conversions                                                                                                   */
/* ------------------------------------------------------------------------------------------------------------ */

/** The nearest double (ties to even), Infinity beyond the range. */
export function intToDouble(v: IntValue): number {
  return typeof v === 'number' ? v : Number(v)
}

/** `PyLong_AsDouble`: OverflowError when the int is too large. @cpython Objects/longobject.c#PyLong_AsDouble */
export function PyLong_AsDouble(op: PyObject): number {
  const d = intToDouble(intValue(op))
  if (!Number.isFinite(d)) throw PyErr_Format(rtOf(op), 'OverflowError', 'int too large to convert to float')
  return d
}

/** `PyLong_FromDouble`: truncates toward zero. @cpython Objects/longobject.c#PyLong_FromDouble */
export function PyLong_FromDouble(rt: Runtime, d: number): PyLongObject {
  if (Number.isNaN(d)) throw PyErr_Format(rt, 'ValueError', 'cannot convert float NaN to integer')
  if (!Number.isFinite(d)) throw PyErr_Format(rt, 'OverflowError', 'cannot convert float infinity to integer')
  const t = Math.trunc(d)
  return Number.isSafeInteger(t) ? PyLong_FromNumber(rt, t === 0 ? 0 : t) : PyLong_FromBigInt(rt, BigInt(t))
}

/** An exact int with the value of an int subclass instance (`long_long`, `_PyLong_Copy`). */
export function long_long(self: PyObject): PyObject {
  const rt = rtOf(self)
  if (self.ob_type === rt.types.int) {
    Py_INCREF(self)
    return self
  }
  return PyLong_FromValue(rt, intValue(self))
}

/** The interpreter-wide int/str conversion limit (`sys.set_int_max_str_digits`); 0 means none. */
const maxStrDigits = new WeakMap<Runtime, number>()

export function _PyLong_GetMaxStrDigits(rt: Runtime): number {
  return maxStrDigits.get(rt) ?? rt.profile.objects.numbers.intMaxStrDigits ?? 0
}

/** `sys.set_int_max_str_digits(n)`: 0 (no limit) or at least 640. */
export function _PyLong_SetMaxStrDigits(rt: Runtime, n: number): void {
  if (n !== 0 && n < 640) throw PyErr_Format(rt, 'ValueError', rt.profile.messages.intMaxStrDigitsSet)
  maxStrDigits.set(rt, n)
}

/** The decimal text of an int, with the int/str digits limit. @cpython Objects/longobject.c#long_to_decimal_string_internal */
export function long_to_decimal_string(rt: Runtime, v: IntValue): string {
  const s = v.toString()
  const limit = _PyLong_GetMaxStrDigits(rt)
  if (limit > 0 && s.length > 640) {
    const n = s.startsWith('-') ? s.length - 1 : s.length
    if (n > limit) throw PyErr_Format(rt, 'ValueError', fmt(rt.profile.messages.intMaxStrDigitsToStr, { limit: String(limit) }))
  }
  return s
}

/**
 * `_PyLong_Format`: the int in base 2, 8, 10 or 16, with the `0b`/`0o`/`0x` prefix when `alternate` (base 10 has
 * none), the sign in front.
 * @cpython Objects/longobject.c#_PyLong_Format
 */
export function _PyLong_Format(rt: Runtime, op: PyObject, base: number, alternate: boolean): string {
  const v = intValue(op)
  if (base === 10) return long_to_decimal_string(rt, v)
  const neg = v < 0
  const mag = neg ? (typeof v === 'number' ? -v : -v) : v
  const prefix = alternate ? (base === 2 ? '0b' : base === 8 ? '0o' : '0x') : ''
  return (neg ? '-' : '') + prefix + mag.toString(base)
}

/** @cpython Objects/longobject.c#long_to_decimal_string */
export function long_repr(self: PyObject): PyObject {
  const rt = rtOf(self)
  return PyUnicode_FromString(rt, long_to_decimal_string(rt, intValue(self)))
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Parsing                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

const ND = /\p{Nd}/u
const WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
])

/** `Py_UNICODE_ISSPACE`. */
export function _PyUnicode_IsWhitespace(cp: number): boolean {
  return WHITESPACE.has(cp)
}

/** `Py_UNICODE_TODECIMAL`: the value of a decimal digit (any script), or -1. */
export function _PyUnicode_ToDecimalDigit(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 48
  if (cp < 0x660 || !ND.test(String.fromCodePoint(cp))) return -1
  // Decimal digits come in runs of ten starting at a zero; runs may follow each other.
  let s = cp
  while (s > 0 && ND.test(String.fromCodePoint(s - 1))) s--
  return (cp - s) % 10
}

/**
 * `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII whitespace becomes ' ', non-ASCII decimal digits their
 * ASCII digit, any other non-ASCII character '?'.
 */
export function _PyUnicode_TransformDecimalAndSpaceToASCII(s: string): string {
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp < 128) out += ch
    else if (WHITESPACE.has(cp)) out += ' '
    else {
      const d = _PyUnicode_ToDecimalDigit(cp)
      out += d < 0 ? '?' : String.fromCharCode(48 + d)
    }
  }
  return out
}

/** `Py_ISSPACE` (ASCII whitespace). */
export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d)
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 97 && c <= 122) return c - 87
  if (c >= 65 && c <= 90) return c - 55
  return 99
}

/**
 * `PyLong_FromString` on ASCII text: whitespace around, a sign, a base prefix (base 0 detects it), single
 * underscores between digits. Null when the text is not a valid literal.
 * @cpython Objects/longobject.c#PyLong_FromString
 */
export function parseIntLiteral(rt: Runtime, s: string, baseIn: number): IntValue | null {
  let i = 0
  const n = s.length
  let base = baseIn
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++
  let neg = false
  if (s[i] === '+') i++
  else if (s[i] === '-') {
    neg = true
    i++
  }
  const lower = (k: number): string => (s[k] ?? '').toLowerCase()
  if (base === 0) {
    if (s[i] !== '0') base = 10
    else if (lower(i + 1) === 'x') base = 16
    else if (lower(i + 1) === 'o') base = 8
    else if (lower(i + 1) === 'b') base = 2
    else {
      // Only zeros (and underscores between them) may follow a leading zero in base 0.
      let j = i
      let prevDigit = false
      let ok = false
      while (j < n) {
        const c = s[j]
        if (c === '0') {
          prevDigit = true
          ok = true
        } else if (c === '_' && prevDigit) prevDigit = false
        else break
        j++
      }
      if (!ok || !prevDigit) return null
      while (j < n && isAsciiSpace(s.charCodeAt(j))) j++
      return j === n ? 0 : null
    }
    if (base !== 10) i += 2
  } else if (s[i] === '0' && ((base === 16 && lower(i + 1) === 'x') || (base === 8 && lower(i + 1) === 'o') || (base === 2 && lower(i + 1) === 'b'))) {
    i += 2
  }
  // After a prefix an underscore may come first ('0x_1f').
  let allowUnderscore = i >= 2 && (baseIn === 0 || base !== 10) && s[i - 2] === '0' && /[xXoObB]/.test(s[i - 1] ?? '')
  let digits = ''
  let prevDigit = false
  while (i < n) {
    const c = s.charCodeAt(i)
    if (c === 95) {
      if (!prevDigit && !allowUnderscore) return null
      prevDigit = false
      allowUnderscore = false
      i++
      continue
    }
    const d = digitValue(c)
    if (d >= base) break
    digits += s[i]
    prevDigit = true
    allowUnderscore = false
    i++
  }
  if (digits === '' || !prevDigit) return null
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++
  if (i !== n) return null
  const limit = _PyLong_GetMaxStrDigits(rt)
  if ((base & (base - 1)) !== 0 && limit > 0 && digits.length > 640 && digits.length > limit) {
    throw PyErr_Format(rt, 'ValueError', fmt(rt.profile.messages.intMaxStrDigitsFromStr, { limit: String(limit), digits: String(digits.length) }))
  }
  let v: bigint
  if (base === 10) v = BigInt(digits)
  else if (base === 16) v = BigInt('0x' + digits)
  else if (base === 8) v = BigInt('0o' + digits)
  else if (base === 2) v = BigInt('0b' + digits)
  else {
    v = 0n
    const b = BigInt(base)
    // Chunks of digits converted as numbers keep this linear for long strings.
    const chunk = base <= 10 ? 15 : 10
    for (let k = 0; k < digits.length; k += chunk) {
      const part = digits.slice(k, k + chunk)
      v = v * b ** BigInt(part.length) + BigInt(parseInt(part, base))
    }
  }
  return normInt(neg ? -v : v)
}

function invalidLiteral(rt: Runtime, base: number, original: PyObject): PyErr {
  return PyErr_Format(rt, 'ValueError', `invalid literal for int() with base ${base}: ${trunc(reprText(original), 200)}`)
}

/** `PyLong_FromUnicodeObject`. @cpython Objects/longobject.c#PyLong_FromUnicodeObject */
export function PyLong_FromUnicodeObject(rt: Runtime, u: PyObject, base: number): PyLongObject {
  const v = parseIntLiteral(rt, _PyUnicode_TransformDecimalAndSpaceToASCII(strValue(u)), base)
  if (v === null) throw invalidLiteral(rt, base, u)
  return PyLong_FromValue(rt, v)
}

/** The bytes of a bytes or bytearray object, or null. */
export function bytesLikeData(o: PyObject): Uint8Array | null {
  const b = o as unknown as { ob_sval?: Uint8Array; ob_bytes?: Uint8Array; ob_start?: number; ob_size?: number }
  if (b.ob_sval instanceof Uint8Array) return b.ob_sval
  if (b.ob_bytes instanceof Uint8Array) return b.ob_bytes.subarray(b.ob_start ?? 0, (b.ob_start ?? 0) + (b.ob_size ?? b.ob_bytes.length))
  return null
}

/** `_PyLong_FromBytes`: a bytes literal in `base`. */
function longFromBytes(rt: Runtime, o: PyObject, data: Uint8Array, base: number): PyLongObject {
  let s = ''
  for (const c of data) s += String.fromCharCode(c)
  const v = isAsciiWithoutNul(s) ? parseIntLiteral(rt, s, base) : null
  if (v === null) throw invalidLiteral(rt, base, o)
  return PyLong_FromValue(rt, v)
}

function isBytesLike(rt: Runtime, o: PyObject): boolean {
  const t = o.ob_type
  const ba = rt.types.bytearray
  return (t.tp_flags & (1 << 27)) !== 0 || (ba !== undefined && PyType_IsSubtype(t, ba))
}

/**
 * `PyNumber_Long` (`int(x)`): `__int__`, then `__index__`, then `__trunc__` (≤3.13), then text, else TypeError.
 * @cpython Objects/abstract.c#PyNumber_Long
 */
export function PyNumber_Long(o: PyObject): PyObject {
  const rt = rtOf(o)
  if (o.ob_type === rt.types.int) {
    Py_INCREF(o)
    return o
  }
  const t = o.ob_type
  if (t.nb_int !== null) {
    const r = t.nb_int(o)
    if (r.ob_type === rt.types.int) return r
    if (!PyLong_Check(r)) {
      const tn = r.ob_type.tp_name
      Py_DECREF(r)
      throw PyErr_Format(rt, 'TypeError', `__int__ returned non-int (type ${trunc(tn, 200)})`)
    }
    const c = long_long(r)
    Py_DECREF(r)
    return c
  }
  if (t.nb_index !== null) {
    const r = numberIndex(rt, o)
    const c = long_long(r)
    Py_DECREF(r)
    return c
  }
  if (rt.profile.objects.numbers.intTruncFallback) {
    const trunc_func = _PyObject_LookupSpecial(o, '__trunc__')
    if (trunc_func !== null) {
      let r: PyObject
      try {
        r = PyObject_CallNoArgs(trunc_func)
      } finally {
        Py_DECREF(trunc_func)
      }
      if (r.ob_type === rt.types.int) return r
      if (PyLong_Check(r)) {
        const c = long_long(r)
        Py_DECREF(r)
        return c
      }
      if (r.ob_type.nb_index === null) {
        const tn = r.ob_type.tp_name
        Py_DECREF(r)
        throw PyErr_Format(rt, 'TypeError', `__trunc__ returned non-Integral (type ${trunc(tn, 200)})`)
      }
      try {
        const i = numberIndex(rt, r)
        const c = long_long(i)
        Py_DECREF(i)
        return c
      } finally {
        Py_DECREF(r)
      }
    }
  }
  if ((t.tp_flags & (1 << 28)) !== 0) return PyLong_FromUnicodeObject(rt, o, 10)
  if (isBytesLike(rt, o)) {
    const data = bytesLikeData(o)
    if (data !== null) return longFromBytes(rt, o, data, 10)
  }
  throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.intArgType, { type: trunc(t.tp_name, 200) }))
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Arithmetic                                                                                                    */
/* ------------------------------------------------------------------------------------------------------------ */

/** A new int from an exact JS result: a number when safe, else recomputed exactly by `slow`. */
function result(rt: Runtime, n: number, slow: () => bigint): PyObject {
  if (Number.isSafeInteger(n)) return PyLong_FromNumber(rt, n === 0 ? 0 : n)
  return PyLong_FromBigInt(rt, slow())
}

/** Runs a bigint computation, turning an engine size limit into MemoryError. */
function bigOp(rt: Runtime, f: () => bigint): PyObject {
  let v: bigint
  try {
    v = f()
  } catch (e) {
    if (e instanceof RangeError) throw PyErr_Format(rt, 'MemoryError', '')
    throw e
  }
  return PyLong_FromBigInt(rt, v)
}

/** `CHECK_BINOP`: both operands are ints, else the slot answers NotImplemented. */
function bothInts(a: PyObject, b: PyObject): boolean {
  return PyLong_Check(a) && PyLong_Check(b)
}

export function long_add(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  const x = intValue(a)
  const y = intValue(b)
  if (typeof x === 'number' && typeof y === 'number') return result(rt, x + y, () => BigInt(x) + BigInt(y))
  return PyLong_FromBigInt(rt, toBig(x) + toBig(y))
}

export function long_sub(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  const x = intValue(a)
  const y = intValue(b)
  if (typeof x === 'number' && typeof y === 'number') return result(rt, x - y, () => BigInt(x) - BigInt(y))
  return PyLong_FromBigInt(rt, toBig(x) - toBig(y))
}

export function long_mul(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  const x = intValue(a)
  const y = intValue(b)
  if (typeof x === 'number' && typeof y === 'number') return result(rt, x * y, () => BigInt(x) * BigInt(y))
  return bigOp(rt, () => toBig(x) * toBig(y))
}

/** Floor division and modulo (the remainder takes the divisor's sign). @cpython Objects/longobject.c#l_divmod */
export function intDivmod(x: IntValue, y: IntValue): [IntValue, IntValue] {
  if (typeof x === 'number' && typeof y === 'number') {
    // `%` is exact on safe integers; the quotient of an exact multiple is exact too.
    let r = x % y
    let q = (x - r) / y
    if (r !== 0 && r < 0 !== y < 0) {
      r += y
      q -= 1
    }
    return [q === 0 ? 0 : q, r === 0 ? 0 : r]
  }
  const a = toBig(x)
  const b = toBig(y)
  let q = a / b
  let r = a - q * b
  if (r !== 0n && r < 0n !== b < 0n) {
    r += b
    q -= 1n
  }
  return [normInt(q), normInt(r)]
}

function isZero(v: IntValue): boolean {
  return v === 0 || v === 0n
}

export function long_div(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  const y = intValue(b)
  if (isZero(y)) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.intFloorDivZero)
  return PyLong_FromValue(rt, intDivmod(intValue(a), y)[0])
}

export function long_mod(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  const y = intValue(b)
  if (isZero(y)) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.intModZero)
  return PyLong_FromValue(rt, intDivmod(intValue(a), y)[1])
}

export function long_divmod(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  const y = intValue(b)
  if (isZero(y)) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.intDivmodZero)
  const [q, r] = intDivmod(intValue(a), y)
  const qo = PyLong_FromValue(rt, q)
  return PyTuple_FromArraySteal(rt, [qo, PyLong_FromValue(rt, r)])
}

/** `a / b` correctly rounded. @cpython Objects/longobject.c#long_true_divide */
export function intTrueDivide(rt: Runtime, x: IntValue, y: IntValue): number {
  if (isZero(y)) throw PyErr_Format(rt, 'ZeroDivisionError', 'division by zero')
  if (typeof x === 'number' && typeof y === 'number') return x / y
  const a = toBig(x)
  const b = toBig(y)
  const neg = a < 0n !== b < 0n
  const r = ratioToDouble(a < 0n ? -a : a, b < 0n ? -b : b)
  if (!Number.isFinite(r)) throw PyErr_Format(rt, 'OverflowError', 'integer division result too large for a float')
  return neg ? -r : r
}

export function long_true_divide(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  return floatFactory.fn(rt, intTrueDivide(rt, intValue(a), intValue(b)))
}

/** Set by floatobject.ts: `PyFloat_FromDouble` and float's `nb_power` (negative exponents give floats). */
export const floatFactory: {
  fn: (rt: Runtime, v: number) => PyObject
  pow: (a: PyObject, b: PyObject, c: PyObject) => PyObject
} = {
  fn: () => {
    throw new Error('floats are not initialised')
  },
  pow: () => {
    throw new Error('floats are not initialised')
  },
}

/** Modular exponentiation by squaring. */
function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n % mod
  let b = base % mod
  let e = exp
  while (e > 0n) {
    if ((e & 1n) === 1n) r = (r * b) % mod
    e >>= 1n
    if (e > 0n) b = (b * b) % mod
  }
  return r
}

/** The inverse of a modulo m (m > 0), or null. */
function modInverse(a: bigint, m: bigint): bigint | null {
  let [oldR, r] = [((a % m) + m) % m, m]
  let [oldS, s] = [1n, 0n]
  while (r !== 0n) {
    const q = oldR / r
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  if (oldR !== 1n) return null
  return ((oldS % m) + m) % m
}

/** @cpython Objects/longobject.c#long_pow */
export function long_pow(v: PyObject, w: PyObject, x: PyObject): PyObject {
  const rt = rtOf(v)
  if (!bothInts(v, w)) return notImplemented(rt)
  const hasMod = x !== rt.None
  if (hasMod && !PyLong_Check(x)) return notImplemented(rt)
  const a = intValue(v)
  const b = intValue(w)
  if (!hasMod && b < 0) return floatFactory.pow(v, w, x)
  if (!hasMod) {
    if (typeof a === 'number' && typeof b === 'number') {
      const n = a ** b
      if (Number.isSafeInteger(n) && Math.abs(n) < 2 ** 53) {
        // A double power below 2**53 is exact only when every intermediate step is; recompute when unsure.
        if (Math.abs(a) <= 1 || b <= 2 || Math.abs(n) < 2 ** 40) return PyLong_FromNumber(rt, n === 0 ? 0 : n)
      }
    }
    if (isZero(a) || a === 1 || b === 0) return PyLong_FromNumber(rt, b === 0 || b === 0n ? 1 : Number(a))
    if (a === -1) return PyLong_FromNumber(rt, toBig(b) % 2n === 0n ? 1 : -1)
    return bigOp(rt, () => toBig(a) ** toBig(b))
  }
  let m = toBig(intValue(x))
  if (m === 0n) throw PyErr_Format(rt, 'ValueError', 'pow() 3rd argument cannot be 0')
  const negativeOutput = m < 0n
  if (negativeOutput) m = -m
  if (m === 1n) return PyLong_FromNumber(rt, 0)
  let base = toBig(a)
  let exp = toBig(b)
  if (exp < 0n) {
    const inv = modInverse(base, m)
    if (inv === null) throw PyErr_Format(rt, 'ValueError', 'base is not invertible for the given modulus')
    base = inv
    exp = -exp
  }
  base = ((base % m) + m) % m
  let r = modPow(base, exp, m)
  if (negativeOutput && r !== 0n) r -= m
  return PyLong_FromBigInt(rt, r)
}

export function long_neg(self: PyObject): PyObject {
  const rt = rtOf(self)
  const v = intValue(self)
  return typeof v === 'number' ? PyLong_FromNumber(rt, v === 0 ? 0 : -v) : PyLong_FromBigInt(rt, -v)
}

export function long_abs(self: PyObject): PyObject {
  const v = intValue(self)
  return v < 0 ? long_neg(self) : long_long(self)
}

export function long_bool(self: PyObject): number {
  return isZero(intValue(self)) ? 0 : 1
}

export function long_invert(self: PyObject): PyObject {
  const rt = rtOf(self)
  const v = intValue(self)
  return typeof v === 'number' ? result(rt, -v - 1, () => -BigInt(v) - 1n) : PyLong_FromBigInt(rt, -v - 1n)
}

/** The shift count of `<<`/`>>`: ValueError when negative. */
function shiftCount(rt: Runtime, b: PyObject): IntValue {
  const n = intValue(b)
  if (n < 0) throw PyErr_Format(rt, 'ValueError', 'negative shift count')
  return n
}

export function long_lshift(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  const n = shiftCount(rt, b)
  const x = intValue(a)
  if (isZero(x)) return PyLong_FromNumber(rt, 0)
  if (typeof n === 'bigint' || n > 2 ** 40) throw PyErr_Format(rt, 'OverflowError', 'too many digits in integer')
  if (typeof x === 'number' && n < 53) return result(rt, x * 2 ** n, () => BigInt(x) << BigInt(n))
  return bigOp(rt, () => toBig(x) << BigInt(n))
}

export function long_rshift(a: PyObject, b: PyObject): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  const n = shiftCount(rt, b)
  const x = intValue(a)
  if (typeof n === 'bigint' || n > 2 ** 40) return PyLong_FromNumber(rt, x < 0 ? -1 : 0)
  if (typeof x === 'number') return PyLong_FromNumber(rt, n >= 64 ? (x < 0 ? -1 : 0) : Math.floor(x / 2 ** n))
  return PyLong_FromBigInt(rt, x >> BigInt(n))
}

function bitwise(op: '&' | '|' | '^'): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    const rt = rtOf(a)
    if (!bothInts(a, b)) return notImplemented(rt)
    const x = intValue(a)
    const y = intValue(b)
    if (typeof x === 'number' && typeof y === 'number' && (x | 0) === x && (y | 0) === y) {
      return PyLong_FromNumber(rt, op === '&' ? x & y : op === '|' ? x | y : x ^ y)
    }
    const p = toBig(x)
    const q = toBig(y)
    return PyLong_FromBigInt(rt, op === '&' ? p & q : op === '|' ? p | q : p ^ q)
  }
}

export const long_and = bitwise('&')
export const long_or = bitwise('|')
export const long_xor = bitwise('^')

export function long_float(self: PyObject): PyObject {
  return floatFactory.fn(rtOf(self), PyLong_AsDouble(self))
}

/** @cpython Objects/longobject.c#long_richcompare */
export function long_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  const rt = rtOf(a)
  if (!bothInts(a, b)) return notImplemented(rt)
  const x = intValue(a)
  const y = intValue(b)
  let r: boolean
  switch (op) {
    case Py_LT:
      r = x < y
      break
    case Py_LE:
      r = x <= y
      break
    case Py_EQ:
      r = x === y
      break
    case Py_NE:
      r = x !== y
      break
    case Py_GT:
      r = x > y
      break
    case Py_GE:
    default:
      r = x >= y
  }
  const res = r ? rt.True : rt.False
  Py_INCREF(res)
  return res
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Construction                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

/** `long_new_impl`: `int()`, `int(x)`, `int(x, base)`. @cpython Objects/longobject.c#long_new_impl */
export function long_new_impl(type: PyTypeObject, x: PyObject | null, obase: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (type !== rt.types.int) return long_subtype_new(type, x, obase)
  if (x === null) {
    if (obase !== null) throw PyErr_Format(rt, 'TypeError', 'int() missing string argument')
    return PyLong_FromNumber(rt, 0)
  }
  if (obase === null) return PyNumber_Long(x)
  const bi = numberIndex(rt, obase)
  const bv = intValue(bi)
  Py_DECREF(bi)
  if ((bv !== 0 && bv < 2) || bv > 36) throw PyErr_Format(rt, 'ValueError', 'int() base must be >= 2 and <= 36, or 0')
  const base = Number(bv)
  if ((x.ob_type.tp_flags & (1 << 28)) !== 0) return PyLong_FromUnicodeObject(rt, x, base)
  if (isBytesLike(rt, x)) {
    const data = bytesLikeData(x)
    if (data !== null) return longFromBytes(rt, x, data, base)
  }
  throw PyErr_Format(rt, 'TypeError', "int() can't convert non-string with explicit base")
}

/** An instance of an int subclass holding the value computed for `int`. @cpython Objects/longobject.c#long_subtype_new */
function long_subtype_new(type: PyTypeObject, x: PyObject | null, obase: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const tmp = long_new_impl(rt.types.int, x, obase)
  const v = intValue(tmp)
  Py_DECREF(tmp)
  return PyLong_SubtypeFromValue(type, v)
}

/** A new instance of an int subtype (the digits sized as `long_subtype_new` allocates them). */
export function PyLong_SubtypeFromValue(type: PyTypeObject, v: IntValue): PyObject {
  let n = intDigits(v)
  if (n === 0 && type.tp_runtime.sizeof.intZeroHasDigit) n = 1
  return PyType_GenericAllocObject(type, new PyLongObject(type, v), n)
}

/** Binds `int(x=0, /, base=10)` from positional values and keyword names/values. */
function bindIntArgs(rt: Runtime, pos: readonly PyObject[], kw: readonly [string, PyObject][]): [PyObject | null, PyObject | null] {
  if (pos.length + kw.length > 2 || pos.length > 2) {
    throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.intTooManyArgs, { n: String(pos.length + kw.length) }))
  }
  let x: PyObject | null = pos[0] ?? null
  let base: PyObject | null = pos[1] ?? null
  for (const [name, value] of kw) {
    if (name !== 'base') throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.excBadKeyword, { name, type: 'int' }))
    if (base !== null) throw PyErr_Format(rt, 'TypeError', "argument for int() given by name ('base') and position (2)")
    base = value
  }
  void x
  x = pos[0] ?? null
  return [x, base]
}

/** `int.__new__` (tuple and dict). */
export function long_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const pos = (args as unknown as { ob_item: PyObject[] }).ob_item
  const kw: [string, PyObject][] = []
  if (kwds !== null) {
    const d = kwds as unknown as { ma_keys: (PyObject | undefined)[]; ma_values: (PyObject | undefined)[] }
    for (let i = 0; i < d.ma_keys.length; i++) {
      const k = d.ma_keys[i]
      if (k !== undefined) kw.push([strValue(k), d.ma_values[i]!])
    }
  }
  const [x, base] = bindIntArgs(rt, pos, kw)
  return long_new_impl(type, x, base)
}

/** `int(...)` on the exact type without an argument tuple. */
export function long_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = (type as PyTypeObject).tp_runtime
  const pos = args.slice(start, start + nargs)
  const kw: [string, PyObject][] = []
  if (kwnames !== null) {
    const names = (kwnames as unknown as { ob_item: PyObject[] }).ob_item
    for (let i = 0; i < names.length; i++) kw.push([strValue(names[i]!), args[start + nargs + i]!])
  }
  const [x, base] = bindIntArgs(rt, pos, kw)
  return long_new_impl(type as PyTypeObject, x, base)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Methods                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

/** `int.bit_length()`. */
export function long_bit_length(self: PyObject): PyObject {
  const v = intValue(self)
  const n = typeof v === 'number' ? (v === 0 ? 0 : Math.floor(Math.log2(Math.abs(v))) + 1) : bitLength(v < 0n ? -v : v)
  // Math.log2 can round up just below a power of two.
  if (typeof v === 'number' && v !== 0 && 2 ** (n - 1) > Math.abs(v)) return PyLong_FromNumber(rtOf(self), n - 1)
  return PyLong_FromNumber(rtOf(self), n)
}

/** `int.bit_count()` (3.10+). */
export function long_bit_count(self: PyObject): PyObject {
  const v = toBig(intValue(self))
  let a = v < 0n ? -v : v
  let n = 0
  while (a > 0n) {
    let w = Number(a & 0xffffffffn)
    while (w !== 0) {
      w &= w - 1
      n++
    }
    a >>= 32n
  }
  return PyLong_FromNumber(rtOf(self), n)
}

/** `divmod_near`: the remainder of a rounded-half-to-even division. */
function divmodNearRemainder(a: bigint, b: bigint): bigint {
  let q = a / b
  let r = a - q * b
  if (r !== 0n && r < 0n !== b < 0n) {
    r += b
    q -= 1n
  }
  const twice = 2n * r
  const greater = b > 0n ? twice > b : twice < b
  const exactlyHalf = twice === b
  if (greater || (exactlyHalf && (q & 1n) === 1n)) r -= b
  return r
}

/** `int.__round__(ndigits)`: rounds to a multiple of 10**-ndigits, half to even. @cpython Objects/longobject.c#int___round___impl */
export function long_round(self: PyObject, ndigitsObj: PyObject | null): PyObject {
  const rt = rtOf(self)
  if (ndigitsObj === null || (ndigitsObj === rt.None && rt.profile.objects.numbers.intRoundNone)) return long_long(self)
  const nd = numberIndex(rt, ndigitsObj)
  const n = intValue(nd)
  Py_DECREF(nd)
  if (n >= 0) return long_long(self)
  const a = toBig(intValue(self))
  const negN = -toBig(n)
  if (negN > 100000n) return PyLong_FromNumber(rt, 0)
  const b = 10n ** negN
  return PyLong_FromBigInt(rt, a - divmodNearRemainder(a, b))
}

/** Two's-complement bytes of `v` (length bytes), or null when it does not fit. */
function toBytesArray(v: bigint, length: number, little: boolean, signed: boolean): Uint8Array | null {
  if (!signed && v < 0n) return null
  const bits = BigInt(length * 8)
  if (signed) {
    const lim = length === 0 ? 0n : 1n << (bits - 1n)
    if (v >= lim || v < -lim) return v === 0n ? new Uint8Array(length) : null
  } else if (v >= 1n << bits) return null
  let u = v < 0n ? (1n << bits) + v : v
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) {
    out[little ? i : length - 1 - i] = Number(u & 0xffn)
    u >>= 8n
  }
  return out
}

/** Hook for creating bytes objects (set when the bytes type can build one from a JS array). */
export const bytesFactory: { fn: ((rt: Runtime, data: Uint8Array) => PyObject) | null } = { fn: null }

function newBytes(rt: Runtime, data: Uint8Array): PyObject {
  if (bytesFactory.fn !== null) return bytesFactory.fn(rt, data)
  const items: PyObject[] = Array.from(data, (b) => PyLong_FromNumber(rt, b))
  const list = (rt.types.list as PyTypeObject).tp_vectorcall
  void list
  const t = PyTuple_FromArraySteal(rt, items)
  try {
    const callable = rt.types.bytes
    return callable.ob_type.tp_call!(callable, [t], 0, 1, null)
  } finally {
    Py_DECREF(t)
  }
}

function byteorderArg(rt: Runtime, o: PyObject | null, dflt: boolean): boolean {
  if (o === null) return dflt
  if ((o.ob_type.tp_flags & (1 << 28)) === 0) {
    throw PyErr_Format(rt, 'TypeError', `to_bytes() argument 'byteorder' must be str, not ${o.ob_type.tp_name}`)
  }
  const s = strValue(o)
  if (s === 'little') return true
  if (s === 'big') return false
  throw PyErr_Format(rt, 'ValueError', "byteorder must be either 'little' or 'big'")
}

/** `int.to_bytes(length=1, byteorder='big', *, signed=False)` (length and byteorder required ≤3.10). */
export function long_to_bytes(self: PyObject, lengthObj: PyObject | null, orderObj: PyObject | null, signedObj: PyObject | null): PyObject {
  const rt = rtOf(self)
  let length = 1
  if (lengthObj !== null) {
    const li = numberIndex(rt, lengthObj)
    const lv = intValue(li)
    Py_DECREF(li)
    if (lv < 0) throw PyErr_Format(rt, 'ValueError', 'length argument must be non-negative')
    length = Number(lv)
  }
  const little = byteorderArg(rt, orderObj, false)
  const signed = signedObj !== null && isTrue(signedObj)
  const v = toBig(intValue(self))
  const data = toBytesArray(v, length, little, signed)
  if (data === null) {
    if (!signed && v < 0n) throw PyErr_Format(rt, 'OverflowError', "can't convert negative int to unsigned")
    throw PyErr_Format(rt, 'OverflowError', 'int too big to convert')
  }
  return newBytes(rt, data)
}

function isTrue(o: PyObject): boolean {
  const rt = rtOf(o)
  if (o === rt.True) return true
  if (o === rt.False || o === rt.None) return false
  const t = o.ob_type
  if (t.nb_bool !== null) return t.nb_bool(o) !== 0
  if (t.sq_length !== null) return t.sq_length(o) !== 0
  if (t.mp_length !== null) return t.mp_length(o) !== 0
  return true
}

/** The bytes `int.from_bytes` reads: a bytes-like object or an iterable of ints in range(256). */
function fromBytesData(rt: Runtime, o: PyObject): Uint8Array {
  const d = bytesLikeData(o)
  if (d !== null) return d
  if ((o.ob_type.tp_flags & (1 << 28)) !== 0) throw PyErr_Format(rt, 'TypeError', 'cannot convert \'str\' object to bytes')
  const it = o.ob_type.tp_iter
  if (it === null) throw PyErr_Format(rt, 'TypeError', `cannot convert '${trunc(o.ob_type.tp_name, 200)}' object to bytes`)
  const iter = it(o)
  const out: number[] = []
  try {
    for (let x = iter.ob_type.tp_iternext!(iter); x !== null; x = iter.ob_type.tp_iternext!(iter)) {
      try {
        const i = numberIndex(rt, x)
        const v = intValue(i)
        Py_DECREF(i)
        if (v < 0 || v > 255) throw PyErr_Format(rt, 'ValueError', 'bytes must be in range(0, 256)')
        out.push(Number(v))
      } finally {
        Py_DECREF(x)
      }
    }
  } finally {
    Py_DECREF(iter)
  }
  return Uint8Array.from(out)
}

/** `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod). */
export function long_from_bytes(type: PyTypeObject, bytesObj: PyObject, orderObj: PyObject | null, signedObj: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const little = byteorderArg(rt, orderObj, false)
  const signed = signedObj !== null && isTrue(signedObj)
  const data = fromBytesData(rt, bytesObj)
  let v = 0n
  for (let i = 0; i < data.length; i++) v = (v << 8n) | BigInt(data[little ? data.length - 1 - i : i]!)
  if (signed && data.length > 0 && v >= 1n << BigInt(data.length * 8 - 1)) v -= 1n << BigInt(data.length * 8)
  const r = PyLong_FromBigInt(rt, v)
  if (type === rt.types.int) return r
  try {
    return type.ob_type.tp_call!(type, [r], 0, 1, null)
  } finally {
    Py_DECREF(r)
  }
}

/** `int.as_integer_ratio()`. */
export function long_as_integer_ratio(self: PyObject): PyObject {
  const rt = rtOf(self)
  return PyTuple_FromArraySteal(rt, [long_long(self), PyLong_FromNumber(rt, 1)])
}

/** `int.__getnewargs__()`. */
export function long_getnewargs(self: PyObject): PyObject {
  return PyTuple_FromArraySteal(rtOf(self), [long_long(self)])
}

/** A comparison result as a JS boolean (for float/int mixed code). */
export function richCompareBool(a: PyObject, b: PyObject, op: number): boolean {
  const r = PyObject_RichCompare(a, b, op)
  const v = r === rtOf(a).True
  Py_DECREF(r)
  return v
}

/** `repr()` text of an object, for messages. */
export function reprOf(o: PyObject): string {
  const r = PyObject_Repr(o)
  const s = strValue(r)
  Py_DECREF(r)
  return s
}

export { errMatches }

function isAsciiWithoutNul(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0 || c > 0x7f) return false
  }
  return true
}

/**
 * `float`: an IEEE double. Exact floats are recycled through the float free list (LIFO, `freeLists.float` long),
 * so a new float often takes the address of the last one freed, as in CPython.
 * @cpython Objects/floatobject.c
 */
import { PyErr, PyErr_Format, PyErr_NewInstance } from '../errors.js'
import { PyObject_Free, PyObject_Init } from '../object/alloc.js'
import { OB_FREED, PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, _Py_NewReference } from '../object/refcount.js'
import { Py_EQ, Py_GT, Py_LE, Py_LT, Py_NE, PyType_IsSubtype, type PyTypeObject } from '../object/type.js'
import { _Py_HashPointer } from '../runtime/bootstrap.js'
import type { Runtime } from '../runtime/runtime.js'
import { _Py_dg_dtoa, bitLength, frexpInt, ratioToDouble, roundToDouble, signBit } from './dtoa.js'
import { PyOS_double_to_string, Py_DTSF_ADD_DOT_0, formatFloatSpec, formatSpecArg } from './formatting.js'
import { PyType_GenericAllocObject } from './instances.js'
import {
  PyLong_AsDouble,
  PyLong_Check,
  PyLong_FromBigInt,
  PyLong_FromDouble,
  PyLong_FromNumber,
  _PyUnicode_TransformDecimalAndSpaceToASCII,
  bytesLikeData,
  hashBits,
  intValue,
  isAsciiSpace,
  toBig,
} from './longobject.js'
import { notImplemented, reprText } from './protocols.js'
import { numberIndex } from './slots.js'
import { PyTuple_FromArraySteal, hashFromBig, type Py_hash_t } from './tupleobject.js'
import { fmt, strValue, trunc } from './type-util.js'
import { PyUnicode_FromString } from './unicodeobject.js'

export class PyFloatObject extends PyObject {
  ob_fval: number
  constructor(type: PyTypeObject, v: number) {
    super(type)
    this.ob_fval = v
  }
  /** The key dict lookups use: an integral float shares the key of the equal int. */
  get primitiveKey(): number | bigint {
    const v = this.ob_fval
    return Number.isInteger(v) && !Number.isSafeInteger(v) ? BigInt(v) : v
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** `PyFloat_Check`: a float or a subclass. */
export function PyFloat_Check(op: PyObject): boolean {
  const t = op.ob_type
  return t === t.tp_runtime.types.float || PyType_IsSubtype(t, t.tp_runtime.types.float)
}

/**
 * A float object (a new reference): the last float freed when the free list has one.
 * @cpython Objects/floatobject.c#PyFloat_FromDouble
 */
export function PyFloat_FromDouble(rt: Runtime, v: number): PyFloatObject {
  const fl = rt.fl.float
  if (fl.length > 0) {
    const op = fl.pop() as PyFloatObject
    _Py_NewReference(op)
    op.ob_flags &= ~OB_FREED
    op.ob_fval = v
    return op
  }
  return PyObject_Init(rt, new PyFloatObject(rt.types.float, v), rt.sizeof.float)
}

/** @cpython Objects/floatobject.c#float_dealloc */
export function float_dealloc(op: PyObject): void {
  const rt = rtOf(op)
  if (op.ob_type === rt.types.float) {
    const fl = rt.fl.float
    if (fl.length < rt.profile.objects.freeLists.float) {
      op.ob_flags |= OB_FREED
      fl.push(op)
      return
    }
    PyObject_Free(op)
    return
  }
  const free = op.ob_type.tp_free
  if (free !== null) free(op)
  else PyObject_Free(op)
}

/** The double of a float object (no conversion). */
export function floatValue(op: PyObject): number {
  return (op as PyFloatObject).ob_fval
}

/**
 * `PyFloat_AsDouble`: a float's value, else `__float__` (which must return a float), else `__index__`.
 * @cpython Objects/floatobject.c#PyFloat_AsDouble
 */
export function PyFloat_AsDouble(o: PyObject): number {
  const rt = rtOf(o)
  if (PyFloat_Check(o)) return floatValue(o)
  const t = o.ob_type
  if (t.nb_float === null) {
    if (t.nb_index !== null) {
      const i = numberIndex(rt, o)
      try {
        return PyLong_AsDouble(i)
      } finally {
        Py_DECREF(i)
      }
    }
    throw PyErr_Format(rt, 'TypeError', `must be real number, not ${trunc(t.tp_name, 200)}`)
  }
  const r = t.nb_float(o)
  if (!PyFloat_Check(r)) {
    const tn = r.ob_type.tp_name
    Py_DECREF(r)
    throw PyErr_Format(rt, 'TypeError', `${trunc(t.tp_name, 50)}.__float__ returned non-float (type ${trunc(tn, 50)})`)
  }
  const v = floatValue(r)
  Py_DECREF(r)
  return v
}

/* ------------------------------------------------------------------------------------------------------------ */
/* repr, hash, comparison                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

/** `float_repr`: the shortest text that reads back as the same double. */
export function float_repr_text(v: number): string {
  return PyOS_double_to_string(v, 'r', 0, Py_DTSF_ADD_DOT_0)
}

/** @cpython Objects/floatobject.c#float_repr */
export function float_repr(self: PyObject): PyObject {
  return PyUnicode_FromString(rtOf(self), float_repr_text(floatValue(self)))
}

/** `str(float)` of 2.7: 12 significant digits. */
export function float_str_g12(self: PyObject): PyObject {
  return PyUnicode_FromString(rtOf(self), PyOS_double_to_string(floatValue(self), 'g', 12, Py_DTSF_ADD_DOT_0))
}

const HASH_INF = 314159

/**
 * `_Py_HashDouble` exactly: a finite value m × 2**e hashes to m × 2**e modulo 2**bits - 1 (the same residue as the
 * equal int or fraction), signed; infinities hash to ±314159, NaN to 0 (≤3.9) or its address.
 * @cpython Python/pyhash.c#_Py_HashDouble
 */
export function _Py_HashDouble(rt: Runtime, inst: PyObject | null, v: number): Py_hash_t {
  if (!Number.isFinite(v)) {
    if (Number.isNaN(v)) return rt.profile.objects.numbers.nanHash === 'pointer' && inst !== null ? _Py_HashPointer(inst) : 0
    return v > 0 ? HASH_INF : -HASH_INF
  }
  if (v === 0) return 0
  const bits = hashBits(rt)
  // Integral values of a safe size hash like the int: the value itself (reduced on 32-bit builds).
  if (Number.isSafeInteger(v)) {
    const m = bits === 61 ? v : v % 2147483647
    return m === -1 ? -2 : m === 0 ? 0 : m
  }
  const { mant, exp } = frexpInt(v)
  const modulus = (1n << BigInt(bits)) - 1n
  const e = ((exp % bits) + bits) % bits
  let x = ((mant % modulus) << BigInt(e)) % modulus
  if (v < 0) x = -x
  if (x === -1n) x = -2n
  return hashFromBig(x)
}

export function float_hash_exact(self: PyObject): Py_hash_t {
  return _Py_HashDouble(rtOf(self), self, floatValue(self))
}

export function float_hash(self: PyObject): number {
  return Number(float_hash_exact(self))
}

/** Exact comparison of a double with an int value (not NaN). Returns -1, 0 or 1. */
export function compareDoubleInt(d: number, i: number | bigint): number {
  if (d === Infinity) return 1
  if (d === -Infinity) return -1
  if (typeof i === 'number') return d < i ? -1 : d > i ? 1 : 0
  const fl = Math.floor(d)
  const fb = BigInt(fl)
  if (fb < i) return -1
  if (fb > i) return 1
  return d === fl ? 0 : 1
}

function boolResult(rt: Runtime, b: boolean): PyObject {
  const r = b ? rt.True : rt.False
  Py_INCREF(r)
  return r
}

function cmpResult(c: number, op: number): boolean {
  switch (op) {
    case Py_LT:
      return c < 0
    case Py_LE:
      return c <= 0
    case Py_EQ:
      return c === 0
    case Py_NE:
      return c !== 0
    case Py_GT:
      return c > 0
    default:
      return c >= 0
  }
}

/** Comparisons with floats and (exactly) with ints. @cpython Objects/floatobject.c#float_richcompare */
export function float_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = rtOf(v)
  const i = floatValue(v)
  if (PyFloat_Check(w)) {
    const j = floatValue(w)
    if (Number.isNaN(i) || Number.isNaN(j)) return boolResult(rt, op === Py_NE)
    return boolResult(rt, cmpResult(i < j ? -1 : i > j ? 1 : 0, op))
  }
  if (PyLong_Check(w)) {
    if (Number.isNaN(i)) return boolResult(rt, op === Py_NE)
    return boolResult(rt, cmpResult(compareDoubleInt(i, intValue(w)), op))
  }
  return notImplemented(rt)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Arithmetic                                                                                                    */
/* ------------------------------------------------------------------------------------------------------------ */

/** `CONVERT_TO_DOUBLE`: a float or an int as a double, or null (NotImplemented). */
export function convertToDouble(o: PyObject): number | null {
  if (PyFloat_Check(o)) return floatValue(o)
  if (PyLong_Check(o)) return PyLong_AsDouble(o)
  return null
}

function binop(f: (rt: Runtime, a: number, b: number) => number): (v: PyObject, w: PyObject) => PyObject {
  return (v, w) => {
    const rt = rtOf(v)
    const a = convertToDouble(v)
    const b = convertToDouble(w)
    if (a === null || b === null) return notImplemented(rt)
    return PyFloat_FromDouble(rt, f(rt, a, b))
  }
}

export const float_add = binop((_rt, a, b) => a + b)
export const float_sub = binop((_rt, a, b) => a - b)
export const float_mul = binop((_rt, a, b) => a * b)
export const float_div = binop((rt, a, b) => {
  if (b === 0) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.floatDivZero)
  return a / b
})

/** @cpython Objects/floatobject.c#float_rem */
export function floatMod(a: number, b: number): number {
  let mod = a % b
  // C's `if (mod)` is true for NaN.
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b
  } else mod = b < 0 ? -0 : 0
  return mod
}

/** `_float_div_mod`: the floor quotient and the remainder with the divisor's sign. */
export function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b
  let div = (a - mod) / b
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b
      div -= 1
    }
  } else mod = b < 0 ? -0 : 0
  let floordiv: number
  if (div !== 0) {
    floordiv = Math.floor(div)
    if (div - floordiv > 0.5) floordiv += 1
  } else floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0
  return [floordiv, mod]
}

export const float_rem = binop((rt, a, b) => {
  if (b === 0) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.floatModZero)
  return floatMod(a, b)
})

export const float_floor_div = binop((rt, a, b) => {
  if (b === 0) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.floatFloorDivZero)
  return floatDivmod(a, b)[0]
})

export function float_divmod(v: PyObject, w: PyObject): PyObject {
  const rt = rtOf(v)
  const a = convertToDouble(v)
  const b = convertToDouble(w)
  if (a === null || b === null) return notImplemented(rt)
  if (b === 0) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.floatDivmodZero)
  const [d, m] = floatDivmod(a, b)
  const dq = PyFloat_FromDouble(rt, d)
  return PyTuple_FromArraySteal(rt, [dq, PyFloat_FromDouble(rt, m)])
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1
}

/** `x ** n` for a finite positive x ≠ 1 and an integral n, correctly rounded (null when too costly). */
function powIntegral(x: number, n: number): number | null {
  const { mant, exp } = frexpInt(x)
  const k = Math.abs(n)
  if (k * bitLength(mant) > 200000) return null
  let m = mant
  let e = exp
  while ((m & 1n) === 0n) {
    m >>= 1n
    e++
  }
  const p = m ** BigInt(k)
  const scale = e * k
  if (n > 0) return roundToDouble(p, scale)
  return scale <= 0 ? ratioToDouble(1n << BigInt(-scale), p) : ratioToDouble(1n, p << BigInt(scale))
}

/** The OverflowError of a libm result out of range (`PyErr_SetFromErrno(ERANGE)`). */
function rangeError(rt: Runtime): PyErr {
  // DEVIATION(cpython): the errno text is the platform's; wasm32 (pointerSize 4, Pyodide) numbers it 68.
  const wasm = rt.profile.pointerSize === 4
  const code = PyLong_FromNumber(rt, wasm ? 68 : 34)
  const msg = PyUnicode_FromString(rt, wasm ? 'Result not representable' : 'Numerical result out of range')
  try {
    return new PyErr(PyErr_NewInstance(rt, rt.exc['OverflowError']!, [code, msg]))
  } finally {
    Py_DECREF(code)
    Py_DECREF(msg)
  }
}

/** Set by complexobject.ts: complex `**` (a negative float to a fractional power). */
export const complexPower: { fn: ((a: PyObject, b: PyObject, c: PyObject) => PyObject) | null } = { fn: null }

/** `float ** float` with CPython's special cases. @cpython Objects/floatobject.c#float_pow */
export function float_pow(v: PyObject, w: PyObject, z: PyObject): PyObject {
  const rt = rtOf(v)
  if (z !== rt.None) throw PyErr_Format(rt, 'TypeError', 'pow() 3rd argument not allowed unless all arguments are integers')
  const iv0 = convertToDouble(v)
  const iw = convertToDouble(w)
  if (iv0 === null || iw === null) return notImplemented(rt)
  let iv = iv0
  const ret = (x: number): PyObject => PyFloat_FromDouble(rt, x)
  if (iw === 0) return ret(1)
  if (Number.isNaN(iv)) return ret(iv)
  if (Number.isNaN(iw)) return ret(iv === 1 ? 1 : iw)
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv)
    if (a === 1) return ret(1)
    if (iw > 0 === a > 1) return ret(Math.abs(iw))
    return ret(0)
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw)
    if (iw > 0) return ret(odd ? iv : Math.abs(iv))
    return ret(odd ? (iv < 0 ? -0 : 0) : 0)
  }
  if (iv === 0) {
    const odd = isOddInteger(iw)
    if (iw < 0) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.floatPowZeroNegative)
    return ret(odd ? iv : 0)
  }
  let negate = false
  if (iv < 0) {
    if (iw !== Math.floor(iw)) {
      if (complexPower.fn === null) throw PyErr_Format(rt, 'ValueError', 'math domain error')
      return complexPower.fn(v, w, z)
    }
    iv = -iv
    negate = isOddInteger(iw)
  }
  if (iv === 1) return ret(negate ? -1 : 1)
  let ix: number
  if (iw === 0.5) ix = Math.sqrt(iv)
  else if (Number.isInteger(iw)) ix = powIntegral(iv, iw) ?? Math.pow(iv, iw)
  // DEVIATION(cpython): fractional exponents use the engine's pow, which may differ from libm in the last bit.
  else ix = Math.pow(iv, iw)
  if (!Number.isFinite(ix)) throw rangeError(rt)
  return ret(negate ? -ix : ix)
}

export function float_neg(self: PyObject): PyObject {
  return PyFloat_FromDouble(rtOf(self), -floatValue(self))
}

export function float_abs(self: PyObject): PyObject {
  return PyFloat_FromDouble(rtOf(self), Math.abs(floatValue(self)))
}

/** `float_float`: the exact float itself, or a new float with a subclass instance's value. */
export function float_float(self: PyObject): PyObject {
  const rt = rtOf(self)
  if (self.ob_type === rt.types.float) {
    Py_INCREF(self)
    return self
  }
  return PyFloat_FromDouble(rt, floatValue(self))
}

export function float_bool(self: PyObject): number {
  return floatValue(self) !== 0 ? 1 : 0
}

/** `float.__trunc__` / `int(float)`. */
export function float_trunc(self: PyObject): PyObject {
  return PyLong_FromDouble(rtOf(self), floatValue(self))
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Parsing                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

const DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/
const INF_NAN = /^([+-]?)(inf|infinity|nan)$/i

/** `_Py_parse_inf_or_nan` + `_PyOS_ascii_strtod` on ASCII text without surrounding space; null when invalid. */
export function parseFloatLiteral(s: string): number | null {
  const m = INF_NAN.exec(s)
  if (m !== null) {
    const neg = m[1] === '-'
    if (m[2]!.toLowerCase() === 'nan') return neg ? -NaN : NaN
    return neg ? -Infinity : Infinity
  }
  if (!DECIMAL.test(s)) return null
  return Number(s)
}

/** Removes underscores placed between digits; null when one is misplaced. */
export function stripUnderscores(s: string): string | null {
  if (!s.includes('_')) return s
  let out = ''
  let prev = ''
  for (const c of s) {
    const digit = (x: string): boolean => x >= '0' && x <= '9'
    if (c === '_') {
      if (!digit(prev)) return null
    } else {
      if (prev === '_' && !digit(c)) return null
      out += c
    }
    prev = c
  }
  return prev === '_' ? null : out
}

/** The number a float text denotes (ASCII, surrounding whitespace allowed), or null. */
export function floatFromText(text: string): number | null {
  let a = 0
  let b = text.length
  while (a < b && isAsciiSpace(text.charCodeAt(a))) a++
  if (a === b) return null
  while (b > a + 1 && isAsciiSpace(text.charCodeAt(b - 1))) b--
  const core = stripUnderscores(text.slice(a, b))
  return core === null ? null : parseFloatLiteral(core)
}

/** @cpython Objects/floatobject.c#PyFloat_FromString */
export function PyFloat_FromString(rt: Runtime, v: PyObject): PyFloatObject {
  let text: string
  if ((v.ob_type.tp_flags & (1 << 28)) !== 0) text = _PyUnicode_TransformDecimalAndSpaceToASCII(strValue(v))
  else {
    const data = bytesLikeData(v)
    if (data === null) throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.floatArgType, { type: trunc(v.ob_type.tp_name, 200) }))
    text = ''
    for (const c of data) text += c < 128 ? String.fromCharCode(c) : '?'
  }
  const x = text.includes('\0') ? null : floatFromText(text)
  if (x === null) throw PyErr_Format(rt, 'ValueError', `could not convert string to float: ${reprText(v)}`)
  return PyFloat_FromDouble(rt, x)
}

/**
 * `PyNumber_Float` (`float(x)`): `__float__`, then `__index__`, then text.
 * @cpython Objects/abstract.c#PyNumber_Float
 */
export function PyNumber_Float(o: PyObject): PyObject {
  const rt = rtOf(o)
  if (o.ob_type === rt.types.float) {
    Py_INCREF(o)
    return o
  }
  const t = o.ob_type
  if (t.nb_float !== null) {
    const r = t.nb_float(o)
    if (r.ob_type === rt.types.float) return r
    if (!PyFloat_Check(r)) {
      const tn = r.ob_type.tp_name
      Py_DECREF(r)
      throw PyErr_Format(rt, 'TypeError', `${trunc(t.tp_name, 50)}.__float__ returned non-float (type ${trunc(tn, 50)})`)
    }
    const val = floatValue(r)
    Py_DECREF(r)
    return PyFloat_FromDouble(rt, val)
  }
  if (t.nb_index !== null) {
    const i = numberIndex(rt, o)
    try {
      return PyFloat_FromDouble(rt, PyLong_AsDouble(i))
    } finally {
      Py_DECREF(i)
    }
  }
  if (PyFloat_Check(o)) return PyFloat_FromDouble(rt, floatValue(o))
  return PyFloat_FromString(rt, o)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Construction                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/floatobject.c#float_new_impl */
export function float_new_impl(type: PyTypeObject, x: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (type !== rt.types.float) {
    const tmp = float_new_impl(rt.types.float, x)
    const v = floatValue(tmp)
    Py_DECREF(tmp)
    return PyType_GenericAllocObject(type, new PyFloatObject(type, v), 0)
  }
  if (x === null) return PyFloat_FromDouble(rt, 0)
  if (x.ob_type === rt.types.str) return PyFloat_FromString(rt, x)
  return PyNumber_Float(x)
}

function floatArgs(rt: Runtime, nargs: number, nkw: number): void {
  if (nkw > 0) throw PyErr_Format(rt, 'TypeError', 'float() takes no keyword arguments')
  if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `float expected at most 1 argument, got ${nargs}`)
}

/** `float.__new__` (tuple and dict). */
export function float_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const pos = (args as unknown as { ob_item: PyObject[] }).ob_item
  const nkw = kwds === null ? 0 : (kwds as unknown as { ma_used: number }).ma_used
  if (type === rt.types.float || nkw > 0) floatArgs(rt, pos.length, nkw)
  else if (pos.length > 1) floatArgs(rt, pos.length, 0)
  return float_new_impl(type, pos[0] ?? null)
}

export function float_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = (type as PyTypeObject).tp_runtime
  floatArgs(rt, nargs, kwnames === null ? 0 : (kwnames as unknown as { ob_item: PyObject[] }).ob_item.length)
  return float_new_impl(type as PyTypeObject, nargs > 0 ? args[start]! : null)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Methods                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

/** `round(x, ndigits)` through the correctly rounded decimal digits. @cpython Objects/floatobject.c#double_round */
export function double_round(rt: Runtime, x: number, ndigits: number): number {
  const r = _Py_dg_dtoa(x, 3, ndigits)
  const text = `${r.sign ? '-' : ''}0${r.digits}e${r.decpt - r.digits.length}`
  const rounded = Number(text)
  if (!Number.isFinite(rounded)) throw PyErr_Format(rt, 'OverflowError', 'rounded value too large to represent')
  return rounded
}

/** Round half to even to an integral double. */
export function roundHalfEven(x: number): number {
  let r: number
  // Math.round rounds halves up; CPython's round() rounds them away from zero, then to even.
  if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2)
  else r = Math.abs(x) < 0.5 ? 0 : Math.sign(x) * Math.floor(Math.abs(x) + 0.5)
  return r
}

/** `float.__round__(ndigits=None)`. @cpython Objects/floatobject.c#float___round___impl */
export function float_round(self: PyObject, ndigitsObj: PyObject | null): PyObject {
  const rt = rtOf(self)
  const x = floatValue(self)
  if (ndigitsObj === null || ndigitsObj === rt.None) return PyLong_FromDouble(rt, roundHalfEven(x))
  const nd = numberIndex(rt, ndigitsObj)
  const v = intValue(nd)
  Py_DECREF(nd)
  const ndigits = typeof v === 'bigint' ? (v > 0n ? Infinity : -Infinity) : v
  if (!Number.isFinite(x)) return PyFloat_FromDouble(rt, x)
  if (ndigits > 323) return PyFloat_FromDouble(rt, x)
  if (ndigits < -308) return PyFloat_FromDouble(rt, 0 * x)
  return PyFloat_FromDouble(rt, double_round(rt, x, ndigits))
}

/** `float.as_integer_ratio()`. */
export function float_as_integer_ratio(self: PyObject): PyObject {
  const rt = rtOf(self)
  const x = floatValue(self)
  if (Number.isNaN(x)) throw PyErr_Format(rt, 'ValueError', 'cannot convert NaN to integer ratio')
  if (!Number.isFinite(x)) throw PyErr_Format(rt, 'OverflowError', 'cannot convert Infinity to integer ratio')
  if (x === 0) return PyTuple_FromArraySteal(rt, [PyLong_FromNumber(rt, 0), PyLong_FromNumber(rt, 1)])
  let { mant, exp } = frexpInt(x)
  while ((mant & 1n) === 0n && exp < 0) {
    mant >>= 1n
    exp++
  }
  const sign = x < 0 ? -1n : 1n
  const num = exp >= 0 ? PyLong_FromBigInt(rt, sign * (mant << BigInt(exp))) : PyLong_FromBigInt(rt, sign * mant)
  const den = exp >= 0 ? PyLong_FromNumber(rt, 1) : PyLong_FromBigInt(rt, 1n << BigInt(-exp))
  return PyTuple_FromArraySteal(rt, [num, den])
}

/** `float.is_integer()`. */
export function float_is_integer(self: PyObject): PyObject {
  return boolResult(rtOf(self), Number.isInteger(floatValue(self)))
}

/** `float.hex()`. @cpython Objects/floatobject.c#float_hex */
export function float_hex(self: PyObject): PyObject {
  const rt = rtOf(self)
  const x = floatValue(self)
  if (!Number.isFinite(x)) return float_repr(self)
  if (x === 0) return PyUnicode_FromString(rt, signBit(x) ? '-0x0.0p+0' : '0x0.0p+0')
  const { mant, exp } = frexpInt(x)
  const normal = mant >= 1n << 52n
  const frac = (normal ? mant - (1n << 52n) : mant).toString(16).padStart(13, '0')
  const e = normal ? exp + 52 : -1022
  const body = `0x${normal ? '1' : '0'}.${frac}p${e < 0 ? '-' : '+'}${Math.abs(e)}`
  return PyUnicode_FromString(rt, (x < 0 ? '-' : '') + body)
}

/** The value of a hexadecimal float literal, or null. @cpython Objects/floatobject.c#float_fromhex */
export function parseHexFloat(rt: Runtime, text: string): number | null {
  let s = text
  let i = 0
  while (i < s.length && isAsciiSpace(s.charCodeAt(i))) i++
  let j = s.length
  while (j > i && isAsciiSpace(s.charCodeAt(j - 1))) j--
  s = s.slice(i, j)
  const special = parseFloatLiteral(s)
  if (special !== null && INF_NAN.test(s)) return special
  const m = /^([+-]?)(?:0[xX])?([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/.exec(s)
  if (m === null) return null
  const intPart = m[2] ?? ''
  const fracPart = m[3] ?? ''
  if (intPart.length + fracPart.length === 0) return null
  const digits = (intPart + fracPart).replace(/^0+/, '')
  const neg = m[1] === '-'
  if (digits === '') return neg ? -0 : 0
  const coeff = BigInt('0x' + digits)
  const e = Number(m[4] ?? '0') - 4 * fracPart.length
  const v = roundToDouble(coeff, e)
  if (!Number.isFinite(v)) throw PyErr_Format(rt, 'OverflowError', 'hexadecimal value too large to represent as a float')
  return neg ? -v : v
}

/** `float.fromhex(string)` (a classmethod). */
export function float_fromhex(type: PyTypeObject, arg: PyObject): PyObject {
  const rt = type.tp_runtime
  if ((arg.ob_type.tp_flags & (1 << 28)) === 0) {
    throw PyErr_Format(rt, 'TypeError', `fromhex() argument must be str, not ${trunc(arg.ob_type.tp_name, 200)}`)
  }
  const v = parseHexFloat(rt, strValue(arg))
  if (v === null) throw PyErr_Format(rt, 'ValueError', 'invalid hexadecimal floating-point string')
  const r = PyFloat_FromDouble(rt, v)
  if (type === rt.types.float) return r
  try {
    return type.ob_type.tp_call!(type, [r], 0, 1, null)
  } finally {
    Py_DECREF(r)
  }
}

/** `float.__format__(spec)`. */
export function float___format__(self: PyObject, spec: PyObject): PyObject {
  const rt = rtOf(self)
  const s = formatSpecArg(rt, spec)
  return PyUnicode_FromString(rt, formatFloatSpec(rt, self, floatValue(self), s))
}

/** `math.floor` of a double as an int. */
export function float_floor(self: PyObject): PyObject {
  return PyLong_FromDouble(rtOf(self), Math.floor(floatValue(self)))
}

export function float_ceil(self: PyObject): PyObject {
  return PyLong_FromDouble(rtOf(self), Math.ceil(floatValue(self)))
}

export { toBig }

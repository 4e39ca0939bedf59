/**
 * `complex`: a pair of doubles. Real operands of the arithmetic are converted to complex (≤3.13) or take part as
 * reals (3.14's mixed-mode rules, with C11 Annex G recovery of infinities).
 * @cpython Objects/complexobject.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_Free, PyObject_Init } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_EQ, Py_NE, PyType_IsSubtype, type PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { hypot } from './dtoa.js'
import { PyFloat_AsDouble, PyFloat_Check, PyFloat_FromDouble, PyNumber_Float, _Py_HashDouble, compareDoubleInt, floatValue, parseFloatLiteral, stripUnderscores } from './floatobject.js'
import { PyOS_double_to_string, Py_DTSF_SIGN, formatComplexSpec, formatSpecArg } from './formatting.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyLong_AsDouble, PyLong_Check, _PyUnicode_TransformDecimalAndSpaceToASCII, intValue, isAsciiSpace } from './longobject.js'
import { _PyObject_LookupSpecial } from './object-type.js'
import { PyObject_CallNoArgs, notImplemented } from './protocols.js'
import { PyTuple_FromArraySteal, hashFromBig, type Py_hash_t } from './tupleobject.js'
import { fmt, strValue, trunc } from './type-util.js'
import { PyUnicode_FromString } from './unicodeobject.js'

export interface Py_complex {
  real: number
  imag: number
}

export class PyComplexObject extends PyObject {
  cval: Py_complex
  constructor(type: PyTypeObject, real: number, imag: number) {
    super(type)
    this.cval = { real, imag }
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

export function PyComplex_Check(op: PyObject): boolean {
  const c = op.ob_type.tp_runtime.types.complex
  return op.ob_type === c || PyType_IsSubtype(op.ob_type, c)
}

/** A new complex object. @cpython Objects/complexobject.c#PyComplex_FromDoubles */
export function PyComplex_FromDoubles(rt: Runtime, real: number, imag: number): PyComplexObject {
  return PyObject_Init(rt, new PyComplexObject(rt.types.complex, real, imag), rt.types.complex.tp_basicsize)
}

function fromC(rt: Runtime, c: Py_complex): PyComplexObject {
  return PyComplex_FromDoubles(rt, c.real, c.imag)
}

/** @cpython Objects/complexobject.c#complex_dealloc */
export function complex_dealloc(op: PyObject): void {
  const free = op.ob_type.tp_free
  if (free !== null && op.ob_type !== op.ob_type.tp_runtime.types.complex) free(op)
  else PyObject_Free(op)
}

export function complexValue(op: PyObject): Py_complex {
  return (op as PyComplexObject).cval
}

/* ------------------------------------------------------------------------------------------------------------ */
/* repr, hash, comparison                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

/** `(1+2j)`, `2j`, `(-0-1j)`: the imaginary part alone when the real part is +0. */
export function complex_repr_text(c: Py_complex): string {
  if (c.real === 0 && !Object.is(c.real, -0)) return PyOS_double_to_string(c.imag, 'r', 0, 0) + 'j'
  const re = PyOS_double_to_string(c.real, 'r', 0, 0)
  const im = PyOS_double_to_string(c.imag, 'r', 0, Py_DTSF_SIGN)
  return `(${re}${im}j)`
}

/** @cpython Objects/complexobject.c#complex_repr */
export function complex_repr(self: PyObject): PyObject {
  return PyUnicode_FromString(rtOf(self), complex_repr_text(complexValue(self)))
}

/** `hash(real) + 1000003 * hash(imag)` in unsigned arithmetic of the hash width. @cpython Objects/complexobject.c#complex_hash */
export function complex_hash_exact(self: PyObject): Py_hash_t {
  const rt = rtOf(self)
  const c = complexValue(self)
  const hr = BigInt(_Py_HashDouble(rt, self, c.real))
  const hi = BigInt(_Py_HashDouble(rt, self, c.imag))
  const width = rt.profile.pointerSize === 4 ? 32 : 64
  let combined = BigInt.asIntN(width, hr + 1000003n * hi)
  if (combined === -1n) combined = -2n
  return hashFromBig(combined)
}

export function complex_hash(self: PyObject): number {
  return Number(complex_hash_exact(self))
}

/** `==` and `!=` only; ints compare exactly with a complex whose imaginary part is 0. */
export function complex_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = rtOf(v)
  if (op !== Py_EQ && op !== Py_NE) return notImplemented(rt)
  const i = complexValue(v)
  let equal: boolean
  if (PyLong_Check(w)) {
    equal = i.imag === 0 && !Number.isNaN(i.real) && compareDoubleInt(i.real, intValue(w)) === 0
  } else if (PyFloat_Check(w)) equal = i.real === floatValue(w) && i.imag === 0
  else if (PyComplex_Check(w)) {
    const j = complexValue(w)
    equal = i.real === j.real && i.imag === j.imag
  } else return notImplemented(rt)
  const r = equal === (op === Py_EQ) ? rt.True : rt.False
  Py_INCREF(r)
  return r
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Arithmetic                                                                                                    */
/* ------------------------------------------------------------------------------------------------------------ */

/** An operand: a complex value, a real (int or float) value, or null (NotImplemented). */
type Operand = { c: Py_complex; real: boolean } | null

function operand(o: PyObject): Operand {
  if (PyComplex_Check(o)) return { c: complexValue(o), real: false }
  if (PyFloat_Check(o)) return { c: { real: floatValue(o), imag: 0 }, real: true }
  if (PyLong_Check(o)) return { c: { real: PyLong_AsDouble(o), imag: 0 }, real: true }
  return null
}

const copysign = (x: number, y: number): number => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x))
const isInf = (x: number): boolean => x === Infinity || x === -Infinity

/** `_Py_c_prod`, with the Annex G recovery on 3.14. */
export function c_prod(a: Py_complex, b: Py_complex, annexG: boolean): Py_complex {
  let [ar, ai, br, bi] = [a.real, a.imag, b.real, b.imag]
  const ac = ar * br
  const bd = ai * bi
  const ad = ar * bi
  const bc = ai * br
  let real = ac - bd
  let imag = ad + bc
  if (annexG && Number.isNaN(real) && Number.isNaN(imag)) {
    let recalc = false
    if (isInf(ar) || isInf(ai)) {
      ar = copysign(isInf(ar) ? 1 : 0, ar)
      ai = copysign(isInf(ai) ? 1 : 0, ai)
      if (Number.isNaN(br)) br = copysign(0, br)
      if (Number.isNaN(bi)) bi = copysign(0, bi)
      recalc = true
    }
    if (isInf(br) || isInf(bi)) {
      br = copysign(isInf(br) ? 1 : 0, br)
      bi = copysign(isInf(bi) ? 1 : 0, bi)
      if (Number.isNaN(ar)) ar = copysign(0, ar)
      if (Number.isNaN(ai)) ai = copysign(0, ai)
      recalc = true
    }
    if (!recalc && (isInf(ac) || isInf(bd) || isInf(ad) || isInf(bc))) {
      if (Number.isNaN(ar)) ar = copysign(0, ar)
      if (Number.isNaN(ai)) ai = copysign(0, ai)
      if (Number.isNaN(br)) br = copysign(0, br)
      if (Number.isNaN(bi)) bi = copysign(0, bi)
      recalc = true
    }
    if (recalc) {
      real = Infinity * (ar * br - ai * bi)
      imag = Infinity * (ar * bi + ai * br)
    }
  }
  return { real, imag }
}

/** `_Py_c_quot` (Smith's method); null for a zero divisor. */
export function c_quot(a: Py_complex, b: Py_complex, annexG: boolean): Py_complex | null {
  const absBr = Math.abs(b.real)
  const absBi = Math.abs(b.imag)
  let real: number
  let imag: number
  if (absBr >= absBi) {
    if (absBr === 0) return null
    const ratio = b.imag / b.real
    const denom = b.real + b.imag * ratio
    real = (a.real + a.imag * ratio) / denom
    imag = (a.imag - a.real * ratio) / denom
  } else if (absBi >= absBr) {
    const ratio = b.real / b.imag
    const denom = b.real * ratio + b.imag
    real = (a.real * ratio + a.imag) / denom
    imag = (a.imag * ratio - a.real) / denom
  } else {
    real = NaN
    imag = NaN
  }
  if (annexG && Number.isNaN(real) && Number.isNaN(imag)) {
    if ((isInf(a.real) || isInf(a.imag)) && Number.isFinite(b.real) && Number.isFinite(b.imag)) {
      const x = copysign(isInf(a.real) ? 1 : 0, a.real)
      const y = copysign(isInf(a.imag) ? 1 : 0, a.imag)
      real = Infinity * (x * b.real + y * b.imag)
      imag = Infinity * (y * b.real - x * b.imag)
    } else if ((isInf(absBr) || isInf(absBi)) && Number.isFinite(a.real) && Number.isFinite(a.imag)) {
      const x = copysign(isInf(b.real) ? 1 : 0, b.real)
      const y = copysign(isInf(b.imag) ? 1 : 0, b.imag)
      real = 0 * (a.real * x + a.imag * y)
      imag = 0 * (a.imag * x - a.real * y)
    }
  }
  return { real, imag }
}

/** `_Py_rc_quot` (3.14): a real divided by a complex. */
function rc_quot(a: number, b: Py_complex): Py_complex | null {
  const absBr = Math.abs(b.real)
  const absBi = Math.abs(b.imag)
  let real: number
  let imag: number
  if (absBr >= absBi) {
    if (absBr === 0) return null
    const ratio = b.imag / b.real
    const denom = b.real + b.imag * ratio
    real = a / denom
    imag = (-a * ratio) / denom
  } else if (absBi >= absBr) {
    const ratio = b.real / b.imag
    const denom = b.real * ratio + b.imag
    real = (a * ratio) / denom
    imag = -a / denom
  } else {
    real = NaN
    imag = NaN
  }
  if (Number.isNaN(real) && Number.isNaN(imag) && Number.isFinite(a) && (isInf(absBr) || isInf(absBi))) {
    const x = copysign(isInf(b.real) ? 1 : 0, b.real)
    const y = copysign(isInf(b.imag) ? 1 : 0, b.imag)
    real = 0 * (a * x)
    imag = 0 * (-a * y)
  }
  return { real, imag }
}

function binop(f: (rt: Runtime, a: NonNullable<Operand>, b: NonNullable<Operand>, mixed: boolean) => Py_complex): (v: PyObject, w: PyObject) => PyObject {
  return (v, w) => {
    const rt = rtOf(v)
    const a = operand(v)
    const b = operand(w)
    if (a === null || b === null) return notImplemented(rt)
    return fromC(rt, f(rt, a, b, rt.profile.objects.numbers.complexMixedMode))
  }
}

export const complex_add = binop((_rt, a, b, mixed) => {
  if (mixed && a.real) return { real: a.c.real + b.c.real, imag: b.c.imag }
  if (mixed && b.real) return { real: a.c.real + b.c.real, imag: a.c.imag }
  return { real: a.c.real + b.c.real, imag: a.c.imag + b.c.imag }
})

export const complex_sub = binop((_rt, a, b, mixed) => {
  if (mixed && a.real) return { real: a.c.real - b.c.real, imag: -b.c.imag }
  if (mixed && b.real) return { real: a.c.real - b.c.real, imag: a.c.imag }
  return { real: a.c.real - b.c.real, imag: a.c.imag - b.c.imag }
})

export const complex_mul = binop((_rt, a, b, mixed) => {
  if (mixed && a.real) return { real: b.c.real * a.c.real, imag: b.c.imag * a.c.real }
  if (mixed && b.real) return { real: a.c.real * b.c.real, imag: a.c.imag * b.c.real }
  return c_prod(a.c, b.c, mixed)
})

export const complex_div = binop((rt, a, b, mixed) => {
  let q: Py_complex | null
  if (mixed && b.real) q = b.c.real === 0 ? null : { real: a.c.real / b.c.real, imag: a.c.imag / b.c.real }
  else if (mixed && a.real) q = rc_quot(a.c.real, b.c)
  else q = c_quot(a.c, b.c, mixed)
  if (q === null) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.complexDivZero)
  return q
})

const C1: Py_complex = { real: 1, imag: 0 }

function c_powu(x: Py_complex, n: number, annexG: boolean): Py_complex {
  let r = C1
  let p = x
  let mask = 1
  while (mask > 0 && n >= mask) {
    if ((n & mask) !== 0) r = c_prod(r, p, annexG)
    mask <<= 1
    p = c_prod(p, p, annexG)
  }
  return r
}

/** `_Py_c_pow`: null signals EDOM (zero to a negative or complex power). */
function c_pow(a: Py_complex, b: Py_complex): Py_complex | null {
  if (b.real === 0 && b.imag === 0) return { real: 1, imag: 0 }
  if (a.real === 0 && a.imag === 0) {
    if (b.imag !== 0 || b.real < 0) return null
    return { real: 0, imag: 0 }
  }
  // DEVIATION(cpython): hypot/atan2/exp/log/cos/sin come from the JS engine and may differ from libm in the last bit.
  const vabs = hypot(a.real, a.imag)
  let len = Math.pow(vabs, b.real)
  const at = Math.atan2(a.imag, a.real)
  let phase = at * b.real
  if (b.imag !== 0) {
    len /= Math.exp(at * b.imag)
    phase += b.imag * Math.log(vabs)
  }
  return { real: len * Math.cos(phase), imag: len * Math.sin(phase) }
}

/** @cpython Objects/complexobject.c#complex_pow */
export function complex_pow(v: PyObject, w: PyObject, z: PyObject): PyObject {
  const rt = rtOf(v)
  const a = operand(v)
  const b = operand(w)
  if (a === null || b === null) return notImplemented(rt)
  if (z !== rt.None) throw PyErr_Format(rt, 'ValueError', 'complex modulo')
  const annexG = rt.profile.objects.numbers.complexMixedMode
  let p: Py_complex | null
  const e = b.c
  if (e.imag === 0 && e.real === Math.floor(e.real) && Math.abs(e.real) <= 100) {
    const n = e.real
    if (n > 0) p = c_powu(a.c, n, annexG)
    else {
      const d = c_powu(a.c, -n, annexG)
      p = c_quot(C1, d, annexG)
    }
  } else p = c_pow(a.c, e)
  if (p === null) throw PyErr_Format(rt, 'ZeroDivisionError', rt.profile.messages.complexPowZeroNegative)
  if (isInf(p.real) || isInf(p.imag)) throw PyErr_Format(rt, 'OverflowError', 'complex exponentiation')
  return fromC(rt, p)
}

export function complex_neg(self: PyObject): PyObject {
  const c = complexValue(self)
  return PyComplex_FromDoubles(rtOf(self), -c.real, -c.imag)
}

/** The exact complex itself, or a new one with a subclass instance's value. */
export function complex_pos(self: PyObject): PyObject {
  const rt = rtOf(self)
  if (self.ob_type === rt.types.complex) {
    Py_INCREF(self)
    return self
  }
  return fromC(rt, complexValue(self))
}

/** @cpython Objects/complexobject.c#complex_abs */
export function complex_abs(self: PyObject): PyObject {
  const rt = rtOf(self)
  const c = complexValue(self)
  if (!Number.isFinite(c.real) || !Number.isFinite(c.imag)) {
    if (isInf(c.real) || isInf(c.imag)) return PyFloat_FromDouble(rt, Infinity)
    return PyFloat_FromDouble(rt, NaN)
  }
  const r = hypot(c.real, c.imag)
  if (!Number.isFinite(r)) throw PyErr_Format(rt, 'OverflowError', 'absolute value too large')
  return PyFloat_FromDouble(rt, r)
}

export function complex_bool(self: PyObject): number {
  const c = complexValue(self)
  return c.real !== 0 || c.imag !== 0 ? 1 : 0
}

/** ≤3.9: complex has `__int__`, `__float__`, `__mod__`, `__floordiv__` and `__divmod__` that raise. */
export function complexLegacySlot(msg: string): (a: PyObject, b?: PyObject) => PyObject {
  return (a, b) => {
    const rt = rtOf(a)
    if (b !== undefined && (operand(a) === null || operand(b) === null)) return notImplemented(rt)
    throw PyErr_Format(rt, 'TypeError', msg)
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Construction                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

function subtypeFromDoubles(type: PyTypeObject, real: number, imag: number): PyObject {
  const rt = type.tp_runtime
  if (type === rt.types.complex) return PyComplex_FromDoubles(rt, real, imag)
  return PyType_GenericAllocObject(type, new PyComplexObject(type, real, imag), 0)
}

const FLOAT_PREFIX = /^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|infinity|inf|nan)/i

/** The longest float prefix of `s` from `i`: [value, end] or null. */
function floatPrefix(s: string, i: number): [number, number] | null {
  const m = FLOAT_PREFIX.exec(s.slice(i))
  if (m === null) return null
  const v = parseFloatLiteral(m[0])
  return v === null ? null : [v, i + m[0].length]
}

/** `complex_from_string_inner`: `<float>`, `<float>j`, `<float><signed-float>j` and the bare `j` forms. */
export function parseComplex(text: string): Py_complex | null {
  const s = stripUnderscores(text)
  if (s === null) return null
  let i = 0
  const n = s.length
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++
  let bracket = false
  if (s[i] === '(') {
    bracket = true
    i++
    while (i < n && isAsciiSpace(s.charCodeAt(i))) i++
  }
  let x = 0
  let y = 0
  const isJ = (c: string | undefined): boolean => c === 'j' || c === 'J'
  const first = floatPrefix(s, i)
  if (first !== null) {
    const z = first[0]
    i = first[1]
    if (s[i] === '+' || s[i] === '-') {
      x = z
      const second = floatPrefix(s, i)
      if (second !== null) {
        y = second[0]
        i = second[1]
      } else {
        y = s[i] === '+' ? 1 : -1
        i++
      }
      if (!isJ(s[i])) return null
      i++
    } else if (isJ(s[i])) {
      i++
      y = z
    } else x = z
  } else {
    if (s[i] === '+' || s[i] === '-') {
      y = s[i] === '+' ? 1 : -1
      i++
    } else y = 1
    if (!isJ(s[i])) return null
    i++
  }
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++
  if (bracket) {
    if (s[i] !== ')') return null
    i++
    while (i < n && isAsciiSpace(s.charCodeAt(i))) i++
  }
  return i === n ? { real: x, imag: y } : null
}

function complexFromString(type: PyTypeObject, v: PyObject): PyObject {
  const rt = type.tp_runtime
  const text = _PyUnicode_TransformDecimalAndSpaceToASCII(strValue(v))
  const c = text.includes('\0') ? null : parseComplex(text)
  if (c === null) throw PyErr_Format(rt, 'ValueError', 'complex() arg is a malformed string')
  return subtypeFromDoubles(type, c.real, c.imag)
}

/** `__complex__` of an object: a complex object (new reference) or null when absent. */
function tryComplexSpecialMethod(rt: Runtime, op: PyObject): PyObject | null {
  const f = _PyObject_LookupSpecial(op, '__complex__')
  if (f === null) return null
  let r: PyObject
  try {
    r = PyObject_CallNoArgs(f)
  } finally {
    Py_DECREF(f)
  }
  if (!PyComplex_Check(r)) {
    const tn = r.ob_type.tp_name
    Py_DECREF(r)
    throw PyErr_Format(rt, 'TypeError', `__complex__ returned non-complex (type ${trunc(tn, 200)})`)
  }
  return r
}

function isNumberLike(o: PyObject): boolean {
  return PyComplex_Check(o) || o.ob_type.nb_float !== null || o.ob_type.nb_index !== null
}

/** @cpython Objects/complexobject.c#complex_new_impl */
export function complex_new_impl(type: PyTypeObject, rIn: PyObject | null, i: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const m = rt.profile.messages
  let r = rIn
  if (r === null) {
    if (i === null) return subtypeFromDoubles(type, 0, 0)
    r = rt.small_ints[-rt.profile.objects.smallInts.min]!
  }
  if (r.ob_type === rt.types.complex && i === null && type === rt.types.complex) {
    Py_INCREF(r)
    return r
  }
  const isStr = (o: PyObject): boolean => (o.ob_type.tp_flags & (1 << 28)) !== 0
  if (isStr(r)) {
    if (i !== null) throw PyErr_Format(rt, 'TypeError', m.complexStrWithSecond)
    return complexFromString(type, r)
  }
  if (i !== null && isStr(i)) throw PyErr_Format(rt, 'TypeError', m.complexSecondStr)
  const special = tryComplexSpecialMethod(rt, r)
  const rr = special ?? r
  try {
    if (!isNumberLike(rr)) {
      throw PyErr_Format(rt, 'TypeError', fmt(i === null && rIn !== null ? m.complexOnlyArg : m.complexFirstArg, { type: trunc(rr.ob_type.tp_name, 200) }))
    }
    if (i !== null && !isNumberLike(i)) throw PyErr_Format(rt, 'TypeError', fmt(m.complexSecondArg, { type: trunc(i.ob_type.tp_name, 200) }))
    let cr: Py_complex
    let crIsComplex = false
    if (PyComplex_Check(rr)) {
      cr = { ...complexValue(rr) }
      crIsComplex = true
    } else {
      const t = PyNumber_Float(rr)
      cr = { real: PyFloat_AsDouble(t), imag: 0 }
      Py_DECREF(t)
    }
    let ci: Py_complex
    let ciIsComplex = false
    if (i === null) ci = { real: cr.imag, imag: 0 }
    else if (PyComplex_Check(i)) {
      ci = { ...complexValue(i) }
      ciIsComplex = true
    } else {
      const t = PyNumber_Float(i)
      ci = { real: PyFloat_AsDouble(t), imag: 0 }
      Py_DECREF(t)
    }
    if (ciIsComplex) cr.real -= ci.imag
    if (crIsComplex && i !== null) ci.real += cr.imag
    return subtypeFromDoubles(type, cr.real, ci.real)
  } finally {
    if (special !== null) Py_DECREF(special)
  }
}

/** Binds `complex(real=0, imag=0)`. */
function bindComplexArgs(rt: Runtime, pos: readonly PyObject[], kw: readonly [string, PyObject][]): [PyObject | null, PyObject | null] {
  if (pos.length > 2) throw PyErr_Format(rt, 'TypeError', `complex() takes at most 2 arguments (${pos.length} given)`)
  let r: PyObject | null = pos[0] ?? null
  let i: PyObject | null = pos[1] ?? null
  for (const [name, value] of kw) {
    if (name === 'real') {
      if (r !== null) throw PyErr_Format(rt, 'TypeError', "argument for complex() given by name ('real') and position (1)")
      r = value
    } else if (name === 'imag') {
      if (i !== null) throw PyErr_Format(rt, 'TypeError', "argument for complex() given by name ('imag') and position (2)")
      i = value
    } else throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.excBadKeyword, { name, type: 'complex' }))
  }
  return [r, i]
}

export function complex_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const pos = (args as unknown as { ob_item: PyObject[] }).ob_item
  const kw: [string, PyObject][] = []
  if (kwds !== null) {
    const d = kwds as unknown as { ma_keys: (PyObject | undefined)[]; ma_values: (PyObject | undefined)[] }
    for (let k = 0; k < d.ma_keys.length; k++) {
      const key = d.ma_keys[k]
      if (key !== undefined) kw.push([strValue(key), d.ma_values[k]!])
    }
  }
  const [r, i] = bindComplexArgs(rt, pos, kw)
  return complex_new_impl(type, r, i)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Methods                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

export function complex_conjugate(self: PyObject): PyObject {
  const c = complexValue(self)
  return PyComplex_FromDoubles(rtOf(self), c.real, -c.imag)
}

export function complex_getnewargs(self: PyObject): PyObject {
  const rt = rtOf(self)
  const c = complexValue(self)
  const re = PyFloat_FromDouble(rt, c.real)
  return PyTuple_FromArraySteal(rt, [re, PyFloat_FromDouble(rt, c.imag)])
}

export function complex___format__(self: PyObject, spec: PyObject): PyObject {
  const rt = rtOf(self)
  const s = formatSpecArg(rt, spec, rt.profile.messages.complexFormatArg)
  const c = complexValue(self)
  return PyUnicode_FromString(rt, formatComplexSpec(rt, self, c.real, c.imag, s))
}

/**
 * `int`: arbitrary precision. The value is a JS number while it is a safe integer and a bigint beyond; the
 * simulated size counts 30-bit digits as CPython does. Values in the small-int range come from the cache.
 * @cpython Objects/longobject.c
 */
import { PyObject_Free, PyObject_Init, PyObject_InitStatic } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_INCREF } from '../object/refcount.js'
import type { PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { makeStatic } from './immortal.js'

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
  let a = v < 0n ? -v : v
  let n = 0
  while (a > 0n) {
    a >>= 30n
    n++
  }
  return n
}

/** `int.__sizeof__`. */
export function long_sizeof(rt: Runtime, v: IntValue): number {
  const t = rt.profile.objects.sizeof
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
  const op = new PyLongObject(rt.types.int, v)
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
  PyObject_Free(op)
}

/** The value of an int (or bool) object. */
export function intValue(op: PyObject): IntValue {
  return (op as PyLongObject).ob_ival
}

const HASH_MODULUS = (1n << 61n) - 1n

/**
 * `long_hash`: the value reduced modulo 2**61 - 1, with -1 mapped to -2.
 * DEVIATION(cpython): hashes beyond 2**53 lose precision in a JS number.
 */
export function long_hash(op: PyObject): number {
  const v = (op as PyLongObject).ob_ival
  let h: number
  if (typeof v === 'number' && Math.abs(v) < 2 ** 61 - 1) h = v
  else {
    const b = BigInt(v)
    const neg = b < 0n
    let m = (neg ? -b : b) % HASH_MODULUS
    if (neg) m = -m
    h = Number(m)
  }
  return h === -1 ? -2 : h
}

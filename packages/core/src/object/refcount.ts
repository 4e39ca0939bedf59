/**
 * Reference counting: `Py_INCREF`, `Py_DECREF` and friends.
 *
 * Immortality: an object whose count is at least 2**30 is immortal — INCREF and DECREF leave it alone. This one rule
 * covers every profile: 3.12/3.13 store 4294967295 (low 32 bits negative), 3.14 stores 3 << 30 (64-bit) or 7 << 28
 * (32-bit, whose `_Py_IsImmortal` tests against 1 << 30), and counts of earlier versions never get near 2**30
 * (3.11's static objects start at 999999999).
 * DEVIATION(cpython): a count forced into [2**30, 2**31) through unsafe writes is treated as immortal on 64-bit
 * 3.12+ (and on ≤3.11).
 *
 * @cpython Include/object.h#Py_INCREF
 */
import { tracing } from '../events.js'
import { OB_FREED, type PyObject } from './object.js'
import type { Runtime } from '../runtime/runtime.js'

/** The count from which an object is immortal, on every profile. */
export const IMMORTAL_MIN = 0x4000_0000

/** `Py_REFCNT`. */
export function Py_REFCNT(op: PyObject): number {
  return op.ob_refcnt
}

/** `_Py_IsImmortal`. */
export function _Py_IsImmortal(op: PyObject): boolean {
  return op.ob_refcnt >= IMMORTAL_MIN
}

/** @cpython Include/object.h#Py_INCREF */
export function Py_INCREF(op: PyObject): void {
  if (op.ob_refcnt < IMMORTAL_MIN) {
    op.ob_refcnt++
    if (tracing !== 0) op.ob_type.tp_runtime.events.emitObject('incref', op)
  }
}

/** @cpython Include/object.h#Py_DECREF */
export function Py_DECREF(op: PyObject): void {
  const rc = op.ob_refcnt
  if (rc >= IMMORTAL_MIN) return
  op.ob_refcnt = rc - 1
  if (tracing !== 0) op.ob_type.tp_runtime.events.emitObject('decref', op)
  if (rc <= 1) {
    if (rc === 1) _Py_Dealloc(op)
    else _Py_NegativeRefcount(op, 'default')
  }
}

/**
 * `Py_DECREF` at a named C call site (a key of the profile's `debugBuild.decrefSites`): debug builds report that
 * site when the count goes negative. Same as `Py_DECREF` otherwise.
 */
export function _Py_DECREF_AT(op: PyObject, site: string): void {
  const rc = op.ob_refcnt
  if (rc >= IMMORTAL_MIN) return
  op.ob_refcnt = rc - 1
  if (tracing !== 0) op.ob_type.tp_runtime.events.emitObject('decref', op)
  if (rc <= 1) {
    if (rc === 1) _Py_Dealloc(op)
    else _Py_NegativeRefcount(op, site)
  }
}

/**
 * A decref left the count negative: debug builds abort (`_Py_NegativeRefcount`); release builds carry on with the
 * negative count, as CPython does.
 * @cpython Objects/object.c#_Py_NegativeRefcount
 */
function _Py_NegativeRefcount(op: PyObject, site: string): void {
  const rt = op.ob_type.tp_runtime
  if (rt.debugBuild) rt.hooks.negativeRefcount(rt, op, site)
}

/**
 * The count a debug build's freed memory holds: eight dead bytes (0xDDDDDDDDDDDDDDDD) read as a signed word,
 * -2459565876494606883 (as the nearest double; ctypes reads the exact bytes).
 */
export const DEAD_REFCNT = Number(BigInt.asIntN(64, 0xdddd_dddd_dddd_ddddn))

/** @cpython Include/object.h#Py_XINCREF */
export function Py_XINCREF(op: PyObject | null | undefined): void {
  if (op) Py_INCREF(op)
}

/** @cpython Include/object.h#Py_XDECREF */
export function Py_XDECREF(op: PyObject | null | undefined): void {
  if (op) Py_DECREF(op)
}

/**
 * `sys.gettotalrefcount()` of a debug build: `_Py_RefTotal`, which every INCREF raises and every DECREF lowers, is
 * the sum of the counts of the live objects (statically allocated ones counted from their initial count), plus what
 * unsafe code changed without INCREF/DECREF (`rt.refTotalBias`).
 * @cpython Objects/object.c#_Py_GetRefTotal
 */
export function _Py_GetRefTotal(rt: Runtime): number {
  let total = rt.refTotalBias
  rt.mem.forEachOwner((op) => {
    if ((op.ob_flags & OB_FREED) !== 0 || op.ob_refcnt >= IMMORTAL_MIN) return
    total += op.ob_refcnt
    // A combined dict's reference to its keys object (its own, or the shared empty keys): `dk_refcnt` is counted too.
    if ((op as { ma_split?: unknown }).ma_split === null) total++
  })
  const base = rt.profile.objects.staticInitialRefcount ?? 1
  for (const op of rt.statics) {
    if (op.ob_refcnt >= IMMORTAL_MIN) continue
    total += op.ob_refcnt - (rt.staticBase.has(op) ? base : 1)
  }
  return total
}

/** `Py_NewRef`: INCREF and return the object. */
export function Py_NewRef<T extends PyObject>(op: T): T {
  Py_INCREF(op)
  return op
}

/** `Py_XNewRef`. */
export function Py_XNewRef<T extends PyObject>(op: T | null): T | null {
  if (op) Py_INCREF(op)
  return op
}

/**
 * `Py_CLEAR` on a field: the field is set to null before the old value is released, so a finalizer that runs
 * during the release sees the cleared field.
 */
export function Py_CLEAR<K extends string>(holder: { [P in K]: PyObject | null }, field: K): void {
  const old = holder[field]
  if (old) {
    holder[field] = null as never
    Py_DECREF(old)
  }
}

/** `Py_SETREF`: store a new (owned) value, then release the old one. */
export function Py_SETREF<K extends string>(holder: { [P in K]: PyObject | null }, field: K, value: PyObject | null): void {
  const old = holder[field]
  holder[field] = value as never
  if (old) Py_DECREF(old)
}

/**
 * `_Py_Dealloc`: calls the type's `tp_dealloc` whatever the count is.
 * @cpython Objects/object.c#_Py_Dealloc
 */
export function _Py_Dealloc(op: PyObject): void {
  if ((op.ob_flags & OB_FREED) !== 0) return op.ob_type.tp_runtime.hooks.doubleFree(op.ob_type.tp_runtime, op)
  if (tracing !== 0) op.ob_type.tp_runtime.events.emitObject('dealloc', op)
  op.ob_type.tp_dealloc(op)
}

/** `_Py_NewReference`: a recycled object (from a free list) starts a new life with count 1. */
export function _Py_NewReference(op: PyObject): void {
  op.ob_refcnt = 1
}

/**
 * Static and immortal objects, per profile: 3.11 starts static objects at 999999999 (still counted); 3.12+ make them
 * immortal (INCREF/DECREF do nothing, `sys.getrefcount` reports a constant).
 * @cpython Include/internal/pycore_object.h#_PyObject_IMMORTAL_INIT
 */
import { OB_IMMORTAL, OB_STATIC, type PyObject } from '../object/object.js'
import type { Runtime } from '../runtime/runtime.js'

/** `_Py_SetImmortal`: the object's count becomes the profile's immortal value. */
export function makeImmortal(rt: Runtime, op: PyObject): void {
  const v = rt.profile.objects.immortalRefcount
  if (v === null) return
  op.ob_refcnt = v
  op.ob_flags |= OB_IMMORTAL
}

/** Marks a statically allocated object: immortal (3.12+), or counted from the static base (3.11), or plain. */
export function makeStatic(rt: Runtime, op: PyObject): void {
  op.ob_flags |= OB_STATIC
  const o = rt.profile.objects
  if (o.immortalRefcount !== null) makeImmortal(rt, op)
  else if (o.staticInitialRefcount !== null) {
    op.ob_refcnt = o.staticInitialRefcount
    rt.staticBase.add(op)
  }
}

/** Whether the profile treats this object as immortal. */
export function isImmortal(op: PyObject): boolean {
  return (op.ob_flags & OB_IMMORTAL) !== 0
}

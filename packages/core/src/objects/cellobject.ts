/**
 * Cells: the shared boxes behind closures (`nonlocal` variables and free variables).
 * @cpython Objects/cellobject.c
 */
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_XDECREF, Py_XINCREF } from '../object/refcount.js'
import type { PyTypeObject, visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'

export class PyCellObject extends PyObject {
  /** Owned; null when empty. */
  ob_ref: PyObject | null
  constructor(type: PyTypeObject, ref: PyObject | null) {
    super(type)
    this.ob_ref = ref
  }
}

/** `PyCell_New`: a tracked cell holding a new reference to `ref` (which may be null). */
export function PyCell_New(rt: Runtime, ref: PyObject | null): PyCellObject {
  Py_XINCREF(ref)
  const op = PyObject_GC_Init(rt, new PyCellObject(rt.types.cell, ref), rt.types.cell.tp_basicsize)
  _PyObject_GC_TRACK(op)
  return op
}

/** `PyCell_SET`: stores a new reference (stolen), releasing the old one. */
export function PyCell_SetSteal(cell: PyCellObject, value: PyObject | null): void {
  const old = cell.ob_ref
  cell.ob_ref = value
  Py_XDECREF(old)
}

/** @cpython Objects/cellobject.c#cell_dealloc */
export function cell_dealloc(self: PyObject): void {
  const op = self as PyCellObject
  _PyObject_GC_UNTRACK(op)
  Py_XDECREF(op.ob_ref)
  op.ob_ref = null
  PyObject_GC_Del(op)
}

/** @cpython Objects/cellobject.c#cell_traverse */
export function cell_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const ref = (self as PyCellObject).ob_ref
  return ref !== null ? visit(ref, arg) : 0
}

/** @cpython Objects/cellobject.c#cell_clear */
export function cell_clear(self: PyObject): number {
  Py_CLEAR(self as PyCellObject, 'ob_ref')
  return 0
}

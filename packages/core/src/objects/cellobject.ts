/**
 * Cells: the shared boxes behind closures (`nonlocal` variables and free variables).
 * @cpython Objects/cellobject.c
 */
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { PyErr_Format } from '../errors.js'
import { Py_CLEAR, Py_INCREF, Py_XDECREF, Py_XINCREF } from '../object/refcount.js'
import { Py_TPFLAGS_HAVE_GC, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import type { PyDictObject } from './dictobject.js'
import { checkPositional } from './getargs.js'
import { PyObject_RichCompare, notImplemented } from './protocols.js'
import { richcompareNumbers, type PyTupleObject } from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'
import { addrHex, newStr, trunc } from './type-util.js'

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

/** `PyCell_Check`. */
export function PyCell_Check(op: PyObject): boolean {
  return op.ob_type === op.ob_type.tp_runtime.types.cell
}

/** `PyCell_GET`: the contents (borrowed), or null. */
export function PyCell_GET(cell: PyObject): PyObject | null {
  return (cell as PyCellObject).ob_ref
}

/** `PyCell_Set`: stores `value` (borrowed; INCREF'd), releasing the old contents. */
export function PyCell_Set(cell: PyObject, value: PyObject | null): void {
  Py_XINCREF(value)
  PyCell_SetSteal(cell as PyCellObject, value)
}

/** `<cell at 0x…: int object at 0x…>` / `<cell at 0x…: empty>`. @cpython Objects/cellobject.c#cell_repr */
function cell_repr(self: PyObject): PyObject {
  const rt = self.ob_type.tp_runtime
  const ref = (self as PyCellObject).ob_ref
  if (ref === null) return newStr(rt, `<cell at ${addrHex(self)}: empty>`)
  return newStr(rt, `<cell at ${addrHex(self)}: ${trunc(ref.ob_type.tp_name, 80)} object at ${addrHex(ref)}>`)
}

/**
 * Cells compare by contents; an empty cell comes before any full one.
 * @cpython Objects/cellobject.c#cell_richcompare
 */
function cell_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  const rt = a.ob_type.tp_runtime
  if (!PyCell_Check(a) || !PyCell_Check(b)) return notImplemented(rt)
  const x = (a as PyCellObject).ob_ref
  const y = (b as PyCellObject).ob_ref
  if (x !== null && y !== null) return PyObject_RichCompare(x, y, op)
  return richcompareNumbers(rt, y === null ? 1 : 0, x === null ? 1 : 0, op)
}

/** `cell(contents=<empty>)`. @cpython Objects/cellobject.c#cell_new */
function cell_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  if (kwds !== null && (kwds as PyDictObject).ma_used > 0) throw PyErr_Format(rt, 'TypeError', 'cell() takes no keyword arguments')
  const items = (args as PyTupleObject).ob_item
  checkPositional(rt, 'cell', items.length, 0, 1)
  return PyCell_New(rt, items[0] ?? null)
}

/** @cpython Objects/cellobject.c#cell_get_contents */
function cell_get_contents(self: PyObject): PyObject {
  const ref = (self as PyCellObject).ob_ref
  if (ref === null) throw PyErr_Format(self.ob_type.tp_runtime, 'ValueError', 'Cell is empty')
  Py_INCREF(ref)
  return ref
}

/** @cpython Objects/cellobject.c#cell_set_contents */
function cell_set_contents(self: PyObject, value: PyObject | null): void {
  PyCell_Set(self, value)
}

/** Creates the `cell` type. */
export function _PyCell_InitType(rt: Runtime): void {
  rt.types.cell = PyType_NewStatic(rt, 'cell', {
    basicsize: 2 * rt.profile.pointerSize + rt.profile.pointerSize,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: {
      tp_dealloc: cell_dealloc,
      tp_traverse: cell_traverse,
      tp_clear: cell_clear,
      tp_repr: cell_repr,
      tp_richcompare: cell_richcompare,
      tp_new: cell_new,
      tp_getset: [{ name: 'cell_contents', get: cell_get_contents, set: cell_set_contents }],
    },
  })
}

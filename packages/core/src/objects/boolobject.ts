/**
 * `bool`: the two int instances `True` and `False`. `&`, `|` and `^` of two bools give a bool; everything else is
 * int arithmetic.
 * @cpython Objects/boolobject.c
 */
import { PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_INCREF } from '../object/refcount.js'
import type { PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { long_and, long_or, long_xor } from './longobject.js'
import { PyObject_IsTrue } from './protocols.js'
import { PyUnicode_FromString } from './unicodeobject.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** `PyBool_FromLong`: True or False (a new reference). */
export function PyBool_FromLong(rt: Runtime, v: boolean | number): PyObject {
  const r = v ? rt.True : rt.False
  Py_INCREF(r)
  return r
}

/** @cpython Objects/boolobject.c#bool_repr */
export function bool_repr(self: PyObject): PyObject {
  const rt = rtOf(self)
  return PyUnicode_FromString(rt, self === rt.True ? 'True' : 'False')
}

function boolArgs(rt: Runtime, nargs: number, nkw: number): void {
  if (nkw > 0) throw PyErr_Format(rt, 'TypeError', 'bool() takes no keyword arguments')
  if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `bool expected at most 1 argument, got ${nargs}`)
}

/** @cpython Objects/boolobject.c#bool_new */
export function bool_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const pos = (args as unknown as { ob_item: PyObject[] }).ob_item
  boolArgs(rt, pos.length, kwds === null ? 0 : (kwds as unknown as { ma_used: number }).ma_used)
  return PyBool_FromLong(rt, pos.length > 0 && PyObject_IsTrue(pos[0]!))
}

/** @cpython Objects/boolobject.c#bool_vectorcall */
export function bool_vectorcall(type: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = type.ob_type.tp_runtime
  boolArgs(rt, nargs, kwnames === null ? 0 : (kwnames as unknown as { ob_item: PyObject[] }).ob_item.length)
  return PyBool_FromLong(rt, nargs > 0 && PyObject_IsTrue(args[start]!))
}

function isBool(rt: Runtime, o: PyObject): boolean {
  return o === rt.True || o === rt.False
}

function logical(intOp: (a: PyObject, b: PyObject) => PyObject, f: (a: boolean, b: boolean) => boolean): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    const rt = rtOf(a)
    if (!isBool(rt, a) || !isBool(rt, b)) return intOp(a, b)
    return PyBool_FromLong(rt, f(a === rt.True, b === rt.True))
  }
}

export const bool_and = logical(long_and, (a, b) => a && b)
export const bool_or = logical(long_or, (a, b) => a || b)
export const bool_xor = logical(long_xor, (a, b) => a !== b)

/**
 * Code objects: what the compiler produces for a module, class body, function or comprehension. Not a GC object;
 * it owns its constants and name tuples. The bytecode itself is the interpreter's business (`co_code_adaptive`).
 * @cpython Objects/codeobject.c
 */
import { PyObject_Free, PyObject_Init } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF } from '../object/refcount.js'
import type { PyTypeObject, visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'

/** `co_flags` bits. */
export const CO_OPTIMIZED = 0x0001
export const CO_NEWLOCALS = 0x0002
export const CO_VARARGS = 0x0004
export const CO_VARKEYWORDS = 0x0008
export const CO_NESTED = 0x0010
export const CO_GENERATOR = 0x0020
export const CO_NOFREE = 0x0040
export const CO_COROUTINE = 0x0080

export class PyCodeObject extends PyObject {
  co_argcount = 0
  co_posonlyargcount = 0
  co_kwonlyargcount = 0
  co_flags = 0
  co_firstlineno = 0
  co_stacksize = 0
  /** Tuples (owned). */
  co_consts: PyObject
  co_names: PyObject
  /** Local names, cell names and free names (tuples of str, owned). */
  co_varnames: PyObject
  co_cellvars: PyObject
  co_freevars: PyObject
  /** str objects (owned). */
  co_filename: PyObject
  co_name: PyObject
  co_qualname: PyObject
  /** The interpreter's compiled form (instructions, line table, exception table). NON-CPYTHON: opaque here. */
  co_code_adaptive: unknown = null
  /** Number of fast locals (`co_nlocalsplus`). */
  co_nlocalsplus = 0
  co_weakreflist = false
  constructor(type: PyTypeObject, consts: PyObject, names: PyObject, varnames: PyObject, cellvars: PyObject, freevars: PyObject, filename: PyObject, name: PyObject, qualname: PyObject) {
    super(type)
    this.co_consts = consts
    this.co_names = names
    this.co_varnames = varnames
    this.co_cellvars = cellvars
    this.co_freevars = freevars
    this.co_filename = filename
    this.co_name = name
    this.co_qualname = qualname
  }
}

export interface CodeFields {
  argcount: number
  posonlyargcount: number
  kwonlyargcount: number
  flags: number
  firstlineno: number
  stacksize: number
  nlocalsplus: number
  code: unknown
}

/**
 * A new code object; steals the references to the tuples and strings.
 * @cpython Objects/codeobject.c#_PyCode_New
 */
export function PyCode_NewSteal(
  rt: Runtime,
  f: CodeFields,
  consts: PyObject,
  names: PyObject,
  varnames: PyObject,
  cellvars: PyObject,
  freevars: PyObject,
  filename: PyObject,
  name: PyObject,
  qualname: PyObject,
): PyCodeObject {
  const co = new PyCodeObject(rt.types.code, consts, names, varnames, cellvars, freevars, filename, name, qualname)
  co.co_argcount = f.argcount
  co.co_posonlyargcount = f.posonlyargcount
  co.co_kwonlyargcount = f.kwonlyargcount
  co.co_flags = f.flags
  co.co_firstlineno = f.firstlineno
  co.co_stacksize = f.stacksize
  co.co_nlocalsplus = f.nlocalsplus
  co.co_code_adaptive = f.code
  return PyObject_Init(rt, co, rt.types.code.tp_basicsize)
}

/** @cpython Objects/codeobject.c#code_dealloc */
export function code_dealloc(self: PyObject): void {
  const co = self as PyCodeObject
  Py_DECREF(co.co_consts)
  Py_DECREF(co.co_names)
  Py_DECREF(co.co_varnames)
  Py_DECREF(co.co_cellvars)
  Py_DECREF(co.co_freevars)
  Py_DECREF(co.co_filename)
  Py_DECREF(co.co_name)
  Py_DECREF(co.co_qualname)
  PyObject_Free(co)
}

/** NON-CPYTHON: code objects are not GC objects; this lists their references for the audit. */
export function code_refs(self: PyObject, visit: visitproc, arg: unknown): number {
  const co = self as PyCodeObject
  for (const v of [co.co_consts, co.co_names, co.co_varnames, co.co_cellvars, co.co_freevars, co.co_filename, co.co_name, co.co_qualname]) {
    const r = visit(v, arg)
    if (r) return r
  }
  return 0
}

/** Helpers for builtin modules: creating module objects and builtin functions, converting values. */
import * as core from '@heap/core'
import {
  PyDict_SetItem,
  PyErr_Format,
  PyLong_FromNumber,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  Py_DECREF,
  Py_INCREF,
  type PyDictObject,
  type PyLongObject,
  type PyMethodDef,
  type PyObject,
  type PyUnicodeObject,
  type Runtime,
} from '@heap/core'

const coreAny = core as unknown as Record<string, unknown>

export type Builtin = PyMethodDef['ml_meth']

/**
 * A C function's static keyword parser (`_PyArg_Parser`). Where the profile builds the tuple of keyword names
 * lazily, the first use creates it (a GC object, tracked in generation 0) and keeps it for the process's life.
 * @cpython Python/getargs.c#parser_init
 */
export class ArgParser {
  private kwtuple: PyObject | null = null
  constructor(readonly keywords: readonly string[]) {}
  init(rt: Runtime): void {
    if (this.kwtuple !== null || rt.profile.eval.argParserKwtuple !== 'lazy') return
    const kwtuple = core.PyTuple_FromArraySteal(rt, this.keywords.map((k) => PyUnicode_InternFromString(rt, k)))
    this.kwtuple = kwtuple
    // The C static holds the reference.
    rt.auditRoots.push((visit) => visit(kwtuple))
  }
}

/** A module object (a new reference). */
export function newModule(rt: Runtime, name: string): PyObject {
  return (coreAny.PyModule_New as (rt: Runtime, name: string) => PyObject)(rt, name)
}

export function moduleDict(mod: PyObject): PyDictObject {
  return (mod as unknown as { md_dict: PyDictObject }).md_dict
}

/**
 * A standard-library module written in Python over its C half (`weakref` over `_weakref`, `warnings` over
 * `_warnings`): imports the C half, registers the module, then runs its source in the module's namespace.
 */
export function createPythonModule(interp: import('../interp.js').Interpreter, name: string, cHalf: string, source: string): PyObject {
  Py_DECREF(interp.importModule(cHalf))
  const mod = newModule(interp.rt, name)
  interp.registerModule(name, mod)
  const dict = moduleDict(mod)
  const code = interp.compile(source, interp.stdlibPath(`${name}.py`), 'exec', null)
  try {
    Py_DECREF(interp.execCode(code, dict, dict))
  } finally {
    Py_DECREF(code)
  }
  return mod
}

/** `module.name = value` (value borrowed). */
export function setAttr(rt: Runtime, mod: PyObject, name: string, value: PyObject): void {
  const k = PyUnicode_InternFromString(rt, name)
  PyDict_SetItem(moduleDict(mod), k, value)
  Py_DECREF(k)
}

/** `module.name = value`, consuming the new reference `value`. */
export function setAttrSteal(rt: Runtime, mod: PyObject, name: string, value: PyObject): void {
  setAttr(rt, mod, name, value)
  Py_DECREF(value)
}

/** A builtin function object bound to `self` (the module). A new reference. */
export function builtinFunction(rt: Runtime, def: PyMethodDef, self: PyObject | null, module: PyObject | null): PyObject {
  const f = coreAny.PyCFunction_NewEx as ((rt: Runtime, def: PyMethodDef, self: PyObject | null, module: PyObject | null) => PyObject) | undefined
  if (f !== undefined) return f(rt, def, self, module)
  const g = coreAny.PyCFunction_New as (def: PyMethodDef, self: PyObject | null, module: PyObject | null) => PyObject
  return g(def, self ?? rt.None, module)
}

/** Adds builtin functions to a module. */
export function addFunctions(rt: Runtime, mod: PyObject, defs: readonly PyMethodDef[]): void {
  const modName = core.PyDict_GetItemStr(moduleDict(mod), '__name__')
  for (const def of defs) setAttrSteal(rt, mod, def.ml_name, builtinFunction(rt, def, mod, modName))
}

/** A PyMethodDef with the fastcall+keywords convention. */
export function def(name: string, fn: Builtin, doc?: string): PyMethodDef {
  return { ml_name: name, ml_meth: fn, ml_flags: core.METH_FASTCALL | core.METH_KEYWORDS, ml_doc: doc }
}

export function str(rt: Runtime, s: string): PyObject {
  return PyUnicode_FromString(rt, s)
}

export function int(rt: Runtime, n: number): PyObject {
  return PyLong_FromNumber(rt, n)
}

export function bool(rt: Runtime, b: boolean): PyObject {
  const r = b ? rt.True : rt.False
  Py_INCREF(r)
  return r
}

export function none(rt: Runtime): PyObject {
  Py_INCREF(rt.None)
  return rt.None
}

/** A JS number from an int-like object (`__index__`), with CPython's TypeError. */
export function asIndex(rt: Runtime, o: PyObject, what = 'integer'): number {
  if (o.ob_type === rt.types.int || o.ob_type === rt.types.bool) return Number((o as PyLongObject).ob_ival)
  const f = o.ob_type.nb_index
  if (f === null) throw PyErr_Format(rt, 'TypeError', `'${o.ob_type.tp_name}' object cannot be interpreted as an ${what}`)
  const r = f(o)
  const v = Number((r as PyLongObject).ob_ival)
  Py_DECREF(r)
  return v
}

export function jsStr(o: PyObject): string {
  return (o as PyUnicodeObject).value
}

export { coreAny }

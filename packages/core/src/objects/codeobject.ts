/**
 * Code objects: what the compiler produces for a module, class body, function or comprehension. Not a GC object;
 * it owns its constants and name tuples. The bytecode itself is the interpreter's business (`co_code_adaptive`).
 * @cpython Objects/codeobject.c
 */
import { PyObject_Free, PyObject_Init } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_EQ, Py_NE, type PyGetSetDef, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyBytes_FromUint8Array } from './bytesobject.js'
import { PyLong_FromNumber } from './longobject.js'
import { PyObject_Hash, PyObject_RichCompareBool, notImplemented } from './protocols.js'
import { PyTuple_FromArraySteal } from './tupleobject.js'
import { PyUnicode_InternFromString } from './unicodeobject.js'
import { PyType_NewStatic } from './typeobject.js'
import { PyUnicode_Check, addrHex, newBool, newStr, strValue } from './type-util.js'
import { readonlyAttribute } from './weakrefobject.js'

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
  /** 'split' layout: the stored name tuples; 'localsplus': null, or the tuples built once ('cached'). Owned. */
  co_varnames: PyObject | null = null
  co_cellvars: PyObject | null = null
  co_freevars: PyObject | null = null
  /** 'localsplus' layout: every local, cell and free name (a tuple) and the kind of each (bytes). Owned. */
  co_localsplusnames: PyObject | null = null
  co_localspluskinds: PyObject | null = null
  /** The tables as bytes ('split': co_code and co_lnotab, kept here as co_linetable; 'localsplus': co_linetable and co_exceptiontable). Owned. */
  co_code: PyObject | null = null
  co_linetable: PyObject | null = null
  co_exceptiontable: PyObject | null = null
  /** NON-CPYTHON: the variable names as strings (what the attribute getters, equality and the interpreter read). */
  readonly varnameList: readonly string[]
  readonly cellvarList: readonly string[]
  readonly freevarList: readonly string[]
  /** str objects (owned). */
  co_filename: PyObject
  co_name: PyObject
  co_qualname: PyObject
  /** The interpreter's compiled form (instructions, line table, exception table). NON-CPYTHON: opaque here. */
  co_code_adaptive: unknown = null
  /** Number of fast locals (`co_nlocalsplus`). */
  co_nlocalsplus = 0
  co_weakreflist = false
  constructor(type: PyTypeObject, consts: PyObject, names: PyObject, vars: CodeNames, filename: PyObject, name: PyObject, qualname: PyObject) {
    super(type)
    this.co_consts = consts
    this.co_names = names
    this.varnameList = vars.varnames
    this.cellvarList = vars.cellvars
    this.freevarList = vars.freevars
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

/** The variable names of a code object: locals (arguments first), cells, free variables. */
export interface CodeNames {
  readonly varnames: readonly string[]
  readonly cellvars: readonly string[]
  readonly freevars: readonly string[]
}

/** The objects a code object stores for its layout (profile `codeLayout`); the code object takes the references. */
export type CodeStorage = Partial<Pick<PyCodeObject, 'co_varnames' | 'co_cellvars' | 'co_freevars' | 'co_localsplusnames' | 'co_localspluskinds' | 'co_code' | 'co_linetable' | 'co_exceptiontable'>>

const STORAGE_FIELDS = ['co_varnames', 'co_cellvars', 'co_freevars', 'co_localsplusnames', 'co_localspluskinds', 'co_code', 'co_linetable', 'co_exceptiontable'] as const

/**
 * A new code object; steals the references to the tuples, strings and the storage objects.
 * @cpython Objects/codeobject.c#_PyCode_New
 */
export function PyCode_NewSteal(
  rt: Runtime,
  f: CodeFields,
  consts: PyObject,
  names: PyObject,
  vars: CodeNames,
  storage: CodeStorage,
  filename: PyObject,
  name: PyObject,
  qualname: PyObject,
): PyCodeObject {
  const co = new PyCodeObject(rt.types.code, consts, names, vars, filename, name, qualname)
  for (const k of STORAGE_FIELDS) co[k] = storage[k] ?? null
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
  const rt = co.ob_type.tp_runtime
  Py_DECREF(co.co_consts)
  Py_DECREF(co.co_names)
  for (const k of STORAGE_FIELDS) {
    const o = co[k]
    co[k] = null
    if (o !== null) Py_DECREF(o)
  }
  Py_DECREF(co.co_filename)
  Py_DECREF(co.co_name)
  Py_DECREF(co.co_qualname)
  if (rt.weakrefs.has(co)) rt.clearWeakRefs(co)
  PyObject_Free(co)
}

/** NON-CPYTHON: code objects are not GC objects; this lists their references for the audit. */
export function code_refs(self: PyObject, visit: visitproc, arg: unknown): number {
  const co = self as PyCodeObject
  for (const v of [co.co_consts, co.co_names, co.co_filename, co.co_name, co.co_qualname]) {
    const r = visit(v, arg)
    if (r) return r
  }
  for (const k of STORAGE_FIELDS) {
    const o = co[k]
    if (o === null) continue
    const r = visit(o, arg)
    if (r) return r
  }
  return 0
}

/** `PyCode_Check`. */
export function PyCode_Check(op: PyObject): boolean {
  return op.ob_type === op.ob_type.tp_runtime.types.code
}

/** `co_nlocals`: the number of local variables (`co_varnames`). */
export function PyCode_GetNumLocals(co: PyCodeObject): number {
  return co.varnameList.length
}

/**
 * `co_varnames`, `co_cellvars`, `co_freevars` (a new reference): the stored tuple ('split'), or one built from the
 * names, kept when the profile caches it.
 * @cpython Objects/codeobject.c#_PyCode_GetVarnames
 */
function codeNameTuple(co: PyCodeObject, field: 'co_varnames' | 'co_cellvars' | 'co_freevars'): PyObject {
  const stored = co[field]
  if (stored !== null) {
    Py_INCREF(stored)
    return stored
  }
  const rt = co.ob_type.tp_runtime
  const list = field === 'co_varnames' ? co.varnameList : field === 'co_cellvars' ? co.cellvarList : co.freevarList
  const t = PyTuple_FromArraySteal(rt, list.map((n) => PyUnicode_InternFromString(rt, n)))
  if (rt.profile.objects.runtimeObjects.codeNameTuples === 'cached') {
    co[field] = t
    Py_INCREF(t)
  }
  return t
}

/** `<code object f at 0x…, file "x.py", line 3>`. @cpython Objects/codeobject.c#code_repr */
function code_repr(self: PyObject): PyObject {
  const co = self as PyCodeObject
  const rt = co.ob_type.tp_runtime
  const lineno = co.co_firstlineno !== 0 ? co.co_firstlineno : -1
  const file = PyUnicode_Check(co.co_filename) ? `"${strValue(co.co_filename)}"` : '???'
  return newStr(rt, `<code object ${strValue(co.co_name)} at ${addrHex(co)}, file ${file}, line ${lineno}>`)
}

/**
 * Equality of code objects: same names, counts, flags, first line, constants and names, and the same compiled form.
 * DEVIATION(cpython): the compiled form (`co_code_adaptive`, opaque to core) is compared by identity, and constants
 * with plain equality (CPython compares them by `_PyCode_ConstantKey`, which tells `0` from `0.0` and `False`).
 * @cpython Objects/codeobject.c#code_richcompare
 */
function code_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  const rt = a.ob_type.tp_runtime
  if ((op !== Py_EQ && op !== Py_NE) || !PyCode_Check(a) || !PyCode_Check(b)) return notImplemented(rt)
  const x = a as PyCodeObject
  const y = b as PyCodeObject
  let eq = x === y
  if (!eq) {
    eq =
      x.co_argcount === y.co_argcount &&
      x.co_posonlyargcount === y.co_posonlyargcount &&
      x.co_kwonlyargcount === y.co_kwonlyargcount &&
      x.co_flags === y.co_flags &&
      x.co_firstlineno === y.co_firstlineno &&
      x.co_code_adaptive === y.co_code_adaptive &&
      PyObject_RichCompareBool(x.co_name, y.co_name, Py_EQ) &&
      PyObject_RichCompareBool(x.co_consts, y.co_consts, Py_EQ) &&
      PyObject_RichCompareBool(x.co_names, y.co_names, Py_EQ) &&
      sameNames(x.varnameList, y.varnameList) &&
      sameNames(x.freevarList, y.freevarList) &&
      sameNames(x.cellvarList, y.cellvarList)
  }
  return newBool(rt, op === Py_EQ ? eq : !eq)
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i])
}

/** The hashes of name, constants and names mixed with the counts and flags. @cpython Objects/codeobject.c#code_hash */
function code_hash(self: PyObject): number {
  const co = self as PyCodeObject
  let h = BigInt(PyObject_Hash(co.co_name)) ^ BigInt(PyObject_Hash(co.co_consts)) ^ BigInt(PyObject_Hash(co.co_names)) ^ BigInt(PyObject_Hash(co.co_localsplusnames ?? co.co_varnames ?? co.co_names))
  h ^= BigInt(co.co_argcount ^ co.co_posonlyargcount ^ co.co_kwonlyargcount ^ co.co_flags)
  const r = Number(BigInt.asIntN(53, h))
  return r === -1 ? -2 : r
}

function objectGetter(field: 'co_consts' | 'co_names' | 'co_filename' | 'co_name' | 'co_qualname') {
  return (self: PyObject): PyObject => {
    const v = (self as PyCodeObject)[field]
    Py_INCREF(v)
    return v
  }
}

function intGetter(get: (co: PyCodeObject) => number) {
  return (self: PyObject): PyObject => PyLong_FromNumber(self.ob_type.tp_runtime, get(self as PyCodeObject))
}

/** Creates the `code` type. Its attributes are read-only. */
export function _PyCode_InitType(rt: Runtime): void {
  const ro = rt.profile.objects.runtimeObjects
  // 3.11+ compute the variable-name tuples (getsets without a setter); the others are members.
  const namesSetter = ro.codeQualname ? null : readonlyAttribute
  const getset: PyGetSetDef[] = [
    { name: 'co_argcount', get: intGetter((c) => c.co_argcount), set: readonlyAttribute },
    { name: 'co_posonlyargcount', get: intGetter((c) => c.co_posonlyargcount), set: readonlyAttribute },
    { name: 'co_kwonlyargcount', get: intGetter((c) => c.co_kwonlyargcount), set: readonlyAttribute },
    { name: 'co_stacksize', get: intGetter((c) => c.co_stacksize), set: readonlyAttribute },
    { name: 'co_flags', get: intGetter((c) => c.co_flags), set: readonlyAttribute },
    { name: 'co_nlocals', get: intGetter(PyCode_GetNumLocals), set: readonlyAttribute },
    { name: 'co_consts', get: objectGetter('co_consts'), set: readonlyAttribute },
    { name: 'co_names', get: objectGetter('co_names'), set: readonlyAttribute },
    { name: 'co_filename', get: objectGetter('co_filename'), set: readonlyAttribute },
    { name: 'co_name', get: objectGetter('co_name'), set: readonlyAttribute },
    { name: 'co_firstlineno', get: intGetter((c) => c.co_firstlineno), set: readonlyAttribute },
    { name: 'co_varnames', get: (self) => codeNameTuple(self as PyCodeObject, 'co_varnames'), set: namesSetter },
    { name: 'co_cellvars', get: (self) => codeNameTuple(self as PyCodeObject, 'co_cellvars'), set: namesSetter },
    { name: 'co_freevars', get: (self) => codeNameTuple(self as PyCodeObject, 'co_freevars'), set: namesSetter },
  ]
  if (ro.codeQualname) getset.push({ name: 'co_qualname', get: objectGetter('co_qualname'), set: readonlyAttribute })
  // DEVIATION(cpython): the interpreter's own instruction bytes (its compiled form's `bytes()`), not CPython's.
  getset.push({
    name: 'co_code',
    get: (self) => {
      const stored = (self as PyCodeObject).co_code
      if (stored !== null) {
        Py_INCREF(stored)
        return stored
      }
      const unit = (self as PyCodeObject).co_code_adaptive as { bytes?: () => Uint8Array } | null
      return PyBytes_FromUint8Array(self.ob_type.tp_runtime, unit?.bytes?.() ?? new Uint8Array(0))
    },
    set: readonlyAttribute,
  })
  rt.types.code = PyType_NewStatic(rt, 'code', {
    basicsize: rt.sizeof.codeBase,
    slots: {
      tp_dealloc: code_dealloc,
      tp_refs: code_refs,
      tp_repr: code_repr,
      tp_richcompare: code_richcompare,
      tp_hash: code_hash,
      tp_weaklist: true,
      tp_getset: getset,
    },
  })
}

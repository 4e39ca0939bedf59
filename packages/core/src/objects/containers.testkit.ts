/**
 * NON-CPYTHON test helpers for the container tests (not part of the library: only `*.test.ts` files import this).
 * Builds objects from JS values, calls methods by name, captures Python exceptions as "Type: message", and makes
 * small static types whose slots log what CPython would call (`__lt__`, `__eq__`, `__hash__` …).
 */
import { PyErr } from '../errors.js'
import { PyObject_Free, PyObject_Init } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_EQ, Py_GT, Py_LE, Py_LT, Py_NE, type PyTypeObject } from '../object/type.js'
import { createRuntime } from '../runtime/bootstrap.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyDict_New, PyDict_SetItem } from './dictobject.js'
import { PyList_FromArraySteal } from './listobject.js'
import { PyLong_FromNumber, intValue, type PyLongObject } from './longobject.js'
import { PyObject_CallArgs, PyObject_GetAttr, PyObject_Repr } from './protocols.js'
import { PyTuple_FromArraySteal, type PyTupleObject } from './tupleobject.js'
import { PyType_NewStatic, PyType_Ready } from './typeobject.js'
import { PyUnicode_FromString, PyUnicode_InternFromString, type PyUnicodeObject } from './unicodeobject.js'

/**
 * A runtime for a profile. Until the numbers module provides them, ints get a minimal `repr` and rich comparison
 * (test stand-ins, installed only when missing).
 */
export function runtime(profile: string): Runtime {
  const rt = createRuntime({ profile })
  const t = rt.types.int
  const obj = rt.types.object
  if (t.tp_repr === null || t.tp_repr === obj.tp_repr) t.tp_repr = (o) => PyUnicode_FromString(rt, String(intValue(o)))
  if (t.tp_richcompare === null || t.tp_richcompare === obj.tp_richcompare) {
    const cmp = (a: PyObject, b: PyObject, op: number): PyObject => {
      if ((b.ob_type.tp_flags & (1 << 24)) === 0) {
        Py_INCREF(rt.NotImplemented)
        return rt.NotImplemented
      }
      const x = (a as PyLongObject).ob_ival
      const y = (b as PyLongObject).ob_ival
      const r = op === Py_LT ? x < y : op === Py_LE ? x <= y : op === Py_EQ ? x == y : op === Py_NE ? x != y : op === Py_GT ? x > y : x >= y
      const o = r ? rt.True : rt.False
      Py_INCREF(o)
      return o
    }
    t.tp_richcompare = cmp
    rt.types.bool.tp_richcompare = cmp
  }
  const N = rt.types.NoneType
  if (N.tp_repr === null || N.tp_repr === obj.tp_repr) N.tp_repr = () => PyUnicode_FromString(rt, 'None')
  const B = rt.types.bool
  if (B.tp_repr === null || B.tp_repr === obj.tp_repr || B.tp_repr === t.tp_repr) B.tp_repr = (o) => PyUnicode_FromString(rt, o === rt.True ? 'True' : 'False')
  if (rt.types.str.tp_repr === null || rt.types.str.tp_repr === obj.tp_repr) rt.types.str.tp_repr = (o) => PyUnicode_FromString(rt, `'${(o as PyUnicodeObject).value}'`)
  if (rt.types.str.tp_richcompare === null || rt.types.str.tp_richcompare === obj.tp_richcompare) {
    rt.types.str.tp_richcompare = (a, b, op) => {
      if (b.ob_type !== rt.types.str) {
        Py_INCREF(rt.NotImplemented)
        return rt.NotImplemented
      }
      const x = (a as PyUnicodeObject).value
      const y = (b as PyUnicodeObject).value
      const r = op === Py_LT ? x < y : op === Py_LE ? x <= y : op === Py_EQ ? x === y : op === Py_NE ? x !== y : op === Py_GT ? x > y : x >= y
      const o = r ? rt.True : rt.False
      Py_INCREF(o)
      return o
    }
  }
  return rt
}

/** A JS description of a Python value: numbers are ints, strings are strs, arrays lists, `{t: [...]}` tuples. */
export type JSValue = number | bigint | string | JSValue[] | { t: JSValue[] } | PyObject

/** A new reference for a JS value. */
export function py(rt: Runtime, v: JSValue): PyObject {
  if (v instanceof PyObject) {
    Py_INCREF(v)
    return v
  }
  if (typeof v === 'number') return PyLong_FromNumber(rt, v)
  if (typeof v === 'bigint') return PyLong_FromNumber(rt, Number(v))
  if (typeof v === 'string') return PyUnicode_FromString(rt, v)
  if (Array.isArray(v)) return PyList_FromArraySteal(rt, v.map((x) => py(rt, x)))
  return PyTuple_FromArraySteal(rt, v.t.map((x) => py(rt, x)))
}

/** `repr(op)` as a JS string. */
export function repr(op: PyObject): string {
  const r = PyObject_Repr(op)
  const s = (r as PyUnicodeObject).value
  Py_DECREF(r)
  return s
}

/** Runs `fn` expecting a Python exception: "Type: message" (the exception is released). */
export function err(fn: () => unknown): string {
  try {
    const r = fn()
    if (r instanceof PyObject) Py_DECREF(r)
  } catch (e) {
    if (!(e instanceof PyErr)) throw e
    const args = (e.exc as unknown as { args: PyTupleObject | null }).args
    const first = args !== null && args.ob_item.length > 0 ? args.ob_item[0]! : null
    let msg = ''
    if (first !== null) msg = first.ob_type === e.exc.ob_type.tp_runtime.types.str ? (first as PyUnicodeObject).value : repr(first)
    const name = e.exc.ob_type.tp_name
    Py_DECREF(e.exc)
    return `${name}: ${msg}`
  }
  throw new Error('expected a Python exception')
}

/** `obj.name(*args)`: a new reference (args borrowed). */
export function call(obj: PyObject, name: string, ...args: PyObject[]): PyObject {
  const rt = obj.ob_type.tp_runtime
  const n = PyUnicode_InternFromString(rt, name)
  let f: PyObject
  try {
    f = PyObject_GetAttr(obj, n)
  } finally {
    Py_DECREF(n)
  }
  try {
    return PyObject_CallArgs(f, args)
  } finally {
    Py_DECREF(f)
  }
}

/** Calls and releases the result. */
export function run(obj: PyObject, name: string, ...args: PyObject[]): void {
  Py_DECREF(call(obj, name, ...args))
}

/** Releases every object. */
export function release(...objs: PyObject[]): void {
  for (const o of objs) Py_DECREF(o)
}

/** An instance of a test type, carrying a JS value. */
export class Probe extends PyObject {
  constructor(
    type: PyTypeObject,
    readonly v: number,
  ) {
    super(type)
  }
}

/**
 * A static type whose instances compare by `v` and log every rich comparison as "lt a b" / "eq a b" (the
 * `__lt__`/`__eq__` a Python class would run), and hash to `hashOf(v)` logging "hash a".
 */
export function probeType(
  rt: Runtime,
  log: string[],
  opts: { hashOf?: (v: number) => number; eqResult?: (a: number, b: number) => boolean; onCompare?: () => void; logDealloc?: boolean } = {},
): {
  type: PyTypeObject
  make: (v: number) => PyObject
} {
  const names = ['lt', 'le', 'eq', 'ne', 'gt', 'ge']
  const type = PyType_NewStatic(rt, 'Probe', {
    basicsize: 24,
    slots: {
      tp_dealloc: (op) => {
        if (opts.logDealloc) log.push(`del ${(op as Probe).v}`)
        PyObject_Free(op)
      },
      tp_repr: (op) => PyUnicode_FromString(rt, `P${(op as Probe).v}`),
      tp_richcompare: (a, b, op) => {
        const isInt = b.ob_type === rt.types.int
        if (!(b instanceof Probe) && !isInt) {
          Py_INCREF(rt.NotImplemented)
          return rt.NotImplemented
        }
        const x = (a as Probe).v
        const y = b instanceof Probe ? b.v : Number(intValue(b))
        log.push(`${names[op]} ${x} ${y}`)
        if (opts.onCompare) opts.onCompare()
        const r =
          op === Py_LT ? x < y : op === Py_LE ? x <= y : op === Py_EQ ? (opts.eqResult ? opts.eqResult(x, y) : x === y) : op === Py_NE ? x !== y : op === Py_GT ? x > y : x >= y
        const o = r ? rt.True : rt.False
        Py_INCREF(o)
        return o
      },
      tp_hash: (op) => {
        log.push(`hash ${(op as Probe).v}`)
        return opts.hashOf ? opts.hashOf((op as Probe).v) : (op as Probe).v
      },
    },
  })
  PyType_Ready(rt, type)
  const make = (v: number): PyObject => PyObject_Init(rt, new Probe(type, v), 24)
  return { type, make }
}


/** A callable test object: `fn(args)` must return a new reference. */
export function callable(rt: Runtime, fn: (args: PyObject[]) => PyObject): PyObject {
  let t = callableTypes.get(rt)
  if (t === undefined) {
    t = PyType_NewStatic(rt, 'testcallable', {
      basicsize: 16,
      slots: {
        tp_dealloc: (op) => PyObject_Free(op),
        tp_call: (f, args, start, nargs) => (f as TestCallable).fn(args.slice(start, start + nargs) as PyObject[]),
      },
    })
    PyType_Ready(rt, t)
    callableTypes.set(rt, t)
  }
  return PyObject_Init(rt, new TestCallable(t, fn), 16)
}
const callableTypes = new WeakMap<Runtime, PyTypeObject>()
class TestCallable extends PyObject {
  constructor(
    type: PyTypeObject,
    readonly fn: (args: PyObject[]) => PyObject,
  ) {
    super(type)
  }
}

/** `type(*values)` with JS values converted (and released after the call). */
export function construct(rt: Runtime, type: PyTypeObject, ...values: JSValue[]): PyObject {
  const args = values.map((v) => py(rt, v))
  try {
    return PyObject_CallArgs(type, args)
  } finally {
    for (const a of args) Py_DECREF(a)
  }
}

/** `obj.name(*values)` with JS values converted (and released after the call). */
export function callv(obj: PyObject, name: string, ...values: JSValue[]): PyObject {
  const rt = obj.ob_type.tp_runtime
  const args = values.map((v) => py(rt, v))
  try {
    return call(obj, name, ...args)
  } finally {
    for (const a of args) Py_DECREF(a)
  }
}

/** `callv` and release the result. */
export function runv(obj: PyObject, name: string, ...values: JSValue[]): void {
  Py_DECREF(callv(obj, name, ...values))
}

/**
 * Temporaries for a test: `$(value)` makes an object that `$.done()` releases, `$.own(obj)` registers a result for
 * release. Objects are released in reverse order of registration.
 */
export interface Scope {
  (v: JSValue): PyObject
  own<T extends PyObject>(o: T): T
  done(): void
}
export function scope(rt: Runtime): Scope {
  const held: PyObject[] = []
  const f = ((v: JSValue) => {
    const o = py(rt, v)
    held.push(o)
    return o
  }) as Scope
  f.own = <T extends PyObject>(o: T): T => {
    held.push(o)
    return o
  }
  f.done = () => {
    while (held.length > 0) Py_DECREF(held.pop()!)
  }
  return f
}

/** `type(name, (base,), ns)`: a heap subclass (a new reference); namespace values are borrowed. */
export function makeClassLike(rt: Runtime, name: string, base: PyTypeObject, ns: Record<string, PyObject> = {}): PyTypeObject {
  const d = PyDict_New(rt)
  const put = (k: string, v: PyObject): void => {
    const key = PyUnicode_InternFromString(rt, k)
    PyDict_SetItem(d, key, v)
    Py_DECREF(key)
  }
  const mod = PyUnicode_FromString(rt, '__main__')
  put('__module__', mod)
  Py_DECREF(mod)
  for (const [k, v] of Object.entries(ns)) put(k, v)
  Py_INCREF(base)
  const bases = PyTuple_FromArraySteal(rt, [base])
  const n = PyUnicode_FromString(rt, name)
  try {
    return PyObject_CallArgs(rt.types.type, [n, bases, d]) as PyTypeObject
  } finally {
    Py_DECREF(n)
    Py_DECREF(bases)
    Py_DECREF(d)
  }
}

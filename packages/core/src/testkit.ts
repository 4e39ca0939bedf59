/**
 * Helpers for tests of packages built on @heap/core: a Python-function-like callable type (binds to instances as
 * functions do), class creation through `type(name, bases, dict)`, attribute helpers and exception capture.
 */
import {
  PyDict_New,
  PyDict_SetItem,
  PyErr,
  PyLong_FromNumber,
  PyMethod_New,
  PyObject,
  PyObject_CallArgs,
  PyObject_Free,
  PyObject_GetAttr,
  PyObject_Init,
  PyObject_SetAttr,
  PyTuple_FromArraySteal,
  PyType_NewStatic,
  PyType_Ready,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  Py_DECREF,
  Py_INCREF,
  Py_TPFLAGS_METHOD_DESCRIPTOR,
  type PyTupleObject,
  type PyTypeObject,
  type PyUnicodeObject,
  type Runtime,
} from './index.js'

/** A TS function callable from Python; bound like a Python function when found on a class. */
export class TestFunc extends PyObject {
  constructor(
    type: PyTypeObject,
    readonly fn: (args: PyObject[], kw: Record<string, PyObject>) => PyObject,
    readonly fname: string,
  ) {
    super(type)
  }
}

const funcTypes = new WeakMap<Runtime, PyTypeObject>()

/** The `testfunction` type of a runtime (created on first use). */
export function testFunctionType(rt: Runtime): PyTypeObject {
  let t = funcTypes.get(rt)
  if (t !== undefined) return t
  t = PyType_NewStatic(rt, 'testfunction', {
    basicsize: 32,
    flags: Py_TPFLAGS_METHOD_DESCRIPTOR,
    slots: {
      tp_dealloc: (op) => PyObject_Free(op),
      tp_call: (callable, args, start, nargs, kwnames) => {
        const f = callable as TestFunc
        const pos = args.slice(start, start + nargs) as PyObject[]
        const kw: Record<string, PyObject> = {}
        if (kwnames !== null) {
          const names = (kwnames as PyTupleObject).ob_item
          names.forEach((n, i) => (kw[(n as PyUnicodeObject).value] = args[start + nargs + i]!))
        }
        return f.fn(pos, kw)
      },
      tp_descr_get: (f, obj) => {
        if (obj === null) {
          Py_INCREF(f)
          return f
        }
        return PyMethod_New(f, obj)
      },
      tp_repr: (f) => PyUnicode_FromString(rt, `<function ${(f as TestFunc).fname} at 0x${f.ob_addr.toString(16)}>`),
      tp_getset: [
        { name: '__name__', get: (f) => PyUnicode_FromString(rt, (f as TestFunc).fname.split('.').pop()!), set: null },
        { name: '__qualname__', get: (f) => PyUnicode_FromString(rt, (f as TestFunc).fname), set: null },
      ],
    },
  })
  PyType_Ready(rt, t)
  funcTypes.set(rt, t)
  return t
}

/** A new function object (a new reference). */
export function pyfunc(rt: Runtime, name: string, fn: (args: PyObject[], kw: Record<string, PyObject>) => PyObject): PyObject {
  const t = testFunctionType(rt)
  return PyObject_Init(rt, new TestFunc(t, fn, name), 32)
}

/** `None` with a new reference (for function results). */
export function none(rt: Runtime): PyObject {
  Py_INCREF(rt.None)
  return rt.None
}

export function str(rt: Runtime, s: string): PyObject {
  return PyUnicode_FromString(rt, s)
}

export function int(rt: Runtime, n: number): PyObject {
  return PyLong_FromNumber(rt, n)
}

export function text(op: PyObject): string {
  return (op as PyUnicodeObject).value
}

/**
 * `type(name, bases, ns)` — the class statement's call. Namespace values are borrowed; strings become str objects.
 * A new reference to the class.
 */
export function makeClass(
  rt: Runtime,
  name: string,
  bases: PyObject[],
  ns: Record<string, PyObject | string>,
  meta: PyTypeObject = rt.types.type,
  kw?: Record<string, PyObject>,
): PyTypeObject {
  const d = PyDict_New(rt)
  const full: Record<string, PyObject | string> = { __module__: '__main__', __qualname__: name, ...ns }
  for (const [k, v] of Object.entries(full)) {
    const key = PyUnicode_InternFromString(rt, k)
    const val = typeof v === 'string' ? PyUnicode_FromString(rt, v) : v
    PyDict_SetItem(d, key, val)
    Py_DECREF(key)
    if (typeof v === 'string') Py_DECREF(val)
  }
  for (const b of bases) Py_INCREF(b)
  const bt = PyTuple_FromArraySteal(rt, bases.slice())
  const nameObj = PyUnicode_FromString(rt, name)
  try {
    if (kw === undefined) return PyObject_CallArgs(meta, [nameObj, bt, d]) as PyTypeObject
    const names = Object.keys(kw).map((k) => PyUnicode_InternFromString(rt, k))
    const kn = PyTuple_FromArraySteal(rt, names)
    try {
      const f = meta.ob_type.tp_call!
      return f(meta, [nameObj, bt, d, ...Object.values(kw)], 0, 3, kn) as PyTypeObject
    } finally {
      Py_DECREF(kn)
    }
  } finally {
    Py_DECREF(nameObj)
    Py_DECREF(bt)
    Py_DECREF(d)
  }
}

/** Calls with positional arguments (a new reference). */
export function call(callable: PyObject, ...args: PyObject[]): PyObject {
  return PyObject_CallArgs(callable, args)
}

export function getattr(obj: PyObject, name: string): PyObject {
  const rt = obj.ob_type.tp_runtime
  const n = PyUnicode_InternFromString(rt, name)
  try {
    return PyObject_GetAttr(obj, n)
  } finally {
    Py_DECREF(n)
  }
}

export function setattr(obj: PyObject, name: string, value: PyObject | null): void {
  const rt = obj.ob_type.tp_runtime
  const n = PyUnicode_InternFromString(rt, name)
  try {
    PyObject_SetAttr(obj, n, value)
  } finally {
    Py_DECREF(n)
  }
}

/** Sets an attribute and releases the caller's reference to the value. */
export function setattrSteal(obj: PyObject, name: string, value: PyObject): void {
  try {
    setattr(obj, name, value)
  } finally {
    Py_DECREF(value)
  }
}

/** Runs `fn` expecting a Python exception; returns "Type: message" and releases the exception. */
export function pyError(fn: () => unknown): string {
  try {
    const r = fn()
    if (r instanceof PyObject) Py_DECREF(r)
  } catch (e) {
    if (!(e instanceof PyErr)) throw e
    const args = (e.exc as unknown as { args: PyTupleObject | null }).args
    const first = args !== null && args.ob_item.length > 0 ? args.ob_item[0]! : null
    const msg = first !== null && (first as PyUnicodeObject).value !== undefined ? (first as PyUnicodeObject).value : ''
    const name = e.exc.ob_type.tp_name
    Py_DECREF(e.exc)
    return `${name}: ${msg}`
  }
  throw new Error('expected a Python exception')
}


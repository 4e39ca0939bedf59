/**
 * Test helpers for the type system: a small Python-function-like callable type (a method descriptor that binds to
 * instances, as functions do), class creation through `type(name, bases, dict)`, attribute helpers, exception
 * capture, and a minimal cycle finder.
 *
 * NON-CPYTHON: `collectAll` stands in for @heap/gc (which core's tests cannot import): CPython's
 * `deduce_unreachable` over every tracked object, then `finalize_garbage` (PEP 442, once) and `delete_garbage`.
 * It returns what `gc.collect()` returns for garbage without legacy finalizers and without resurrection.
 */
import {
  PyDict_New,
  PyDict_SetItem,
  PyErr,
  PyLong_FromNumber,
  PyMethod_New,
  PyObject,
  PyObject_CallArgs,
  PyObject_CallFinalizer,
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
  gc_list_objects,
  type PyTupleObject,
  type PyTypeObject,
  type PyUnicodeObject,
  type Runtime,
} from '../../src/index.js'

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

/**
 * The repr text (releases the repr). None, bools, ints, strs and tuples are rendered here, so these tests do not
 * depend on the other object modules' reprs.
 */
export function repr(op: PyObject): string {
  const rt = op.ob_type.tp_runtime
  if (op === rt.None) return 'None'
  if (op === rt.True) return 'True'
  if (op === rt.False) return 'False'
  if (op === rt.NotImplemented) return 'NotImplemented'
  if (op.ob_type === rt.types.int) return String((op as unknown as { ob_ival: number | bigint }).ob_ival)
  if (op.ob_type === rt.types.str) return `'${text(op)}'`
  if (op.ob_type === rt.types.tuple) {
    const items = (op as PyTupleObject).ob_item
    return `(${items.map(repr).join(', ')}${items.length === 1 ? ',' : ''})`
  }
  const f = op.ob_type.tp_repr!
  const r = f(op)
  const s = text(r)
  Py_DECREF(r)
  return s
}

/** Replaces addresses by 0xADDR, as the conformance normaliser does. */
export function norm(s: string): string {
  return s.replace(/0x[0-9a-f]{4,}/g, '0xADDR')
}

/** The objects `tp_traverse` visits (`gc.get_referents`). */
export function referents(op: PyObject): PyObject[] {
  const out: PyObject[] = []
  const t = op.ob_type.tp_traverse
  if (t !== null) t(op, (r) => (out.push(r), 0), null)
  return out
}

/** Every tracked object, generation 0 first. */
function tracked(rt: Runtime): PyObject[] {
  const out: PyObject[] = []
  for (const g of rt.gc.generations) out.push(...gc_list_objects(g.head))
  return out
}

/**
 * NON-CPYTHON test stand-in for `gc.collect()`: finds the tracked objects unreachable from outside, runs their
 * finalizers once, clears them, and returns how many there were. `saveall` returns the garbage (type names) without
 * clearing it… no: it reports and still clears, so the audit stays clean.
 */
export function collectAll(rt: Runtime, report?: (garbage: PyObject[]) => void): number {
  const objs = tracked(rt)
  const inSet = new Set(objs)
  const refs = new Map<PyObject, number>()
  for (const o of objs) refs.set(o, o.ob_refcnt)
  for (const o of objs) {
    const t = o.ob_type.tp_traverse
    if (t === null) continue
    t(o, (r) => {
      if (inSet.has(r)) refs.set(r, refs.get(r)! - 1)
      return 0
    }, null)
  }
  const reachable = new Set<PyObject>()
  const stack = objs.filter((o) => refs.get(o)! > 0)
  for (const o of stack) reachable.add(o)
  while (stack.length > 0) {
    const o = stack.pop()!
    const t = o.ob_type.tp_traverse
    if (t === null) continue
    t(o, (r) => {
      if (inSet.has(r) && !reachable.has(r)) {
        reachable.add(r)
        stack.push(r)
      }
      return 0
    }, null)
  }
  const unreachable = objs.filter((o) => !reachable.has(o))
  if (report) report(unreachable)
  for (const o of unreachable) {
    Py_INCREF(o)
    PyObject_CallFinalizer(o)
  }
  for (const o of unreachable) Py_DECREF(o)
  // delete_garbage (the finalizers did not resurrect anything in these tests).
  const alive = unreachable.filter((o) => o.ob_refcnt > 0)
  for (const o of alive) Py_INCREF(o)
  for (const o of alive) {
    const c = o.ob_type.tp_clear
    if (c !== null && o.ob_refcnt > 0) c(o)
  }
  for (const o of alive) Py_DECREF(o)
  return unreachable.length
}

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
  PyObject,
  PyObject_CallFinalizer,
  Py_DECREF,
  Py_INCREF,
  gc_list_objects,
  _PyTuple_MaybeUntrack,
  type PyTupleObject,
  type Runtime,
} from '../../src/index.js'
import { text } from '../../src/testkit.js'

export * from '../../src/testkit.js'

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
  // 3.14 untracks atomic tuples before looking for garbage (`update_refs`).
  if (rt.profile.gc.untrackTuples === 'update-refs') for (const o of tracked(rt)) if (o.ob_type === rt.types.tuple) _PyTuple_MaybeUntrack(o)
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

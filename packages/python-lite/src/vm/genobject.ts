/**
 * Generators: a generator object owns a suspended interpreter frame. `send`/`__next__` resume it in a nested
 * evaluation; YIELD_VALUE and RETURN_VALUE hand control back. Generators have a finalizer (PEP 442): a suspended
 * generator that is collected or freed is closed (GeneratorExit raised inside it).
 * @cpython Objects/genobject.c
 */
import {
  PyErr,
  PyErr_Format,
  PyErr_NewInstance,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  Py_DECREF,
  Py_INCREF,
  Py_XDECREF,
  _PyObject_GC_TRACK,
  _PyObject_GC_UNTRACK,
  errMatches,
  type PyBaseExceptionObject,
  type PyTypeObject,
  type PyUnicodeObject,
  type Runtime,
  type visitproc,
} from '@heap/core'
import { _PyEval_EvalFrame } from './ceval.js'
import { clearFrameContents, takeOwnership, FRAME_OWNED_BY_GENERATOR, frameContentsTraverse, type Frame } from './frame.js'
import type { ExcInfo, ThreadState } from './threadstate.js'

export const FRAME_CREATED = 0
export const FRAME_SUSPENDED = 1
export const FRAME_EXECUTING = 2
export const FRAME_COMPLETED = 3
export const FRAME_CLEARED = 4

export class PyGenObject extends PyObject {
  gi_frame: Frame | null
  gi_name: PyObject
  gi_qualname: PyObject
  gi_frame_state: number
  /** The exception state of the generator's own `except` blocks. */
  gi_exc_state: ExcInfo
  /** Set by YIELD/RETURN for the resumer: true when the frame returned. */
  returned = false
  constructor(type: PyTypeObject, frame: Frame, name: PyObject, qualname: PyObject) {
    super(type)
    this.gi_frame = frame
    this.gi_name = name
    this.gi_qualname = qualname
    this.gi_frame_state = FRAME_CREATED
    this.gi_exc_state = { exc_value: null, previous_item: null }
  }
}

/** RETURN_GENERATOR: the frame moves into a new generator object (a new reference). */
export function makeGenerator(ts: ThreadState, frame: Frame): PyObject {
  const rt = ts.rt
  const code = frame.code
  Py_INCREF(code.co_name)
  const func = frame.func as unknown as { func_qualname: PyObject } | null
  const qual = func ? func.func_qualname : code.co_qualname
  Py_INCREF(qual)
  const g = new PyGenObject(rt.types.generator, frame, code.co_name, qual)
  PyObject_GC_Init(rt, g, rt.types.generator.tp_basicsize)
  frame.owner = FRAME_OWNED_BY_GENERATOR
  frame.generator = g
  frame.previous = null
  frame.isEntry = false
  _PyObject_GC_TRACK(g)
  return g
}

/** YIELD_VALUE: the generator is suspended; the value goes to whoever resumed it. */
export function generatorYield(ts: ThreadState, frame: Frame, value: PyObject): PyObject {
  void ts
  const g = frame.generator as PyGenObject
  g.gi_frame_state = FRAME_SUSPENDED
  g.returned = false
  return value
}

/** RETURN_VALUE in a generator frame: the generator is finished. */
export function generatorReturn(ts: ThreadState, frame: Frame, value: PyObject): PyObject {
  void ts
  const g = frame.generator as PyGenObject
  g.gi_frame_state = FRAME_COMPLETED
  g.returned = true
  clearGenFrame(g)
  return value
}

function clearGenFrame(g: PyGenObject): void {
  const f = g.gi_frame
  if (f === null) return
  g.gi_frame = null
  f.generator = null
  // As `_PyFrame_ClearExceptCode`: a frame object that outlives the generator (a traceback) takes the frame over.
  const fo = f.frameObject
  if (fo !== null && fo.ob_refcnt > 1) {
    takeOwnership(f)
    Py_DECREF(fo)
    return
  }
  clearFrameContents(f)
  if (fo !== null) {
    f.frameObject = null
    fo.f_frame = null
    Py_DECREF(fo)
  }
  Py_DECREF(f.code)
}

export function isGenerator(rt: Runtime, v: PyObject): boolean {
  return v.ob_type === rt.types.generator
}

/**
 * Resumes a generator with `arg` (or raising `exc`). Returns `{ value, done }`; `done` means the generator returned
 * `value`. Throws when the generator raised.
 * @cpython Objects/genobject.c#gen_send_ex2
 */
export function gen_send_ex(ts: ThreadState, g: PyGenObject, arg: PyObject | null, exc: PyObject | null): { value: PyObject; done: boolean } {
  const rt = ts.rt
  if (g.gi_frame_state === FRAME_EXECUTING) {
    if (exc) Py_DECREF(exc)
    throw PyErr_Format(rt, 'ValueError', 'generator already executing')
  }
  if (g.gi_frame_state >= FRAME_COMPLETED || g.gi_frame === null) {
    if (exc !== null) throw new PyErr(exc)
    Py_INCREF(rt.None)
    return { value: rt.None, done: true }
  }
  const frame = g.gi_frame
  if (g.gi_frame_state === FRAME_CREATED && arg !== null && arg !== rt.None && exc === null) {
    throw PyErr_Format(rt, 'TypeError', "can't send non-None value to a just-started generator")
  }
  // The sent value becomes the result of the suspended yield expression (or is popped by the prologue).
  {
    const v = exc === null ? (arg ?? rt.None) : rt.None
    Py_INCREF(v)
    frame.localsplus[frame.stacktop++] = v
  }
  g.gi_frame_state = FRAME_EXECUTING
  // The generator's exception state is pushed on the thread's stack while it runs.
  g.gi_exc_state.previous_item = ts.exc_info
  ts.exc_info = g.gi_exc_state
  Py_INCREF(g)
  try {
    const value = _PyEval_EvalFrame(ts, frame, exc)
    return { value, done: g.returned }
  } catch (e) {
    g.gi_frame_state = FRAME_COMPLETED
    clearGenFrame(g)
    if (errMatches(e, 'StopIteration')) {
      // PEP 479: StopIteration inside a generator becomes RuntimeError.
      const cause = e.exc
      const err = PyErr_Format(rt, 'RuntimeError', 'generator raised StopIteration')
      const re = err.exc as PyBaseExceptionObject
      re.cause = cause
      Py_INCREF(cause)
      re.context = cause
      re.suppress_context = true
      throw err
    }
    throw e
  } finally {
    ts.exc_info = g.gi_exc_state.previous_item!
    g.gi_exc_state.previous_item = null
    if (g.gi_frame_state === FRAME_EXECUTING) g.gi_frame_state = g.returned ? FRAME_COMPLETED : FRAME_SUSPENDED
    Py_DECREF(g)
  }
}

/** SEND: `yield from` / `await` step. */
export function genSend(ts: ThreadState, receiver: PyObject, v: PyObject): { value: PyObject; done: boolean } {
  const rt = ts.rt
  if (receiver.ob_type === rt.types.generator) return gen_send_ex(ts, receiver as PyGenObject, v, null)
  // Any iterator: next() when sending None, else .send(v).
  if (v === rt.None) {
    const r = receiver.ob_type.tp_iternext!(receiver)
    if (r !== null) return { value: r, done: false }
    Py_INCREF(rt.None)
    return { value: rt.None, done: true }
  }
  throw PyErr_Format(rt, 'AttributeError', `'${receiver.ob_type.tp_name}' object has no attribute 'send'`)
}

/** `gen.__next__` as `tp_iternext`: null when finished; a return value becomes StopIteration's value only for send. */
export function gen_iternext(self: PyObject): PyObject | null {
  const rt = self.ob_type.tp_runtime
  const ts = (rt.host as { ts: ThreadState }).ts
  const r = gen_send_ex(ts, self as PyGenObject, null, null)
  if (!r.done) return r.value
  Py_DECREF(r.value)
  return null
}

/** `gen.send(v)`: StopIteration(value) when the generator returns. */
export function gen_send(ts: ThreadState, g: PyGenObject, v: PyObject): PyObject {
  const r = gen_send_ex(ts, g, v, null)
  if (!r.done) return r.value
  throw stopIteration(ts.rt, r.value)
}

function stopIteration(rt: Runtime, value: PyObject): PyErr {
  const args = value === rt.None ? [] : [value]
  const err = new PyErr(PyErr_NewInstance(rt, rt.exc['StopIteration']!, args))
  Py_DECREF(value)
  return err
}

/** `gen.throw(exc)`. */
export function gen_throw(ts: ThreadState, g: PyGenObject, exc: PyObject): PyObject {
  Py_INCREF(exc)
  const r = gen_send_ex(ts, g, null, exc)
  if (!r.done) return r.value
  throw stopIteration(ts.rt, r.value)
}

/** `gen.close()`: raise GeneratorExit inside; a yield in response is a RuntimeError. @cpython Objects/genobject.c#gen_close */
export function gen_close(ts: ThreadState, g: PyGenObject): void {
  const rt = ts.rt
  if (g.gi_frame_state === FRAME_CREATED) {
    g.gi_frame_state = FRAME_COMPLETED
    clearGenFrame(g)
    return
  }
  if (g.gi_frame_state >= FRAME_COMPLETED) return
  const ge = PyErr_NewInstance(rt, rt.exc['GeneratorExit']!, [])
  try {
    const r = gen_send_ex(ts, g, null, ge)
    Py_DECREF(r.value)
    if (!r.done) throw PyErr_Format(rt, 'RuntimeError', 'generator ignored GeneratorExit')
  } catch (e) {
    if (errMatches(e, 'GeneratorExit') || errMatches(e, 'StopIteration')) {
      Py_DECREF(e.exc)
      return
    }
    throw e
  }
}

/** `tp_finalize`: close a suspended generator. @cpython Objects/genobject.c#_PyGen_Finalize */
export function gen_finalize(self: PyObject): void {
  const g = self as PyGenObject
  if (g.gi_frame === null || g.gi_frame_state >= FRAME_COMPLETED || g.gi_frame_state === FRAME_CREATED) return
  const rt = self.ob_type.tp_runtime
  const ts = (rt.host as { ts: ThreadState }).ts
  try {
    gen_close(ts, g)
  } catch (e) {
    if (e instanceof PyErr) {
      rt.hooks.writeUnraisable(rt, e.exc, self, null)
      Py_DECREF(e.exc)
    } else throw e
  }
}

/** @cpython Objects/genobject.c#gen_dealloc */
export function gen_dealloc(self: PyObject): void {
  const g = self as PyGenObject
  const rt = self.ob_type.tp_runtime
  if (g._gc_next !== null) _PyObject_GC_UNTRACK(g)
  if (rt.weakrefs.has(g)) rt.clearWeakRefs(g)
  // Finalize first (PEP 442): the generator may be resurrected.
  const callFinalizer = (rt as unknown as { callFinalizerFromDealloc?: (op: PyObject) => boolean }).callFinalizerFromDealloc
  if (g.gi_frame !== null && g.gi_frame_state === FRAME_SUSPENDED) {
    if (callFinalizer) {
      if (callFinalizer(g)) return
    } else {
      g.ob_refcnt = 1
      gen_finalize(g)
      if (--g.ob_refcnt !== 0) return
    }
  }
  clearGenFrame(g)
  const n = g.gi_name
  const q = g.gi_qualname
  Py_XDECREF(g.gi_exc_state.exc_value)
  g.gi_exc_state.exc_value = null
  Py_DECREF(n)
  Py_DECREF(q)
  PyObject_GC_Del(g)
}

/** @cpython Objects/genobject.c#gen_traverse */
export function gen_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const g = self as PyGenObject
  let r = visit(g.gi_name, arg)
  if (r) return r
  r = visit(g.gi_qualname, arg)
  if (r) return r
  if (g.gi_exc_state.exc_value !== null && (r = visit(g.gi_exc_state.exc_value, arg))) return r
  if (g.gi_frame !== null && g.gi_frame_state !== FRAME_EXECUTING) return frameContentsTraverse(g.gi_frame, visit, arg)
  return 0
}

export function genRepr(g: PyGenObject): string {
  return `<generator object ${(g.gi_qualname as PyUnicodeObject).value} at 0x${g.ob_addr.toString(16)}>`
}

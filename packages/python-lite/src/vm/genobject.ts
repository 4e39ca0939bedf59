/**
 * Generators: a generator object owns a suspended interpreter frame. `send`/`__next__` resume it in a nested
 * evaluation; YIELD_VALUE and RETURN_VALUE hand control back. Generators have a finalizer (PEP 442): a suspended
 * generator that is collected or freed is closed (GeneratorExit raised inside it).
 * @cpython Objects/genobject.c
 */
import {
  PyErr,
  PyExceptionClass_Check,
  PyExceptionInstance_Check,
  PyObject_CallNoArgs,
  PyObject_Vectorcall,
  PyTuple_Check,
  PyType_IsSubtype,
  _PyObject_LookupAttrStr,
  type PyTupleObject,
  type PyMethodDef,
  type PyGetSetDef,
  type PyCodeObject,
  METH_FASTCALL,
  METH_NOARGS,
  PyLong_FromNumber,
  METH_O,
  PyBool_FromLong,
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
import { Op } from '../compiler/opcodes.js'
import { _PyEval_EvalFrame } from './ceval.js'
import { _PyFrame_GetFrameObject, clearFrameContents, frameObjectRelease, takeOwnership, FRAME_OWNED_BY_GENERATOR, frameContentsTraverse, type Frame } from './frame.js'
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
  /** The generator's code object (owned). */
  gi_code: PyCodeObject
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
    this.gi_code = frame.code
    this.gi_exc_state = { exc_value: null, previous_item: null }
  }
}

/** RETURN_GENERATOR: the frame moves into a new generator object (a new reference). */
export function makeGenerator(ts: ThreadState, frame: Frame): PyObject {
  const rt = ts.rt
  const code = frame.code
  Py_INCREF(code.co_name)
  Py_INCREF(code)
  const func = frame.func as unknown as { func_qualname: PyObject } | null
  const qual = func ? func.func_qualname : code.co_qualname
  Py_INCREF(qual)
  const g = new PyGenObject(rt.types.generator, frame, code.co_name, qual)
  PyObject_GC_Init(rt, g, rt.types.generator.tp_basicsize)
  if (rt.profile.eval.frameObjects === 'always' && frame.func !== null) {
    // ≤3.10 frames reference their globals, not the function: the generator does not keep the function alive.
    Py_INCREF(frame.globals)
    frame.ownedGlobals = frame.globals
    const f = frame.func
    frame.func = null
    Py_DECREF(f)
  }
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
  frameObjectRelease(f)
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
    if (errMatches(e, 'StopIteration') && rt.profile.eval.generators.stopIterationToRuntimeError) {
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

/**
 * The iterator a suspended `yield from` delegates to: the frame is stopped at the RESUME after the delegating
 * YIELD_VALUE (oparg ≥ 2) and the receiver is on top of its stack. Borrowed, or null.
 * @cpython Objects/genobject.c#_PyGen_yf
 */
export function _PyGen_yf(g: PyGenObject): PyObject | null {
  const f = g.gi_frame
  if (f === null || g.gi_frame_state !== FRAME_SUSPENDED) return null
  const code = f.unit.code
  if (code[f.ip * 2] !== Op.RESUME || code[f.ip * 2 + 1]! < 2) return null
  return f.localsplus[f.stacktop - 1] ?? null
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
  const meth = _PyObject_LookupAttrStr(receiver, 'send')
  if (meth === null) throw PyErr_Format(rt, 'AttributeError', `'${receiver.ob_type.tp_name}' object has no attribute 'send'`)
  try {
    return { value: PyObject_Vectorcall(meth, [v], 0, 1, null), done: false }
  } catch (e) {
    if (!errMatches(e, 'StopIteration')) throw e
    return { value: stopIterationValue(rt, e.exc), done: true }
  } finally {
    Py_DECREF(meth)
  }
}

/** The value of a StopIteration instance (a new reference). @cpython Objects/genobject.c#_PyGen_FetchStopIterationValue */
export function stopIterationValue(rt: Runtime, exc: PyObject): PyObject {
  const e = exc as PyBaseExceptionObject
  let v: PyObject | null | undefined = e.fields?.['value']
  if (v === undefined) {
    const args = e.args as PyTupleObject | null
    v = args !== null && args.ob_item.length > 0 ? args.ob_item[0]! : null
  }
  v ??= rt.None
  Py_INCREF(v)
  Py_DECREF(exc)
  return v
}

/** `gen.__next__` as `tp_iternext`: null when finished; a return value becomes StopIteration's value only for send. */
export function gen_iternext(self: PyObject): PyObject | null {
  const rt = self.ob_type.tp_runtime
  const ts = (rt.host as { ts: ThreadState }).ts
  const r = gen_send_ex(ts, self as PyGenObject, null, null)
  if (!r.done) return r.value
  // A returned value rides on the StopIteration the caller sees. @cpython Objects/genobject.c#gen_iternext
  const old = ts.stopIteration
  ts.stopIteration = null
  if (old !== null) Py_DECREF(old.value)
  if (r.value === rt.None) Py_DECREF(r.value)
  else ts.stopIteration = { it: self, value: r.value }
  return null
}

/** The StopIteration `next(it)` raises for an exhausted iterator: with the value its generator returned, if any. */
export function takeStopIteration(ts: ThreadState, it: PyObject): PyErr {
  const s = ts.stopIteration
  if (s !== null && s.it === it) {
    ts.stopIteration = null
    return stopIteration(ts.rt, s.value)
  }
  return new PyErr(PyErr_NewInstance(ts.rt, ts.rt.exc['StopIteration']!, []))
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

/**
 * `gen.throw(typ[, val[, tb]])`: the exception instance to raise (a new reference), as the argument forms give it.
 * @cpython Objects/genobject.c#_gen_throw
 */
function throwArgs(rt: Runtime, typ: PyObject, val: PyObject | null, tb: PyObject | null): PyObject {
  if (tb === rt.None) tb = null
  if (tb !== null && tb.ob_type !== rt.types.traceback) throw PyErr_Format(rt, 'TypeError', 'throw() third argument must be a traceback object')
  let exc: PyObject
  if (PyExceptionClass_Check(typ)) {
    if (val !== null && PyExceptionInstance_Check(val) && PyType_IsSubtype(val.ob_type, typ as PyTypeObject)) {
      Py_INCREF(val)
      exc = val
    } else {
      const args = val === null || val === rt.None ? [] : PyTuple_Check(val) ? [...(val as PyTupleObject).ob_item] : [val]
      exc = PyObject_Vectorcall(typ, args, 0, args.length, null)
    }
  } else if (PyExceptionInstance_Check(typ)) {
    if (val !== null && val !== rt.None) throw PyErr_Format(rt, 'TypeError', 'instance exception may not have a separate value')
    Py_INCREF(typ)
    exc = typ
  } else {
    throw PyErr_Format(rt, 'TypeError', `exceptions must be classes or instances deriving from BaseException, not ${typ.ob_type.tp_name}`)
  }
  if (tb !== null) {
    const e = exc as PyBaseExceptionObject
    Py_INCREF(tb)
    Py_XDECREF(e.traceback)
    e.traceback = tb
  }
  return exc
}

/**
 * Raises `exc` (owned) inside the generator; a suspended `yield from` passes it on to the delegate first
 * (GeneratorExit closes the delegate instead when `closeOnGenExit`).
 * @cpython Objects/genobject.c#_gen_throw
 */
export function gen_throw_ex(ts: ThreadState, g: PyGenObject, exc: PyObject, closeOnGenExit: boolean): { value: PyObject; done: boolean } {
  const rt = ts.rt
  const yf = _PyGen_yf(g)
  if (yf !== null) {
    Py_INCREF(yf)
    const frame = g.gi_frame!
    const state = g.gi_frame_state
    let raised: PyObject
    try {
      if (closeOnGenExit && PyType_IsSubtype(exc.ob_type, rt.exc['GeneratorExit']!)) {
        // The delegate is closed, then GeneratorExit raised here.
        g.gi_frame_state = FRAME_EXECUTING
        try {
          gen_close_iter(ts, yf)
        } finally {
          g.gi_frame_state = state
        }
        return gen_send_ex(ts, g, null, exc)
      }
      if (yf.ob_type === rt.types.generator) {
        // The outer frame is linked in while the delegate runs (tracebacks and f_back see it).
        const prev = ts.frame
        frame.previous = prev
        ts.frame = frame
        g.gi_frame_state = FRAME_EXECUTING
        try {
          const r = gen_throw_ex(ts, yf as PyGenObject, exc, closeOnGenExit)
          if (!r.done) return r
          raised = stopIteration(rt, r.value).exc
        } finally {
          g.gi_frame_state = state
          ts.frame = prev
          frame.previous = null
        }
      } else {
        const meth = _PyObject_LookupAttrStr(yf, 'throw')
        if (meth === null) return gen_send_ex(ts, g, null, exc)
        g.gi_frame_state = FRAME_EXECUTING
        try {
          return { value: PyObject_Vectorcall(meth, [exc], 0, 1, null), done: false }
        } finally {
          g.gi_frame_state = state
          Py_DECREF(meth)
          Py_DECREF(exc)
        }
      }
    } catch (e) {
      if (!(e instanceof PyErr)) throw e
      raised = e.exc
    } finally {
      Py_DECREF(yf)
    }
    // The delegate raised (or returned): that goes on in this frame (the yield-from handler takes StopIteration).
    return gen_send_ex(ts, g, null, raised)
  }
  return gen_send_ex(ts, g, null, exc)
}

/** `gen.throw(...)`: the next yielded value, StopIteration when the generator returns. */
export function gen_throw(ts: ThreadState, g: PyGenObject, typ: PyObject, val: PyObject | null, tb: PyObject | null): PyObject {
  const exc = throwArgs(ts.rt, typ, val, tb)
  const r = gen_throw_ex(ts, g, exc, true)
  if (!r.done) return r.value
  throw stopIteration(ts.rt, r.value)
}

/** Closes the delegate of a `yield from`: `close()` of a generator, else its `close` method if any. */
function gen_close_iter(ts: ThreadState, yf: PyObject): void {
  const rt = ts.rt
  if (yf.ob_type === rt.types.generator) {
    Py_DECREF(gen_close(ts, yf as PyGenObject))
    return
  }
  const meth = _PyObject_LookupAttrStr(yf, 'close')
  if (meth === null) return
  try {
    Py_DECREF(PyObject_CallNoArgs(meth))
  } finally {
    Py_DECREF(meth)
  }
}

/** Whether the suspended generator's resume point lies inside a try block (an exception-table entry covers it). */
function inTryBlock(g: PyGenObject): boolean {
  const f = g.gi_frame
  if (f === null) return false
  for (const h of f.unit.exceptionTable) if (f.ip >= h.start && f.ip < h.end) return true
  return false
}

/**
 * `gen.close()`: raise GeneratorExit inside; a yield in response is a RuntimeError. Returns None, or (3.13+) the
 * value the generator returned (a new reference).
 * @cpython Objects/genobject.c#gen_close
 */
export function gen_close(ts: ThreadState, g: PyGenObject): PyObject {
  const rt = ts.rt
  if (g.gi_frame_state === FRAME_CREATED) {
    g.gi_frame_state = FRAME_COMPLETED
    clearGenFrame(g)
    Py_INCREF(rt.None)
    return rt.None
  }
  if (g.gi_frame_state >= FRAME_COMPLETED) {
    Py_INCREF(rt.None)
    return rt.None
  }
  let exc: PyObject | null = null
  const yf = _PyGen_yf(g)
  if (yf !== null) {
    Py_INCREF(yf)
    const state = g.gi_frame_state
    g.gi_frame_state = FRAME_EXECUTING
    try {
      gen_close_iter(ts, yf)
    } catch (e) {
      if (!(e instanceof PyErr)) throw e
      // The delegate's error is raised here instead of GeneratorExit.
      exc = e.exc
    } finally {
      g.gi_frame_state = state
      Py_DECREF(yf)
    }
  }
  if (exc === null && yf === null && rt.profile.eval.generators.closeAtPlainYieldKeepsLocals && !inTryBlock(g)) {
    // 3.13.0: suspended at a plain yield, nothing could catch GeneratorExit: just completed, locals kept.
    g.gi_frame_state = FRAME_COMPLETED
    Py_INCREF(rt.None)
    return rt.None
  }
  exc ??= PyErr_NewInstance(rt, rt.exc['GeneratorExit']!, [])
  let r: { value: PyObject; done: boolean }
  try {
    r = gen_send_ex(ts, g, null, exc)
  } catch (e) {
    if (errMatches(e, 'GeneratorExit')) {
      Py_DECREF(e.exc)
      Py_INCREF(rt.None)
      return rt.None
    }
    throw e
  }
  if (!r.done) {
    Py_DECREF(r.value)
    throw PyErr_Format(rt, 'RuntimeError', 'generator ignored GeneratorExit')
  }
  // The generator returned (StopIteration for gen_close): its value, or None before 3.13.
  if (rt.profile.eval.generators.closeReturnsValue) return r.value
  Py_DECREF(r.value)
  Py_INCREF(rt.None)
  return rt.None
}

/** `tp_finalize`: close a suspended generator. @cpython Objects/genobject.c#_PyGen_Finalize */
export function gen_finalize(self: PyObject): void {
  const g = self as PyGenObject
  if (g.gi_frame === null || g.gi_frame_state >= FRAME_COMPLETED || g.gi_frame_state === FRAME_CREATED) return
  const rt = self.ob_type.tp_runtime
  const ts = (rt.host as { ts: ThreadState }).ts
  try {
    Py_DECREF(gen_close(ts, g))
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
  Py_DECREF(g.gi_code)
  PyObject_GC_Del(g)
}

/** @cpython Objects/genobject.c#gen_traverse */
export function gen_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const g = self as PyGenObject
  let r = visit(g.gi_name, arg)
  if (r) return r
  r = visit(g.gi_qualname, arg)
  if (r) return r
  r = visit(g.gi_code, arg)
  if (r) return r
  if (g.gi_exc_state.exc_value !== null && (r = visit(g.gi_exc_state.exc_value, arg))) return r
  if (g.gi_frame !== null && g.gi_frame_state !== FRAME_EXECUTING) return frameContentsTraverse(g.gi_frame, visit, arg)
  return 0
}

export function genRepr(g: PyGenObject): string {
  return `<generator object ${(g.gi_qualname as PyUnicodeObject).value} at 0x${g.ob_addr.toString(16)}>`
}

/** `gen_methods`: send, throw, close. @cpython Objects/genobject.c#gen_methods */
export function genMethods(interp: { ts: ThreadState }): PyMethodDef[] {
  const rt0 = interp.ts.rt
  return [
    // 3.11+: the frame lives inside the generator, one word per slot. @cpython Objects/genobject.c#gen_sizeof
    ...(rt0.profile.objects.sizeof.generatorFrameSlots
      ? [
          {
            ml_name: '__sizeof__',
            ml_flags: METH_NOARGS,
            ml_meth: (self: PyObject) => {
              const g = self as PyGenObject
              const code = g.gi_code
              const slots = code.co_nlocalsplus + code.co_stacksize
              return PyLong_FromNumber(rt0, g.ob_type.tp_basicsize + slots * rt0.profile.pointerSize)
            },
            ml_doc: 'gen.__sizeof__() -> size of gen in memory, in bytes',
          } as PyMethodDef,
        ]
      : []),
    {
      ml_name: 'send',
      ml_flags: METH_O,
      ml_meth: (self, args, start) => gen_send(interp.ts, self as PyGenObject, args[start]!),
      ml_doc: "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.",
    },
    {
      ml_name: 'throw',
      ml_flags: METH_FASTCALL,
      ml_meth: (self, args, start, nargs) => {
        const rt = interp.ts.rt
        if (nargs < 1) throw PyErr_Format(rt, 'TypeError', `throw expected at least 1 argument, got ${nargs}`)
        if (nargs > 3) throw PyErr_Format(rt, 'TypeError', `throw expected at most 3 arguments, got ${nargs}`)
        const typ = args[start]!
        const val = nargs > 1 ? args[start + 1]! : null
        const tb = nargs > 2 ? args[start + 2]! : null
        return gen_throw(interp.ts, self as PyGenObject, typ, val, tb)
      },
      ml_doc: 'throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.',
    },
    {
      ml_name: 'close',
      ml_flags: METH_NOARGS,
      ml_meth: (self) => gen_close(interp.ts, self as PyGenObject),
      ml_doc: 'close() -> raise GeneratorExit inside generator.',
    },
  ]
}

/** `gen_getsetlist` and `gen_memberlist`, as the profile has them. @cpython Objects/genobject.c#gen_getsetlist */
export function genGetset(interp: { ts: ThreadState }): PyGetSetDef[] {
  const rt = interp.ts.rt
  const newRef = (v: PyObject): PyObject => {
    Py_INCREF(v)
    return v
  }
  const setName = (field: 'gi_name' | 'gi_qualname', what: string) => (self: PyObject, value: PyObject | null) => {
    const g = self as PyGenObject
    if (value === null || !PyType_IsSubtype(value.ob_type, rt.types.str)) throw PyErr_Format(rt, 'TypeError', `${what} must be set to a string object`)
    Py_INCREF(value)
    const old = g[field]
    g[field] = value
    Py_DECREF(old)
  }
  const all: Record<string, PyGetSetDef> = {
    gi_frame: {
      name: 'gi_frame',
      get: (self) => {
        const g = self as PyGenObject
        if (g.gi_frame === null || g.gi_frame_state >= FRAME_COMPLETED) return newRef(rt.None)
        return newRef(_PyFrame_GetFrameObject(rt, g.gi_frame))
      },
      set: null,
    },
    gi_running: { name: 'gi_running', get: (self) => PyBool_FromLong(rt, (self as PyGenObject).gi_frame_state === FRAME_EXECUTING), set: null },
    gi_code: { name: 'gi_code', get: (self) => newRef((self as PyGenObject).gi_code), set: null },
    gi_yieldfrom: {
      name: 'gi_yieldfrom',
      get: (self) => newRef(_PyGen_yf(self as PyGenObject) ?? rt.None),
      set: null,
      doc: 'object being iterated by yield from, or None',
    },
    gi_suspended: { name: 'gi_suspended', get: (self) => PyBool_FromLong(rt, (self as PyGenObject).gi_frame_state === FRAME_SUSPENDED), set: null },
    __name__: { name: '__name__', get: (self) => newRef((self as PyGenObject).gi_name), set: setName('gi_name', '__name__'), doc: 'name of the generator' },
    __qualname__: {
      name: '__qualname__',
      get: (self) => newRef((self as PyGenObject).gi_qualname),
      set: setName('gi_qualname', '__qualname__'),
      doc: 'qualified name of the generator',
    },
  }
  return rt.profile.eval.generators.attributes.map((n) => all[n]!)
}

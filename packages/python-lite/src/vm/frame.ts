/**
 * Frames: `_PyInterpreterFrame` (a plain JS struct: fast locals, cells, free variables and the value stack in one
 * array) and, when something needs it, the `PyFrameObject` wrapper (tracebacks, `sys._getframe`, generators on
 * ≤3.10 profiles where every call has a frame object).
 * @cpython Include/internal/pycore_frame.h#_PyInterpreterFrame
 */
import {
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  Py_DECREF,
  Py_INCREF,
  Py_XDECREF,
  _PyGC_CountAlloc,
  _PyGC_CountFree,
  _PyObject_GC_TRACK,
  _PyObject_GC_UNTRACK,
  type PyCodeObject,
  type PyTypeObject,
  type Runtime,
  type visitproc,
} from '@heap/core'
import type { CodeUnit } from '../compiler/opcodes.js'

export const FRAME_OWNED_BY_THREAD = 0
export const FRAME_OWNED_BY_GENERATOR = 1
export const FRAME_OWNED_BY_FRAME_OBJECT = 2

export class Frame {
  code: PyCodeObject
  unit: CodeUnit
  /** The function being executed (owned), or null for module/class/exec frames. */
  func: PyObject | null
  /** Borrowed from the function (or owned by the caller for module frames). */
  globals: PyObject
  builtins: PyObject
  /** The namespace of module and class bodies (owned), else null. */
  locals: PyObject | null
  /** Fast locals, cells, free variables, then the value stack. Owned references (null = unbound). */
  localsplus: (PyObject | null)[]
  /** Index of the next free stack slot in `localsplus`. */
  stacktop: number
  /** Index of the next instruction. */
  ip: number
  /** The instruction being executed (for tracebacks). */
  lasti: number
  /** The instruction whose handler to look up when it differs from lasti (a RERAISE that restored lasti), or -1. */
  unwindFrom = -1
  previous: Frame | null
  frameObject: PyFrameObject | null
  owner: number
  /** Borrowed stack slots (3.14 LOAD_FAST_BORROW), by absolute index in `localsplus`; null when unused. */
  borrowed: Uint8Array | null
  /** Keyword names set by KW_NAMES for the next CALL. */
  kwnames: PyObject | null
  /** ≤3.10 calls: the caller keeps the callable and arguments on its stack until the callee returns. */
  pendingPop: number
  /** Whether this frame was entered by a nested call of the eval loop (returning ends that eval call). */
  isEntry: boolean
  /** The generator that owns this frame, if any. */
  generator: PyObject | null
  /** 'always' profiles: the frame object CPython gives this call is accounted for (see `frameObjectAlloc`). */
  counted = false
  /** A generator frame of an 'always' profile holds its globals itself, not the function (`f_globals`). */
  ownedGlobals: PyObject | null = null

  constructor(code: PyCodeObject, func: PyObject | null, globals: PyObject, builtins: PyObject, locals: PyObject | null) {
    const unit = code.co_code_adaptive as CodeUnit
    this.code = code
    this.unit = unit
    this.func = func
    this.globals = globals
    this.builtins = builtins
    this.locals = locals
    const n = unit.localsplusNames.length
    this.localsplus = new Array(n + unit.stacksize).fill(null)
    this.stacktop = n
    this.ip = 0
    this.lasti = 0
    this.previous = null
    this.frameObject = null
    this.owner = FRAME_OWNED_BY_THREAD
    this.borrowed = unit.hasBorrow ? new Uint8Array(n + unit.stacksize) : null
    this.kwnames = null
    this.pendingPop = 0
    this.isEntry = false
    this.generator = null
    frameObjectAlloc(this)
  }

  /**
   * Starts a new call in a frame that a call of the same code left: the same fields as the constructor, and
   * `localsplus` / `borrowed` are already cleared (by `clearFrameContents`).
   */
  reuse(code: PyCodeObject, func: PyObject | null, globals: PyObject, builtins: PyObject): void {
    this.code = code
    this.func = func
    this.globals = globals
    this.builtins = builtins
    this.locals = null
    this.stacktop = this.unit.localsplusNames.length
    this.ip = 0
    this.lasti = 0
    this.unwindFrom = -1
    this.previous = null
    this.frameObject = null
    this.owner = FRAME_OWNED_BY_THREAD
    this.kwnames = null
    this.pendingPop = 0
    this.isEntry = false
    this.generator = null
    frameObjectAlloc(this)
  }

  /** The number of fast locals + cells + free variables (where the stack starts). */
  get stackBase(): number {
    return this.unit.localsplusNames.length
  }
}

/**
 * 'always' profiles (≤3.10): every call has a frame object, a GC object. Frames are not modelled as objects there,
 * only counted: the call takes its code object's zombie frame, else one from the frame free list, else a new one,
 * which counts in generation 0 (and may start an automatic collection).
 * @cpython Objects/frameobject.c#_PyFrame_New_NoTrack
 */
export function frameObjectAlloc(frame: Frame): void {
  const rt = frame.code.ob_type.tp_runtime
  if (rt.profile.eval.frameObjects !== 'always') return
  frame.counted = true
  const unit = frame.unit
  if (unit.zombieFrame) unit.zombieFrame = false
  else if (rt.frameFreelistLength > 0) rt.frameFreelistLength--
  else _PyGC_CountAlloc(rt)
}

/**
 * The frame object of a finished call goes to its code object's zombie slot when empty, else to the free list when
 * there is room, else back to the allocator (uncounted from generation 0).
 * @cpython Objects/frameobject.c#frame_dealloc
 */
export function frameObjectRelease(frame: Frame): void {
  if (!frame.counted) return
  frame.counted = false
  const rt = frame.code.ob_type.tp_runtime
  const reuse = rt.profile.eval.frameReuse
  const unit = frame.unit
  if (reuse.zombieFrame && !unit.zombieFrame) unit.zombieFrame = true
  else if (rt.frameFreelistLength < reuse.freeList) rt.frameFreelistLength++
  else _PyGC_CountFree(rt)
}

/** `PyFrameObject`: the Python-visible frame. It owns the interpreter frame's data once the frame has exited. */
export class PyFrameObject extends PyObject {
  f_frame: Frame | null
  /** `f_back` as captured (owned). */
  f_back: PyObject | null
  f_lineno: number
  /** A snapshot of the locals dict (`frame.f_locals`), owned. */
  f_locals_cache: PyObject | null
  /** Allocated uncounted: an 'always' profile's frame object, accounted for by `frameObjectAlloc` / `frameObjectRelease`. */
  uncounted = false
  constructor(type: PyTypeObject, frame: Frame) {
    super(type)
    this.f_frame = frame
    this.f_back = null
    this.f_lineno = 0
    this.f_locals_cache = null
  }
}

/** The frame object of `frame`, created on first use (a borrowed reference held by the frame). */
export function _PyFrame_GetFrameObject(rt: Runtime, frame: Frame): PyFrameObject {
  if (frame.frameObject !== null) return frame.frameObject
  const fo = new PyFrameObject(rt.types.frame, frame)
  // 'always' profiles: the call's frame object, counted when the call started (`frameObjectAlloc`).
  PyObject_GC_Init(rt, fo, rt.types.frame.tp_basicsize, !frame.counted)
  fo.uncounted = frame.counted
  frame.frameObject = fo
  _PyObject_GC_TRACK(fo)
  return fo
}

/**
 * Called when an interpreter frame ends while its frame object lives on (a traceback holds it): the frame object
 * takes over the locals so they stay reachable through it, as CPython's `take_ownership` does.
 * @cpython Python/frame.c#take_ownership
 */
export function takeOwnership(frame: Frame): void {
  const fo = frame.frameObject
  if (fo === null) return
  frame.owner = FRAME_OWNED_BY_FRAME_OBJECT
  if (frame.previous !== null && fo.f_back === null) {
    // The caller's frame object is created so f_back stays meaningful.
    const back = _PyFrame_GetFrameObject(fo.ob_type.tp_runtime, frame.previous)
    Py_INCREF(back)
    fo.f_back = back
  }
  frame.previous = null
}

/** Releases everything the interpreter frame owns (locals, stack, function, namespace). */
export function clearFrameContents(frame: Frame): void {
  const lp = frame.localsplus
  const base = frame.stackBase
  const borrowed = frame.borrowed
  for (let i = frame.stacktop - 1; i >= base; i--) {
    const v = lp[i]
    lp[i] = null
    if (v !== null && !(borrowed !== null && borrowed[i])) Py_DECREF(v)
    if (borrowed !== null) borrowed[i] = 0
  }
  frame.stacktop = base
  const order = frame.code.ob_type.tp_runtime.profile.eval.frameLocalsRelease
  if (order === 'first-to-last') {
    for (let i = 0; i < base; i++) {
      const v = lp[i]
      if (v !== null) {
        lp[i] = null
        Py_DECREF(v)
      }
    }
  } else {
    for (let i = base - 1; i >= 0; i--) {
      const v = lp[i]
      if (v !== null) {
        lp[i] = null
        Py_DECREF(v)
      }
    }
  }
  const locals = frame.locals
  frame.locals = null
  Py_XDECREF(locals)
  const func = frame.func
  frame.func = null
  Py_XDECREF(func)
  const globals = frame.ownedGlobals
  frame.ownedGlobals = null
  Py_XDECREF(globals)
}

/** @cpython Objects/frameobject.c#frame_dealloc */
export function frame_dealloc(self: PyObject): void {
  const fo = self as PyFrameObject
  if (fo._gc_next !== null) _PyObject_GC_UNTRACK(fo)
  const f = fo.f_frame
  fo.f_frame = null
  if (f !== null) {
    if (f.frameObject === fo) f.frameObject = null
    if (f.owner === FRAME_OWNED_BY_FRAME_OBJECT) {
      clearFrameContents(f)
      frameObjectRelease(f)
      Py_DECREF(f.code)
    }
  }
  const back = fo.f_back
  fo.f_back = null
  Py_XDECREF(back)
  const cache = fo.f_locals_cache
  fo.f_locals_cache = null
  Py_XDECREF(cache)
  PyObject_GC_Del(fo, !fo.uncounted)
}

/** @cpython Objects/frameobject.c#frame_traverse */
export function frame_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const fo = self as PyFrameObject
  if (fo.f_back !== null) {
    const r = visit(fo.f_back, arg)
    if (r) return r
  }
  if (fo.f_locals_cache !== null) {
    const r = visit(fo.f_locals_cache, arg)
    if (r) return r
  }
  const f = fo.f_frame
  if (f === null || f.owner !== FRAME_OWNED_BY_FRAME_OBJECT) return 0
  return frameContentsTraverse(f, visit, arg)
}

/** Visits what an interpreter frame owns (for frame objects and generators). */
export function frameContentsTraverse(f: Frame, visit: visitproc, arg: unknown): number {
  let r = visit(f.code, arg)
  if (r) return r
  if (f.func !== null && (r = visit(f.func, arg))) return r
  if (f.locals !== null && (r = visit(f.locals, arg))) return r
  if (f.ownedGlobals !== null && (r = visit(f.ownedGlobals, arg))) return r
  const lp = f.localsplus
  const borrowed = f.borrowed
  for (let i = 0; i < f.stacktop; i++) {
    const v = lp[i]
    if (v !== null && !(borrowed !== null && borrowed[i]) && (r = visit(v, arg))) return r
  }
  return 0
}

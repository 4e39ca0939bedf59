/**
 * The evaluation loop. Python-to-Python calls push a frame and continue in the same loop (no JS recursion); calls
 * through builtins re-enter it. The value stack holds owned references exactly where CPython's does, so
 * `sys.getrefcount` and `__del__` timing come out the same.
 * @cpython Python/ceval.c#_PyEval_EvalFrameDefault
 */
import {
  PyLong_Check,
  OB_FREED,
  _PyObject_ResolveFreed,
  PyErr,
  PyErr_Format,
  PyObject,
  PyObject_GetAttr,
  PyObject_GetItem,
  PyObject_GetIter,
  PyObject_IsTrue,
  PyObject_RichCompare,
  PyObject_SetAttr,
  PyObject_SetItem,
  PyObject_DelItem,
  PyObject_Vectorcall,
  PyTuple_FromArraySteal,
  PyType_IsSubtype,
  Py_DECREF,
  Py_INCREF,
  Py_XDECREF,
  binary_op,
  binary_iop,
  errMatches,
  type BinarySlot,
  type PyCodeObject,
  type PyTupleObject,
  type PyTypeObject,
  type Runtime,
  type PyFunctionObject,
  type PyDictObject,
  PyDict_GetItemStr,
  PyDict_SetItem,
  PyDict_DelItemIfPresent,
  PyCell_New,
  type PyCellObject,
  PyFunction_New,
  PyUnicode_FromString,
  type PyUnicodeObject,
  PyObject_Str,
  PyObject_Repr,
} from '@heap/core'
import { NB, Op, type CodeUnit, FVC_MASK, FVC_REPR, FVC_ASCII, FVC_STR, FVS_HAVE_SPEC, MF_CLOSURE, MF_ANNOTATIONS, MF_KWDEFAULTS, MF_DEFAULTS } from '../compiler/opcodes.js'
import * as api from './api.js'
import { _PyFrame_GetFrameObject, clearFrameContents, Frame, frameObjectRelease, takeOwnership, FRAME_OWNED_BY_GENERATOR, FRAME_OWNED_BY_THREAD } from './frame.js'
import { nameError, toPyErr, unboundFree, unboundLocal } from './errors.js'
import type { ThreadState } from './threadstate.js'

/** NON-CPYTHON: the host asked the program to stop (step budget, time budget). */
export class BudgetExceeded {
  /** NON-CPYTHON: not a Python error — passes through `toPyErr` to the top level, like `ProcessExit`. */
  readonly heapExit = true
  constructor(readonly reason: 'steps' | 'time') {}
}

const BINARY_SLOTS: readonly (BinarySlot | 'nb_power')[] = [
  'nb_add', 'nb_and', 'nb_floor_divide', 'nb_lshift', 'nb_matrix_multiply', 'nb_multiply', 'nb_remainder', 'nb_or',
  'nb_power', 'nb_rshift', 'nb_subtract', 'nb_true_divide', 'nb_xor',
]

/** Arguments of BINARY_OP (0–25) → the operation. */
export function binaryOp(rt: Runtime, oparg: number, lhs: PyObject, rhs: PyObject): PyObject {
  // Python 2's classic `/` (BINARY_DIVIDE): two ints divide by flooring. @cpython Objects/intobject.c#int_classic_div (2.7)
  if ((oparg === NB.TRUE_DIVIDE || oparg === NB.INPLACE_TRUE_DIVIDE) && rt.profile.language.classicDivision && PyLong_Check(lhs) && PyLong_Check(rhs)) {
    oparg = oparg === NB.TRUE_DIVIDE ? NB.FLOOR_DIVIDE : NB.INPLACE_FLOOR_DIVIDE
  }
  if (oparg < NB.INPLACE_ADD) {
    const slot = BINARY_SLOTS[oparg]!
    if (slot === 'nb_power') return api.PyNumber_Power(rt, lhs, rhs, false)
    return binary_op(lhs, rhs, slot)
  }
  const base = BINARY_SLOTS[oparg - NB.INPLACE_ADD]!
  if (base === 'nb_power') return api.PyNumber_Power(rt, lhs, rhs, true)
  return binary_iop(lhs, rhs, ('nb_inplace_' + base.slice(3)) as `nb_inplace_${string}` & keyof PyTypeObject, base)
}

/**
 * Runs `frame` (and the frames it calls) until it returns. Returns the result (a new reference); throws a PyErr
 * when an exception escapes the frame. `throwflag` resumes a generator frame by raising `pendingExc` in it.
 */
export function _PyEval_EvalFrame(ts: ThreadState, entry: Frame, pendingExc: PyObject | null = null): PyObject {
  const rt = ts.rt
  entry.isEntry = true
  entry.previous = ts.frame
  ts.frame = entry
  let frame = entry
  let throwing: PyErr | null = pendingExc !== null ? new PyErr(pendingExc) : null
  if (++ts.depth > ts.recursionLimit && throwing === null) {
    ts.depth--
    ts.frame = entry.previous
    throw PyErr_Format(rt, 'RecursionError', 'maximum recursion depth exceeded')
  }
  for (;;) {
    try {
      if (throwing !== null) {
        const t = throwing
        throwing = null
        throw t
      }
      const result = run(ts, frame)
      // `run` returns only when the entry frame returned.
      return result
    } catch (e) {
      // Unwind: find a handler in the current frame or its callers up to the entry frame.
      const err = toPyErr(rt, e)
      frame = ts.frame!
      for (;;) {
        if (handleException(ts, frame, err)) break
        // No handler here: the frame is done.
        const wasEntry = frame.isEntry
        const prev = frame.previous
        exitFrame(ts, frame)
        if (wasEntry) {
          ts.depth--
          ts.frame = prev
          throw err
        }
        frame = prev!
        ts.frame = frame
        ts.depth--
        // The call instruction in the caller raised: its pending arguments (≤3.10) are released by the handler search.
        releasePendingCall(frame)
      }
    }
  }
}

/** ≤3.10 calls left the callable and arguments on the caller's stack; they go when the call completes. */
function releasePendingCall(frame: Frame): void {
  const n = frame.pendingPop
  if (n === 0) return
  frame.pendingPop = 0
  const lp = frame.localsplus
  for (let i = 0; i < n; i++) {
    const v = lp[--frame.stacktop]
    lp[frame.stacktop] = null
    if (v !== null) Py_DECREF(v)
  }
}

/**
 * Looks up the exception table for the instruction that raised. When a handler exists: trims the stack, pushes
 * (lasti and) the exception, moves ip to the handler and returns true.
 */
function handleException(ts: ThreadState, frame: Frame, err: PyErr): boolean {
  const rt = ts.rt
  const exc = err.exc
  api.chainContext(ts, exc)
  if (!api.isReraise(err)) api.tracebackHere(ts, frame, exc)
  api.clearReraise(err)
  const lasti = frame.lasti
  // RERAISE restores lasti (for the traceback) but the handler is looked up at the RERAISE itself.
  const at = frame.unwindFrom >= 0 ? frame.unwindFrom : lasti
  frame.unwindFrom = -1
  const table = frame.unit.exceptionTable
  for (let i = 0; i < table.length; i++) {
    const h = table[i]!
    if (at >= h.start && at < h.end) {
      const lp = frame.localsplus
      const base = frame.stackBase + h.depth
      const borrowed = frame.borrowed
      frame.pendingPop = 0
      while (frame.stacktop > base) {
        const v = lp[--frame.stacktop]
        lp[frame.stacktop] = null
        if (v !== null && !(borrowed !== null && borrowed[frame.stacktop])) Py_DECREF(v)
        if (borrowed !== null) borrowed[frame.stacktop] = 0
      }
      if (h.lasti) {
        lp[frame.stacktop++] = api.PyLong_FromNumber(rt, lasti)
      }
      lp[frame.stacktop++] = exc // the PyErr's reference moves onto the stack
      frame.ip = h.target
      return true
    }
  }
  return false
}

/** Ends a frame: releases its contents (or hands them to the frame object), pops the recursion level. */
export function exitFrame(ts: ThreadState, frame: Frame): void {
  if (frame.owner === FRAME_OWNED_BY_GENERATOR) return
  const fo = frame.frameObject
  if (fo !== null && fo.ob_refcnt > 1) {
    // Something (a traceback) keeps the frame object: it takes the locals over.
    takeOwnership(frame)
    Py_DECREF(fo)
    return
  }
  const functionFrame = frame.locals === null
  clearFrameContents(frame)
  if (fo !== null) {
    frame.frameObject = null
    fo.f_frame = null
    Py_DECREF(fo)
  }
  frameObjectRelease(frame)
  Py_DECREF(frame.code)
  // Nothing refers to a function frame now (unless a finalizer that ran above made it a frame object): the next
  // call of the same code may take it.
  if (functionFrame && frame.frameObject === null && frame.owner === FRAME_OWNED_BY_THREAD) frame.unit.spareFrame = frame
}

/**
 * Finishes the caller's CALL once the callee has returned into it: releases the stack values that CALL kept for the
 * call (≤3.10 argument passing). Returns the new stack top.
 */
function releasePendingPop(frame: Frame, sp: number): number {
  const lp = frame.localsplus
  const n = frame.pendingPop
  frame.pendingPop = 0
  for (let i = 0; i < n; i++) {
    const v = lp[--sp]
    lp[sp] = null
    if (v !== null && v !== undefined) {
      frame.stacktop = sp
      Py_DECREF(v)
    }
  }
  return sp
}

/** The eval-breaker check: scheduled collections, budgets, interrupts. */
function evalBreaker(ts: ThreadState): void {
  const rt = ts.rt
  if (rt.gc.scheduled) {
    rt.gc.scheduled = false
    api.runScheduledGC(ts)
  }
  if (ts.interruptRequested || (ts.interruptFlag !== null && Atomics.exchange(ts.interruptFlag, 0, 0) !== 0)) {
    ts.interruptRequested = false
    throw PyErr_Format(rt, 'KeyboardInterrupt', '')
  }
  if (ts.deadline !== Infinity && performance.now() > ts.deadline) throw new BudgetExceeded('time')
}

/** Releases a popped stack value (a no-op for borrowed slots). */
function closeRef(borrowed: Uint8Array | null, v: PyObject, slot: number): void {
  if (borrowed !== null && borrowed[slot]) borrowed[slot] = 0
  else Py_DECREF(v)
}

/** Turns a popped stack value into an owned reference. */
function stealRef(borrowed: Uint8Array | null, v: PyObject, slot: number): PyObject {
  if (borrowed !== null && borrowed[slot]) {
    borrowed[slot] = 0
    Py_INCREF(v)
  }
  return v
}

/** Pops the top `n` stack values as owned references (bottom first); the caller lowers its `sp` by `n`. */
function takeStackItems(frame: Frame, lp: (PyObject | null)[], borrowed: Uint8Array | null, sp: number, n: number): PyObject[] {
  const items: PyObject[] = new Array(n)
  for (let i = n - 1; i >= 0; i--) {
    const slot = --sp
    items[i] = stealRef(borrowed, lp[slot]!, slot)
    lp[slot] = null
  }
  frame.stacktop = sp
  return items
}

/** Dispatches instructions of `frame` and the Python frames it calls; returns the entry frame's result. */
function run(ts: ThreadState, startFrame: Frame): PyObject {
  const rt = ts.rt
  let frame = startFrame
  let unit: CodeUnit = frame.unit
  let code = unit.code
  let lp = frame.localsplus
  let sp = frame.stacktop
  let ip = frame.ip
  let borrowed = frame.borrowed
  let steps = ts.stepsLeft
  const None = rt.None

  try {
    for (;;) {
      const op = code[ip * 2]!
      const oparg = code[ip * 2 + 1]!
      frame.lasti = ip
      ip++
      if (--steps <= 0) {
        ts.stepsLeft = 0
        frame.stacktop = sp
        frame.ip = ip
        throw new BudgetExceeded('steps')
      }
      switch (op) {
        case Op.NOP:
        case Op.END_FOR:
          break
        case Op.RESUME:
          if (rt.gc.scheduled || ts.interruptRequested || (ts.interruptFlag !== null && Atomics.load(ts.interruptFlag, 0) !== 0) || ts.deadline !== Infinity) {
            frame.stacktop = sp
            frame.ip = ip
            evalBreaker(ts)
          }
          break
        case Op.POP_TOP: {
          const v = lp[--sp]!
          lp[sp] = null
          closeRef(borrowed, v, sp)
          break
        }
        case Op.PUSH_NULL:
          lp[sp++] = null
          break
        case Op.COPY: {
          const v = lp[sp - oparg]!
          Py_INCREF(v)
          lp[sp++] = v
          break
        }
        case Op.SWAP: {
          const a = sp - 1
          const b = sp - oparg
          const t = lp[a]!
          lp[a] = lp[b]!
          lp[b] = t
          if (borrowed !== null) {
            const tb = borrowed[a]!
            borrowed[a] = borrowed[b]!
            borrowed[b] = tb
          }
          break
        }
        case Op.LOAD_CONST: {
          let v = unit.consts[oparg]!
          if ((v.ob_flags & OB_FREED) !== 0) {
            frame.stacktop = sp
            frame.ip = ip
            v = _PyObject_ResolveFreed(v)
          }
          Py_INCREF(v)
          lp[sp++] = v
          break
        }
        case Op.LOAD_FAST:
        case Op.LOAD_FAST_CHECK: {
          let v = lp[oparg]
          if (v === null || v === undefined) {
            frame.stacktop = sp
            frame.ip = ip
            throw unboundLocal(rt, unit.localsplusNames[oparg]!)
          }
          if ((v.ob_flags & OB_FREED) !== 0) {
            frame.stacktop = sp
            frame.ip = ip
            v = _PyObject_ResolveFreed(v)
          }
          Py_INCREF(v)
          lp[sp++] = v
          break
        }
        case Op.LOAD_FAST_BORROW: {
          const v = lp[oparg]
          if (v === null || v === undefined) {
            frame.stacktop = sp
            frame.ip = ip
            throw unboundLocal(rt, unit.localsplusNames[oparg]!)
          }
          if ((v.ob_flags & OB_FREED) !== 0) {
            frame.stacktop = sp
            frame.ip = ip
            Py_INCREF((lp[sp++] = _PyObject_ResolveFreed(v)))
            break
          }
          borrowed![sp] = 1
          lp[sp++] = v
          break
        }
        case Op.STORE_FAST: {
          const slot = --sp
          const v = stealRef(borrowed, lp[slot]!, slot)
          lp[slot] = null
          const old = lp[oparg]
          lp[oparg] = v
          if (old !== null && old !== undefined) {
            frame.stacktop = sp
            frame.ip = ip
            Py_DECREF(old)
          }
          break
        }
        case Op.DELETE_FAST: {
          const old = lp[oparg]
          if (old === null || old === undefined) {
            frame.stacktop = sp
            frame.ip = ip
            throw unboundLocal(rt, unit.localsplusNames[oparg]!)
          }
          lp[oparg] = null
          frame.stacktop = sp
          frame.ip = ip
          Py_DECREF(old)
          break
        }
        case Op.LOAD_NAME: {
          frame.stacktop = sp
          frame.ip = ip
          const name = unit.names[oparg]!
          let v: PyObject | null = null
          const locals = frame.locals
          if (locals !== null) v = api.mappingGetStr(rt, locals, name, unit.nameObjects[oparg]!)
          else throw PyErr_Format(rt, 'SystemError', `no locals when loading '${name}'`)
          if (v === null) v = api.globalsGet(frame.globals, frame.builtins, name)
          if (v === null) throw nameError(rt, name)
          if ((v.ob_flags & OB_FREED) !== 0) v = _PyObject_ResolveFreed(v)
          Py_INCREF(v)
          lp[sp++] = v
          break
        }
        case Op.STORE_NAME: {
          const slot = --sp
          const v = stealRef(borrowed, lp[slot]!, slot)
          lp[slot] = null
          frame.stacktop = sp
          frame.ip = ip
          const locals = frame.locals!
          try {
            api.mappingSet(rt, locals, unit.nameObjects[oparg]!, v)
          } finally {
            Py_DECREF(v)
          }
          break
        }
        case Op.DELETE_NAME: {
          frame.stacktop = sp
          frame.ip = ip
          const name = unit.names[oparg]!
          if (!api.mappingDel(rt, frame.locals!, unit.nameObjects[oparg]!)) throw nameError(rt, name)
          break
        }
        case Op.LOAD_GLOBAL: {
          const name = unit.names[oparg >> 1]!
          let v = api.globalsGet(frame.globals, frame.builtins, name)
          if (v === null) {
            frame.stacktop = sp
            frame.ip = ip
            throw nameError(rt, name, true)
          }
          if ((v.ob_flags & OB_FREED) !== 0) {
            frame.stacktop = sp
            frame.ip = ip
            v = _PyObject_ResolveFreed(v)
          }
          if (oparg & 1) lp[sp++] = null
          Py_INCREF(v)
          lp[sp++] = v
          break
        }
        case Op.STORE_GLOBAL: {
          const slot = --sp
          const v = stealRef(borrowed, lp[slot]!, slot)
          lp[slot] = null
          frame.stacktop = sp
          frame.ip = ip
          try {
            PyDict_SetItem(frame.globals as PyDictObject, unit.nameObjects[oparg]!, v)
          } finally {
            Py_DECREF(v)
          }
          break
        }
        case Op.DELETE_GLOBAL: {
          frame.stacktop = sp
          frame.ip = ip
          if (!PyDict_DelItemIfPresent(frame.globals as PyDictObject, unit.nameObjects[oparg]!)) throw nameError(rt, unit.names[oparg]!, true)
          break
        }
        case Op.MAKE_CELL: {
          const initial = lp[oparg] ?? null
          const cell = PyCell_New(rt, initial)
          lp[oparg] = cell
          if (initial !== null) Py_DECREF(initial)
          break
        }
        case Op.COPY_FREE_VARS: {
          const closure = (frame.func as PyFunctionObject).func_closure as PyTupleObject
          const start = unit.nlocals + unit.ncells
          for (let i = 0; i < oparg; i++) {
            const c = closure.ob_item[i]!
            Py_INCREF(c)
            lp[start + i] = c
          }
          break
        }
        case Op.LOAD_CLOSURE: {
          const c = lp[oparg]!
          Py_INCREF(c)
          lp[sp++] = c
          break
        }
        case Op.LOAD_DEREF: {
          let v = (lp[oparg] as PyCellObject).ob_ref
          if (v === null) {
            frame.stacktop = sp
            frame.ip = ip
            throw derefError(rt, unit, oparg)
          }
          if ((v.ob_flags & OB_FREED) !== 0) {
            frame.stacktop = sp
            frame.ip = ip
            v = _PyObject_ResolveFreed(v)
          }
          Py_INCREF(v)
          lp[sp++] = v
          break
        }
        case Op.LOAD_CLASSDEREF: {
          frame.stacktop = sp
          frame.ip = ip
          const name = unit.localsplusNames[oparg]!
          let v = frame.locals !== null ? api.mappingGetStr(rt, frame.locals, name, null) : null
          if (v === null) {
            v = (lp[oparg] as PyCellObject).ob_ref
            if (v === null) throw derefError(rt, unit, oparg)
          }
          Py_INCREF(v)
          lp[sp++] = v
          break
        }
        case Op.STORE_DEREF: {
          const slot = --sp
          const v = stealRef(borrowed, lp[slot]!, slot)
          lp[slot] = null
          const cell = lp[oparg] as PyCellObject
          const old = cell.ob_ref
          cell.ob_ref = v
          if (old !== null) {
            frame.stacktop = sp
            frame.ip = ip
            Py_DECREF(old)
          }
          break
        }
        case Op.DELETE_DEREF: {
          const cell = lp[oparg] as PyCellObject
          const old = cell.ob_ref
          if (old === null) {
            frame.stacktop = sp
            frame.ip = ip
            throw derefError(rt, unit, oparg)
          }
          cell.ob_ref = null
          frame.stacktop = sp
          frame.ip = ip
          Py_DECREF(old)
          break
        }
        case Op.LOAD_ATTR: {
          const slot = sp - 1
          const owner = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          const res = PyObject_GetAttr(owner, unit.nameObjects[oparg]!)
          lp[slot] = res
          closeRef(borrowed, owner, slot)
          break
        }
        case Op.LOAD_METHOD: {
          const slot = sp - 1
          const obj = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          const [meth, unbound] = api.getMethod(obj, unit.nameObjects[oparg]!)
          if (unbound) {
            // [meth, self]: self keeps the reference the stack had.
            lp[slot] = meth
            lp[sp++] = stealRef(borrowed, obj, slot)
          } else {
            lp[slot] = null
            lp[sp++] = meth
            closeRef(borrowed, obj, slot)
          }
          break
        }
        case Op.LOAD_SUPER_ATTR: {
          // Stack: global super, class, self → attribute (oparg>>2 = name, bit 0 = method load).
          frame.stacktop = sp
          frame.ip = ip
          const self = lp[--sp]!
          const cls = lp[--sp]!
          const sup = lp[--sp]!
          lp[sp + 2] = lp[sp + 1] = lp[sp] = null
          const res = api.superLookup(rt, sup, cls, self, unit.nameObjects[oparg >> 2]!)
          Py_DECREF(sup)
          Py_DECREF(cls)
          if (oparg & 1) {
            lp[sp++] = null
            lp[sp++] = res
          } else lp[sp++] = res
          Py_DECREF(self)
          break
        }
        case Op.STORE_ATTR: {
          const owner = lp[sp - 1]!
          const v = lp[sp - 2]!
          frame.stacktop = sp
          frame.ip = ip
          PyObject_SetAttr(owner, unit.nameObjects[oparg]!, v)
          sp -= 2
          lp[sp] = lp[sp + 1] = null
          frame.stacktop = sp
          closeRef(borrowed, v, sp)
          closeRef(borrowed, owner, sp + 1)
          break
        }
        case Op.DELETE_ATTR: {
          const owner = lp[sp - 1]!
          frame.stacktop = sp
          frame.ip = ip
          PyObject_SetAttr(owner, unit.nameObjects[oparg]!, null)
          lp[--sp] = null
          frame.stacktop = sp
          closeRef(borrowed, owner, sp)
          break
        }
        case Op.BINARY_OP: {
          const rhs = lp[sp - 1]!
          const lhs = lp[sp - 2]!
          frame.stacktop = sp
          frame.ip = ip
          const res = api.fastBinaryOp(rt, oparg, lhs, rhs) ?? binaryOp(rt, oparg, lhs, rhs)
          sp -= 2
          lp[sp + 1] = null
          lp[sp] = res
          closeRef(borrowed, lhs, sp)
          closeRef(borrowed, rhs, sp + 1)
          lp[sp] = res
          sp++
          break
        }
        case Op.UNARY_NEGATIVE:
        case Op.UNARY_POSITIVE:
        case Op.UNARY_INVERT: {
          const slot = sp - 1
          const v = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          const res = api.unaryOp(rt, op, v)
          lp[slot] = res
          closeRef(borrowed, v, slot)
          break
        }
        case Op.UNARY_NOT: {
          const slot = sp - 1
          const v = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          const t = PyObject_IsTrue(v)
          const res = t ? rt.False : rt.True
          Py_INCREF(res)
          lp[slot] = res
          closeRef(borrowed, v, slot)
          break
        }
        case Op.COMPARE_OP: {
          const rhs = lp[sp - 1]!
          const lhs = lp[sp - 2]!
          frame.stacktop = sp
          frame.ip = ip
          const res = api.fastCompare(rt, oparg, lhs, rhs) ?? PyObject_RichCompare(lhs, rhs, oparg)
          sp -= 2
          lp[sp + 1] = null
          lp[sp] = res
          closeRef(borrowed, lhs, sp)
          closeRef(borrowed, rhs, sp + 1)
          lp[sp] = res
          sp++
          break
        }
        case Op.IS_OP: {
          const rhs = lp[sp - 1]!
          const lhs = lp[sp - 2]!
          const res = (lhs === rhs) !== (oparg === 1) ? rt.True : rt.False
          Py_INCREF(res)
          sp -= 2
          lp[sp + 1] = null
          lp[sp] = res
          frame.stacktop = sp
          frame.ip = ip
          closeRef(borrowed, lhs, sp)
          closeRef(borrowed, rhs, sp + 1)
          lp[sp] = res
          sp++
          break
        }
        case Op.CONTAINS_OP: {
          const container = lp[sp - 1]!
          const item = lp[sp - 2]!
          frame.stacktop = sp
          frame.ip = ip
          const found = api.PySequence_Contains(rt, container, item)
          const res = found !== (oparg === 1) ? rt.True : rt.False
          Py_INCREF(res)
          sp -= 2
          lp[sp + 1] = null
          lp[sp] = res
          closeRef(borrowed, item, sp)
          closeRef(borrowed, container, sp + 1)
          lp[sp] = res
          sp++
          break
        }
        case Op.BINARY_SUBSCR: {
          const sub = lp[sp - 1]!
          const container = lp[sp - 2]!
          frame.stacktop = sp
          frame.ip = ip
          const res = PyObject_GetItem(container, sub)
          sp -= 2
          lp[sp + 1] = null
          lp[sp] = res
          closeRef(borrowed, container, sp)
          closeRef(borrowed, sub, sp + 1)
          lp[sp] = res
          sp++
          break
        }
        case Op.STORE_SUBSCR: {
          const sub = lp[sp - 1]!
          const container = lp[sp - 2]!
          const v = lp[sp - 3]!
          frame.stacktop = sp
          frame.ip = ip
          PyObject_SetItem(container, sub, v)
          sp -= 3
          lp[sp] = lp[sp + 1] = lp[sp + 2] = null
          frame.stacktop = sp
          closeRef(borrowed, v, sp)
          closeRef(borrowed, container, sp + 1)
          closeRef(borrowed, sub, sp + 2)
          break
        }
        case Op.DELETE_SUBSCR: {
          const sub = lp[sp - 1]!
          const container = lp[sp - 2]!
          frame.stacktop = sp
          frame.ip = ip
          PyObject_DelItem(container, sub)
          sp -= 2
          lp[sp] = lp[sp + 1] = null
          frame.stacktop = sp
          closeRef(borrowed, container, sp)
          closeRef(borrowed, sub, sp + 1)
          break
        }
        case Op.BUILD_SLICE: {
          frame.stacktop = sp
          frame.ip = ip
          const step = oparg === 3 ? lp[--sp]! : null
          const stop = lp[--sp]!
          const start = lp[--sp]!
          const s = api.PySlice_New(rt, start, stop, step)
          lp[sp] = s
          lp[sp + 1] = null
          if (step !== null) lp[sp + 2] = null
          Py_DECREF(start)
          Py_DECREF(stop)
          if (step !== null) Py_DECREF(step)
          lp[sp++] = s
          break
        }
        case Op.BUILD_TUPLE: {
          const items = takeStackItems(frame, lp, borrowed, sp, oparg)
          sp -= items.length
          frame.stacktop = sp
          frame.ip = ip
          lp[sp++] = PyTuple_FromArraySteal(rt, items)
          break
        }
        case Op.BUILD_LIST: {
          const items = takeStackItems(frame, lp, borrowed, sp, oparg)
          sp -= items.length
          frame.stacktop = sp
          frame.ip = ip
          lp[sp++] = api.PyList_FromArraySteal(rt, items)
          break
        }
        case Op.BUILD_SET: {
          const items = takeStackItems(frame, lp, borrowed, sp, oparg)
          sp -= items.length
          frame.stacktop = sp
          frame.ip = ip
          lp[sp++] = api.buildSet(rt, items)
          break
        }
        case Op.BUILD_MAP: {
          const items = takeStackItems(frame, lp, borrowed, sp, oparg * 2)
          sp -= items.length
          frame.stacktop = sp
          frame.ip = ip
          lp[sp++] = api.buildMap(rt, items)
          break
        }
        case Op.BUILD_CONST_KEY_MAP: {
          const keys = lp[--sp]! as PyTupleObject
          lp[sp] = null
          const values = takeStackItems(frame, lp, borrowed, sp, oparg)
          sp -= values.length
          frame.stacktop = sp
          frame.ip = ip
          lp[sp++] = api.buildConstKeyMap(rt, keys, values)
          break
        }
        case Op.BUILD_STRING: {
          const items = takeStackItems(frame, lp, borrowed, sp, oparg)
          sp -= items.length
          frame.stacktop = sp
          frame.ip = ip
          lp[sp++] = api.buildString(rt, items)
          break
        }
        case Op.LIST_APPEND:
        case Op.SET_ADD: {
          const slot = --sp
          const v = stealRef(borrowed, lp[slot]!, slot)
          lp[slot] = null
          frame.stacktop = sp
          frame.ip = ip
          const target = lp[sp - oparg]!
          try {
            if (op === Op.LIST_APPEND) api.PyList_Append(target, v)
            else api.PySet_Add(target, v)
          } finally {
            Py_DECREF(v)
          }
          break
        }
        case Op.MAP_ADD: {
          const v = stealRef(borrowed, lp[sp - 1]!, sp - 1)
          const k = stealRef(borrowed, lp[sp - 2]!, sp - 2)
          sp -= 2
          lp[sp] = lp[sp + 1] = null
          frame.stacktop = sp
          frame.ip = ip
          try {
            PyDict_SetItem(lp[sp - oparg] as PyDictObject, k, v)
          } finally {
            Py_DECREF(k)
            Py_DECREF(v)
          }
          break
        }
        case Op.LIST_EXTEND:
        case Op.SET_UPDATE:
        case Op.DICT_UPDATE:
        case Op.DICT_MERGE: {
          const slot = --sp
          const v = lp[slot]!
          lp[slot] = null
          frame.stacktop = sp
          frame.ip = ip
          const target = lp[sp - oparg]!
          try {
            if (op === Op.LIST_EXTEND) api.listExtend(rt, target, v)
            else if (op === Op.SET_UPDATE) api.setUpdate(rt, target, v)
            else api.dictUpdate(rt, target, v, op === Op.DICT_MERGE, lp[sp - oparg - 2] ?? null)
          } finally {
            closeRef(borrowed, v, slot)
          }
          break
        }
        case Op.LIST_TO_TUPLE: {
          const slot = sp - 1
          const l = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          lp[slot] = api.listToTuple(rt, l)
          Py_DECREF(l)
          break
        }
        case Op.FORMAT_VALUE: {
          frame.stacktop = sp
          frame.ip = ip
          const spec = (oparg & FVS_HAVE_SPEC) !== 0 ? lp[--sp]! : null
          if (spec !== null) lp[sp] = null
          const slot = sp - 1
          let v = lp[slot]!
          const conv = oparg & FVC_MASK
          if (conv !== 0) {
            const c = conv === FVC_STR ? PyObject_Str(v) : conv === FVC_REPR ? PyObject_Repr(v) : conv === FVC_ASCII ? api.PyObject_ASCII(rt, v) : v
            closeRef(borrowed, v, slot)
            v = c
            lp[slot] = v
          }
          let res: PyObject
          if (spec === null && v.ob_type === rt.types.str) res = v
          else {
            try {
              res = api.PyObject_Format(rt, v, spec)
            } finally {
              if (spec !== null) Py_DECREF(spec)
            }
            lp[slot] = res
            closeRef(borrowed, v, slot)
          }
          lp[slot] = res
          break
        }
        case Op.UNPACK_SEQUENCE: {
          const slot = --sp
          const seq = lp[slot]!
          lp[slot] = null
          frame.stacktop = sp
          frame.ip = ip
          let items: PyObject[]
          try {
            items = api.unpackSequence(rt, seq, oparg, -1)
          } finally {
            closeRef(borrowed, seq, slot)
          }
          for (let i = items.length - 1; i >= 0; i--) lp[sp++] = items[i]!
          break
        }
        case Op.UNPACK_EX: {
          const slot = --sp
          const seq = lp[slot]!
          lp[slot] = null
          frame.stacktop = sp
          frame.ip = ip
          const before = oparg & 0xff
          const after = oparg >> 8
          let items: PyObject[]
          try {
            items = api.unpackSequence(rt, seq, before, after)
          } finally {
            closeRef(borrowed, seq, slot)
          }
          for (let i = items.length - 1; i >= 0; i--) lp[sp++] = items[i]!
          break
        }
        case Op.JUMP_FORWARD:
          ip += oparg
          break
        case Op.JUMP_BACKWARD:
          ip -= oparg
          if (rt.gc.scheduled || ts.interruptRequested || (ts.interruptFlag !== null && Atomics.load(ts.interruptFlag, 0) !== 0) || ts.deadline !== Infinity) {
            frame.stacktop = sp
            frame.ip = ip
            evalBreaker(ts)
          }
          break
        case Op.POP_JUMP_IF_FALSE:
        case Op.POP_JUMP_IF_TRUE: {
          const slot = --sp
          const v = lp[slot]!
          lp[slot] = null
          let t: boolean
          if (v === rt.True) t = true
          else if (v === rt.False) t = false
          else {
            frame.stacktop = sp
            frame.ip = ip
            try {
              t = PyObject_IsTrue(v)
            } catch (e) {
              closeRef(borrowed, v, slot)
              throw e
            }
          }
          closeRef(borrowed, v, slot)
          if (t === (op === Op.POP_JUMP_IF_TRUE)) ip = oparg
          break
        }
        case Op.POP_JUMP_IF_NONE:
        case Op.POP_JUMP_IF_NOT_NONE: {
          const slot = --sp
          const v = lp[slot]!
          lp[slot] = null
          const isNone = v === None
          frame.stacktop = sp
          frame.ip = ip
          closeRef(borrowed, v, slot)
          if (isNone === (op === Op.POP_JUMP_IF_NONE)) ip = oparg
          break
        }
        case Op.JUMP_IF_FALSE_OR_POP:
        case Op.JUMP_IF_TRUE_OR_POP: {
          const slot = sp - 1
          const v = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          const t = v === rt.True ? true : v === rt.False ? false : PyObject_IsTrue(v)
          if (t === (op === Op.JUMP_IF_TRUE_OR_POP)) ip = oparg
          else {
            sp--
            lp[slot] = null
            closeRef(borrowed, v, slot)
          }
          break
        }
        case Op.GET_ITER: {
          const slot = sp - 1
          const v = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          const it = PyObject_GetIter(v)
          lp[slot] = it
          closeRef(borrowed, v, slot)
          break
        }
        case Op.FOR_ITER: {
          const it = lp[sp - 1]!
          frame.stacktop = sp
          frame.ip = ip
          const next = it.ob_type.tp_iternext!(it)
          if (next !== null) lp[sp++] = next
          else {
            // Exhausted: pop the iterator and leave the loop (a generator's return value is dropped).
            if (ts.stopIteration !== null) api.clearStopIteration(ts)
            lp[--sp] = null
            frame.stacktop = sp
            Py_DECREF(it)
            ip += oparg
          }
          break
        }
        case Op.GET_YIELD_FROM_ITER: {
          const slot = sp - 1
          const v = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          if (!api.isGenerator(rt, v)) {
            const it = PyObject_GetIter(v)
            lp[slot] = it
            closeRef(borrowed, v, slot)
          }
          break
        }
        case Op.KW_NAMES:
          frame.kwnames = unit.consts[oparg]!
          break
        case Op.CALL: {
          const kwnames = frame.kwnames
          frame.kwnames = null
          const total = oparg
          // Stack: [NULL | meth, callable | self, args…]
          const base = sp - total - 2
          let callable = lp[base]
          let argStart = base + 2
          let nargs = total
          if (callable !== null && callable !== undefined) {
            // LOAD_METHOD form: lp[base] is the function and lp[base+1] self (the first argument).
            argStart = base + 1
            nargs = total + 1
          } else {
            callable = lp[base + 1]!
            // A bound method: unpack it into function + self (as CPython's CALL does).
            if (callable.ob_type === rt.types.method) {
              const self = api.methodSelf(callable)
              const func = api.methodFunc(callable)
              Py_INCREF(self)
              Py_INCREF(func)
              lp[base] = func
              lp[base + 1] = self
              if (borrowed !== null && borrowed[base + 1]) borrowed[base + 1] = 0
              else Py_DECREF(callable)
              callable = func
              argStart = base + 1
              nargs = total + 1
            }
          }
          const nkw = kwnames === null ? 0 : (kwnames as PyTupleObject).ob_item.length
          const npos = nargs - nkw
          frame.stacktop = sp
          frame.ip = ip
          if (callable.ob_type === rt.types.function) {
            const f = callable as PyFunctionObject
            if (borrowed !== null) {
              // Borrowed stack slots become real references before they move into the callee.
              for (let i = base; i < sp; i++) {
                if (borrowed[i]) {
                  borrowed[i] = 0
                  Py_INCREF(lp[i]!)
                }
              }
            }
            const newFrame = api.pushFunctionFrame(ts, f, lp, argStart, npos, kwnames, frame, base)
            if (newFrame !== null) {
              // The callee runs in this loop; the caller resumes at the next instruction.
              if (rt.profile.eval.callArguments === 'moved-into-frame') {
                // The callee's locals hold the arguments now: the caller's stack references go (they are never the
                // last ones, so nothing is freed here).
                for (let i = sp - 1; i >= base; i--) {
                  const v = lp[i]
                  lp[i] = null
                  if (v !== null && v !== undefined) Py_DECREF(v)
                }
                sp = base
                frame.stacktop = base
              } else {
                frame.pendingPop = sp - base
              }
              frame.ip = ip
              if (++ts.depth > ts.recursionLimit) {
                ts.depth--
                // The new frame was never entered: release it like an exited frame.
                newFrame.previous = null
                exitFrame(ts, newFrame)
                throw PyErr_Format(rt, 'RecursionError', 'maximum recursion depth exceeded')
              }
              newFrame.previous = frame
              frame = newFrame
              unit = frame.unit
              code = unit.code
              lp = frame.localsplus
              sp = frame.stacktop
              ip = frame.ip
              borrowed = frame.borrowed
              ts.frame = frame
              break
            }
          }
          // Any other callable: call it with borrowed arguments, then release the arguments and the callable.
          let res: PyObject | null = null
          try {
            res = PyObject_Vectorcall(callable, lp as PyObject[], argStart, npos, kwnames)
          } finally {
            // ≤3.10 pops from the last argument down to the callable; 3.11+ frees the arguments first to last,
            // then the callable.
            if (rt.profile.eval.callArgsRelease === 'last-to-first') {
              for (let i = sp - 1; i >= base; i--) {
                const v = lp[i]
                lp[i] = null
                frame.stacktop = i
                if (v !== null && v !== undefined) closeRef(borrowed, v, i)
              }
            } else {
              for (let i = argStart; i < sp; i++) {
                const v = lp[i]!
                lp[i] = null
                closeRef(borrowed, v, i)
              }
              for (let i = argStart - 1; i >= base; i--) {
                const v = lp[i]
                lp[i] = null
                if (v !== null && v !== undefined) closeRef(borrowed, v, i)
              }
              frame.stacktop = base
            }
            sp = base
          }
          lp[sp++] = res!
          // CALL ends with an eval-breaker check (3.12+): a collection scheduled during the call runs here.
          if (rt.gc.scheduled) {
            frame.stacktop = sp
            frame.ip = ip
            evalBreaker(ts)
          }
          break
        }
        case Op.CALL_FUNCTION_EX: {
          frame.stacktop = sp
          frame.ip = ip
          const kwargs = (oparg & 1) !== 0 ? lp[--sp]! : null
          if (kwargs !== null) lp[sp] = null
          const callargs = lp[--sp]!
          lp[sp] = null
          const func = lp[--sp]!
          lp[sp] = null
          const nullSlot = lp[--sp]
          lp[sp] = null
          frame.stacktop = sp
          try {
            const res = api.callWithArgsKwargs(rt, func, callargs, kwargs)
            lp[sp++] = res
          } finally {
            Py_DECREF(func)
            Py_XDECREF(kwargs)
            Py_XDECREF(nullSlot ?? null)
          }
          if (rt.gc.scheduled) {
            frame.stacktop = sp
            frame.ip = ip
            evalBreaker(ts)
          }
          break
        }
        case Op.MAKE_FUNCTION: {
          frame.stacktop = sp
          frame.ip = ip
          const codeObj = lp[--sp]! as PyCodeObject
          lp[sp] = null
          const func = PyFunction_New(rt, codeObj, frame.globals)
          Py_DECREF(codeObj)
          if (oparg & MF_CLOSURE) {
            func.func_closure = lp[--sp]!
            lp[sp] = null
          }
          if (oparg & MF_ANNOTATIONS) {
            func.func_annotations = lp[--sp]!
            lp[sp] = null
          }
          if (oparg & MF_KWDEFAULTS) {
            func.func_kwdefaults = lp[--sp]!
            lp[sp] = null
          }
          if (oparg & MF_DEFAULTS) {
            func.func_defaults = lp[--sp]!
            lp[sp] = null
          }
          lp[sp++] = func
          break
        }
        case Op.RETURN_CONST:
        case Op.RETURN_VALUE: {
          let retval: PyObject
          if (op === Op.RETURN_CONST) {
            retval = unit.consts[oparg]!
            Py_INCREF(retval)
          } else {
            const slot = --sp
            retval = stealRef(borrowed, lp[slot]!, slot)
            lp[slot] = null
          }
          frame.stacktop = sp
          frame.ip = ip
          if (frame.generator !== null) {
            // A generator's frame returning: the generator object finishes it.
            ts.frame = frame.previous
            ts.depth--
            return api.generatorReturn(ts, frame, retval)
          }
          const prev = frame.previous
          const wasEntry = frame.isEntry
          ts.frame = prev
          exitFrame(ts, frame)
          ts.depth--
          if (wasEntry) return retval
          frame = prev!
          unit = frame.unit
          code = unit.code
          lp = frame.localsplus
          sp = frame.stacktop
          ip = frame.ip
          borrowed = frame.borrowed
          ts.frame = frame
          // Finish the caller's CALL: release what it kept (≤3.10), push the result.
          if (frame.pendingPop !== 0) sp = releasePendingPop(frame, sp)
          lp[sp++] = retval
          break
        }
        case Op.RETURN_GENERATOR: {
          frame.stacktop = sp
          frame.ip = ip
          // Read the links first: the generator detaches the frame from the call chain.
          const prev = frame.previous
          const wasEntry = frame.isEntry
          const gen = api.makeGenerator(ts, frame)
          // The generator took the frame; the caller gets the generator.
          ts.frame = prev
          ts.depth--
          if (wasEntry) return gen
          frame = prev!
          unit = frame.unit
          code = unit.code
          lp = frame.localsplus
          sp = frame.stacktop
          ip = frame.ip
          borrowed = frame.borrowed
          ts.frame = frame
          if (frame.pendingPop !== 0) sp = releasePendingPop(frame, sp)
          lp[sp++] = gen
          break
        }
        case Op.YIELD_VALUE: {
          const slot = --sp
          const v = stealRef(borrowed, lp[slot]!, slot)
          lp[slot] = null
          frame.stacktop = sp
          frame.ip = ip
          ts.frame = frame.previous
          ts.depth--
          return api.generatorYield(ts, frame, v)
        }
        case Op.SEND: {
          // Stack: [receiver, value] → [receiver, result] or jump when the receiver finished.
          const v = lp[sp - 1]!
          const receiver = lp[sp - 2]!
          frame.stacktop = sp
          frame.ip = ip
          const r = api.genSend(ts, receiver, v)
          lp[--sp] = null
          Py_DECREF(v)
          if (r.done) {
            // Replace the receiver by the return value and jump past the loop.
            lp[sp - 1] = r.value
            Py_DECREF(receiver)
            ip += oparg
          } else lp[sp++] = r.value
          break
        }
        case Op.END_SEND: {
          const v = lp[--sp]!
          lp[sp] = null
          const receiver = lp[sp - 1]!
          lp[sp - 1] = v
          frame.stacktop = sp
          frame.ip = ip
          Py_DECREF(receiver)
          break
        }
        case Op.IMPORT_NAME: {
          frame.stacktop = sp
          frame.ip = ip
          const fromlist = lp[--sp]!
          const level = lp[--sp]!
          lp[sp] = lp[sp + 1] = null
          try {
            lp[sp++] = api.importName(ts, frame, unit.names[oparg]!, fromlist, level)
          } finally {
            Py_DECREF(fromlist)
            Py_DECREF(level)
          }
          break
        }
        case Op.IMPORT_FROM: {
          frame.stacktop = sp
          frame.ip = ip
          const mod = lp[sp - 1]!
          lp[sp++] = api.importFrom(rt, mod, unit.names[oparg]!)
          break
        }
        case Op.IMPORT_STAR: {
          frame.stacktop = sp
          frame.ip = ip
          const mod = lp[--sp]!
          lp[sp] = null
          try {
            api.importStar(rt, frame.locals!, mod)
          } finally {
            Py_DECREF(mod)
          }
          break
        }
        case Op.RAISE_VARARGS: {
          frame.stacktop = sp
          frame.ip = ip
          let cause: PyObject | null = null
          let exc: PyObject | null = null
          if (oparg === 2) {
            cause = lp[--sp]!
            lp[sp] = null
          }
          if (oparg >= 1) {
            exc = lp[--sp]!
            lp[sp] = null
          }
          frame.stacktop = sp
          throw api.doRaise(ts, exc, cause)
        }
        case Op.RERAISE: {
          const exc = lp[--sp]!
          lp[sp] = null
          if (oparg) {
            // The deepest of the oparg values under the exception is the saved lasti.
            const lasti = lp[sp - oparg]!
            frame.unwindFrom = frame.lasti
            frame.lasti = api.intOf(lasti)
          }
          frame.stacktop = sp
          frame.ip = ip
          throw api.markReraise(new PyErr(exc))
        }
        case Op.PUSH_EXC_INFO: {
          const v = lp[sp - 1]!
          // A handler normalizes the exception (see PyBaseExceptionObject.unnormalized).
          ;(v as { unnormalized?: boolean }).unnormalized = false
          const ei = ts.exc_info
          const prevExc = ei.exc_value ?? None
          if (ei.exc_value === null) Py_INCREF(None)
          Py_INCREF(v)
          ei.exc_value = v
          lp[sp - 1] = prevExc
          lp[sp++] = v
          break
        }
        case Op.POP_EXCEPT: {
          const v = lp[--sp]!
          lp[sp] = null
          const ei = ts.exc_info
          const old = ei.exc_value
          ei.exc_value = v === None ? null : v
          if (v === None) Py_DECREF(v)
          frame.stacktop = sp
          frame.ip = ip
          Py_XDECREF(old)
          break
        }
        case Op.CHECK_EXC_MATCH: {
          const right = lp[sp - 1]!
          const left = lp[sp - 2]!
          frame.stacktop = sp
          frame.ip = ip
          const m = api.excMatches(rt, left, right)
          lp[sp - 1] = m ? rt.True : rt.False
          Py_INCREF(lp[sp - 1]!)
          Py_DECREF(right)
          break
        }
        case Op.BEFORE_WITH: {
          const slot = sp - 1
          const mgr = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          const [exit, res] = api.beforeWith(rt, mgr)
          lp[slot] = exit
          closeRef(borrowed, mgr, slot)
          lp[sp++] = res
          break
        }
        case Op.WITH_EXCEPT_START: {
          // Stack: [exit, lasti, prev_exc, exc]
          const exc = lp[sp - 1]!
          const exit = lp[sp - 4]!
          frame.stacktop = sp
          frame.ip = ip
          lp[sp++] = api.callExit(rt, exit, exc)
          break
        }
        case Op.LOAD_ASSERTION_ERROR: {
          const t = rt.exc['AssertionError']!
          Py_INCREF(t)
          lp[sp++] = t
          break
        }
        case Op.LOAD_BUILD_CLASS: {
          frame.stacktop = sp
          frame.ip = ip
          const bc = PyDict_GetItemStr(frame.builtins as PyDictObject, '__build_class__')
          if (bc === null) throw PyErr_Format(rt, 'NameError', '__build_class__ not found')
          Py_INCREF(bc)
          lp[sp++] = bc
          break
        }
        case Op.SETUP_ANNOTATIONS: {
          frame.stacktop = sp
          frame.ip = ip
          api.setupAnnotations(rt, frame.locals!)
          break
        }
        case Op.LOAD_LOCALS: {
          const l = frame.locals!
          Py_INCREF(l)
          lp[sp++] = l
          break
        }
        case Op.PRINT_EXPR: {
          const slot = --sp
          const v = lp[slot]!
          lp[slot] = null
          frame.stacktop = sp
          frame.ip = ip
          try {
            api.displayhook(ts, v)
          } finally {
            closeRef(borrowed, v, slot)
          }
          break
        }
        case Op.PRINT_ITEM: {
          const slot = --sp
          const v = lp[slot]!
          lp[slot] = null
          frame.stacktop = sp
          frame.ip = ip
          try {
            api.printItem(ts, v, oparg ? lp[sp - 1]! : null)
          } finally {
            closeRef(borrowed, v, slot)
          }
          break
        }
        case Op.PRINT_NEWLINE: {
          frame.stacktop = sp
          frame.ip = ip
          if (oparg) {
            const slot = --sp
            const d = lp[slot]!
            lp[slot] = null
            try {
              api.printNewline(ts, d)
            } finally {
              closeRef(borrowed, d, slot)
            }
          } else api.printNewline(ts, null)
          break
        }
        case Op.CALL_INTRINSIC_1: {
          const slot = sp - 1
          const v = lp[slot]!
          frame.stacktop = sp
          frame.ip = ip
          const res = api.intrinsic1(ts, oparg, v)
          lp[slot] = res
          closeRef(borrowed, v, slot)
          break
        }
        case Op.CLEANUP_THROW: {
          // The yield-from handler: [sub_iter, last_sent_val, exc] → [value] when the delegate finished (StopIteration),
          // else the exception goes on unwinding. @cpython Python/bytecodes.c#CLEANUP_THROW
          const exc = lp[--sp]!
          lp[sp] = null
          frame.stacktop = sp
          frame.ip = ip
          if (!api.isStopIterationInstance(rt, exc)) throw api.markReraise(new PyErr(exc))
          const value = api.stopIterationValue(rt, exc)
          const last = lp[--sp]!
          lp[sp] = null
          frame.stacktop = sp
          closeRef(borrowed, last, sp)
          const sub = lp[--sp]!
          lp[sp] = null
          frame.stacktop = sp
          closeRef(borrowed, sub, sp)
          lp[sp++] = value
          break
        }
        default:
          frame.stacktop = sp
          frame.ip = ip
          throw PyErr_Format(rt, 'SystemError', `unknown opcode ${op}`)
      }
    }
  } finally {
    frame.stacktop = sp
    if (ts.stepsLeft !== Infinity) ts.stepsLeft = steps
  }

}

function derefError(rt: Runtime, unit: CodeUnit, i: number): PyErr {
  const name = unit.localsplusNames[i]!
  if (i < unit.nlocals + unit.ncells) return unboundLocal(rt, name)
  return unboundFree(rt, name)
}

/** Whether `err` is a `StopIteration` (helper for generators and builtins). */
export function isStopIteration(err: unknown): err is PyErr {
  return errMatches(err, 'StopIteration')
}

export { PyType_IsSubtype, PyUnicode_FromString }
export type { PyUnicodeObject }

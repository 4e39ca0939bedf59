/**
 * Calling Python functions: binding arguments to fast locals (with CPython's error messages) and pushing the
 * frame. How the caller's references reach the callee is a profile question:
 * - 'caller-keeps-callee-increfs' (≤3.10): the callee's locals get new references; the caller keeps its stack
 *   until the call returns;
 * - 'moved-into-frame' (3.11+): the caller's stack references move into the callee's locals.
 * @cpython Python/ceval.c#initialize_locals
 */
import {
  CO_VARARGS,
  CO_VARKEYWORDS,
  PyDict_New,
  PyDict_SetItem,
  PyDict_GetItemStr,
  PyErr_Format,
  PyTuple_FromArraySteal,
  Py_DECREF,
  Py_INCREF,
  type PyCodeObject,
  type PyDictObject,
  type PyFunctionObject,
  type PyObject,
  type PyTupleObject,
  type PyUnicodeObject,
  type Runtime,
} from '@heap/core'
import type { CodeUnit } from '../compiler/opcodes.js'
import { Frame, frameObjectRelease } from './frame.js'
import type { ThreadState } from './threadstate.js'
import { _PyEval_EvalFrame } from './ceval.js'

function funcDisplayName(rt: Runtime, func: PyFunctionObject): string {
  const q = (func.func_qualname as PyUnicodeObject).value
  const n = (func.func_name as PyUnicodeObject).value
  return rt.profile.output.builtinNames === 'qualified' ? q : n
}

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`
}

/** Builds the "missing N required positional arguments: 'a' and 'b'" text. */
function namesList(names: string[]): string {
  const q = names.map((n) => `'${n}'`)
  if (q.length === 1) return q[0]!
  if (q.length === 2) return `${q[0]} and ${q[1]}`
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`
}

/**
 * Creates the frame for calling `func`. Arguments are `args[start .. start+npos)` followed by one value per name
 * in `kwnames`. With `moved`, the references in `args` are taken over (the caller must forget them); otherwise
 * each is INCREF'd. Returns the new frame (not yet linked).
 */
export function createFunctionFrame(
  ts: ThreadState,
  func: PyFunctionObject,
  args: readonly (PyObject | null)[],
  start: number,
  npos: number,
  kwnames: PyObject | null,
  moved: boolean,
): Frame {
  const rt = ts.rt
  const code = func.func_code as PyCodeObject
  Py_INCREF(code)
  if (!moved) Py_INCREF(func)
  const builtins = func.func_builtins ?? ts.interp.builtinsFor(func.func_globals)
  const unit = code.co_code_adaptive as CodeUnit
  let frame = unit.spareFrame
  if (frame !== null) {
    unit.spareFrame = null
    frame.reuse(code, func, func.func_globals, builtins)
  } else frame = new Frame(code, func, func.func_globals, builtins, null)
  try {
    bindArguments(rt, frame, func, code, args, start, npos, kwnames, moved)
  } catch (e) {
    // The frame owns what was bound so far; release it like an exited frame.
    frame.stacktop = frame.stackBase
    const lp = frame.localsplus
    for (let i = 0; i < frame.stackBase; i++) {
      const v = lp[i]
      lp[i] = null
      if (v) Py_DECREF(v)
    }
    const f = frame.func
    frame.func = null
    if (f) Py_DECREF(f)
    frameObjectRelease(frame)
    Py_DECREF(code)
    throw e
  }
  return frame
}

function bindArguments(
  rt: Runtime,
  frame: Frame,
  func: PyFunctionObject,
  code: PyCodeObject,
  args: readonly (PyObject | null)[],
  start: number,
  npos: number,
  kwnames: PyObject | null,
  moved: boolean,
): void {
  const lp = frame.localsplus
  const argcount = code.co_argcount
  const posonly = code.co_posonlyargcount
  const kwonly = code.co_kwonlyargcount
  const total = argcount + kwonly
  const varargsSlot = (code.co_flags & CO_VARARGS) !== 0 ? total : -1
  const kwargsSlot = (code.co_flags & CO_VARKEYWORDS) !== 0 ? total + (varargsSlot >= 0 ? 1 : 0) : -1
  // The common call: exactly the positional parameters, nothing else to bind.
  if (kwnames === null && npos === argcount && kwonly === 0 && varargsSlot < 0 && kwargsSlot < 0) {
    for (let i = 0; i < npos; i++) {
      const v = args[start + i]!
      if (!moved) Py_INCREF(v)
      lp[i] = v
    }
    return
  }
  const names = frame.unit.localsplusNames
  const take = (i: number): PyObject => {
    const v = args[start + i]!
    if (!moved) Py_INCREF(v)
    return v
  }
  let kwdict: PyDictObject | null = null
  if (kwargsSlot >= 0) {
    kwdict = PyDict_New(rt)
    lp[kwargsSlot] = kwdict
  }
  // Positional arguments.
  const n = Math.min(npos, argcount)
  for (let i = 0; i < n; i++) lp[i] = take(i)
  if (varargsSlot >= 0) {
    const extra: PyObject[] = []
    for (let i = n; i < npos; i++) extra.push(take(i))
    lp[varargsSlot] = PyTuple_FromArraySteal(rt, extra)
  } else if (npos > argcount) {
    // Release what a moved call handed over but cannot be bound.
    if (moved) for (let i = n; i < npos; i++) Py_DECREF(args[start + i]!)
    if (moved && kwnames) for (let j = 0; j < (kwnames as PyTupleObject).ob_item.length; j++) Py_DECREF(args[start + npos + j]!)
    throw tooManyPositional(rt, func, code, npos, kwnames)
  }
  // Keyword arguments.
  if (kwnames !== null) {
    const kn = (kwnames as PyTupleObject).ob_item
    for (let j = 0; j < kn.length; j++) {
      const keyObj = kn[j]!
      const key = (keyObj as PyUnicodeObject).value
      const value = take(npos + j)
      let idx = -1
      for (let i = posonly; i < total; i++) {
        if (names[i] === key) {
          idx = i
          break
        }
      }
      if (idx < 0) {
        if (kwdict !== null) {
          PyDict_SetItem(kwdict, keyObj, value)
          Py_DECREF(value)
          continue
        }
        Py_DECREF(value)
        releaseRemaining(j + 1)
        // Every positional-only parameter named by some keyword, in parameter order.
        // @cpython Python/ceval.c#positional_only_passed_as_keyword
        const kwSet = new Set(kn.map((k) => (k as PyUnicodeObject).value))
        const posonlyNames = names.slice(0, posonly).filter((nm) => kwSet.has(nm))
        if (posonlyNames.length > 0) {
          throw PyErr_Format(rt, 'TypeError', `${funcDisplayName(rt, func)}() got some positional-only arguments passed as keyword arguments: '${posonlyNames.join(', ')}'`)
        }
        throw PyErr_Format(rt, 'TypeError', `${funcDisplayName(rt, func)}() got an unexpected keyword argument '${key}'`)
      }
      if (lp[idx] !== null) {
        Py_DECREF(value)
        releaseRemaining(j + 1)
        throw PyErr_Format(rt, 'TypeError', `${funcDisplayName(rt, func)}() got multiple values for argument '${key}'`)
      }
      lp[idx] = value
    }
    function releaseRemaining(from: number): void {
      if (!moved) return
      for (let k = from; k < kn.length; k++) Py_DECREF(args[start + npos + k]!)
    }
  }
  // Defaults for missing positional parameters.
  if (npos < argcount) {
    const defaults = func.func_defaults as PyTupleObject | null
    const ndef = defaults ? defaults.ob_item.length : 0
    const firstDefault = argcount - ndef
    const missing: string[] = []
    for (let i = npos; i < argcount; i++) {
      if (lp[i] !== null) continue
      if (i >= firstDefault) {
        const d = defaults!.ob_item[i - firstDefault]!
        Py_INCREF(d)
        lp[i] = d
      } else missing.push(names[i]!)
    }
    if (missing.length > 0) {
      throw PyErr_Format(rt, 'TypeError', `${funcDisplayName(rt, func)}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${namesList(missing)}`)
    }
  }
  // Keyword-only defaults.
  if (kwonly > 0) {
    const missing: string[] = []
    for (let i = argcount; i < total; i++) {
      if (lp[i] !== null) continue
      const d = func.func_kwdefaults ? PyDict_GetItemStr(func.func_kwdefaults as PyDictObject, names[i]!) : null
      if (d !== null) {
        Py_INCREF(d)
        lp[i] = d
      } else missing.push(names[i]!)
    }
    if (missing.length > 0) {
      throw PyErr_Format(rt, 'TypeError', `${funcDisplayName(rt, func)}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? '' : 's'}: ${namesList(missing)}`)
    }
  }
}

function tooManyPositional(rt: Runtime, func: PyFunctionObject, code: PyCodeObject, given: number, kwnames: PyObject | null): ReturnType<typeof PyErr_Format> {
  const argcount = code.co_argcount
  const defaults = func.func_defaults as PyTupleObject | null
  const ndef = defaults ? defaults.ob_item.length : 0
  const kwGiven = kwnames ? (kwnames as PyTupleObject).ob_item.length : 0
  let sig: string
  if (ndef > 0) sig = `from ${argcount - ndef} to ${argcount} positional arguments`
  else sig = plural(argcount, 'positional argument')
  let givenText = `${given} ${given === 1 && kwGiven === 0 ? 'was' : 'were'} given`
  if (kwGiven > 0) givenText = `${given} positional argument${given === 1 ? '' : 's'} (and ${plural(kwGiven, 'keyword-only argument')}) were given`
  return PyErr_Format(rt, 'TypeError', `${funcDisplayName(rt, func)}() takes ${sig} but ${givenText}`)
}

/**
 * `_PyFunction_Vectorcall`: called from TypeScript (builtins, slots) with borrowed arguments; runs the function in
 * a nested evaluation and returns its result.
 * @cpython Objects/call.c#_PyFunction_Vectorcall
 */
/**
 * CALL_FUNCTION_EX into a plain Python function (3.12+): the new frame takes its own references to the arguments,
 * then `release` drops the call's argument tuple before the body runs.
 * @cpython Python/ceval.c#_PyEvalFramePushAndInit_Ex
 */
export function functionCallTakingArgs(ts: ThreadState, func: PyFunctionObject, args: readonly PyObject[], nargs: number, kwnames: PyObject | null, release: () => void): PyObject {
  for (const a of args) Py_INCREF(a)
  Py_INCREF(func)
  let frame: Frame
  try {
    frame = createFunctionFrame(ts, func, args, 0, nargs, kwnames, true)
  } finally {
    release()
  }
  return _PyEval_EvalFrame(ts, frame)
}

export function functionVectorcall(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = callable.ob_type.tp_runtime
  const ts = (rt.host as { ts: ThreadState }).ts
  const frame = createFunctionFrame(ts, callable as PyFunctionObject, args, start, nargs, kwnames, false)
  return _PyEval_EvalFrame(ts, frame)
}

export type { PyDictObject }

/**
 * The thread state: the current frame, the stack of exceptions being handled (`exc_info`), the recursion counter.
 * @cpython Include/cpython/pystate.h#_ts
 */
import type { PyObject, Runtime } from '@heap/core'
import type { Frame } from './frame.js'

/** `_PyErr_StackItem`: the exception being handled in one context (a thread, or a running generator). */
export interface ExcInfo {
  /** Owned; null when no exception is being handled. */
  exc_value: PyObject | null
  previous_item: ExcInfo | null
}

/** What the VM needs from the interpreter that owns it. */
export interface InterpreterLike {
  /** The builtins namespace for code running with `globals` (`__builtins__` or the interpreter's). */
  builtinsFor(globals: PyObject): PyObject
}

export class ThreadState {
  readonly rt: Runtime
  interp!: InterpreterLike
  /** `sys.getrecursionlimit()`. */
  recursionLimit: number
  /** The innermost executing frame. */
  frame: Frame | null = null
  /** Python-level call depth (frames on the stack). */
  depth = 0
  /** The handled-exception stack. */
  exc_info: ExcInfo
  readonly base_exc_info: ExcInfo = { exc_value: null, previous_item: null }
  /** Steps left before the budget stops the program (NON-CPYTHON: the embedding API's step budget). */
  stepsLeft = Infinity
  /** Wall-clock deadline in ms (performance.now()), or Infinity. */
  deadline = Infinity
  /** Set by a host Stop button: the next eval-breaker check raises KeyboardInterrupt. */
  interruptRequested = false
  /**
   * A flag another thread may set (element 0 to non-zero, e.g. a terminal's Ctrl-C while this thread runs): polled
   * at the eval breaker, it raises KeyboardInterrupt there like `interruptRequested`.
   */
  interruptFlag: Int32Array | null = null
  /**
   * The value of the StopIteration a generator's `tp_iternext` leaves set when it returns a value (owned), with the
   * iterator; read by `next()`. NON-CPYTHON: `tp_iternext` here signals exhaustion by null alone.
   */
  stopIteration: { it: PyObject; value: PyObject } | null = null
  constructor(rt: Runtime) {
    this.rt = rt
    this.recursionLimit = rt.profile.eval.recursionLimit
    this.exc_info = this.base_exc_info
  }

  /** The exception currently being handled (borrowed), as `sys.exc_info()[1]` sees it. */
  get handledException(): PyObject | null {
    for (let ei: ExcInfo | null = this.exc_info; ei !== null; ei = ei.previous_item) {
      if (ei.exc_value !== null && ei.exc_value !== this.rt.None) return ei.exc_value
    }
    return null
  }
}

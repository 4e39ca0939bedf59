/**
 * The builtin exception hierarchy and exception instances (`args`, `__traceback__`, `__context__`, `__cause__`).
 * @cpython Objects/exceptions.c
 */
import { _setExceptionFactory } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import { Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BASE_EXC_SUBCLASS, Py_TPFLAGS_HAVE_GC, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyTuple_FromArraySteal } from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'
import { PyUnicode_FromString } from './unicodeobject.js'

export class PyBaseExceptionObject extends PyObject {
  /** Instance `__dict__` (created on demand). */
  dict: PyObject | null = null
  args: PyObject | null = null
  notes: PyObject | null = null
  traceback: PyObject | null = null
  context: PyObject | null = null
  cause: PyObject | null = null
  suppress_context = false
  /** Extra attributes of some subclasses (SystemExit.code, StopIteration.value, SyntaxError fields …), owned. */
  fields: Record<string, PyObject | null> | null = null
}

/** [name, base] in creation order (3.11's hierarchy; availability differences are handled by the modules). */
const HIERARCHY: readonly (readonly [string, string | null])[] = [
  ['BaseException', null],
  ['BaseExceptionGroup', 'BaseException'],
  ['GeneratorExit', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'],
  ['SystemExit', 'BaseException'],
  ['Exception', 'BaseException'],
  ['ArithmeticError', 'Exception'],
  ['FloatingPointError', 'ArithmeticError'],
  ['OverflowError', 'ArithmeticError'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['AssertionError', 'Exception'],
  ['AttributeError', 'Exception'],
  ['BufferError', 'Exception'],
  ['EOFError', 'Exception'],
  ['ExceptionGroup', 'BaseExceptionGroup'],
  ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'],
  ['LookupError', 'Exception'],
  ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'],
  ['MemoryError', 'Exception'],
  ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'],
  ['OSError', 'Exception'],
  ['BlockingIOError', 'OSError'],
  ['ChildProcessError', 'OSError'],
  ['ConnectionError', 'OSError'],
  ['BrokenPipeError', 'ConnectionError'],
  ['ConnectionAbortedError', 'ConnectionError'],
  ['ConnectionRefusedError', 'ConnectionError'],
  ['ConnectionResetError', 'ConnectionError'],
  ['FileExistsError', 'OSError'],
  ['FileNotFoundError', 'OSError'],
  ['InterruptedError', 'OSError'],
  ['IsADirectoryError', 'OSError'],
  ['NotADirectoryError', 'OSError'],
  ['PermissionError', 'OSError'],
  ['ProcessLookupError', 'OSError'],
  ['TimeoutError', 'OSError'],
  ['ReferenceError', 'Exception'],
  ['RuntimeError', 'Exception'],
  ['NotImplementedError', 'RuntimeError'],
  ['RecursionError', 'RuntimeError'],
  ['StopAsyncIteration', 'Exception'],
  ['StopIteration', 'Exception'],
  ['SyntaxError', 'Exception'],
  ['IndentationError', 'SyntaxError'],
  ['TabError', 'IndentationError'],
  ['SystemError', 'Exception'],
  ['TypeError', 'Exception'],
  ['ValueError', 'Exception'],
  ['UnicodeError', 'ValueError'],
  ['UnicodeDecodeError', 'UnicodeError'],
  ['UnicodeEncodeError', 'UnicodeError'],
  ['UnicodeTranslateError', 'UnicodeError'],
  ['Warning', 'Exception'],
  ['BytesWarning', 'Warning'],
  ['DeprecationWarning', 'Warning'],
  ['EncodingWarning', 'Warning'],
  ['FutureWarning', 'Warning'],
  ['ImportWarning', 'Warning'],
  ['PendingDeprecationWarning', 'Warning'],
  ['ResourceWarning', 'Warning'],
  ['RuntimeWarning', 'Warning'],
  ['SyntaxWarning', 'Warning'],
  ['UnicodeWarning', 'Warning'],
  ['UserWarning', 'Warning'],
]

/** Creates the exception types. Behaviour slots (repr, str, attributes) are added by the interpreter layer. */
export function _PyExc_InitTypes(rt: Runtime): void {
  for (const [name, baseName] of HIERARCHY) {
    const base = baseName === null ? rt.types.object : rt.exc[baseName]!
    const t = PyType_NewStatic(rt, name, {
      base,
      basicsize: rt.profile.pointerSize === 4 ? 40 : 72,
      flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BASE_EXC_SUBCLASS,
      slots: { tp_dealloc: BaseException_dealloc, tp_traverse: BaseException_traverse, tp_clear: BaseException_clear },
    })
    t.tp_hasdict = true
    rt.exc[name] = t
  }
  _setExceptionFactory(newException)
}

/** An exception instance with the given args (strings are converted to str objects). A new reference. */
export function newException(rt: Runtime, type: PyTypeObject, args: readonly (PyObject | string)[]): PyObject {
  const op = PyObject_GC_Init(rt, new PyBaseExceptionObject(type), type.tp_basicsize)
  const items = args.map((a) => {
    if (typeof a === 'string') return PyUnicode_FromString(rt, a)
    Py_INCREF(a)
    return a
  })
  op.args = PyTuple_FromArraySteal(rt, items)
  _PyObject_GC_TRACK(op)
  return op
}

/** @cpython Objects/exceptions.c#BaseException_dealloc */
export function BaseException_dealloc(self: PyObject): void {
  const op = self as PyBaseExceptionObject
  if (op._gc_next !== null) _PyObject_GC_UNTRACK(op)
  if (!Py_TRASHCAN_BEGIN(op)) return
  BaseException_clear(op)
  PyObject_GC_Del(op)
  Py_TRASHCAN_END(op)
}

/** @cpython Objects/exceptions.c#BaseException_traverse */
export function BaseException_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const op = self as PyBaseExceptionObject
  for (const v of [op.dict, op.args, op.notes, op.traceback, op.context, op.cause]) {
    if (v !== null) {
      const r = visit(v, arg)
      if (r) return r
    }
  }
  if (op.fields) {
    for (const v of Object.values(op.fields)) {
      if (v !== null) {
        const r = visit(v, arg)
        if (r) return r
      }
    }
  }
  return 0
}

/** @cpython Objects/exceptions.c#BaseException_clear */
export function BaseException_clear(self: PyObject): number {
  const op = self as PyBaseExceptionObject
  Py_CLEAR(op, 'dict')
  Py_CLEAR(op, 'args')
  Py_CLEAR(op, 'notes')
  Py_CLEAR(op, 'traceback')
  Py_CLEAR(op, 'cause')
  Py_CLEAR(op, 'context')
  if (op.fields) {
    const f = op.fields
    op.fields = null
    for (const v of Object.values(f)) if (v !== null) Py_DECREF(v)
  }
  return 0
}

/**
 * The builtin exception hierarchy: every type with its instance struct (size and fields from the profile), its
 * `tp_new` / `tp_init` / `tp_str`, methods, members and getsets, and ExceptionGroup, a heap type created once the
 * runtime is ready. The behaviour lives in `exceptions-base.ts`, `exceptions-subclasses.ts` and `exceptiongroup.ts`.
 * @cpython Objects/exceptions.c#_PyExc_InitTypes
 */
import { _setExceptionFactory } from '../errors.js'
import { Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BASE_EXC_SUBCLASS, Py_TPFLAGS_HAVE_GC, type PyMemberDef, type PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { registerRuntimeExtension } from '../runtime/bootstrap.js'
import { registerFactory } from './descrobject.js'
import {
  BaseException_dealloc,
  BaseException_init,
  BaseException_new,
  BaseException_repr,
  BaseException_str,
  BaseException_traverse,
  BaseException_clear,
  PyBaseExceptionObject,
  PyOSErrorObject,
  PyUnicodeErrorObject,
  baseExceptionGetset,
  baseExceptionMethods,
  newException,
  objectMember,
  storeSlots,
  suppressContextMember,
  _PyExc_SetStore,
  type ExceptionStore,
} from './exceptions-base.js'
import {
  AttributeError_init,
  ImportError_init,
  ImportError_str,
  KeyError_str,
  NameError_init,
  OSError_init,
  OSError_new,
  OSError_str,
  StopIteration_init,
  SyntaxError_init,
  SyntaxError_str,
  SystemExit_init,
  UnicodeDecodeError_init,
  UnicodeDecodeError_str,
  UnicodeEncodeError_init,
  UnicodeEncodeError_str,
  UnicodeTranslateError_init,
  UnicodeTranslateError_str,
  attributeErrorMethods,
  importErrorMethods,
  osErrorGetset,
  osErrorMethods,
  unicodeErrorMembers,
} from './exceptions-subclasses.js'
import {
  BaseExceptionGroup_init,
  BaseExceptionGroup_new,
  BaseExceptionGroup_str,
  exceptionGroupMembers,
  exceptionGroupMethods,
  _PyExc_CreateExceptionGroupClass,
} from './exceptiongroup.js'
import { PyObject_GenericGetAttr, PyObject_GenericSetAttr } from './object-type.js'
import { PyType_NewStatic } from './typeobject.js'

export * from './exceptions-base.js'
export * from './exceptions-subclasses.js'
export * from './exceptiongroup.js'

/**
 * How a type is built: `simple` types take BaseException's `__new__` and `__init__`; `middling` ones inherit
 * `__new__` and use their struct's `__init__`; `complex` ones are the types that declare a struct.
 */
interface ExcSpec {
  readonly name: string
  readonly base: string | null
  readonly doc: string
  /** The struct (a key of the profile's `fields`) whose instances this type has; null = PyBaseExceptionObject. */
  readonly store?: string
  /** Slots of its own (a missing `tp_new` is inherited, as for CPython's types with `tp_new = 0`). */
  readonly slots?: Partial<PyTypeObject>
}

const simple = (name: string, base: string, doc: string): ExcSpec => ({ name, base, doc, slots: { tp_new: BaseException_new, tp_init: BaseException_init } })

/** The hierarchy in creation order (bases first). */
const HIERARCHY: readonly ExcSpec[] = [
  { name: 'BaseException', base: null, doc: 'Common base class for all exceptions' },
  {
    name: 'BaseExceptionGroup',
    base: 'BaseException',
    doc: 'A combination of multiple unrelated exceptions.',
    store: 'BaseExceptionGroup',
    slots: { tp_new: BaseExceptionGroup_new, tp_init: BaseExceptionGroup_init, tp_str: BaseExceptionGroup_str, tp_methods: exceptionGroupMethods },
  },
  simple('GeneratorExit', 'BaseException', 'Request that a generator exit.'),
  simple('KeyboardInterrupt', 'BaseException', 'Program interrupted by user.'),
  { name: 'SystemExit', base: 'BaseException', doc: 'Request to exit from the interpreter.', store: 'SystemExit', slots: { tp_init: SystemExit_init } },
  simple('Exception', 'BaseException', 'Common base class for all non-exit exceptions.'),
  simple('ArithmeticError', 'Exception', 'Base class for arithmetic errors.'),
  simple('FloatingPointError', 'ArithmeticError', 'Floating-point operation failed.'),
  simple('OverflowError', 'ArithmeticError', 'Result too large to be represented.'),
  simple('ZeroDivisionError', 'ArithmeticError', 'Second argument to a division or modulo operation was zero.'),
  simple('AssertionError', 'Exception', 'Assertion failed.'),
  {
    name: 'AttributeError',
    base: 'Exception',
    doc: 'Attribute not found.',
    store: 'AttributeError',
    slots: { tp_init: AttributeError_init, tp_str: BaseException_str },
  },
  simple('BufferError', 'Exception', 'Buffer error.'),
  simple('EOFError', 'Exception', 'Read beyond end of file.'),
  {
    name: 'ImportError',
    base: 'Exception',
    doc: "Import can't find module, or can't find name in module.",
    store: 'ImportError',
    slots: { tp_init: ImportError_init, tp_str: ImportError_str, tp_methods: importErrorMethods },
  },
  { name: 'ModuleNotFoundError', base: 'ImportError', doc: 'Module not found.', store: 'ImportError', slots: { tp_init: ImportError_init } },
  simple('LookupError', 'Exception', 'Base class for lookup errors.'),
  simple('IndexError', 'LookupError', 'Sequence index out of range.'),
  { name: 'KeyError', base: 'LookupError', doc: 'Mapping key not found.', slots: { tp_init: BaseException_init, tp_str: KeyError_str } },
  simple('MemoryError', 'Exception', 'Out of memory.'),
  { name: 'NameError', base: 'Exception', doc: 'Name not found globally.', store: 'NameError', slots: { tp_init: NameError_init, tp_str: BaseException_str } },
  { name: 'UnboundLocalError', base: 'NameError', doc: 'Local name referenced but not bound to a value.', store: 'NameError', slots: { tp_init: NameError_init } },
  {
    name: 'OSError',
    base: 'Exception',
    doc: 'Base class for I/O related errors.',
    store: 'OSError',
    slots: { tp_new: OSError_new, tp_init: OSError_init, tp_str: OSError_str, tp_methods: osErrorMethods, tp_getset: osErrorGetset },
  },
  ...(
    [
      ['BlockingIOError', 'OSError', 'I/O operation would block.'],
      ['ChildProcessError', 'OSError', 'Child process error.'],
      ['ConnectionError', 'OSError', 'Connection error.'],
      ['BrokenPipeError', 'ConnectionError', 'Broken pipe.'],
      ['ConnectionAbortedError', 'ConnectionError', 'Connection aborted.'],
      ['ConnectionRefusedError', 'ConnectionError', 'Connection refused.'],
      ['ConnectionResetError', 'ConnectionError', 'Connection reset.'],
      ['FileExistsError', 'OSError', 'File already exists.'],
      ['FileNotFoundError', 'OSError', 'File not found.'],
      ['InterruptedError', 'OSError', 'Interrupted by signal.'],
      ['IsADirectoryError', 'OSError', "Operation doesn't work on directories."],
      ['NotADirectoryError', 'OSError', 'Operation only works on directories.'],
      ['PermissionError', 'OSError', 'Not enough permissions.'],
      ['ProcessLookupError', 'OSError', 'Process not found.'],
      ['TimeoutError', 'OSError', 'Timeout expired.'],
    ] as const
  ).map(([name, base, doc]): ExcSpec => ({ name, base, doc, store: 'OSError', slots: { tp_init: OSError_init } })),
  simple('ReferenceError', 'Exception', 'Weak ref proxy used after referent went away.'),
  simple('RuntimeError', 'Exception', 'Unspecified run-time error.'),
  simple('NotImplementedError', 'RuntimeError', "Method or function hasn't been implemented yet."),
  simple('PythonFinalizationError', 'RuntimeError', 'Operation blocked during Python finalization.'),
  simple('RecursionError', 'RuntimeError', 'Recursion limit exceeded.'),
  simple('StopAsyncIteration', 'Exception', 'Signal the end from iterator.__anext__().'),
  { name: 'StopIteration', base: 'Exception', doc: 'Signal the end from iterator.__next__().', store: 'StopIteration', slots: { tp_init: StopIteration_init } },
  { name: 'SyntaxError', base: 'Exception', doc: 'Invalid syntax.', store: 'SyntaxError', slots: { tp_init: SyntaxError_init, tp_str: SyntaxError_str } },
  { name: 'IndentationError', base: 'SyntaxError', doc: 'Improper indentation.', store: 'SyntaxError', slots: { tp_init: SyntaxError_init } },
  { name: 'TabError', base: 'IndentationError', doc: 'Improper mixture of spaces and tabs.', store: 'SyntaxError', slots: { tp_init: SyntaxError_init } },
  { name: '_IncompleteInputError', base: 'SyntaxError', doc: 'incomplete input.', store: 'SyntaxError', slots: { tp_init: SyntaxError_init } },
  simple('SystemError', 'Exception', 'Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version.'),
  simple('TypeError', 'Exception', 'Inappropriate argument type.'),
  simple('ValueError', 'Exception', 'Inappropriate argument value (of correct type).'),
  simple('UnicodeError', 'ValueError', 'Unicode related error.'),
  {
    name: 'UnicodeDecodeError',
    base: 'UnicodeError',
    doc: 'Unicode decoding error.',
    store: 'UnicodeDecodeError',
    slots: { tp_new: BaseException_new, tp_init: UnicodeDecodeError_init, tp_str: UnicodeDecodeError_str, tp_members: unicodeErrorMembers },
  },
  {
    name: 'UnicodeEncodeError',
    base: 'UnicodeError',
    doc: 'Unicode encoding error.',
    store: 'UnicodeEncodeError',
    slots: { tp_new: BaseException_new, tp_init: UnicodeEncodeError_init, tp_str: UnicodeEncodeError_str, tp_members: unicodeErrorMembers },
  },
  {
    name: 'UnicodeTranslateError',
    base: 'UnicodeError',
    doc: 'Unicode translation error.',
    store: 'UnicodeTranslateError',
    slots: { tp_new: BaseException_new, tp_init: UnicodeTranslateError_init, tp_str: UnicodeTranslateError_str, tp_members: unicodeErrorMembers },
  },
  simple('Warning', 'Exception', 'Base class for warning categories.'),
  simple('BytesWarning', 'Warning', 'Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.'),
  simple('DeprecationWarning', 'Warning', 'Base class for warnings about deprecated features.'),
  simple('EncodingWarning', 'Warning', 'Base class for warnings about encodings.'),
  simple('FutureWarning', 'Warning', 'Base class for warnings about constructs that will change semantically\nin the future.'),
  simple('ImportWarning', 'Warning', 'Base class for warnings about probable mistakes in module imports'),
  simple('PendingDeprecationWarning', 'Warning', 'Base class for warnings about features which will be deprecated\nin the future.'),
  simple('ResourceWarning', 'Warning', 'Base class for warnings about resource usage.'),
  simple('RuntimeWarning', 'Warning', 'Base class for warnings about dubious runtime behavior.'),
  simple('SyntaxWarning', 'Warning', 'Base class for warnings about dubious syntax.'),
  simple('UnicodeWarning', 'Warning', 'Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.'),
  simple('UserWarning', 'Warning', 'Base class for warnings generated by user code.'),
]

/** The object fields of each struct in the order CPython's traverse and clear visit them. */
const VISIT_ORDER: Readonly<Record<string, readonly string[]>> = {
  SystemExit: ['code'],
  StopIteration: ['value'],
  ImportError: ['msg', 'name', 'path', 'name_from'],
  OSError: ['errno', 'strerror', 'filename', 'filename2'],
  SyntaxError: ['msg', 'filename', 'lineno', 'offset', 'end_lineno', 'end_offset', 'text', 'print_file_and_line', 'metadata'],
  UnicodeEncodeError: ['encoding', 'object', 'reason'],
  UnicodeDecodeError: ['encoding', 'object', 'reason'],
  UnicodeTranslateError: ['encoding', 'object', 'reason'],
  NameError: ['name'],
  AttributeError: ['obj', 'name'],
  BaseExceptionGroup: ['msg', 'excs'],
}

/** The `T_OBJECT` members of each struct, `[attribute, field, doc]`, in the type dict's order. */
const MEMBERS: Readonly<Record<string, readonly (readonly [string, string, string])[]>> = {
  SystemExit: [['code', 'code', 'exception code']],
  StopIteration: [['value', 'value', 'generator return value']],
  ImportError: [
    ['msg', 'msg', 'exception message'],
    ['name', 'name', 'module name'],
    ['path', 'path', 'module path'],
    ['name_from', 'name_from', 'name imported from module'],
  ],
  OSError: [
    ['errno', 'errno', 'POSIX exception code'],
    ['strerror', 'strerror', 'exception strerror'],
    ['filename', 'filename', 'exception filename'],
    ['filename2', 'filename2', 'second exception filename'],
  ],
  SyntaxError: [
    ['msg', 'msg', 'exception msg'],
    ['filename', 'filename', 'exception filename'],
    ['lineno', 'lineno', 'exception lineno'],
    ['offset', 'offset', 'exception offset'],
    ['text', 'text', 'exception text'],
    ['end_lineno', 'end_lineno', 'exception end lineno'],
    ['end_offset', 'end_offset', 'exception end offset'],
    ['print_file_and_line', 'print_file_and_line', 'exception print_file_and_line'],
    ['_metadata', 'metadata', 'exception private metadata'],
  ],
  NameError: [['name', 'name', 'name']],
  AttributeError: [
    ['name', 'name', 'attribute name'],
    ['obj', 'obj', 'object'],
  ],
}

function structSize(rt: Runtime, store: string | undefined): number {
  const ex = rt.profile.objects.exceptions
  const n = store === undefined ? 0 : (ex.fields[store] ?? []).length
  return (2 + ex.baseSlots + n) * rt.profile.pointerSize
}

/** Creates the exception types (those the profile's version has). */
export function _PyExc_InitTypes(rt: Runtime): void {
  const ex = rt.profile.objects.exceptions
  const absent = new Set(ex.absent)
  const storesMade = new Map<string, ExceptionStore>()
  for (const spec of HIERARCHY) {
    if (absent.has(spec.name)) continue
    const base = spec.base === null ? rt.types.object : rt.exc[spec.base]!
    const slots: Partial<PyTypeObject> = { ...(spec.slots ?? {}) }
    if (spec.store !== undefined) {
      let store = storesMade.get(spec.store)
      if (store === undefined) {
        store = { declared: ex.fields[spec.store] ?? [], visit: VISIT_ORDER[spec.store] ?? [] }
        storesMade.set(spec.store, store)
      }
      Object.assign(slots, storeSlots(store))
      const members = (MEMBERS[spec.store] ?? []).filter(([, f]) => store!.declared.includes(f)).map(([n, f, d]): PyMemberDef => objectMember(n, f, d, spec.store === 'BaseExceptionGroup'))
      if (spec.store === 'BaseExceptionGroup') members.push(...exceptionGroupMembers)
      if (members.length > 0 && slots.tp_members === undefined) slots.tp_members = members
    } else {
      Object.assign(slots, { tp_dealloc: BaseException_dealloc, tp_traverse: BaseException_traverse, tp_clear: BaseException_clear })
    }
    if (spec.name === 'AttributeError' && ex.attributeErrorReduce) slots.tp_methods = attributeErrorMethods
    if (spec.name === 'BaseException') {
      Object.assign(slots, {
        tp_new: BaseException_new,
        tp_init: BaseException_init,
        tp_repr: BaseException_repr,
        tp_str: BaseException_str,
        tp_getattro: PyObject_GenericGetAttr,
        tp_setattro: PyObject_GenericSetAttr,
        tp_methods: baseExceptionMethods(rt),
        tp_members: [suppressContextMember],
        tp_getset: baseExceptionGetset,
      })
    }
    const t = PyType_NewStatic(rt, spec.name, {
      base,
      basicsize: structSize(rt, spec.store),
      flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BASE_EXC_SUBCLASS,
      doc: spec.doc,
      slots,
    })
    t.tp_hasdict = true
    t.tp_dictfield = 'dict'
    if (spec.store !== undefined) _PyExc_SetStore(t, storesMade.get(spec.store)!)
    rt.exc[spec.name] = t
  }
  registerFactory(rt.exc['BaseException']!, (t) => new PyBaseExceptionObject(t))
  registerFactory(rt.exc['OSError']!, (t) => new PyOSErrorObject(t))
  for (const n of ['UnicodeEncodeError', 'UnicodeDecodeError', 'UnicodeTranslateError']) registerFactory(rt.exc[n]!, (t) => new PyUnicodeErrorObject(t))
  _setExceptionFactory(newException)
  registerRuntimeExtension('ready', _PyExc_InitReady)
}

/** After every type is ready: ExceptionGroup (a heap type), held by the runtime. */
function _PyExc_InitReady(rt: Runtime): void {
  if (rt.exc['BaseExceptionGroup'] === undefined || rt.exc['ExceptionGroup'] !== undefined) return
  const eg = _PyExc_CreateExceptionGroupClass(rt)
  rt.exc['ExceptionGroup'] = eg
  rt.auditRoots.push((visit) => visit(eg))
}


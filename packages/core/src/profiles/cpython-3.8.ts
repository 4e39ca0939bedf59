import { extendProfile } from './define.js'
import { cpython311 } from './cpython-3.11.js'

/** CPython 3.8.18: a real `__dict__` per instance, all-or-nothing resurrection, arguments copied into frames. */
export const cpython38 = extendProfile(cpython311, {
  id: '3.8',
  summary: 'CPython 3.8.18: a real __dict__ per instance, all-or-nothing resurrection, synchronous automatic collection',
  cpython: {
    version: '3.8.18',
    versionInfo: [3, 8, 18, 'final', 0],
    sysVersion: '3.8.18 (default, May  9 2026, 07:33:04) \n[GCC 12.2.0]',
    hexversion: 0x030812f0,
  },
  objects: {
    immortality: 'none',
    staticInitialRefcount: null,
    staticObjects: { singletons: false, smallInts: false, emptyTuple: false, latin1Chars: false, builtinTypes: false },
    instanceDict: 'always-dict',
    instanceLayout: 'inline-pointers',
    objectGetstate: false,
    getsizeofStaticTypeHeader: false,
    freeLists: { method: 256, cfunction: 256 },
    sizeof: { intZeroHasDigit: false, instance: 48, instanceDictEmpty: 104, function: 136, type: 1064, heapType: 880, staticType: 416, property: 56 },
  },
  memory: { poolSize: 4096, arenaSize: 262144 },
  eval: { callArguments: 'caller-keeps-callee-increfs', frameObjects: 'always', callArgsRelease: 'last-to-first' },
  gc: {
    preHeaderSize: 0,
    resurrection: 'all-or-nothing-uncounted',
    api: { isFinalized: false },
  },
  messages: {
    unboundLocal: "local variable '{name}' referenced before assignment",
    unboundFree: "free variable '{name}' referenced before assignment in enclosing scope",
    attributeErrorDel: '{name}',
    typeAttributeErrorDel: '{name}',
    memberAttributeError: '{name}',
    propertyNoSetter: "can't set attribute",
    propertyNoDeleter: "can't delete attribute",
    propertyNoGetter: 'unreadable attribute',
    methodDescrNoArgs: "descriptor '{name}' of '{type}' object needs an argument",
    classAssignment: '__class__ assignment only supported for heap types or ModuleType subclasses',
    immutableTypeSetattr: "can't set attributes of built-in/extension type '{type}'",
    superArg1: 'super() argument 1 must be type, not {got}',
    abstractInstantiation: "Can't instantiate abstract class {type} with abstract methods {methods}",
    isinstanceArg2: 'isinstance() arg 2 must be a type or tuple of types',
    issubclassArg2: 'issubclass() arg 2 must be a class or tuple of classes',
    noneDeallocFatal: 'deallocating None',
  },
  output: { nameErrorHints: 'none', tracebackCarets: false, absoluteMainPath: false, builtinNames: 'short' },
  unsafe: { finalizerAssertLine: null },
  baselines: {
    script: { '1': 127, '0': 267, '256': 20, '-5': 3, None: 4075, True: 108, False: 113, '()': 1226, "''": 60, Ellipsis: 5 },
    repl: { '1': 134, '0': 268 },
  },
})

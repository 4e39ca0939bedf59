import { extendProfile } from './define.js'
import { cpython38 } from './cpython-3.8.js'
import { STARTUP_IMAGE_LEGACY } from './startup-images.js'

/**
 * The pre-3.4 finalizer policy as CPython 2.7.18 shows it: cycles with `__del__` go to `gc.garbage`.
 * Python 3 syntax is accepted (NON-CPYTHON liberty).
 */
export const legacy = extendProfile(cpython38, {
  id: 'legacy',
  summary: 'pre-3.4 finalizer policy (observed on CPython 2.7.18): __del__ cycles are uncollectable and land in gc.garbage',
  cpython: {
    version: '2.7.18',
    versionInfo: [2, 7, 18, 'final', 0],
    sysVersion: '2.7.18 (default, May  9 2026, 07:29:50) \n[GCC 12.2.0]',
    hexversion: 0x020712f0,
    platform: 'linux2',
  },
  language: { printStatement: true, classicDivision: true },
  // The 2.7 peephole optimizer drops folded sequences longer than 20 (`"abc" * 50` is built at run time).
  compiler: { foldMaxLength: { tuple: 20, str: 20 }, listCompInline: true, sourceNotDecodable: { encoding: 'ascii', text: "Non-ASCII character '{byte}' in file {file} on line {line}, but no encoding declared; see http://python.org/dev/peps/pep-0263/ for details", located: 'line' } },
  objects: {
    runtimeObjects: { codeMergeTuples: false },
    initSubclass: false,
    heapTypeGC: 'when-adding-fields',
    dictTraverse: 'keys-and-values',
    dictOrder: 'hash-slots',
    moduleSpecAttributes: false,
    text: { hash: { wide: 'fnv-units' } },
    // The 2.7 PyGC_Head is 32 bytes on x86-64 (a union padded for long double): counted as bytes.
    sizeof: { strAsciiBase: [4, 4, 1], strLatin1Base: [4, 4, 1], strUcs2Base: [9], strUcs4Base: [9], bytesBase: [4, 5, 1], tupleBase: [3, 32], listBase: [5, 32], dictEmpty: [31, 32], setBase: [25, 32],
      instance: [4, 32], function: [11, 32], type: [13], heapType: [109], staticType: [109], weakref: [7, 32], generator: [6] },
    numbers: { intMaxStrDigits: null, floatStr: 'g12' },
    exceptions: {
      fields: { StopIteration: [], ImportError: [], OSError: ['errno', 'strerror', 'filename'] },
      keywords: { ImportError: [] },
      baseSlots: 3,
      reprOneArg: 'tuple',
    },
  },
  eval: { callFunctionEx: 'star-tuple-copied', generators: { stopIterationToRuntimeError: false, attributes: ['gi_frame', 'gi_running', 'gi_code', '__name__'] } },
  gc: {
    gcHeadSize: 32,
    resurrection: 'none',
    finalizerPolicy: 'legacy-gc-garbage',
    moduleCleanup: 'pyimport-cleanup',
    api: { callbacks: false, getStats: false, freeze: false, getObjectsGeneration: false, isFinalized: false },
    debugFlags: { DEBUG_STATS: 1, DEBUG_COLLECTABLE: 2, DEBUG_UNCOLLECTABLE: 4, DEBUG_INSTANCES: 8, DEBUG_OBJECTS: 16, DEBUG_SAVEALL: 32, DEBUG_LEAK: 62 },
    debugStatsDonePeriod: true,
    debugStatsPermanentLine: false,
    debugObjectLinesNeedDebugObjects: true,
  },
  messages: {
    globalNameError: "global name '{name}' is not defined",
    unraisableDel: 'Exception {type}: {value} in {obj} ignored',
    noneDeallocFatal: null,
    isLiteralWarning: null,
  },
  output: { unraisableFormat: 'legacy-one-line', syntaxWarnings: false, unhandledKeyboardInterrupt: 'exit-1' },
  unsafe: { pyDeallocExported: false },
  startupImage: STARTUP_IMAGE_LEGACY,
})

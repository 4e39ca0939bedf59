import { extendProfile } from './define.js'
import { cpython313 } from './cpython-3.13.js'
import { STARTUP_IMAGE_3_14 } from './startup-images.js'

/**
 * CPython 3.14.2 (the 3.14.1–3.14.4 line): the incremental collector, count on track, borrowed fast loads.
 * 64-bit values are derived from source; logic was observed on Pyodide 314.0.7 (wasm32).
 */
export const cpython314 = extendProfile(cpython313, {
  id: '3.14',
  summary: 'CPython 3.14.2: incremental collector (2000, 10, 0), LOAD_FAST_BORROW, dicts always tracked, 3<<30 immortals',
  cpython: {
    version: '3.14.2',
    versionInfo: [3, 14, 2, 'final', 0],
    sysVersion: '3.14.2 (main, Dec  5 2025, 12:00:00) [GCC 12.2.0]',
    hexversion: 0x030e02f0,
  },
  objects: {
    text: { unicodeVersion: '16.0.0' },
    immortality: 'pep683-3<<30',
    immortalRefcount: 3221225472,
    // @cpython Include/refcount.h: 32-bit builds store 7 << 28 in static immortals and test against 1 << 30.
    immortal32: { refcount: 7 * 2 ** 28 },
    dictTracking: 'always',
    tupleUntracking: 'at-creation-and-collection',
    tupleHashCache: true,
    // PyTupleObject gains ob_hash; PyFunctionObject gains func_annotate (PEP 649).
    sizeof: { tupleBase: [6], function: [20, 4], generator: [19] },
    // PEP 649: staticmethod/classmethod no longer copy `__annotations__` (observed: no empty annotations dict).
    runtimeObjects: { wrapsAnnotations: false },
    numbers: { ownGetattro: [], intRoundNone: true, intTruncFallback: false, notImplementedBool: 'error', fromNumber: true, complexMixedMode: true, formatSpec: { fracGrouping: true } },
    exceptions: {
      fields: { SyntaxError: ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line', 'metadata'] },
    },
  },
  compiler: { constantFolding: 'cfg', astFoldSubscript: false, sourceNotDecodable: { located: 'byte' } },
  // 3.14's close() fast path clears the locals, which frees them as the thrown GeneratorExit would.
  eval: { borrowedFastLoads: true, frameLocalsRelease: 'last-to-first', constantSlices: true, generators: { closeAtPlainYieldKeepsLocals: false } },
  gc: {
    startupGeneration: 0,
    collector: 'incremental',
    thresholds: [2000, 10, 0],
    threshold2Ignored: true,
    countAccounting: 'track',
    immortalsDuringCollect: 'untrack',
    // Observed: a collected class's bases tuple `(object,)` is not among the collected objects.
    untrackTuples: 'update-refs',
  },
  output: { unraisableFormat: 'ignored-while-calling', printArgs: 'clinic-array' },
  messages: {
    ctypesCharExpected: 'one character bytes, bytearray, or an integer in range(256) expected, not {type}',
    intFloorDivZero: 'division by zero',
    intModZero: 'division by zero',
    intDivmodZero: 'division by zero',
    floatDivZero: 'division by zero',
    floatFloorDivZero: 'division by zero',
    floatModZero: 'division by zero',
    floatDivmodZero: 'division by zero',
    complexDivZero: 'division by zero',
    floatPowZeroNegative: 'zero to a negative power',
    complexPowZeroNegative: 'zero to a negative or complex power',
    intMaxStrDigitsSet: 'maxdigits must be >= 640 or 0 for unlimited',
    complexStrWithSecond: "complex() argument 'real' must be a real number, not str",
    complexSecondStr: "complex() argument 'imag' must be a real number, not str",
    complexFirstArg: "complex() argument 'real' must be a real number, not {type}",
    complexOnlyArg: 'complex() argument must be a string or a number, not {type}',
    complexSecondArg: "complex() argument 'imag' must be a real number, not {type}",
    excNoteNotStr: 'add_note() argument must be str, not {type}',
    percentCharArg: '%c requires an int or a unicode character, not {what}',
    fromhexOddDigits: 'fromhex() arg must contain an even number of hexadecimal digits',
    unpackTooManyGot: 'too many values to unpack (expected {expected}, got {got})',
    controlFlowInFinally: "'{kw}' in a 'finally' block",
    unraisableDel: 'Exception ignored while calling deallocator {obj}', gcCallbackUnraisable: 'Exception ignored while calling GC callback {obj}',
    weakrefCallbackUnraisable: 'Exception ignored while calling weakref callback {obj}',
    gcWeakrefCallbackUnraisable: 'Exception ignored on calling weakref callback {obj}' },
  unsafe: { header: 'refcnt32-overflow-flags', finalizerAssertLine: null, voidCallResult: 0 },
  evidence: { 'objects.immortalRefcount': 'derived', 'objects.tupleHashCache': 'derived', 'objects.sizeof': 'pyodide', 'gc.collector': 'pyodide', 'eval.borrowedFastLoads': 'pyodide' },
  startupImage: STARTUP_IMAGE_3_14,
})

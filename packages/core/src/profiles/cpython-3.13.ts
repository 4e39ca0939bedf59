import { extendProfile } from './define.js'
import { cpython312 } from './cpython-3.12.js'
import { STARTUP_IMAGE_3_13 } from './startup-images.js'

/** CPython 3.13.0: threshold 2000, inline values, `sys.intern` strings mortal again. */
export const cpython313 = extendProfile(cpython312, {
  id: '3.13',
  summary: 'CPython 3.13.0: threshold0 2000, inline instance values, sys.intern strings mortal again',
  cpython: {
    version: '3.13.0',
    versionInfo: [3, 13, 0, 'final', 0],
    sysVersion: '3.13.0 (main, May  9 2026, 07:36:57) [GCC 12.2.0]',
    hexversion: 0x030d00f0,
  },
  objects: {
    text: { deepfrozenInternedChars: '', replaceCountKeyword: true, clinicStrNew: true, findArgs: 'clinic', unicodeVersion: '15.1.0' },
    internedStrings: 'c-api-immortal',
    instanceDict: 'inline-values',
    getsizeofStaticTypeHeader: false,
    numbers: { ownGetattro: ['int', 'complex'] },
    listExtend: 'preallocate-empty-sets-dicts-resize',
    listSortRuns: 'descending-with-equal-groups',
    sizeof: { type: [204, 80], heapType: [115, 8], codeBase: [19, 48] },
    runtimeObjects: { classmethodChaining: false, proxyRepr: 'quoted', tracebackNewName: 'traceback' },
    exceptions: { absent: [] },
  },
  compiler: { assertRaise: 'test', forIter: 'iter' },
  eval: { generators: { closeReturnsValue: true, closeAtPlainYieldKeepsLocals: true } },
  gc: { thresholds: [2000, 10, 10], callbacksSkippedAtShutdown: true, startupCounts: null },
  output: { replSourceLines: true, exceptionPrinter: 'traceback-module', cTracebackCarets: false, replStartupDiscardedClasses: ['_pyrepl.readline._ReadlineWrapper'] },
  messages: {
    atexitCallbackError: 'Exception ignored in atexit callback {obj}',
    floatModZero: 'float modulo by zero',
    intTooManyArgs: 'int expected at most 2 arguments, got {n}',
    gcSetThresholdTooFew: 'gc.set_threshold requires 1 to 3 arguments',
    gcSetThresholdTooMany: 'gc.set_threshold requires 1 to 3 arguments',
    excBadKeyword: "{type}() got an unexpected keyword argument '{name}'",
    excGroupMatcher: 'expected an exception type, a tuple of exception types, or a callable (other than a class)',
    superBadObj: 'super(type, obj): obj ({got}) is not an instance or subtype of type ({type}).',
    noDictSetattr: "'{type}' object has no attribute '{name}' and no __dict__ for setting new attributes",
    mroConflict: 'Cannot create a consistent method resolution order (MRO) for bases {bases}',
    listSliceAssignNotIterable: 'must assign iterable to extended slice',
    zipBadKeyword: "zip() got an unexpected keyword argument '{name}'",
    invalidKeyword: "{func}() got an unexpected keyword argument '{name}'",
  },
  unsafe: { finalizerAssertLine: 503, preHeader: 'weakref-dict', doubleFree: 'crash-now', stringAtLine: 538 },
  startupImage: STARTUP_IMAGE_3_13,
})

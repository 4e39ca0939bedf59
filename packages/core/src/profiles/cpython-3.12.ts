import { extendProfile } from './define.js'
import { cpython311 } from './cpython-3.11.js'
import { STARTUP_IMAGE_3_12 } from './startup-images.js'

/** CPython 3.12.1: PEP 683 immortal objects, automatic collection at the eval breaker. */
export const cpython312 = extendProfile(cpython311, {
  id: '3.12',
  summary: 'CPython 3.12.1: PEP 683 immortality (4294967295), every interned string immortal, collection at the eval breaker',
  cpython: {
    version: '3.12.1',
    versionInfo: [3, 12, 1, 'final', 0],
    sysVersion: '3.12.1 (main, May  9 2026, 07:36:11) [GCC 12.2.0]',
    hexversion: 0x030c01f0,
  },
  objects: {
    text: { unicodeVersion: '15.0.0', latin1CharsUtf8: true, deepfrozenInternedChars: '_abcdenprsx' },
    immortality: 'pep683-uint32',
    immortalRefcount: 4294967295,
    staticInitialRefcount: null,
    staticObjects: { singletons: true, smallInts: true, emptyTuple: true, latin1Chars: true, builtinTypes: true },
    internedStrings: 'all-immortal',
    sliceHashable: true,
    rangeIteratorIndex: false,
    setOps: { issubsetIterable: 'intersection', intersectionStopsWhenFull: true },
    instanceLayout: 'managed-dict-and-weakref',
    sizeof: {
      strAsciiBase: [4, 4], strLatin1Base: [6, 4], strUcs2Base: [6, 4], strUcs4Base: [6, 4], instance: [6], function: [19, 4], type: [203, 80],
      heapType: [114, 8], staticType: [51, 8], codeBase: [18, 48],
      // PyGenObject loses gi_code (9 words); the frame header stays 9 words.
      generator: [18],
    },
    runtimeObjects: { codeNameTuples: 'cached', funcTypeParams: true, funcClear: 'globals-first-reset-names', weakrefReprName: 'special' },
    numbers: { intIsInteger: true, noneHash: 'constant', sumCompensated: true, boolInvert: true },
    exceptions: {
      fields: { ImportError: ['msg', 'name', 'path', 'name_from'] },
      keywords: { ImportError: ['name', 'path', 'name_from'] },
      notesStr: 'repr',
      attributeErrorReduce: true,
    },
  },
  messages: {
    setNameError: null,
    iterSentinelNotCallable: 'iter(object, sentinel): object must be callable',
    isLiteralWarning: '"{op}" with \'{type}\' literal. Did you mean "{eq}"?',
    invalidEscapeWarning: "invalid escape sequence '\\{c}'",
    abstractInstantiation: "Can't instantiate abstract class {type} without an implementation for abstract method{s} {methods}",
  },
  compiler: { assertRaise: 'statement', whileJump: 'test' },
  eval: { argParserKwtuple: 'static', callFunctionEx: 'callargs-into-frame', generators: { bodyHandlerDepth: 2 } },
  gc: { autoCollect: 'eval-breaker', immortalsDuringCollect: 'move-to-permanent', startupGeneration: 1,
    // Observed: every script's first RESUME runs a young collection (gen1 count 4 before it, 5 after), so atomic
    // tuple constants made by the compiler are already untracked when the module starts.
    startupCounts: [701, 4, 0] },
  output: { nameErrorHints: 'did-you-mean+forgot-import', caretsSkipParens: true },
  unsafe: { noneDealloc: 're-immortalize', smallIntDealloc: 'survives', header: 'refcnt-split32', finalizerAssertLine: 361, preHeader: 'weakref-dictorvalues', stringAtLine: 525 },
  startupImage: STARTUP_IMAGE_3_12,
})

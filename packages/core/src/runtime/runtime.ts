/**
 * The runtime: what CPython keeps in `_PyRuntime` and `PyInterpreterState` — the profile, the allocator, the
 * collector's state, the builtin types and singletons. Several runtimes can live in one JS process (the docs compare
 * profiles side by side); nothing is global.
 * @cpython Include/internal/pycore_interp.h#PyInterpreterState
 */
import { EventHub } from '../events.js'
import { GCState } from '../gc/gc-state.js'
import { AddressSpace } from '../memory/obmalloc.js'
import type { PyGC_Head, PyObject } from '../object/object.js'
import type { PyTypeObject } from '../object/type.js'
import { sizeofBytes } from '../profiles/layout.js'
import type { CPythonProfile, SizeofBytes } from '../profiles/types.js'

export type ExecutionMode = 'script' | 'repl' | 'exec'

/** The builtin types every runtime creates. Implementations register more under their names. */
export interface BuiltinTypes {
  type: PyTypeObject
  object: PyTypeObject
  NoneType: PyTypeObject
  NotImplementedType: PyTypeObject
  ellipsis: PyTypeObject
  bool: PyTypeObject
  int: PyTypeObject
  float: PyTypeObject
  complex: PyTypeObject
  str: PyTypeObject
  bytes: PyTypeObject
  bytearray: PyTypeObject
  tuple: PyTypeObject
  list: PyTypeObject
  dict: PyTypeObject
  set: PyTypeObject
  frozenset: PyTypeObject
  range: PyTypeObject
  slice: PyTypeObject
  function: PyTypeObject
  builtin_function_or_method: PyTypeObject
  method: PyTypeObject
  method_descriptor: PyTypeObject
  classmethod_descriptor: PyTypeObject
  wrapper_descriptor: PyTypeObject
  method_wrapper: PyTypeObject
  getset_descriptor: PyTypeObject
  member_descriptor: PyTypeObject
  classmethod: PyTypeObject
  staticmethod: PyTypeObject
  property: PyTypeObject
  cell: PyTypeObject
  code: PyTypeObject
  frame: PyTypeObject
  module: PyTypeObject
  generator: PyTypeObject
  traceback: PyTypeObject
  weakref: PyTypeObject
  weakproxy: PyTypeObject
  weakcallableproxy: PyTypeObject
  super: PyTypeObject
  mappingproxy: PyTypeObject
  [name: string]: PyTypeObject
}

/** The exception types, by Python name ('BaseException', 'TypeError' …). */
export type ExceptionTypes = Record<string, PyTypeObject>

/** Services the layers above core provide. Each has a default that behaves like a bare core. */
export interface RuntimeHooks {
  /** gc: an allocation pushed `count[0]` over the threshold (profiles that collect inside the allocation). */
  collectGenerations(rt: Runtime): void
  /**
   * Reports an exception that cannot be raised (`PyErr_WriteUnraisable`): `exc` is an exception instance (owned by
   * the caller), `obj` the object it concerns, `msg` an optional message prefix.
   */
  writeUnraisable(rt: Runtime, exc: PyObject, obj: PyObject | null, msg: string | null): void
  /** Text the runtime itself writes to stderr (gc DEBUG lines …); the interpreter routes it to `sys.stderr`. */
  writeStderr(rt: Runtime, text: string): void
  /**
   * `Py_FatalError`: the simulated process aborts. `exception`: the pending exception it prints after the runtime
   * state (`SystemError: …`). Must throw.
   */
  fatalError(rt: Runtime, func: string | null, msg: string, exception?: string): never
  /**
   * The simulated process dies of a signal: 'abort' (SIGABRT, 134; `message` is what the C library printed first,
   * e.g. `free(): invalid pointer`) or 'segfault' (SIGSEGV, 139). Must throw.
   */
  crash(rt: Runtime, kind: 'abort' | 'segfault', message: string | null, why: string): never
  /**
   * `_Py_Dealloc` reached an object whose memory was already freed (only unsafe code gets there). The default
   * crashes; @heap/unsafe records the corruption and decides when the simulated process dies.
   */
  doubleFree(rt: Runtime, op: PyObject): void
  /**
   * Debug builds: a decref left `op`'s count negative (`_Py_NegativeRefcount`); `site` names the operation that
   * decref'ed (a key of the profile's `debugBuild.decrefSites`). Must throw. Release builds never call it.
   */
  negativeRefcount(rt: Runtime, op: PyObject, site: string): never
  /** Weakref callbacks and finalizers call back into the interpreter through `tp_call`; nothing else is needed. */
}

export interface RuntimeOptions {
  profile: CPythonProfile
  mode?: ExecutionMode
  /** Simulated heap limit in bytes (MemoryError beyond it). */
  heapLimit?: number
  /** Behave as a `--with-pydebug` build (refcount checks, PYMEM debug hooks' fill bytes). */
  debugBuild?: boolean
}

export class Runtime {
  readonly profile: CPythonProfile
  /** The profile's struct sizes in bytes for its pointer size (`profile.objects.sizeof` resolved). */
  readonly sizeof: SizeofBytes
  mode: ExecutionMode
  /** A `--with-pydebug` build: negative counts abort, freed memory reads as the profile's dead byte. */
  readonly debugBuild: boolean
  /**
   * Debug builds: `_Py_RefTotal` minus the sum of the counts of live objects. Only code that changes a count without
   * INCREF/DECREF moves it (ctypes writing `ob_refcnt`, a forced deallocation of a live object).
   */
  refTotalBias = 0
  readonly mem: AddressSpace
  readonly gc: GCState
  readonly events: EventHub
  /** Filled by `initTypes` and the object implementations. */
  readonly types: BuiltinTypes
  readonly exc: ExceptionTypes
  hooks: RuntimeHooks

  /* Singletons, created by the object implementations. */
  None!: PyObject
  True!: PyObject
  False!: PyObject
  Ellipsis!: PyObject
  NotImplemented!: PyObject
  empty_tuple!: PyObject
  empty_str!: PyObject
  empty_bytes!: PyObject
  /** `_PyLong_SMALL_INTS`: index `v - smallIntMin`. */
  readonly small_ints: PyObject[] = []
  /** One-character latin-1 strings (3.11+: statically allocated; before: created on demand and cached). */
  readonly latin1: (PyObject | undefined)[] = []
  readonly bytes_characters: (PyObject | undefined)[] = []
  /** The interned strings dict (keys by value). */
  readonly interned = new Map<string, PyObject>()
  /** Type free lists keyed by name ('float', 'list', 'dict', 'tuple1' …). */
  readonly freelists = new Map<string, PyObject[]>()
  /** The tuple free lists of `freelists`, indexed by length (a hot path: no name building). */
  readonly tupleFreelists: (PyObject[] | undefined)[] = []
  /** The named free lists of `freelists` as fields (hot paths skip the map lookup). */
  /** Freed minimum-size dict keys blocks, kept for reuse. @cpython Objects/dictobject.c#new_keys_object */
  readonly dictKeysFreelist: { addr: number; nbytes: number }[] = []
  /** How many finished frames the frame free list holds ('always' frame objects; `profile.eval.frameReuse`). */
  frameFreelistLength = 0
  readonly fl = { float: this.freelist('float'), list: this.freelist('list'), dict: this.freelist('dict'), method: this.freelist('method'), cfunction: this.freelist('cfunction'), slice: this.freelist('slice') }

  /**
   * Weak references: the head of each referent's list of weakref objects (CPython keeps it at
   * `tp_weaklistoffset` inside the object). Only referents that have weakrefs appear here.
   */
  readonly weakrefs = new Map<PyObject, PyObject>()
  /** `PyObject_ClearWeakRefs`, installed by the weakref module: clears `op`'s weakrefs and calls their callbacks. */
  clearWeakRefs: (op: PyObject) => void = () => {}

  /** Trashcan state. @cpython Include/cpython/pystate.h#_PyTrash */
  trash_delete_nesting = 0
  readonly trash_delete_later: PyObject[] = []

  /**
   * References to shared objects held by the parts of CPython that the simulation does not model (stdlib modules,
   * site, the REPL): per-profile baselines, so `sys.getrefcount(1)` prints CPython's number. Declared to the audit.
   */
  readonly phantomRefs = new Map<PyObject, number>()
  /**
   * Such references to cached objects not created yet (`chr:97`, `const:b''` on profiles that make them on first
   * use): `takeStartupRefs` adds them when the object is made.
   */
  readonly pendingPhantomRefs = new Map<string, number>()
  /** Builds the start-up objects a generation list only counts (`PyGC_Head.phantoms`), installed with the image. */
  materializePhantoms: ((list: PyGC_Head) => void) | null = null
  /** Statically allocated objects (never freed). */
  readonly statics: PyObject[] = []
  /** Static objects whose count started at the profile's static base (3.11: 999999999) instead of 1. */
  readonly staticBase = new Set<PyObject>()
  /** Extra audit roots: functions that visit references held outside objects (frames, the parser arena …). */
  readonly auditRoots: ((visit: (op: PyObject) => void) => void)[] = []

  /** The interpreter layer attached to this runtime (python-lite's interpreter state), opaque to core. */
  host: unknown = null
  /**
   * Set once unsafe code (ctypes) has touched memory or forced a deallocation: from then on references may dangle,
   * refcounts may be wrong, and the refcount audit no longer applies.
   */
  unsafeActive = false
  /**
   * NON-CPYTHON: set when the simulated process stopped without tearing down (a simulated crash, a step or time
   * budget): its frames still hold their references, so the refcount audit does not apply.
   */
  abandoned = false
  /** @heap/unsafe's observer of accesses through dangling references (for its hazard report). */
  onUnsafeAccess: ((kind: 'alias' | 'stale' | 'freed', op: PyObject, owner: PyObject | null) => void) | null = null

  /** NON-CPYTHON: the place the interpreter is executing, for events (set by the VM). */
  location: () => { filename: string; lineno: number } | null = () => null

  constructor(opts: RuntimeOptions) {
    this.profile = opts.profile
    this.sizeof = sizeofBytes(opts.profile)
    this.mode = opts.mode ?? 'script'
    this.debugBuild = opts.debugBuild ?? false
    const m = opts.profile.memory
    this.mem = new AddressSpace({
      alignment: opts.profile.pointerSize === 4 ? 8 : m.alignment,
      smallRequestThreshold: m.smallRequestThreshold,
      poolSize: m.poolSize,
      arenaSize: m.arenaSize,
      limit: opts.heapLimit,
      pointerSize: opts.profile.pointerSize,
    })
    this.gc = new GCState(opts.profile.gc.thresholds)
    this.events = new EventHub()
    this.types = {} as BuiltinTypes
    this.exc = {}
    this.hooks = {
      collectGenerations: () => {},
      writeStderr: (_rt, text) => {
        stderrLog.push(text)
      },
      writeUnraisable: defaultWriteUnraisable,
      fatalError: (_rt, func, msg) => {
        throw new Error(`Fatal Python error: ${func ? func + ': ' : ''}${msg}`)
      },
      crash: (_rt, kind, message, why) => {
        throw new Error(`simulated ${kind}${message ? `: ${message}` : ''} (${why})`)
      },
      doubleFree: (rt, op) => rt.hooks.crash(rt, 'segfault', null, `double free of ${op.ob_type.tp_name} at 0x${op.ob_addr.toString(16)}`),
      negativeRefcount: (rt, op, site) => rt.hooks.fatalError(rt, '_PyObject_AssertFailed', `negative ref count of ${op.ob_type.tp_name} at 0x${op.ob_addr.toString(16)} (${site})`),
    }
  }

  freelist(name: string): PyObject[] {
    let fl = this.freelists.get(name)
    if (!fl) this.freelists.set(name, (fl = []))
    return fl
  }
}

function defaultWriteUnraisable(_rt: Runtime, exc: PyObject, obj: PyObject | null, msg: string | null): void {
  // Core alone has no stderr: keep the report for inspection.
  unraisableLog.push({ exc, obj, msg })
}

/** Text written to the runtime's stderr while no interpreter was attached (core-only use). */
export const stderrLog: string[] = []

/** Unraisable reports made while no interpreter was attached (core-only use). */
export const unraisableLog: { exc: PyObject; obj: PyObject | null; msg: string | null }[] = []


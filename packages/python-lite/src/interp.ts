/**
 * The interpreter: a runtime for one profile, its thread state, builtins and `sys`, the modules, script and
 * interactive execution, and finalization — the simulated `python` process.
 * @cpython Python/pylifecycle.c
 * @cpython Python/pythonrun.c
 */
import {
  createRuntime,
  getProfile,
  PyDict_DelItemIfPresent,
  PyDict_GetItemStr,
  PyDict_New,
  PyDict_SetItem,
  PyErr,
  PyList_New,
  gc_list_merge,
  _PyList_AppendTakeRef,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  OB_FREED,
  Py_DECREF,
  Py_INCREF,
  Py_XDECREF,
  errMatches,
  type CPythonProfile,
  type PyCodeObject,
  type PyDictObject,
  type PyListObject,
  type PyObject,
  type Runtime,
  type PyBaseExceptionObject,
  type PyLongObject,
  type PyUnicodeObject,
} from '@heap/core'
import { _Py_RunGC, installGC } from '@heap/gc'
import { compileModule, type CompileMode } from './compiler/index.js'
import './parser-link.js'
import { ProcessExit, ProcessOutput, VirtualFS } from './host.js'
import { _PyEval_EvalFrame, BudgetExceeded } from './vm/ceval.js'
import { Frame, _PyFrame_GetFrameObject } from './vm/frame.js'
import { ThreadState } from './vm/threadstate.js'
import { installInterpreterTypes } from './objects/install.js'
import { createBuiltinsModule } from './modules/builtins.js'
import { createSysModule, type SysState } from './modules/sys.js'
import { BUILTIN_MODULES } from './modules/registry.js'
import { atexit_callfuncs, type AtexitCallback } from './modules/atexit.js'
import { printException, writeUnraisable, formatSyntaxError } from './traceback.js'
import { finalizeInterpreter } from './shutdown.js'
import { SourceRegistry } from './sources.js'
import { SyntaxErrorInfo, isSyntaxErrorInfo } from './compiler/errors.js'
import { decodeSource } from './syntax/source-decode.js'
import { ReplSession } from './repl.js'
import { applyStartupImage, untrackAfterStartupCollections } from './startup-image.js'
import { StartupSet, TraceRecorder, recordGCSteps, takeSnapshot } from './observe.js'
import type { GCStep, HeapSnapshot, ObserveOptions, TraceEvent } from './observe-types.js'

export interface InterpreterOptions {
  /** Profile id ('3.11') or object. */
  profile?: string | CPythonProfile
  mode?: 'script' | 'repl'
  /** The script's name as given on the command line (tracebacks show it per profile). */
  filename?: string
  argv?: string[]
  stdin?: string
  files?: Record<string, string | Uint8Array>
  /** Snapshots, events and collector steps to record. */
  observe?: ObserveOptions
  /** 4 to compare with wasm32 Pyodide recordings. */
  pointerSize?: 4 | 8
  maxSteps?: number
  timeoutMs?: number
  heapLimit?: number
  /** The working directory shown in absolute paths (3.9+ print the main script's absolute path). */
  cwd?: string
  /** `runSource` in repl mode: print the banner first, as `python -i < file` does (default true). */
  banner?: boolean
  /** Over a SharedArrayBuffer: a host thread sets element 0 to 1 to raise KeyboardInterrupt in the running code. */
  interruptFlag?: Int32Array
  /**
   * Over a SharedArrayBuffer: a host thread sets element 0 to 1 when the reader of its stdout went away (EPIPE).
   * Writes to stdout then raise `BrokenPipeError: [Errno 32] Broken pipe`, as they do in CPython.
   */
  stdoutClosedFlag?: Int32Array
  /** The host's own stdin, read a line at a time when the program asks (with its newline; null at EOF). Replaces `stdin`. */
  readStdinLine?: () => string | null
  /** The host's stdin and stdout are a terminal: `isatty()` says so, and `input()` reads as through readline. */
  terminal?: boolean
  /**
   * NON-CPYTHON: apply the profile's start-up image (references and objects real start-up leaves behind; default
   * true). The calibration script turns it off to measure the simulation's own start-up.
   */
  startupImage?: boolean
  /**
   * Behave as a `--with-pydebug` build of the profile's version: a decref that makes a count negative aborts
   * (`_Py_NegativeRefcount`), freed memory reads as 0xDD and fresh memory as 0xCD, `sys.gettotalrefcount()` exists
   * and `sys.abiflags` is 'd'.
   */
  debugBuild?: boolean
}

export interface RunResult {
  stdout: string
  stderr: string
  merged: string
  exitCode: number
  snapshots?: HeapSnapshot[]
  events?: TraceEvent[]
  gcSteps?: GCStep[]
}

export class Interpreter {
  readonly rt: Runtime
  readonly ts: ThreadState
  readonly profile: CPythonProfile
  readonly out = new ProcessOutput()
  readonly fs: VirtualFS
  readonly sources = new SourceRegistry()
  readonly options: InterpreterOptions
  stdinText: string
  private readonly readStdinLine: (() => string | null) | null
  readonly terminal: boolean
  stdinPos = 0
  /** `sys.modules` (owned). */
  modules!: PyDictObject
  builtinsModule!: PyObject
  builtinsDict!: PyDictObject
  sysModule!: PyObject
  sys!: SysState
  /** Modules in import order (for finalization). */
  readonly importOrder: string[] = []
  /** The script-mode parser arena's `a_objects` list: objects the parser created, alive while the module runs. */
  arena: PyListObject | null = null
  /** The arenas of the `exec()`/`eval()` strings running now (innermost last). */
  readonly execArenas: PyListObject[] = []
  finalized = false
  /** Set during finalization: tracebacks no longer show source lines (the io machinery is gone). */
  finalizingSources = false
  /** Objects alive after start-up (left out of heap pictures). */
  startup: StartupSet | null = null
  /** Snapshots, events and collector steps requested by the host. */
  readonly observe: ObserveOptions
  readonly snapshots: HeapSnapshot[] = []
  trace: TraceRecorder | null = null
  /** `atexit` callbacks (owned), run first at exit, last registered first. */
  readonly atexitCallbacks: AtexitCallback[] = []

  constructor(opts: InterpreterOptions = {}) {
    this.options = opts
    let profile = typeof opts.profile === 'object' ? opts.profile : getProfile(opts.profile ?? '3.11')
    if (opts.pointerSize === 4 && profile.pointerSize !== 4) profile = withPointerSize4(profile)
    this.profile = profile
    this.fs = new VirtualFS(opts.files)
    this.stdinText = opts.stdin ?? ''
    this.readStdinLine = opts.readStdinLine ?? null
    this.terminal = opts.terminal ?? false
    this.rt = createRuntime({ profile, mode: opts.mode ?? 'script', heapLimit: opts.heapLimit, debugBuild: opts.debugBuild ?? false })
    this.rt.host = this
    this.ts = new ThreadState(this.rt)
    this.ts.interp = this
    if (opts.maxSteps !== undefined) this.ts.stepsLeft = opts.maxSteps
    if (opts.interruptFlag !== undefined) this.ts.interruptFlag = opts.interruptFlag
    if (opts.timeoutMs !== undefined) this.ts.deadline = performance.now() + opts.timeoutMs
    installGC(this.rt)
    installInterpreterTypes(this)
    this.rt.hooks.writeUnraisable = (rt, exc, obj, msg) => writeUnraisable(this, exc, obj, msg)
    this.rt.hooks.writeStderr = (_rt, text) => this.writeStderr(text)
    this.rt.hooks.fatalError = (_rt, func, msg, exception) => this.fatalError(func, msg, exception)
    this.rt.hooks.crash = (_rt, kind, message, why) => this.crash(kind, message, why)
    this.rt.hooks.negativeRefcount = (_rt, op, site) => this.negativeRefcount(op, site)
    this.modules = PyDict_New(this.rt)
    this.rt.auditRoots.push((visit) => this.visitRoots(visit))
    this.builtinsModule = createBuiltinsModule(this)
    this.builtinsDict = (this.builtinsModule as unknown as { md_dict: PyDictObject }).md_dict
    this.registerModule('builtins', this.builtinsModule)
    const sys = createSysModule(this)
    this.sysModule = sys.module
    this.sys = sys.state
    this.registerModule('sys', this.sysModule)
    // Startup leaves the counts as a fresh CPython process leaves them after its own collections.
    for (const g of this.rt.gc.generations) g.count = 0
    this.rt.location = () => {
      const f = this.ts.frame
      if (f === null) return null
      const pos = f.unit.positions[f.lasti]
      return { filename: (f.code.co_filename as PyUnicodeObject).value, lineno: pos ? pos.lineno : f.code.co_firstlineno }
    }
    this.observe = opts.observe ?? {}
    const o = this.observe
    if ((o.snapshots && o.snapshots !== 'none') || o.trace) this.startup = new StartupSet(this.rt)
    if (o.trace) {
      this.trace = new TraceRecorder(this, o.trace === true ? null : o.trace, o.maxEvents ?? 20000, o.onEvent ?? null)
      this.trace.start()
    }
    if (o.gcSteps) recordGCSteps(this, this.gcSteps)
    if (o.snapshots === 'breakpoints' || o.snapshots === 'both') {
      this.breakpointListeners.push(() => {
        const line = this.rt.location()?.lineno ?? null
        this.snapshots.push(takeSnapshot(this, `breakpoint ${this.snapshots.length + 1}`, line))
      })
    }
  }

  /**
   * Start-up ends: the collections CPython ran while it imported its start-up modules left the objects alive at
   * that point (builtins, sys, `__main__` and its dict) in an older generation (profile `gc.startupGeneration`).
   */
  startupPromote(): void {
    const k = this.profile.gc.startupGeneration
    for (let i = 0; i < k; i++) gc_list_merge(this.rt.gc.gen(i), this.rt.gc.gen(k))
    const counts = this.profile.gc.startupCounts
    if (counts !== null) for (let i = 0; i < 3; i++) this.rt.gc.generations[i]!.count = counts[i]!
    const image = this.rt.mode === 'repl' ? this.profile.startupImage.repl : this.profile.startupImage.script
    if (image !== null && !this.startupImageApplied) {
      this.startupImageApplied = true
      untrackAfterStartupCollections(this, image)
      if (this.options.startupImage !== false) applyStartupImage(this, image)
    }
  }

  private startupImageApplied = false

  /** The `__main__` module's dict (borrowed), or null. */
  mainDict(): PyDictObject | null {
    const m = PyDict_GetItemStr(this.modules, '__main__')
    if (m === null || m === this.rt.None) return null
    return (m as unknown as { md_dict: PyDictObject }).md_dict
  }

  /** The references held by frames on the stack (for reachability in snapshots). */
  framesForSnapshot(): PyObject[][] {
    const out: PyObject[][] = []
    for (let f = this.ts.frame; f !== null; f = f.previous) {
      const refs: PyObject[] = [f.code, f.globals]
      if (f.func) refs.push(f.func)
      if (f.locals) refs.push(f.locals)
      for (let i = 0; i < f.stacktop; i++) {
        const v = f.localsplus[i]
        if (v) refs.push(v)
      }
      out.push(refs)
    }
    return out
  }

  /** References the interpreter itself holds (for the audit). */
  private visitRoots(visit: (op: PyObject) => void): void {
    visit(this.modules)
    // interp->builtins and interp->sysdict: the interpreter's own references to its first two modules.
    if (this.builtinsModule !== undefined) visit(this.builtinsModule)
    if (this.sysModule !== undefined) visit(this.sysModule)
    if (this.arena) visit(this.arena)
    for (const a of this.execArenas) visit(a)
    for (const o of this.extraRoots) visit(o)
    for (const cb of this.atexitCallbacks) {
      visit(cb.func)
      for (const a of cb.args) visit(a)
    }
  }

  /** Other objects the interpreter keeps (module objects of builtins, sys streams …). */
  readonly extraRoots: PyObject[] = []

  intern(s: string): PyObject {
    return PyUnicode_InternFromString(this.rt, s)
  }

  str(s: string): PyObject {
    return PyUnicode_FromString(this.rt, s)
  }

  /** `PyObject_GetAttrString`: the attribute by name (a new reference; the interned name is released). */
  getAttr(o: PyObject, name: string): PyObject {
    const k = this.intern(name)
    try {
      return (coreExports.PyObject_GetAttr as (o: PyObject, n: PyObject) => PyObject)(o, k)
    } finally {
      Py_DECREF(k)
    }
  }

  registerModule(name: string, mod: PyObject): void {
    const k = this.intern(name)
    PyDict_SetItem(this.modules, k, mod)
    Py_DECREF(k)
    if (!this.importOrder.includes(name)) this.importOrder.push(name)
  }

  builtinsFor(globals: PyObject): PyObject {
    const b = PyDict_GetItemStr(globals as PyDictObject, '__builtins__')
    if (b !== null) {
      const md = (b as unknown as { md_dict?: PyObject }).md_dict
      return md ?? b
    }
    return this.builtinsDict
  }

  /** A new int object. */
  int(n: number): PyObject {
    return (coreExports.PyLong_FromNumber as (rt: Runtime, n: number) => PyObject)(this.rt, n)
  }

  /** Output written through Python-level buffers is already in order; nothing to flush in the simulation. */
  flushStdout(): void {}

  /** `dir(obj)` as JS strings (for suggestions). */
  dirNames(obj: PyObject): string[] {
    return (this.coreApi().dirNames as ((o: PyObject) => string[]) | undefined)?.(obj) ?? []
  }

  /** Runs the `atexit` callbacks, last registered first. @cpython Python/pylifecycle.c#call_py_exitfuncs */
  runAtexit(): void {
    const err = atexit_callfuncs(this)
    if (err !== null) Py_DECREF(err.exc)
  }

  /** Where a stdlib module written in Python lives (shown in tracebacks through it). */
  stdlibPath(file: string): string {
    const [maj, min] = this.profile.cpython.versionInfo
    return `/usr/local/lib/python${maj}.${min}/${file}`
  }

  boolObject(b: boolean): PyObject {
    const r = b ? this.rt.True : this.rt.False
    Py_INCREF(r)
    return r
  }

  intFromNumber(n: number): PyObject {
    if (Number.isSafeInteger(n)) return this.int(n)
    return this.bigInt(BigInt(n))
  }

  bigInt(n: bigint): PyObject {
    return (coreExports.PyLong_FromBigInt as (rt: Runtime, n: bigint) => PyObject)(this.rt, n)
  }

  /** `sys.version_info` (a tuple subclass with named fields, as the struct sequence prints). */
  makeVersionInfo(): PyObject {
    const [a, b, c, level, serial] = this.profile.cpython.versionInfo
    const items = [this.int(a), this.int(b), this.int(c), this.str(level), this.int(serial)]
    const mk = coreExports.PyStructSequence_New as ((rt: Runtime, name: string, fields: string[], items: PyObject[]) => PyObject) | undefined
    if (mk) return mk(this.rt, 'sys.version_info', ['major', 'minor', 'micro', 'releaselevel', 'serial'], items)
    return (coreExports.PyTuple_FromArraySteal as (rt: Runtime, items: PyObject[]) => PyObject)(this.rt, items)
  }

  /** `OSError(errno, strerror, filename)` → the matching subclass, as `open()` raises it (the platform's errno value). */
  osError(type: string, errno: string, strerror: string, filename: string): PyErr {
    const make = coreExports.PyErr_NewInstance as (rt: Runtime, t: unknown, args: (PyObject | string)[]) => PyObject
    const fn = this.str(filename)
    const no = this.int((coreExports.errnoValue as (rt: Runtime, name: string) => number)(this.rt, errno))
    const exc = make(this.rt, this.rt.exc[type], [no, strerror, fn])
    Py_DECREF(fn)
    Py_DECREF(no)
    return new PyErr(exc)
  }

  stdoutObject(): PyObject | null {
    return PyDict_GetItemStr((this.sysModule as unknown as { md_dict: PyDictObject }).md_dict, '__stdout__')
  }
  stderrObject(): PyObject | null {
    return PyDict_GetItemStr((this.sysModule as unknown as { md_dict: PyDictObject }).md_dict, '__stderr__')
  }

  /** `isinstance(obj, cls)` with tuples and `__instancecheck__`. */
  isInstance(obj: PyObject, cls: PyObject): boolean {
    const f = coreExports.PyObject_IsInstance as ((o: PyObject, c: PyObject) => boolean) | undefined
    if (f) return f(obj, cls)
    const rt = this.rt
    if (cls.ob_type === rt.types.tuple) return (cls as unknown as { ob_item: PyObject[] }).ob_item.some((c) => this.isInstance(obj, c))
    return (coreExports.PyType_IsSubtype as (a: unknown, b: unknown) => boolean)(obj.ob_type, cls)
  }

  isSubclass(derived: PyObject, cls: PyObject): boolean {
    const f = coreExports.PyObject_IsSubclass as ((o: PyObject, c: PyObject) => boolean) | undefined
    if (f) return f(derived, cls)
    const rt = this.rt
    if (cls.ob_type === rt.types.tuple) return (cls as unknown as { ob_item: PyObject[] }).ob_item.some((c) => this.isSubclass(derived, c))
    return (coreExports.PyType_IsSubtype as (a: unknown, b: unknown) => boolean)(derived, cls)
  }

  /** Binds a descriptor found on a type to `obj` (a new reference). */
  bindDescriptor(descr: PyObject, obj: PyObject): PyObject {
    const get = descr.ob_type.tp_descr_get
    if (get !== null) return get(descr, obj, obj.ob_type)
    Py_INCREF(descr)
    return descr
  }

  /** Calls a special method looked up on the type (`type(obj).__name__(obj)`); result discarded. */
  callSpecial(obj: PyObject, name: string): void {
    const d = (coreExports._PyType_Lookup as (t: unknown, n: string) => PyObject | null)(obj.ob_type, name)
    if (d === null) return
    const bound = this.bindDescriptor(d, obj)
    try {
      Py_DECREF((coreExports.PyObject_CallNoArgs as (f: PyObject) => PyObject)(bound))
    } finally {
      Py_DECREF(bound)
    }
  }

  /** `locals()` of a frame: the namespace of module/class frames, a fresh dict of fast locals otherwise. */
  frameLocals(frame: import('./vm/frame.js').Frame | null): PyObject {
    if (frame === null || frame.locals !== null) {
      const l = frame?.locals ?? this.builtinsDict
      Py_INCREF(l)
      return l
    }
    const d = PyDict_New(this.rt)
    const names = frame.unit.localsplusNames
    for (let i = 0; i < names.length; i++) {
      let v = frame.localsplus[i]
      if (v === null || v === undefined) continue
      if (i >= frame.unit.nlocals || frame.unit.cell2arg.length > 0 && v.ob_type === this.rt.types.cell) {
        if (v.ob_type === this.rt.types.cell) v = (v as unknown as { ob_ref: PyObject | null }).ob_ref
        if (v === null) continue
      }
      const k = this.intern(names[i]!)
      PyDict_SetItem(d, k, v)
      Py_DECREF(k)
    }
    return d
  }

  /** A sorted list of a mapping's keys (a new reference). */
  sortedKeys(mapping: PyObject): PyObject {
    const list = (coreExports.PySequence_List as (o: PyObject) => PyObject)(mapping)
    const sort = this.getAttr(list, 'sort')
    try {
      Py_DECREF((coreExports.PyObject_CallNoArgs as (f: PyObject) => PyObject)(sort))
    } finally {
      Py_DECREF(sort)
    }
    return list
  }

  /** `dir(obj)` (a new list). */
  dir(obj: PyObject): PyObject {
    const f = coreExports.PyObject_Dir as ((o: PyObject) => PyObject) | undefined
    if (f) return f(obj)
    throw this.newError('SystemError', 'dir() is not available')
  }

  /** The frame object for an interpreter frame. */
  frameObject(f: unknown): PyObject {
    return _PyFrame_GetFrameObject(this.rt, f as Frame)
  }

  /** `exec(source_or_code, globals, locals)` / `eval(...)`. */
  execOrEval(kind: 'exec' | 'eval', args: readonly PyObject[], start: number, nargs: number): PyObject {
    const rt = this.rt
    if (nargs < 1 || nargs > 3) throw this.newError('TypeError', `${kind} expected at most 3 arguments, got ${nargs}`)
    const src = args[start]!
    const frame = this.ts.frame
    let globals = nargs > 1 && args[start + 1] !== rt.None ? args[start + 1]! : null
    let locals = nargs > 2 && args[start + 2] !== rt.None ? args[start + 2]! : null
    if (globals === null) {
      globals = frame !== null ? frame.globals : this.builtinsDict
      if (locals === null) locals = frame !== null ? (frame.locals ?? globals) : globals
    } else if (locals === null) locals = globals
    if (globals.ob_type !== rt.types.dict) throw this.newError('TypeError', `${kind}() globals must be a dict, not ${globals.ob_type.tp_name}`)
    if (PyDict_GetItemStr(globals as PyDictObject, '__builtins__') === null) {
      const k = this.intern('__builtins__')
      PyDict_SetItem(globals as PyDictObject, k, this.builtinsModule)
      Py_DECREF(k)
    }
    let code: PyCodeObject
    let arena: PyListObject | null = null
    if (src.ob_type === rt.types.code) {
      Py_INCREF(src)
      code = src as PyCodeObject
    } else if (src.ob_type === rt.types.str) {
      // the parser's arena stays alive while the code runs, as in `python FILE`
      // @cpython Python/pythonrun.c#_PyRun_StringFlagsWithName
      arena = this.newArena()
      const parsed: PyObject[] = []
      try {
        code = this.compile((src as PyUnicodeObject).value, '<string>', kind, parsed)
      } catch (e) {
        this.arenaAdopt(arena, parsed)
        Py_DECREF(arena)
        throw e
      }
      this.arenaAdopt(arena, parsed)
      this.execArenas.push(arena)
    } else throw this.newError('TypeError', `${kind}() arg 1 must be a string, bytes or code object`)
    try {
      const r = this.execCode(code, globals as PyDictObject, locals)
      if (kind === 'exec') {
        Py_DECREF(r)
        Py_INCREF(rt.None)
        return rt.None
      }
      return r
    } finally {
      Py_DECREF(code)
      if (arena !== null) {
        this.execArenas.pop()
        Py_DECREF(arena)
      }
    }
  }

  /** `compile(source, filename, mode)`: the arena is freed before the code runs. */
  builtinCompile(args: readonly PyObject[], start: number, nargs: number, _kwnames: PyObject | null): PyObject {
    if (nargs < 3) throw this.newError('TypeError', `compile() missing required argument '${['source', 'filename', 'mode'][nargs]}' (pos ${nargs + 1})`)
    const src = (args[start] as PyUnicodeObject).value
    const filename = (args[start + 1] as PyUnicodeObject).value
    const mode = (args[start + 2] as PyUnicodeObject).value
    if (mode !== 'exec' && mode !== 'eval' && mode !== 'single') throw this.newError('ValueError', "compile() mode must be 'exec', 'eval' or 'single'")
    return this.compile(src, filename, mode, null)
  }

  /** The hazard report of @heap/unsafe after a simulated crash (empty when nothing unsafe happened). */
  explainHazards(): string {
    const text = formatHazardReport(hazardReport(this.rt))
    return this.crashReason !== null ? `${text}The simulated process crashed: ${this.crashReason}.\n` : text
  }

  /** `breakpoint()`: a heap snapshot for `--graph` (NON-CPYTHON: no debugger). */
  breakpoint(): void {
    for (const l of this.breakpointListeners) l()
  }
  readonly breakpointListeners: (() => void)[] = []

  /** `metaclass.__prepare__(name, bases, **kw)`, or null for a plain dict. */
  prepareNamespace(meta: PyObject, name: PyObject, bases: PyObject, kwKeys: PyObject[], kwValues: PyObject[]): PyObject | null {
    const rt = this.rt
    if (meta === rt.types.type) return null
    let prep: PyObject
    try {
      prep = this.getAttr(meta, '__prepare__')
    } catch (e) {
      if (errMatches(e, 'AttributeError')) {
        Py_DECREF(e.exc)
        return null
      }
      throw e
    }
    try {
      const kn = kwKeys.length > 0 ? (coreExports.PyTuple_Pack as (rt: Runtime, items: PyObject[]) => PyObject)(rt, kwKeys) : null
      try {
        return (coreExports.PyObject_Vectorcall as (f: PyObject, a: PyObject[], s: number, n: number, k: PyObject | null) => PyObject)(prep, [name, bases, ...kwValues], 0, 2, kn)
      } finally {
        if (kn) Py_DECREF(kn)
      }
    } finally {
      Py_DECREF(prep)
    }
  }

  /** Clears a module's dict at shutdown (CPython's order: `_x` names first, then the rest). */
  clearModuleDict(mod: PyObject): void {
    const md = (mod as unknown as { md_dict?: PyDictObject }).md_dict
    if (!md) return
    ;(coreExports._PyModule_ClearDict as (d: PyDictObject) => void)(md)
  }

  writeStdout(text: string): void {
    const closed = this.options.stdoutClosedFlag
    if (closed !== undefined && Atomics.load(closed, 0) !== 0) throw this.brokenPipe()
    this.out.write('stdout', text)
  }

  /** `BrokenPipeError(EPIPE, 'Broken pipe')`: the write(2) on a pipe whose reader has gone. */
  private brokenPipe(): PyErr {
    const make = coreExports.PyErr_NewInstance as (rt: Runtime, t: unknown, args: (PyObject | string)[]) => PyObject
    const no = this.int((coreExports.errnoValue as (rt: Runtime, name: string) => number)(this.rt, 'EPIPE'))
    const exc = make(this.rt, this.rt.exc['BrokenPipeError'], [no, 'Broken pipe'])
    Py_DECREF(no)
    return new PyErr(exc)
  }
  writeStderr(text: string): void {
    this.out.write('stderr', text)
  }

  /** Reads one line from the simulated stdin (with its newline), or null at EOF. */
  readLine(): string | null {
    if (this.readStdinLine !== null) {
      const line = this.readStdinLine()
      // Ctrl-C while waiting for the line: the read fails with KeyboardInterrupt, as PyOS_Readline's does.
      const flag = this.ts.interruptFlag
      if (flag !== null && Atomics.exchange(flag, 0, 0) !== 0) throw this.newError('KeyboardInterrupt', '')
      return line
    }
    if (this.stdinPos >= this.stdinText.length) return null
    const nl = this.stdinText.indexOf('\n', this.stdinPos)
    const end = nl < 0 ? this.stdinText.length : nl + 1
    const line = this.stdinText.slice(this.stdinPos, end)
    this.stdinPos = end
    return line
  }

  displayhook(v: PyObject): void {
    this.sys.displayhook(v)
  }

  /** Streams whose `softspace` is set (2.7's `file.softspace`: the last `print` item ended without a newline). */
  private readonly softspace = new WeakSet<PyObject>()

  /** The `print` statement's stream: `>>dest`, else `sys.stdout` (RuntimeError when it is gone). */
  private printStream(dest: PyObject | null): PyObject {
    if (dest !== null && dest !== this.rt.None) return dest
    const out = this.sysStdout()
    if (out === null || out === this.rt.None) throw this.newError('RuntimeError', 'lost sys.stdout')
    return out
  }

  /** `sys.stdout` as the program left it (borrowed), or null. */
  private sysStdout(): PyObject | null {
    return PyDict_GetItemStr((this.sysModule as unknown as { md_dict: PyDictObject }).md_dict, 'stdout')
  }

  private streamWrite(stream: PyObject, text: string): void {
    if (stream === this.stdoutObject()) return this.writeStdout(text)
    if (stream === this.stderrObject()) return this.writeStderr(text)
    const api = this.coreApi()
    const w = this.getAttr(stream, 'write')
    const s = this.str(text)
    try {
      Py_DECREF((api.PyObject_Vectorcall as (f: PyObject, a: PyObject[], s: number, n: number, k: null) => PyObject)(w, [s], 0, 1, null))
    } finally {
      Py_DECREF(s)
      Py_DECREF(w)
    }
  }

  /** @cpython Python/ceval.c (2.7)#PRINT_ITEM */
  printItem(v: PyObject, dest: PyObject | null): void {
    const stream = this.printStream(dest)
    if (this.softspace.has(stream)) {
      this.softspace.delete(stream)
      this.streamWrite(stream, ' ')
    }
    const text = (this.coreApi().strText as (o: PyObject) => string)(v)
    this.streamWrite(stream, text)
    const last = text.length > 0 ? text[text.length - 1]! : ''
    const isStr = v.ob_type === this.rt.types.str
    if (isStr && last !== '' && last !== ' ' && /\s/.test(last)) this.softspace.delete(stream)
    else this.softspace.add(stream)
  }

  /** @cpython Python/ceval.c (2.7)#PRINT_NEWLINE */
  printNewline(dest: PyObject | null): void {
    const stream = this.printStream(dest)
    this.streamWrite(stream, '\n')
    this.softspace.delete(stream)
  }

  /** `Py_FlushLine` (2.7): a pending `softspace` on `sys.stdout` is ended with a newline. */
  flushLine(): void {
    const out = this.sysStdout()
    if (out === null || !this.softspace.has(out)) return
    this.softspace.delete(out)
    this.streamWrite(out, '\n')
  }

  /** The eval breaker found a collection scheduled by an allocation (3.12+). */
  runScheduledGC(): void {
    this.rt.gc.scheduled = false
    _Py_RunGC(this.rt)
  }

  /** `import name`: sys.modules, then builtin modules, then `name.py` in the file system. A new reference. */
  importModule(name: string): PyObject {
    const cached = PyDict_GetItemStr(this.modules, name)
    if (cached !== null && cached !== this.rt.None) {
      Py_INCREF(cached)
      return cached
    }
    const factory = BUILTIN_MODULES[name]
    if (factory !== undefined && (factory.available === undefined || factory.available(this.profile))) {
      const mod = factory.create(this)
      this.registerModule(name, mod)
      return mod
    }
    const path = name.replace(/\./g, '/') + '.py'
    const src = this.fs.readText(path)
    if (src !== undefined) return this.importSourceModule(name, path, src)
    throw this.newError('ModuleNotFoundError', `No module named '${name}'`)
  }

  private importSourceModule(name: string, path: string, src: string): PyObject {
    const mod = this.newModule(name, path)
    this.registerModule(name, mod)
    const dict = (mod as unknown as { md_dict: PyDictObject }).md_dict
    let code: PyCodeObject
    try {
      code = this.compile(src, this.displayPath(path, false), 'exec', null)
    } catch (e) {
      this.unregisterModule(name)
      throw e
    }
    try {
      Py_DECREF(this.execCode(code, dict, dict))
    } catch (e) {
      this.unregisterModule(name)
      Py_DECREF(code)
      throw e
    }
    Py_DECREF(code)
    return mod
  }

  private unregisterModule(name: string): void {
    const k = this.intern(name)
    PyDict_DelItemIfPresent(this.modules, k)
    Py_DECREF(k)
  }

  newModule(name: string, file: string | null): PyObject {
    const newMod = (this.coreApi().PyModule_New as (rt: Runtime, name: string) => PyObject)(this.rt, name)
    const dict = (newMod as unknown as { md_dict: PyDictObject }).md_dict
    // `__builtins__` first (the interpreter sets it up), then `__file__` (the runner). @cpython Python/pythonrun.c
    const bk = this.intern('__builtins__')
    PyDict_SetItem(dict, bk, this.builtinsModule)
    Py_DECREF(bk)
    if (file !== null) {
      const k = this.intern('__file__')
      const v = this.str(file)
      PyDict_SetItem(dict, k, v)
      Py_DECREF(k)
      Py_DECREF(v)
    }
    return newMod
  }

  coreApi(): Record<string, unknown> {
    return coreExports
  }

  /** How a file name appears in tracebacks: absolute for the main script on 3.9+. */
  displayPath(path: string, isMain: boolean): string {
    if (isMain && this.profile.output.absoluteMainPath && !path.startsWith('/') && !path.startsWith('<')) {
      const cwd = this.options.cwd ?? ''
      return cwd ? `${cwd.replace(/\/$/, '')}/${path}` : path
    }
    return path
  }

  /** The text of a script given as bytes (PEP 263), or the tokenizer's SyntaxError when it does not decode. */
  private decodeMainSource(bytes: Uint8Array, filename: string): string {
    const r = decodeSource(bytes, this.profile, filename)
    if (r.ok) return r.text
    const at = this.profile.compiler.sourceNotDecodable.located
    if (at === 'none') throw this.newError('SyntaxError', r.msg)
    if (at === 'line') throw this.syntaxError(new SyntaxErrorInfo('SyntaxError', r.msg, filename, r.lineno, 0, null))
    throw this.syntaxError(new SyntaxErrorInfo('SyntaxError', r.msg, filename, r.lineno, r.offset, r.line, r.lineno, r.offset + 1))
  }

  /** Parses and compiles source text into a code object (a new reference). SyntaxError is raised as PyErr. */
  /**
   * A parser arena (`_PyArena_New`): its `a_objects` list is a real, tracked list (so `gc.get_referrers` of a
   * literal finds it). The compiler fills a plain array; `arenaAdopt` moves those references into the list.
   * @cpython Python/pyarena.c#_PyArena_New
   */
  newArena(): PyListObject {
    return PyList_New(this.rt, 0)
  }

  /** `_PyArena_AddPyObject` for every object the compilation created (the list takes the references). */
  arenaAdopt(list: PyListObject, objs: PyObject[]): void {
    for (const o of objs) _PyList_AppendTakeRef(list, o)
    objs.length = 0
  }

  compile(source: string, filename: string, mode: CompileMode, arena: PyObject[] | null): PyCodeObject {
    this.sources.add(filename, source)
    try {
      return compileModule(this, source, filename, mode, arena, (lineno, message) => this.syntaxWarning(filename, source, lineno, message))
    } catch (e) {
      if (isSyntaxErrorInfo(e)) throw this.syntaxError(e)
      throw e
    }
  }

  /** A compile-time SyntaxWarning as the warnings module shows it: `file:line: SyntaxWarning: text`, then the line. */
  private syntaxWarning(filename: string, source: string, lineno: number, message: string): void {
    let text = `${filename}:${lineno}: SyntaxWarning: ${message}\n`
    if (!filename.startsWith('<')) {
      const line = (source.split('\n')[lineno - 1] ?? '').trim()
      if (line) text += `  ${line}\n`
    }
    this.writeStderr(text)
  }

  syntaxError(info: import('./compiler/errors.js').SyntaxErrorInfo): PyErr {
    return (this.coreApi().makeSyntaxError as ((interp: Interpreter, info: unknown) => PyErr) | undefined)?.(this, info) ?? formatSyntaxError(this, info)
  }

  /** Runs a code object in a namespace; returns its result (a new reference). */
  execCode(code: PyCodeObject, globals: PyDictObject, locals: PyObject): PyObject {
    Py_INCREF(code)
    Py_INCREF(locals)
    const frame = new Frame(code, null, globals, this.builtinsFor(globals), locals)
    return _PyEval_EvalFrame(this.ts, frame)
  }

  newError(type: string, msg: string): PyErr {
    return (this.coreApi().PyErr_Format as (rt: Runtime, t: string, m: string) => PyErr)(this.rt, type, msg)
  }

  /** `Py_FatalError`: prints CPython's report and aborts the simulated process. */
  fatalError(func: string | null, msg: string, exception?: string): never {
    this.writeStderr(`Fatal Python error: ${func ? func + ': ' : ''}${msg}\n`)
    if (this.profile.unsafe.finalizerAssertLine !== null || this.profile.id !== 'legacy') {
      // 3.8+ prints the runtime state; 3.6/3.7 did not.
      this.writeStderr('Python runtime state: initialized\n')
    }
    if (exception !== undefined) this.writeStderr(exception + '\n')
    this.writeStderr('\n')
    this.writeStderr(this.currentThreadDump())
    throw new ProcessExit(134, 'abort')
  }

  /**
   * Debug builds: a decref made `op`'s count negative. `_Py_NegativeRefcount` reports the C site of that decref
   * (profile `debugBuild.decrefSites`), `_PyObject_AssertFailed` dumps the object (or says it is freed: its memory
   * holds dead bytes), then the process aborts.
   * @cpython Objects/object.c#_PyObject_AssertFailed
   */
  negativeRefcount(op: PyObject, site: string): never {
    // A decref while the aborted process unwinds: it is already dead.
    if (this.rt.abandoned) throw new ProcessExit(134, 'abort')
    this.flushStdout()
    this.rt.abandoned = true
    this.crashReason = `a decref made the count of the ${op.ob_type.tp_name} at 0x${op.ob_addr.toString(16)} negative`
    const sites = this.profile.debugBuild.decrefSites as Readonly<Record<string, string>>
    const at = sites[site] ?? sites.default!
    const addr = `0x${op.ob_addr.toString(16)}`
    let text = `${at}: _Py_NegativeRefcount: Assertion failed: object has negative ref count\n`
    const b = this.rt.mem.blockAt(op.ob_addr)
    if ((op.ob_flags & OB_FREED) !== 0 && (b === null || b.free || b.obj !== op)) text += `<object at ${addr} is freed>\n`
    else {
      text += 'Enable tracemalloc to get the memory block allocation traceback\n\n'
      text += `object address  : ${addr}\n`
      text += `object refcount : ${op.ob_refcnt}\n`
      text += `object type     : 0x${op.ob_type.ob_addr.toString(16)}\n`
      text += `object type name: ${op.ob_type.tp_name}\n`
      // PyObject_Print of an object whose count is not positive.
      text += `object repr     : <refcnt ${op.ob_refcnt} at ${addr}>\n\n`
    }
    this.writeStderr(text)
    return this.fatalError('_PyObject_AssertFailed', '_PyObject_AssertFailed')
  }

  /** Set by `faulthandler.enable()`: a simulated segfault then prints the Python stack first. */
  faulthandlerEnabled = false
  /** Why the simulated process crashed (for `--explain`), or null. */
  crashReason: string | null = null

  /**
   * The simulated process dies of a signal. The C library's message comes first (`free(): invalid pointer`), then
   * faulthandler's report when enabled; the shell's `Segmentation fault (core dumped)` follows at the end.
   */
  crash(kind: 'abort' | 'segfault', message: string | null, why: string): never {
    this.flushStdout()
    this.crashReason = why
    this.rt.abandoned = true
    if (message !== null) this.writeStderr(message + '\n')
    if (kind === 'segfault' && this.faulthandlerEnabled) {
      this.writeStderr('Fatal Python error: Segmentation fault\n\n' + this.currentThreadDump())
    }
    throw new ProcessExit(kind === 'abort' ? 134 : 139, kind)
  }

  /** A JS error escaped the simulation: after unsafe code, the simulated process segfaults; otherwise it is a bug of heap. */
  private hostError(e: unknown): number {
    const text = e instanceof Error ? (e.stack ?? e.message) : String(e)
    if (this.rt.unsafeActive) {
      this.crashReason = `the simulation reached an inconsistent state after unsafe code (${e instanceof Error ? e.message : String(e)})`
      return this.endProcess(new ProcessExit(139, 'segfault'))
    }
    // An internal error of heap: reported as CPython reports a SystemError, without a JS stack trace.
    this.flushStdout()
    const msg = e instanceof Error ? e.message : String(e)
    this.writeStderr(`SystemError: heap internal error: ${msg}\n`)
    this.internalErrors.push(text)
    this.finalized = true
    return 1
  }

  /** JS stack traces of internal errors (for bug reports; never printed to the program's stderr). */
  readonly internalErrors: string[] = []

  /** `Current thread 0x… (most recent call first):` with one line per frame (faulthandler's format). */
  currentThreadDump(): string {
    const lines = [`Current thread 0x00007f0000000000 (most recent call first):`]
    const [major, minor] = this.profile.cpython.versionInfo
    for (let i = crashFrame.length - 1; i >= 0; i--) {
      const f = crashFrame[i]!
      lines.push(`  File "/usr/lib/python${major}.${minor}/${f.file}", line ${f.line} in ${f.func}`)
    }
    for (let f = this.ts.frame; f !== null; f = f.previous) {
      const pos = f.unit.positions[f.lasti]
      const file = (f.code.co_filename as PyUnicodeObject).value
      const name = (f.code.co_name as PyUnicodeObject).value
      lines.push(`  File "${file}", line ${pos ? pos.lineno : f.code.co_firstlineno} in ${name}`)
    }
    return lines.join('\n') + '\n'
  }

  /** Prints an uncaught exception the way the interpreter's top level does. */
  printException(exc: PyObject): void {
    printException(this, exc)
  }

  /**
   * Handles an exception that reached the top level: SystemExit gives the exit code, anything else prints a
   * traceback and gives 1.
   */
  handleUncaught(err: PyErr): number {
    const exc = err.exc
    if (errMatches(err, 'SystemExit')) {
      const code = systemExitCode(this, exc)
      Py_DECREF(exc)
      return code
    }
    this.setLastException(exc)
    this.flushLine()
    this.printException(exc)
    Py_DECREF(exc)
    return 1
  }

  /** `sys.last_type`/`last_value`/`last_traceback` (and 3.12's `last_exc`). */
  setLastException(exc: PyObject): void {
    this.sys.setLast(exc)
  }

  /**
   * `python FILE`: compiles the whole file (the parser arena stays alive while the module runs), executes it as
   * `__main__`, then finalizes. Returns the exit code.
   */
  runScript(source: string | Uint8Array, filename: string): number {
    let exitCode = 0
    try {
      const shown = this.displayPath(filename, true)
      const main = this.newModule('__main__', shown)
      this.registerModule('__main__', main)
      Py_DECREF(main)
      this.startupPromote()
      const dict = (main as unknown as { md_dict: PyDictObject }).md_dict
      const arena = this.newArena()
      this.arena = arena
      const parsed: PyObject[] = []
      let code: PyCodeObject | null = null
      try {
        try {
          code = this.compile(typeof source === 'string' ? source : this.decodeMainSource(source, shown), shown, 'exec', parsed)
        } finally {
          this.arenaAdopt(arena, parsed)
        }
        const res = this.execCode(code, dict, dict)
        Py_DECREF(res)
        this.flushLine()
      } catch (e) {
        if (e instanceof PyErr) {
          // 3.8+: after finalizing, the process kills itself with SIGINT (the shell's 128 + 2).
          // @cpython Modules/main.c#exit_sigint
          const sigint = this.profile.output.unhandledKeyboardInterrupt === 'sigint' && errMatches(e, 'KeyboardInterrupt')
          exitCode = this.handleUncaught(e)
          if (sigint) exitCode = 130
        } else throw e
      } finally {
        if (code !== null) Py_DECREF(code)
        this.arena = null
        Py_DECREF(arena)
      }
      this.snapshotAtExit()
    } catch (e) {
      if (e instanceof ProcessExit) return this.endProcess(e)
      if (e instanceof BudgetExceeded) return this.budgetExceeded(e)
      return this.hostError(e)
    }
    return this.finalize(exitCode)
  }

  /** NON-CPYTHON: the 'exit' snapshot when the host asked for one (the program ended, finalization has not begun). */
  snapshotAtExit(): void {
    if (this.observe.snapshots === 'exit' || this.observe.snapshots === 'both') this.snapshots.push(takeSnapshot(this, 'exit', null))
  }

  /**
   * `python -i < input`: the basic interactive loop, one statement at a time; prompts go to stderr, echoed
   * values to stdout through `sys.displayhook`.
   */
  runRepl(input: string, banner: boolean): number {
    const session = this.startRepl(banner)
    const lines = input.split(/(?<=\n)/)
    let code: number | null
    let statement: string | null = null
    this.writeStderr(session.prompt())
    for (const line of lines) {
      if (line === '') continue
      const text = line.replace(/\n$/, '')
      if (statement === null && text.trim() !== '') statement = text
      code = session.push(text)
      if (code !== null) return code
      if (statement !== null && !session.pending && this.observe.statementSnapshots) {
        this.snapshots.push(takeSnapshot(this, statement, null))
        statement = null
      }
      this.writeStderr(session.prompt())
    }
    return session.eof()
  }

  /** Starts an interactive session (the CLI drives it line by line on a terminal). */
  startRepl(banner: boolean): ReplSession {
    return new ReplSession(this, banner)
  }

  endProcessPublic(e: ProcessExit): number {
    return this.endProcess(e)
  }
  budgetExceededPublic(e: BudgetExceeded): number {
    return this.budgetExceeded(e)
  }

  private endProcess(e: ProcessExit): number {
    if (e.crash === 'segfault') this.writeStderr('Segmentation fault (core dumped)\n')
    else if (e.crash === 'abort') this.writeStderr('Aborted (core dumped)\n')
    this.finalized = true
    return e.code
  }

  private budgetExceeded(e: BudgetExceeded): number {
    this.rt.abandoned = true
    this.writeStderr(`heap: the program was stopped: its ${e.reason === 'steps' ? 'step' : 'time'} budget ran out\n`)
    this.finalized = true
    return 124
  }

  /** `Py_FinalizeEx`: the exit-time collections and module teardown. Returns the exit code. */
  finalize(exitCode: number): number {
    if (this.finalized) return exitCode
    this.finalized = true
    try {
      if (this.rt.unsafeActive) checkCorruptionAtExit(this.rt)
      finalizeInterpreter(this)
      // A free list corrupted during teardown is used again before the process ends.
      if (this.rt.unsafeActive) checkCorruptionAtExit(this.rt)
    } catch (e) {
      if (e instanceof ProcessExit) return this.endProcess(e)
      if (e instanceof BudgetExceeded) return this.budgetExceeded(e)
      if (e instanceof PyErr) {
        Py_DECREF(e.exc)
        return exitCode
      }
      return this.hostError(e)
    }
    return exitCode
  }

  result(exitCode: number): RunResult {
    this.trace?.end()
    const r: RunResult = { stdout: this.out.stdout, stderr: this.out.stderr, merged: this.out.merged, exitCode }
    if (this.snapshots.length > 0) r.snapshots = this.snapshots
    if (this.trace !== null) r.events = this.trace.events
    if (this.gcSteps.length > 0) r.gcSteps = this.gcSteps
    return r
  }

  /** Collector phases recorded for the docs' GC stepper. */
  readonly gcSteps: GCStep[] = []
}

function systemExitCode(interp: Interpreter, exc: PyObject): number {
  const rt = interp.rt
  const e = exc as PyBaseExceptionObject
  const fields = e.fields as Record<string, PyObject | null> | null
  let code: PyObject | null = fields?.['code'] ?? null
  if (code === null) {
    const args = e.args as unknown as { ob_item: PyObject[] } | null
    if (args && args.ob_item.length === 1) code = args.ob_item[0]!
    else if (args && args.ob_item.length > 1) code = e.args
  }
  if (code === null || code === rt.None) return 0
  if (code.ob_type === rt.types.int || code.ob_type === rt.types.bool) {
    const v = Number((code as PyLongObject).ob_ival)
    return ((v % 256) + 256) % 256
  }
  // Anything else is printed to stderr and the status is 1.
  const strFn = (interp.coreApi().strText as ((o: PyObject) => string))
  interp.writeStderr(strFn(code) + '\n')
  return 1
}

/** The same profile with 32-bit pointers (to compare with Pyodide). */
function withPointerSize4(p: CPythonProfile): CPythonProfile {
  const extend = coreExports.extendProfile as (b: CPythonProfile, o: object) => CPythonProfile
  const i32 = p.objects.immortal32
  const objects = i32 ? { immortalRefcount: i32.refcount } : {}
  return extend(p, { pointerSize: 4, objects, gc: { gcHeadSize: 8, preHeaderSize: p.gc.preHeaderSize / 2 } })
}

import * as coreNs from '@heap/core'
import { checkCorruptionAtExit, crashFrame, formatHazardReport, hazardReport } from '@heap/unsafe'
const coreExports = coreNs as unknown as Record<string, unknown>

/** Runs a program and returns what the simulated process printed and its exit code. */
export function runSource(source: string | Uint8Array, options: InterpreterOptions & { filename: string }): RunResult {
  const interp = new Interpreter(options)
  const code =
    options.mode === 'repl' ? interp.runRepl(typeof source === 'string' ? source : new TextDecoder().decode(source), options.banner ?? true) : interp.runScript(source, options.filename)
  return interp.result(code)
}

export { Py_XDECREF, ProcessExit }

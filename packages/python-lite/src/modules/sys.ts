/**
 * The `sys` module.
 * @cpython Python/sysmodule.c
 */
import * as core from '@heap/core'
import {
  PyDict_DelItemIfPresent,
  PyDict_GetItemStr,
  PyErr_Format,
  PyErr_NewInstance,
  PyErr,
  PyObject_CallArgs,
  PyObject_Size,
  PyTuple_FromArraySteal,
  PyType_IsSubtype,
  PyUnicode_InternInPlace,
  Py_DECREF,
  Py_INCREF,
  reprText,
  type PyBaseExceptionObject,
  type PyObject,
  type PyTypeObject,
  type PyUnicodeObject,
  type Runtime,
} from '@heap/core'
import type { Interpreter } from '../interp.js'
import { writeUnraisableDefault } from '../traceback.js'
import { createTextIOType, newTextIO } from '../objects/io.js'
import { STDLIB_MODULE_NAMES } from '../stdlib-names.js'
import { BUILTIN_MODULE_NAMES } from './registry-names.js'
import { addFunctions, asIndex, bool, coreAny, def, int, jsStr, moduleDict, newModule, none, setAttr, setAttrSteal, str } from './util.js'

export interface SysState {
  displayhook(v: PyObject): void
  ps1(): string
  ps2(): string
  setLast(exc: PyObject): void
  deleteSpecialNames(): void
  /** Calls a user `sys.unraisablehook`; false when the default hook (or none) is installed. */
  callUnraisableHook(exc: PyObject, obj: PyObject | null, errMsg: string | null): boolean
  textIOType: PyTypeObject
}

/** `sys.UnraisableHookArgs`: (exc_type, exc_value, exc_traceback, err_msg, object). @cpython Python/errors.c#UnraisableHookArgs */
class PyUnraisableHookArgs extends core.PyObject {
  items: PyObject[] = []
}
const UNRAISABLE_FIELDS = ['exc_type', 'exc_value', 'exc_traceback', 'err_msg', 'object'] as const

function createUnraisableHookArgsType(rt: Runtime): PyTypeObject {
  const t = core.PyType_NewStatic(rt, 'UnraisableHookArgs', {
    basicsize: rt.profile.pointerSize * (3 + UNRAISABLE_FIELDS.length),
    flags: 0,
    slots: {
      tp_getset: UNRAISABLE_FIELDS.map((name, i) => ({
        name,
        get: (o: PyObject) => {
          const v = (o as PyUnraisableHookArgs).items[i]!
          Py_INCREF(v)
          return v
        },
        set: null,
      })),
      tp_dealloc: (o: PyObject) => {
        const items = (o as PyUnraisableHookArgs).items
        ;(o as PyUnraisableHookArgs).items = []
        for (const v of items) Py_DECREF(v)
        core.PyObject_Free(o)
      },
    },
  })
  core.PyType_Ready(rt, t)
  return t
}

function sizeofObject(rt: Runtime, o: PyObject): number {
  const t = o.ob_type
  let size: number
  const meth = (coreAny._PyObject_SizeOf as ((o: PyObject) => number) | undefined)
  if (meth) return meth(o)
  if (t.tp_sizeof !== null) size = t.tp_sizeof(o)
  else {
    const n = t.tp_itemsize !== 0 ? safeLen(o) : 0
    size = t.tp_basicsize + n * t.tp_itemsize
  }
  if ((t.tp_flags & (1 << 14)) !== 0 && (t.tp_is_gc === null || t.tp_is_gc(o))) {
    size += rt.profile.gc.gcHeadSize
    if ((t.tp_flags & (1 << 3)) !== 0) size += rt.profile.gc.preHeaderSize
  }
  return size
}

function safeLen(o: PyObject): number {
  try {
    return PyObject_Size(o)
  } catch (e) {
    if (e instanceof PyErr) {
      Py_DECREF(e.exc)
      return 0
    }
    throw e
  }
}

export function createSysModule(interp: Interpreter): { module: PyObject; state: SysState } {
  const rt = interp.rt
  const p = interp.profile
  const mod = newModule(rt, 'sys')
  const textIO = createTextIOType(rt)
  const stdout = newTextIO(rt, textIO, 'stdout', '<stdout>', 'w')
  const stderr = newTextIO(rt, textIO, 'stderr', '<stderr>', 'w')
  const stdin = newTextIO(rt, textIO, 'stdin', '<stdin>', 'r')
  const d = moduleDict(mod)
  const hookArgsType = p.output.unraisableFormat !== 'legacy-one-line' ? createUnraisableHookArgsType(rt) : null

  addFunctions(rt, mod, [
    def('getrefcount', (_m, args, start, nargs) => {
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `getrefcount() takes exactly one argument (${nargs} given)`)
      return int(rt, args[start]!.ob_refcnt)
    }),
    def('getsizeof', (_m, args, start, nargs) => {
      if (nargs < 1 || nargs > 2) throw PyErr_Format(rt, 'TypeError', `getsizeof() takes at most 2 arguments (${nargs} given)`)
      return int(rt, sizeofObject(rt, args[start]!))
    }),
    def('getrecursionlimit', () => int(rt, interp.ts.recursionLimit)),
    def('setrecursionlimit', (_m, args, start, nargs) => {
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `setrecursionlimit() takes exactly one argument (${nargs} given)`)
      const n = asIndex(rt, args[start]!)
      if (n < 1) throw PyErr_Format(rt, 'ValueError', 'recursion limit must be greater or equal than 1')
      interp.ts.recursionLimit = n
      return none(rt)
    }),
    def('intern', (_m, args, start, nargs) => {
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `intern() takes exactly one argument (${nargs} given)`)
      const s = args[start]!
      if (s.ob_type !== rt.types.str) throw PyErr_Format(rt, 'TypeError', `intern() argument must be str, not ${s.ob_type.tp_name}`)
      Py_INCREF(s)
      return PyUnicode_InternInPlace(rt, s as PyUnicodeObject, false)
    }),
    def('exit', (_m, args, start, nargs) => {
      const exc = PyErr_NewInstance(rt, rt.exc['SystemExit']!, nargs > 0 ? [args[start]!] : [])
      throw new PyErr(exc)
    }),
    def('exc_info', () => {
      const e = interp.ts.handledException
      if (e === null) return PyTuple_FromArraySteal(rt, [none(rt), none(rt), none(rt)])
      Py_INCREF(e.ob_type)
      Py_INCREF(e)
      const tb = (e as PyBaseExceptionObject).traceback ?? rt.None
      Py_INCREF(tb)
      return PyTuple_FromArraySteal(rt, [e.ob_type, e, tb])
    }),
    def('exception', () => {
      const e = interp.ts.handledException
      if (e === null) return none(rt)
      Py_INCREF(e)
      return e
    }),
    def('displayhook', (_m, args, start) => {
      defaultDisplayhook(args[start]!)
      return none(rt)
    }),
    def('excepthook', (_m, args, start, nargs) => {
      if (nargs !== 3) throw PyErr_Format(rt, 'TypeError', `excepthook expected 3 arguments, got ${nargs}`)
      interp.printException(args[start + 1]!)
      return none(rt)
    }),
    ...(hookArgsType !== null
      ? [
          def('unraisablehook', (_m, args, start, nargs) => {
            if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `unraisablehook() takes exactly one argument (${nargs} given)`)
            const a = args[start]!
            if (a.ob_type !== hookArgsType) throw PyErr_Format(rt, 'TypeError', 'sys.unraisablehook argument type must be UnraisableHookArgs')
            const [, value, , errMsg, obj] = (a as PyUnraisableHookArgs).items
            writeUnraisableDefault(interp, value!, obj === rt.None ? null : obj!, errMsg === rt.None ? null : jsStr(errMsg!))
            return none(rt)
          }),
        ]
      : []),
    def('getdefaultencoding', () => str(rt, 'utf-8')),
    ...(rt.profile.objects.numbers.intMaxStrDigits !== null
      ? [
          def('get_int_max_str_digits', () => int(rt, core._PyLong_GetMaxStrDigits(rt))),
          def('set_int_max_str_digits', (_m, args, start, nargs, kwnames) => {
            const [v] = core.parseArgs(rt, 'set_int_max_str_digits', args, start, nargs, kwnames, ['maxdigits'], 1)
            core._PyLong_SetMaxStrDigits(rt, asIndex(rt, v!))
            return none(rt)
          }),
        ]
      : []),
    def('_getframe', (_m, args, start, nargs) => {
      let depth = nargs > 0 ? asIndex(rt, args[start]!) : 0
      let f = interp.ts.frame
      while (depth-- > 0 && f !== null) f = f.previous
      if (f === null) throw PyErr_Format(rt, 'ValueError', 'call stack is not deep enough')
      const fo = (coreAny._PyFrame_GetFrameObject as ((rt: Runtime, f: unknown) => PyObject) | undefined)?.(rt, f) ?? interp.frameObject(f)
      Py_INCREF(fo)
      return fo
    }),
  ])
  if (p.objects.immortality === 'pep683-3<<30') {
    addFunctions(rt, mod, [def('_is_immortal', (_m, args, start) => bool(rt, core._Py_IsImmortal(args[start]!)))])
  }
  if (rt.debugBuild) {
    // Only debug builds have `_Py_RefTotal` (and say so in `sys.abiflags`).
    addFunctions(rt, mod, [def('gettotalrefcount', () => int(rt, core._Py_GetRefTotal(rt)))])
    setAttrSteal(rt, mod, 'abiflags', str(rt, p.debugBuild.abiflags))
  }

  const argv = (interp.options.argv ?? [interp.options.filename ?? '']).map((a) => str(rt, a))
  setAttrSteal(rt, mod, 'argv', (coreAny.PyList_FromArraySteal as (rt: Runtime, i: PyObject[]) => PyObject)(rt, argv))
  setAttrSteal(rt, mod, 'version', str(rt, p.cpython.sysVersion))
  setAttrSteal(rt, mod, 'hexversion', int(rt, p.cpython.hexversion))
  setAttrSteal(rt, mod, 'version_info', interp.makeVersionInfo())
  setAttrSteal(rt, mod, 'platform', str(rt, p.cpython.platform))
  setAttrSteal(rt, mod, 'byteorder', str(rt, 'little'))
  setAttrSteal(rt, mod, 'maxsize', interp.bigInt(p.pointerSize === 8 ? 2n ** 63n - 1n : 2n ** 31n - 1n))
  setAttrSteal(rt, mod, 'maxunicode', int(rt, 0x10ffff))
  setAttrSteal(rt, mod, 'executable', str(rt, '/usr/local/bin/python3'))
  setAttrSteal(rt, mod, 'prefix', str(rt, '/usr/local'))
  setAttrSteal(rt, mod, 'path', (coreAny.PyList_FromArraySteal as (rt: Runtime, i: PyObject[]) => PyObject)(rt, [str(rt, '')]))
  setAttr(rt, mod, 'modules', interp.modules)
  setAttr(rt, mod, 'stdout', stdout)
  setAttr(rt, mod, 'stderr', stderr)
  setAttr(rt, mod, 'stdin', stdin)
  setAttrSteal(rt, mod, '__stdout__', stdout)
  setAttrSteal(rt, mod, '__stderr__', stderr)
  setAttrSteal(rt, mod, '__stdin__', stdin)
  setAttrSteal(rt, mod, 'builtin_module_names', PyTuple_FromArraySteal(rt, BUILTIN_MODULE_NAMES.map((n) => str(rt, n))))
  if (p.output.nameErrorHints !== 'none') {
    const fs = coreAny.PyFrozenSet_New as ((rt: Runtime, it: PyObject | null) => PyObject) | undefined
    if (fs) {
      const t = PyTuple_FromArraySteal(rt, [...STDLIB_MODULE_NAMES].map((n) => str(rt, n)))
      setAttrSteal(rt, mod, 'stdlib_module_names', fs(rt, t))
      Py_DECREF(t)
    }
  }
  const dh = PyDict_GetItemStr(d, 'displayhook')!
  setAttr(rt, mod, '__displayhook__', dh)
  const eh = PyDict_GetItemStr(d, 'excepthook')!
  setAttr(rt, mod, '__excepthook__', eh)
  const uh = PyDict_GetItemStr(d, 'unraisablehook')
  if (uh !== null) setAttr(rt, mod, '__unraisablehook__', uh)

  /** The default `sys.displayhook`: None prints nothing; otherwise `repr` to stdout and store in `builtins._`. */
  function defaultDisplayhook(v: PyObject): void {
    if (v === rt.None) return
    const b = interp.builtinsDict
    const underscore = interp.intern('_')
    // builtins._ is set to None first, so the value is not kept alive by it while printing.
    try {
      ;(coreAny.PyDict_SetItem as (d: PyObject, k: PyObject, v: PyObject) => void)(b, underscore, rt.None)
      const text = reprText(v)
      writeToStdout(text + '\n')
      ;(coreAny.PyDict_SetItem as (d: PyObject, k: PyObject, v: PyObject) => void)(b, underscore, v)
    } finally {
      Py_DECREF(underscore)
    }
  }

  function writeToStdout(text: string): void {
    const out = PyDict_GetItemStr(d, 'stdout')
    if (out === null || out === rt.None) throw PyErr_Format(rt, 'RuntimeError', 'lost sys.stdout')
    if (out === stdout) {
      interp.writeStdout(text)
      return
    }
    const w = interp.getAttr(out, 'write')
    const s = str(rt, text)
    try {
      Py_DECREF(PyObject_CallArgs(w, [s]))
    } finally {
      Py_DECREF(s)
      Py_DECREF(w)
    }
  }

  const state: SysState = {
    textIOType: textIO,
    callUnraisableHook(exc, obj, errMsg) {
      if (hookArgsType === null) return false
      const hook = PyDict_GetItemStr(d, 'unraisablehook')
      if (hook === null || hook === rt.None || hook === uh) return false
      const a = core.PyObject_Init(rt, new PyUnraisableHookArgs(hookArgsType), hookArgsType.tp_basicsize)
      const tb = (exc as PyBaseExceptionObject).traceback ?? rt.None
      a.items = [exc.ob_type, exc, tb, errMsg === null ? rt.None : str(rt, errMsg), obj ?? rt.None]
      for (let i = 0; i < a.items.length; i++) if (i !== 3 || errMsg === null) Py_INCREF(a.items[i]!)
      Py_INCREF(hook)
      try {
        Py_DECREF(PyObject_CallArgs(hook, [a]))
      } catch (e) {
        if (!(e instanceof PyErr)) throw e
        // The hook failed: its own exception goes to the default hook. @cpython Python/errors.c#PyErr_WriteUnraisable
        writeUnraisableDefault(interp, e.exc, hook, 'Exception ignored in sys.unraisablehook')
        Py_DECREF(e.exc)
      } finally {
        Py_DECREF(hook)
        Py_DECREF(a)
      }
      return true
    },
    displayhook(v) {
      const hook = PyDict_GetItemStr(d, 'displayhook')
      if (hook === null) throw PyErr_Format(rt, 'RuntimeError', 'lost sys.displayhook')
      if (hook === dh) defaultDisplayhook(v)
      else Py_DECREF(PyObject_CallArgs(hook, [v]))
    },
    ps1: () => {
      const v = PyDict_GetItemStr(d, 'ps1')
      return v === null ? '>>> ' : jsStr(v)
    },
    ps2: () => {
      const v = PyDict_GetItemStr(d, 'ps2')
      return v === null ? '... ' : jsStr(v)
    },
    setLast(exc) {
      Py_INCREF(exc.ob_type)
      setAttrSteal(rt, mod, 'last_type', exc.ob_type)
      setAttr(rt, mod, 'last_value', exc)
      setAttr(rt, mod, 'last_traceback', (exc as PyBaseExceptionObject).traceback ?? rt.None)
      if (p.output.nameErrorHints === 'did-you-mean+forgot-import') setAttr(rt, mod, 'last_exc', exc)
    },
    deleteSpecialNames() {
      // builtins._ and the sys.last_* names; the standard streams are restored.
      const b = interp.builtinsDict
      const u = interp.intern('_')
      if (PyDict_GetItemStr(b, '_') !== null) (coreAny.PyDict_SetItem as (d: PyObject, k: PyObject, v: PyObject) => void)(b, u, rt.None)
      Py_DECREF(u)
      for (const name of ['last_type', 'last_value', 'last_traceback', 'last_exc', 'ps1', 'ps2']) {
        const k = interp.intern(name)
        PyDict_DelItemIfPresent(d, k)
        Py_DECREF(k)
      }
      setAttr(rt, mod, 'stdout', stdout)
      setAttr(rt, mod, 'stderr', stderr)
      setAttr(rt, mod, 'stdin', stdin)
    },
  }
  if (interp.options.mode === 'repl') {
    setAttrSteal(rt, mod, 'ps1', str(rt, '>>> '))
    setAttrSteal(rt, mod, 'ps2', str(rt, '... '))
  }
  void PyType_IsSubtype
  return { module: mod, state }
}

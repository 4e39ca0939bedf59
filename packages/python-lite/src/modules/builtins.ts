/**
 * The `builtins` module: functions, types, constants and exceptions.
 * @cpython Python/bltinmodule.c
 */
import * as core from '@heap/core'
import {
  PyDict_GetItemStr,
  PyDict_New,
  PyDict_SetItem,
  PyErr,
  PyErr_Format,
  PyLong_FromValue,
  PyObject_GetAttr,
  PyObject_GetIter,
  PyObject_IsTrue,
  PyObject_RichCompare,
  PyObject_RichCompareBool,
  PyObject_SetAttr,
  PyObject_Size,
  PyObject_Vectorcall,
  PyTuple_FromArraySteal,
  PyType_IsSubtype,
  Py_DECREF,
  Py_GT,
  Py_INCREF,
  Py_LT,
  Py_XDECREF,
  errMatches,
  kwnamesList,
  strText,
  type PyDictObject,
  type PyLongObject,
  type PyObject,
  type PyTupleObject,
  type PyTypeObject,
  type PyUnicodeObject,
  type Runtime,
} from '@heap/core'
import type { Interpreter } from '../interp.js'
import { openFile } from '../objects/io.js'
import { takeStopIteration } from '../vm/genobject.js'
import { ArgParser, addFunctions, asIndex, bool, coreAny, def, int, jsStr, moduleDict, newModule, none, setAttr, str, type Builtin } from './util.js'
import { buildClass } from '../vm/buildclass.js'

function arity(rt: Runtime, name: string, nargs: number, min: number, max: number): void {
  if (nargs < min || nargs > max) {
    if (min === max) throw PyErr_Format(rt, 'TypeError', `${name}() takes exactly ${min === 1 ? 'one argument' : `${min} arguments`} (${nargs} given)`)
    if (nargs < min) throw PyErr_Format(rt, 'TypeError', `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${nargs}`)
    throw PyErr_Format(rt, 'TypeError', `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${nargs}`)
  }
}

/** Keyword arguments as a JS map name → borrowed value. */
function kwargs(args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): Map<string, PyObject> {
  const m = new Map<string, PyObject>()
  const names = kwnamesList(kwnames)
  for (let i = 0; i < names.length; i++) m.set(names[i]!, args[start + nargs + i]!)
  return m
}

function noKw(rt: Runtime, name: string, kwnames: PyObject | null): void {
  if (kwnames !== null && (kwnames as PyTupleObject).ob_item.length > 0) throw PyErr_Format(rt, 'TypeError', `${name}() takes no keyword arguments`)
}

/** Calls `f(x)` and releases nothing (borrowed x); returns a new reference. */
function call1(f: PyObject, x: PyObject): PyObject {
  return PyObject_Vectorcall(f, [x], 0, 1, null)
}

/** Iterates a Python iterable, giving each item (a new reference the callback must not keep without INCREF). */
export function forEach(iterable: PyObject, fn: (item: PyObject) => boolean | void): void {
  const it = PyObject_GetIter(iterable)
  try {
    for (let v = it.ob_type.tp_iternext!(it); v !== null; v = it.ob_type.tp_iternext!(it)) {
      let stop: boolean | void
      try {
        stop = fn(v)
      } finally {
        Py_DECREF(v)
      }
      if (stop === true) return
    }
  } finally {
    Py_DECREF(it)
  }
}

export function createBuiltinsModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const T = rt.types
  const mod = newModule(rt, 'builtins')

  const printParser = new ArgParser(['sep', 'end', 'file', 'flush'])
  const print: Builtin = (_m, args, start, nargs, kwnames) => {
    const style = rt.profile.output.printArgs
    if (style !== 'fastcall' || (kwnames !== null && (kwnames as PyTupleObject).ob_item.length > 0)) printParser.init(rt)
    const kw = kwargs(args, start, nargs, kwnames)
    for (const k of kw.keys()) if (!['sep', 'end', 'file', 'flush'].includes(k)) throw PyErr_Format(rt, 'TypeError', `'${k}' is an invalid keyword argument for print()`)
    // Argument Clinic's `*args`: the positional arguments in a new tuple for the duration of the call.
    let argsTuple: PyObject | null = null
    if (style === 'clinic-tuple') {
      const items = args.slice(start, start + nargs) as PyObject[]
      for (const v of items) Py_INCREF(v)
      argsTuple = PyTuple_FromArraySteal(rt, items)
    }
    try {
      const sepObj = kw.get('sep')
      const endObj = kw.get('end')
      const checkStr = (o: PyObject | undefined, name: string): PyObject | null => {
        if (o === undefined || o === rt.None) return null
        if (o.ob_type !== T.str) throw PyErr_Format(rt, 'TypeError', `${name} must be None or a string, not ${o.ob_type.tp_name}`)
        return o
      }
      const sep = checkStr(sepObj, 'sep')
      const end = checkStr(endObj, 'end')
      let file = kw.get('file') ?? null
      if (file === null || file === rt.None) file = PyDict_GetItemStr(moduleDict(interp.sysModule), 'stdout')
      if (file === null || file === rt.None) return none(rt)
      const f = file
      // PyFile_WriteObject: every piece goes through `file.write`, looked up (a new bound method) for each write.
      const writeObject = (v: PyObject): void => {
        const w = interp.getAttr(f, 'write')
        try {
          const s = core.PyObject_Str(v)
          try {
            Py_DECREF(PyObject_Vectorcall(w, [s], 0, 1, null))
          } finally {
            Py_DECREF(s)
          }
        } finally {
          Py_DECREF(w)
        }
      }
      // PyFile_WriteString: a new str for the default separator and end.
      const writeString = (text: string): void => {
        const s = str(rt, text)
        try {
          writeObject(s)
        } finally {
          Py_DECREF(s)
        }
      }
      for (let i = 0; i < nargs; i++) {
        if (i > 0) {
          if (sep === null) writeString(' ')
          else writeObject(sep)
        }
        writeObject(args[start + i]!)
      }
      if (end === null) writeString('\n')
      else writeObject(end)
      const flush = kw.get('flush')
      if (flush !== undefined && PyObject_IsTrue(flush)) {
        const name = str(rt, 'flush')
        try {
          const [m, unbound] = core._PyObject_GetMethod(f, name)
          try {
            Py_DECREF(unbound ? PyObject_Vectorcall(m, [f], 0, 1, null) : PyObject_Vectorcall(m, [], 0, 0, null))
          } finally {
            Py_DECREF(m)
          }
        } finally {
          Py_DECREF(name)
        }
      }
      return none(rt)
    } finally {
      if (argsTuple !== null) Py_DECREF(argsTuple)
    }
  }

  const len: Builtin = (_m, args, start, nargs, kwnames) => {
    noKw(rt, 'len', kwnames)
    arity(rt, 'len', nargs, 1, 1)
    return int(rt, PyObject_Size(args[start]!))
  }

  const id: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'id', nargs, 1, 1)
    return int(rt, args[start]!.ob_addr)
  }

  const repr: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'repr', nargs, 1, 1)
    return core.PyObject_Repr(args[start]!)
  }

  const hash: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'hash', nargs, 1, 1)
    return core.PyLong_FromValue(rt, core.PyObject_HashExact(args[start]!))
  }

  const isinstance: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'isinstance', nargs, 2, 2)
    return bool(rt, interp.isInstance(args[start]!, args[start + 1]!))
  }

  const issubclass: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'issubclass', nargs, 2, 2)
    return bool(rt, interp.isSubclass(args[start]!, args[start + 1]!))
  }

  const getattr: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'getattr', nargs, 2, 3)
    const name = args[start + 1]!
    if (!PyType_IsSubtype(name.ob_type, T.str)) throw PyErr_Format(rt, 'TypeError', `attribute name must be string, not '${name.ob_type.tp_name}'`)
    try {
      return PyObject_GetAttr(args[start]!, name)
    } catch (e) {
      if (nargs === 3 && errMatches(e, 'AttributeError')) {
        Py_DECREF(e.exc)
        Py_INCREF(args[start + 2]!)
        return args[start + 2]!
      }
      throw e
    }
  }

  const hasattr: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'hasattr', nargs, 2, 2)
    const name = args[start + 1]!
    if (!PyType_IsSubtype(name.ob_type, T.str)) throw PyErr_Format(rt, 'TypeError', `attribute name must be string, not '${name.ob_type.tp_name}'`)
    try {
      Py_DECREF(PyObject_GetAttr(args[start]!, name))
      return bool(rt, true)
    } catch (e) {
      if (errMatches(e, 'AttributeError')) {
        Py_DECREF(e.exc)
        return bool(rt, false)
      }
      throw e
    }
  }

  const setattr: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'setattr', nargs, 3, 3)
    PyObject_SetAttr(args[start]!, args[start + 1]!, args[start + 2]!)
    return none(rt)
  }

  const delattr: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'delattr', nargs, 2, 2)
    PyObject_SetAttr(args[start]!, args[start + 1]!, null)
    return none(rt)
  }

  const iter: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'iter', nargs, 1, 2)
    if (nargs === 2) return (coreAny.PyCallIter_New as (rt: Runtime, f: PyObject, s: PyObject) => PyObject)(rt, args[start]!, args[start + 1]!)
    return PyObject_GetIter(args[start]!)
  }

  const next: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'next', nargs, 1, 2)
    const it = args[start]!
    const f = it.ob_type.tp_iternext
    if (f === null) throw PyErr_Format(rt, 'TypeError', `'${it.ob_type.tp_name}' object is not an iterator`)
    const v = f(it)
    if (v !== null) return v
    if (nargs === 2) {
      Py_DECREF(takeStopIteration(interp.ts, it).exc)
      Py_INCREF(args[start + 1]!)
      return args[start + 1]!
    }
    throw takeStopIteration(interp.ts, it)
  }

  const callable: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'callable', nargs, 1, 1)
    return bool(rt, args[start]!.ob_type.tp_call !== null)
  }

  const abs: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'abs', nargs, 1, 1)
    const o = args[start]!
    if (o.ob_type.nb_absolute === null) throw PyErr_Format(rt, 'TypeError', `bad operand type for abs(): '${o.ob_type.tp_name}'`)
    return o.ob_type.nb_absolute(o)
  }

  const minmax = (name: 'min' | 'max', op: number): Builtin => (_m, args, start, nargs, kwnames) => {
    const kw = kwargs(args, start, nargs, kwnames)
    for (const k of kw.keys()) if (k !== 'key' && k !== 'default') throw PyErr_Format(rt, 'TypeError', `'${k}' is an invalid keyword argument for ${name}()`)
    const key = kw.get('key') ?? null
    const dflt = kw.get('default')
    if (nargs === 0) throw PyErr_Format(rt, 'TypeError', `${name} expected at least 1 argument, got 0`)
    let items: PyObject[]
    if (nargs === 1) {
      items = []
      forEach(args[start]!, (v) => {
        Py_INCREF(v)
        items.push(v)
      })
    } else {
      if (dflt !== undefined) throw PyErr_Format(rt, 'TypeError', `Cannot specify a default for ${name}() with multiple positional arguments`)
      items = []
      for (let i = 0; i < nargs; i++) {
        Py_INCREF(args[start + i]!)
        items.push(args[start + i]!)
      }
    }
    try {
      if (items.length === 0) {
        if (dflt !== undefined) {
          Py_INCREF(dflt)
          return dflt
        }
        throw PyErr_Format(rt, 'ValueError', `${name}() arg is an empty sequence`)
      }
      let best = items[0]!
      let bestKey = key !== null && key !== rt.None ? call1(key, best) : (Py_INCREF(best), best)
      for (let i = 1; i < items.length; i++) {
        const v = items[i]!
        const k = key !== null && key !== rt.None ? call1(key, v) : (Py_INCREF(v), v)
        let better: boolean
        try {
          better = PyObject_RichCompareBool(k, bestKey, op)
        } catch (e) {
          Py_DECREF(k)
          Py_DECREF(bestKey)
          throw e
        }
        if (better) {
          Py_DECREF(bestKey)
          bestKey = k
          best = v
        } else Py_DECREF(k)
      }
      Py_DECREF(bestKey)
      Py_INCREF(best)
      return best
    } finally {
      for (const v of items) Py_DECREF(v)
    }
  }

  const sum: Builtin = (_m, args, start, nargs, kwnames) => {
    const kw = kwargs(args, start, nargs, kwnames)
    arity(rt, 'sum', nargs + kw.size, 1, 2)
    let acc = nargs > 1 ? args[start + 1]! : (kw.get('start') ?? null)
    if (acc === null) acc = int(rt, 0)
    else {
      if (acc.ob_type === T.str) throw PyErr_Format(rt, 'TypeError', "sum() can't sum strings [use ''.join(seq) instead]")
      if (acc.ob_type === T.bytes) throw PyErr_Format(rt, 'TypeError', "sum() can't sum bytes [use b''.join(seq) instead]")
      Py_INCREF(acc)
    }
    let it: PyObject
    try {
      it = PyObject_GetIter(args[start]!)
    } catch (e) {
      Py_DECREF(acc)
      throw e
    }
    try {
      return core._PyNumber_Sum(acc, () => it.ob_type.tp_iternext!(it))
    } finally {
      Py_DECREF(it)
    }
  }

  const anyAll = (name: 'any' | 'all'): Builtin => (_m, args, start, nargs) => {
    arity(rt, name, nargs, 1, 1)
    let result = name === 'all'
    forEach(args[start]!, (v) => {
      const t = PyObject_IsTrue(v)
      if (name === 'any' && t) {
        result = true
        return true
      }
      if (name === 'all' && !t) {
        result = false
        return true
      }
      return false
    })
    return bool(rt, result)
  }

  const sorted: Builtin = (_m, args, start, nargs, kwnames) => {
    if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `sorted expected 1 argument, got ${nargs}`)
    const list = (coreAny.PySequence_List as (o: PyObject) => PyObject)(args[start]!)
    try {
      const sort = interp.getAttr(list, 'sort')
      try {
        Py_DECREF(PyObject_Vectorcall(sort, args, start + 1, 0, kwnames))
      } finally {
        Py_DECREF(sort)
      }
    } catch (e) {
      Py_DECREF(list)
      throw e
    }
    return list
  }

  const chr: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'chr', nargs, 1, 1)
    const n = asIndex(rt, args[start]!)
    if (n < 0 || n > 0x10ffff) throw PyErr_Format(rt, 'ValueError', 'chr() arg not in range(0x110000)')
    return str(rt, String.fromCodePoint(n))
  }

  const ord: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'ord', nargs, 1, 1)
    const o = args[start]!
    if (o.ob_type === T.str || PyType_IsSubtype(o.ob_type, T.str)) {
      const s = jsStr(o)
      const cps = [...s]
      if (cps.length !== 1) throw PyErr_Format(rt, 'TypeError', `ord() expected a character, but string of length ${cps.length} found`)
      return int(rt, cps[0]!.codePointAt(0)!)
    }
    throw PyErr_Format(rt, 'TypeError', `ord() expected string of length 1, but ${o.ob_type.tp_name} found`)
  }

  const fmtBase = (name: string, radix: number, prefix: string): Builtin => (_m, args, start, nargs) => {
    arity(rt, name, nargs, 1, 1)
    const o = args[start]!
    const f = o.ob_type.nb_index
    if (f === null) throw PyErr_Format(rt, 'TypeError', `'${o.ob_type.tp_name}' object cannot be interpreted as an integer`)
    const v = f(o)
    const n = BigInt((v as PyLongObject).ob_ival)
    Py_DECREF(v)
    return str(rt, (n < 0n ? '-' : '') + prefix + (n < 0n ? -n : n).toString(radix))
  }

  const divmod: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'divmod', nargs, 2, 2)
    return core.binary_op(args[start]!, args[start + 1]!, 'nb_divmod')
  }

  const pow: Builtin = (_m, args, start, nargs, kwnames) => {
    const kw = kwargs(args, start, nargs, kwnames)
    const base = args[start] ?? kw.get('base')
    const exp = nargs > 1 ? args[start + 1] : kw.get('exp')
    const mod3 = nargs > 2 ? args[start + 2] : kw.get('mod')
    if (!base || !exp) throw PyErr_Format(rt, 'TypeError', `pow() missing required argument '${!base ? 'base' : 'exp'}' (pos ${!base ? 1 : 2})`)
    return core.PyNumber_Power(base, exp, mod3 ?? rt.None)
  }

  const round: Builtin = (_m, args, start, nargs, kwnames) => {
    const kw = kwargs(args, start, nargs, kwnames)
    const x = args[start] ?? kw.get('number')
    const nd = nargs > 1 ? args[start + 1]! : (kw.get('ndigits') ?? null)
    if (!x) throw PyErr_Format(rt, 'TypeError', "round() missing required argument 'number' (pos 1)")
    const meth = core._PyType_Lookup(x.ob_type, '__round__')
    if (meth === null) throw PyErr_Format(rt, 'TypeError', `type ${x.ob_type.tp_name} doesn't define __round__ method`)
    const bound = interp.bindDescriptor(meth, x)
    try {
      return nd === null || nd === rt.None ? PyObject_Vectorcall(bound, [], 0, 0, null) : PyObject_Vectorcall(bound, [nd], 0, 1, null)
    } finally {
      Py_DECREF(bound)
    }
  }

  const format: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'format', nargs, 1, 2)
    const spec = nargs > 1 ? args[start + 1]! : null
    if (spec !== null && !PyType_IsSubtype(spec.ob_type, T.str)) {
      throw PyErr_Format(rt, 'TypeError', `format() argument 2 must be str, not ${spec.ob_type.tp_name}`)
    }
    return core.PyObject_Format(args[start]!, spec)
  }

  const input: Builtin = (_m, args, start, nargs) => {
    arity(rt, 'input', nargs, 0, 1)
    if (nargs === 1) interp.writeStdout(strText(args[start]!))
    const line = interp.readLine()
    // On a terminal the line comes through PyOS_Readline, whose EOF is a bare EOFError.
    if (line === null) throw PyErr_Format(rt, 'EOFError', interp.terminal ? '' : 'EOF when reading a line')
    return str(rt, line.replace(/\r?\n$/, ''))
  }

  const open: Builtin = (_m, args, start, nargs, kwnames) => {
    const kw = kwargs(args, start, nargs, kwnames)
    const file = args[start] ?? kw.get('file')
    if (!file) throw PyErr_Format(rt, 'TypeError', "open() missing required argument 'file' (pos 1)")
    const modeObj = nargs > 1 ? args[start + 1] : kw.get('mode')
    const mode = modeObj ? jsStr(modeObj) : 'r'
    if (file.ob_type !== T.str) throw PyErr_Format(rt, 'TypeError', `expected str, bytes or os.PathLike object, not ${file.ob_type.tp_name}`)
    return openFile(interp, interp.sys.textIOType, jsStr(file), mode)
  }

  const globals: Builtin = () => {
    const f = interp.ts.frame
    const g = f !== null ? f.globals : interp.builtinsDict
    Py_INCREF(g)
    return g
  }

  const locals: Builtin = () => interp.frameLocals(interp.ts.frame)

  const vars: Builtin = (_m, args, start, nargs) => {
    if (nargs === 0) return interp.frameLocals(interp.ts.frame)
    try {
      return interp.getAttr(args[start]!, '__dict__')
    } catch (e) {
      if (errMatches(e, 'AttributeError')) {
        Py_DECREF(e.exc)
        throw PyErr_Format(rt, 'TypeError', 'vars() argument must have __dict__ attribute')
      }
      throw e
    }
  }

  const dir: Builtin = (_m, args, start, nargs) => {
    if (nargs === 0) {
      const l = interp.frameLocals(interp.ts.frame)
      try {
        return interp.sortedKeys(l)
      } finally {
        Py_DECREF(l)
      }
    }
    return interp.dir(args[start]!)
  }

  const exec: Builtin = (_m, args, start, nargs) => interp.execOrEval('exec', args, start, nargs)
  const evalFn: Builtin = (_m, args, start, nargs) => interp.execOrEval('eval', args, start, nargs)
  const compile: Builtin = (_m, args, start, nargs, kwnames) => interp.builtinCompile(args, start, nargs, kwnames)

  const breakpoint: Builtin = () => {
    interp.breakpoint()
    return none(rt)
  }

  const buildClassFn: Builtin = (_m, args, start, nargs, kwnames) => buildClass(interp, args, start, nargs, kwnames)

  const importFn: Builtin = (_m, args, start, nargs) => {
    arity(rt, '__import__', nargs, 1, 5)
    return interp.importModule(jsStr(args[start]!))
  }

  const exitFn: Builtin = (_m, args, start, nargs) => {
    throw new PyErr(core.PyErr_NewInstance(rt, rt.exc['SystemExit']!, nargs > 0 ? [args[start]!] : []))
  }

  addFunctions(rt, mod, [
    def('__build_class__', buildClassFn),
    def('__import__', importFn),
    def('abs', abs),
    def('all', anyAll('all')),
    def('any', anyAll('any')),
    def('ascii', (_m, args, start) => (coreAny.PyObject_ASCII as ((o: PyObject) => PyObject) | undefined)?.(args[start]!) ?? core.PyObject_Repr(args[start]!)),
    def('bin', fmtBase('bin', 2, '0b')),
    def('breakpoint', breakpoint),
    def('callable', callable),
    def('chr', chr),
    def('compile', compile),
    def('delattr', delattr),
    def('dir', dir),
    def('divmod', divmod),
    def('eval', evalFn),
    def('exec', exec),
    def('format', format),
    def('getattr', getattr),
    def('globals', globals),
    def('hasattr', hasattr),
    def('hash', hash),
    def('hex', fmtBase('hex', 16, '0x')),
    def('id', id),
    def('input', input),
    def('isinstance', isinstance),
    def('issubclass', issubclass),
    def('iter', iter),
    def('len', len),
    def('locals', locals),
    def('max', minmax('max', Py_GT)),
    def('min', minmax('min', Py_LT)),
    def('next', next),
    def('oct', fmtBase('oct', 8, '0o')),
    def('open', open),
    def('ord', ord),
    def('pow', pow),
    def('print', print),
    def('repr', repr),
    def('round', round),
    def('setattr', setattr),
    def('sorted', sorted),
    def('sum', sum),
    def('vars', vars),
  ])
  // site's exit()/quit() (simplified: plain functions raising SystemExit).
  addFunctions(rt, mod, [def('exit', exitFn), def('quit', exitFn)])
  const typeNames: Record<string, string> = {
    bool: 'bool', bytearray: 'bytearray', bytes: 'bytes', classmethod: 'classmethod', complex: 'complex', dict: 'dict',
    enumerate: 'enumerate', filter: 'filter', float: 'float', frozenset: 'frozenset', int: 'int', list: 'list', map: 'map',
    object: 'object', property: 'property', range: 'range', reversed: 'reversed', set: 'set', slice: 'slice',
    staticmethod: 'staticmethod', str: 'str', super: 'super', tuple: 'tuple', type: 'type', zip: 'zip', memoryview: 'memoryview',
  }
  for (const [name, key] of Object.entries(typeNames)) {
    const t = T[key]
    if (t) setAttr(rt, mod, name, t)
  }
  // The exception types of the profile's version, and the OSError aliases (`_PyBuiltins_AddExceptions`).
  for (const [name, t] of Object.entries(rt.exc)) setAttr(rt, mod, name, t)
  setAttr(rt, mod, 'EnvironmentError', rt.exc['OSError']!)
  setAttr(rt, mod, 'IOError', rt.exc['OSError']!)
  setAttr(rt, mod, 'None', rt.None)
  setAttr(rt, mod, 'True', rt.True)
  setAttr(rt, mod, 'False', rt.False)
  setAttr(rt, mod, 'Ellipsis', rt.Ellipsis)
  setAttr(rt, mod, 'NotImplemented', rt.NotImplemented)
  setAttr(rt, mod, '__debug__', rt.True)
  void PyDict_New
  void PyDict_SetItem
  void PyLong_FromValue
  void PyObject_RichCompare
  void Py_XDECREF
  void (null as unknown as PyDictObject | PyTypeObject | PyUnicodeObject)
  void PyTuple_FromArraySteal
  return mod
}


/**
 * The exception types with their own fields or text: SystemExit, StopIteration, ImportError, OSError (and the errno →
 * subclass mapping), SyntaxError, KeyError, NameError, AttributeError and the Unicode errors.
 * @cpython Objects/exceptions.c
 */
import { PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { METH_NOARGS, Py_TPFLAGS_LONG_SUBCLASS, type PyGetSetDef, type PyMemberDef, type PyMethodDef, type PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyDict_Copy, PyDict_New, PyDict_SetItem } from './dictobject.js'
import {
  BaseException_init,
  BaseException_str,
  PyOSErrorObject,
  PyUnicodeErrorObject,
  argItems,
  noKeywords,
  objectMember,
  parseKeywords,
  setArgs,
  ssizeMember,
  _PyExc_GetField,
  _PyExc_SetField,
  type PyBaseExceptionObject,
} from './exceptions-base.js'
import { PyNumber_AsSsize_t } from './listobject.js'
import { intValue, PyLong_FromNumber } from './longobject.js'
import { PyObject_CallArgs, PyObject_Repr, PyObject_Str, reprText } from './protocols.js'
import { PySequence_Tuple, PyTuple_FromArraySteal, PyTuple_Pack, type PyTupleObject } from './tupleobject.js'
import { PyLong_Check, PyUnicode_Check, newNone, newStr, strValue } from './type-util.js'
import { PyUnicode_InternFromString, type PyUnicodeObject } from './unicodeobject.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** The fields the profile declares for a struct. */
function declared(rt: Runtime, store: string): readonly string[] {
  return rt.profile.objects.exceptions.fields[store] ?? []
}

function has(rt: Runtime, store: string, field: string): boolean {
  return declared(rt, store).includes(field)
}

/** `%S`: the text of `str(o)`. */
function strOf(o: PyObject | null, rt: Runtime): string {
  const r = PyObject_Str(o ?? rt.None)
  const s = strValue(r)
  Py_DECREF(r)
  return s
}

// ---------------------------------------------------------------------------------------------------------------
// SystemExit, StopIteration
// ---------------------------------------------------------------------------------------------------------------

/** `code` = the only argument, or the args tuple when there are several. @cpython Objects/exceptions.c#SystemExit_init */
export function SystemExit_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  BaseException_init(self, args, kwds)
  const items = (args as PyTupleObject).ob_item
  if (items.length === 0) return
  _PyExc_SetField(self, 'code', items.length === 1 ? items[0]! : args)
}

/** `value` = the first argument, or None. @cpython Objects/exceptions.c#StopIteration_init */
export function StopIteration_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  BaseException_init(self, args, kwds)
  const items = (args as PyTupleObject).ob_item
  _PyExc_SetField(self, 'value', items.length > 0 ? items[0]! : rtOf(self).None)
}

// ---------------------------------------------------------------------------------------------------------------
// ImportError
// ---------------------------------------------------------------------------------------------------------------

/** Positional args as usual; `name=`, `path=` (and `name_from=`, 3.12+) keywords; `msg` = the only argument. @cpython Objects/exceptions.c#ImportError_init */
export function ImportError_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  BaseException_init(self, args, null)
  const accepted = rt.profile.objects.exceptions.keywords['ImportError'] ?? []
  const values = parseKeywords(rt, 'ImportError', kwds, accepted)
  for (const f of ['name', 'path', 'name_from']) {
    if (!has(rt, 'ImportError', f)) continue
    const ix = accepted.indexOf(f)
    _PyExc_SetField(self, f, ix >= 0 ? values[ix]! : null)
  }
  if (has(rt, 'ImportError', 'msg')) {
    const items = (args as PyTupleObject).ob_item
    _PyExc_SetField(self, 'msg', items.length === 1 ? items[0]! : null)
  }
}

/** `msg` when it is exactly a str. @cpython Objects/exceptions.c#ImportError_str */
export function ImportError_str(self: PyObject): PyObject {
  const msg = _PyExc_GetField(self, 'msg')
  if (msg !== null && msg.ob_type === rtOf(self).types.str) {
    Py_INCREF(msg)
    return msg
  }
  return BaseException_str(self)
}

/** The instance dict plus the set fields among `names` (a new dict), the dict itself, or None. */
function stateWith(self: PyObject, names: readonly string[], alsoArgs: boolean): PyObject {
  const rt = rtOf(self)
  const e = self as PyBaseExceptionObject
  const set = names.filter((n) => _PyExc_GetField(self, n) !== null)
  if (set.length > 0 || (alsoArgs && e.args !== null)) {
    const d = e.dict !== null ? PyDict_Copy(e.dict) : PyDict_New(rt)
    const put = (k: string, v: PyObject): void => {
      const key = PyUnicode_InternFromString(rt, k)
      try {
        PyDict_SetItem(d, key, v)
      } finally {
        Py_DECREF(key)
      }
    }
    for (const n of set) put(n, _PyExc_GetField(self, n)!)
    if (alsoArgs && e.args !== null) put('args', e.args)
    return d
  }
  if (e.dict !== null) {
    Py_INCREF(e.dict)
    return e.dict
  }
  return newNone(rt)
}

/** `(type, args)` or `(type, args, state)`. */
function reduceWithState(self: PyObject, state: PyObject, always: boolean): PyObject {
  const rt = rtOf(self)
  const args = (self as PyBaseExceptionObject).args ?? rt.None
  try {
    return PyTuple_Pack(rt, state === rt.None && !always ? [self.ob_type, args] : [self.ob_type, args, state])
  } finally {
    Py_DECREF(state)
  }
}

/** @cpython Objects/exceptions.c#ImportError_reduce */
function ImportError_reduce(self: PyObject): PyObject {
  const names = ['name', 'path', 'name_from'].filter((n) => has(rtOf(self), 'ImportError', n))
  return reduceWithState(self, stateWith(self, names, false), false)
}

export const importErrorMethods: readonly PyMethodDef[] = [{ ml_name: '__reduce__', ml_meth: (self) => ImportError_reduce(self), ml_flags: METH_NOARGS }]

// ---------------------------------------------------------------------------------------------------------------
// NameError, AttributeError
// ---------------------------------------------------------------------------------------------------------------

/** `name=` keyword (3.10+). @cpython Objects/exceptions.c#NameError_init */
export function NameError_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  keywordFieldsInit(self, args, kwds, 'NameError')
}

/** `name=` and `obj=` keywords (3.10+). @cpython Objects/exceptions.c#AttributeError_init */
export function AttributeError_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  keywordFieldsInit(self, args, kwds, 'AttributeError')
}

function keywordFieldsInit(self: PyObject, args: PyObject, kwds: PyObject | null, store: string): void {
  const rt = rtOf(self)
  const accepted = rt.profile.objects.exceptions.keywords[store] ?? []
  if (accepted.length === 0) return BaseException_init(self, args, kwds)
  BaseException_init(self, args, null)
  const values = parseKeywords(rt, store, kwds, accepted)
  accepted.forEach((f, i) => _PyExc_SetField(self, f, values[i]!))
}

/** `__getstate__`: the dict with `name` and `args` (3.12+; `obj` is left out). @cpython Objects/exceptions.c#AttributeError_getstate */
function AttributeError_getstate(self: PyObject): PyObject {
  return stateWith(self, ['name'], true)
}

export const attributeErrorMethods: readonly PyMethodDef[] = [
  { ml_name: '__getstate__', ml_meth: (self) => AttributeError_getstate(self), ml_flags: METH_NOARGS },
  { ml_name: '__reduce__', ml_meth: (self) => reduceWithState(self, AttributeError_getstate(self), true), ml_flags: METH_NOARGS },
]

// ---------------------------------------------------------------------------------------------------------------
// KeyError
// ---------------------------------------------------------------------------------------------------------------

/** The repr of a single key (`KeyError: ''`), else as BaseException. @cpython Objects/exceptions.c#KeyError_str */
export function KeyError_str(self: PyObject): PyObject {
  const items = argItems(self)
  if (items.length === 1) return PyObject_Repr(items[0]!)
  return BaseException_str(self)
}

// ---------------------------------------------------------------------------------------------------------------
// OSError
// ---------------------------------------------------------------------------------------------------------------

/** `errno` name → the OSError subclass CPython picks (`errnomap`). */
const ERRNO_SUBCLASSES: readonly (readonly [string, string])[] = [
  ['EAGAIN', 'BlockingIOError'], ['EALREADY', 'BlockingIOError'], ['EINPROGRESS', 'BlockingIOError'], ['EWOULDBLOCK', 'BlockingIOError'],
  ['EPIPE', 'BrokenPipeError'], ['ESHUTDOWN', 'BrokenPipeError'], ['ECHILD', 'ChildProcessError'],
  ['ECONNABORTED', 'ConnectionAbortedError'], ['ECONNREFUSED', 'ConnectionRefusedError'], ['ECONNRESET', 'ConnectionResetError'],
  ['EEXIST', 'FileExistsError'], ['ENOENT', 'FileNotFoundError'], ['EISDIR', 'IsADirectoryError'], ['ENOTDIR', 'NotADirectoryError'],
  ['EINTR', 'InterruptedError'], ['EACCES', 'PermissionError'], ['EPERM', 'PermissionError'], ['ESRCH', 'ProcessLookupError'],
  ['ETIMEDOUT', 'TimeoutError'],
]

/** errno values: Linux (native builds) and Emscripten (wasm32, Pyodide). */
const ERRNO_LINUX: Readonly<Record<string, number>> = {
  EPERM: 1, ENOENT: 2, ESRCH: 3, EINTR: 4, ECHILD: 10, EAGAIN: 11, EWOULDBLOCK: 11, EACCES: 13, EEXIST: 17, ENOTDIR: 20,
  EISDIR: 21, EPIPE: 32, ECONNABORTED: 103, ECONNRESET: 104, ESHUTDOWN: 108, ETIMEDOUT: 110, ECONNREFUSED: 111,
  EALREADY: 114, EINPROGRESS: 115,
}
const ERRNO_EMSCRIPTEN: Readonly<Record<string, number>> = {
  EACCES: 2, EAGAIN: 6, EWOULDBLOCK: 6, EALREADY: 7, ECHILD: 12, ECONNABORTED: 13, ECONNREFUSED: 14, ECONNRESET: 15,
  EEXIST: 20, EINPROGRESS: 26, EINTR: 27, EISDIR: 31, ENOENT: 44, ENOTDIR: 54, EPERM: 63, EPIPE: 64, ESRCH: 71,
  ETIMEDOUT: 73, ESHUTDOWN: 140,
}

/** The number of an errno name on the runtime's platform (wasm32 builds are Emscripten's). */
export function errnoValue(rt: Runtime, name: string): number {
  const table = rt.profile.pointerSize === 4 ? ERRNO_EMSCRIPTEN : ERRNO_LINUX
  const v = table[name]
  if (v === undefined) throw new Error(`unknown errno ${name}`)
  return v
}

const errnoMaps = new WeakMap<Runtime, Map<number, PyTypeObject>>()

function errnomap(rt: Runtime): Map<number, PyTypeObject> {
  let m = errnoMaps.get(rt)
  if (m === undefined) {
    m = new Map()
    for (const [name, sub] of ERRNO_SUBCLASSES) {
      const t = rt.exc[sub]
      if (t !== undefined) m.set(errnoValue(rt, name), t)
    }
    errnoMaps.set(rt, m)
  }
  return m
}

/** `oserror_use_init`: a subclass defining `__init__` (but not `__new__`) parses its arguments there. */
function oserror_use_init(type: PyTypeObject): boolean {
  return type.tp_init !== OSError_init && type.tp_new === OSError_new
}

interface OSErrorArgs {
  args: PyObject
  errno: PyObject | null
  strerror: PyObject | null
  filename: PyObject | null
  filename2: PyObject | null
}

/** `oserror_parse_args`: 2 to 5 arguments are errno, strerror, filename, winerror, filename2. */
function oserror_parse_args(args: PyObject): OSErrorArgs {
  const items = (args as PyTupleObject).ob_item
  const n = items.length
  const pick = (i: number): PyObject | null => (n >= 2 && n <= 5 && i < n ? items[i]! : null)
  return { args, errno: pick(0), strerror: pick(1), filename: pick(2), filename2: pick(4) }
}

function PyNumber_Check(o: PyObject): boolean {
  const t = o.ob_type
  return t.nb_index !== null || t.nb_int !== null || t.nb_float !== null || (t.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) !== 0 || t === t.tp_runtime.types.float
}

/** `oserror_init`: stores the fields; with a filename, `args` keeps only (errno, strerror). */
function oserror_init(self: PyOSErrorObject, p: OSErrorArgs): void {
  const rt = rtOf(self)
  let args = p.args
  let sliced: PyObject | null = null
  if (p.filename !== null && p.filename !== rt.None) {
    if (self.ob_type === rt.exc['BlockingIOError'] && PyNumber_Check(p.filename)) {
      self.written = PyNumber_AsSsize_t(rt, p.filename, 'ValueError')
    } else {
      _PyExc_SetField(self, 'filename', p.filename)
      if (p.filename2 !== null && p.filename2 !== rt.None && has(rt, 'OSError', 'filename2')) _PyExc_SetField(self, 'filename2', p.filename2)
      const items = (args as PyTupleObject).ob_item
      if (items.length >= 2 && items.length <= 5) {
        Py_INCREF(items[0]!)
        Py_INCREF(items[1]!)
        sliced = PyTuple_FromArraySteal(rt, [items[0]!, items[1]!])
        args = sliced
      }
    }
  }
  _PyExc_SetField(self, 'errno', p.errno)
  _PyExc_SetField(self, 'strerror', p.strerror)
  setArgs(self, args)
  if (sliced !== null) Py_DECREF(sliced)
}

/**
 * `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: `OSError` itself becomes the subclass of a known
 * errno (`OSError(2, 'x')` is a FileNotFoundError); subclasses with their own `__init__` parse there.
 * @cpython Objects/exceptions.c#OSError_new
 */
export function OSError_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  let parsed: OSErrorArgs | null = null
  if (!oserror_use_init(type)) {
    noKeywords(rt, type.tp_name, kwds)
    parsed = oserror_parse_args(args)
    const no = parsed.errno
    if (no !== null && PyLong_Check(no) && type === rt.exc['OSError']) {
      const v = intValue(no)
      const sub = typeof v === 'number' ? errnomap(rt).get(v) : undefined
      if (sub !== undefined) type = sub
    }
  }
  const self = type.tp_alloc!(type, 0) as PyOSErrorObject
  try {
    if (parsed !== null) oserror_init(self, parsed)
    else setArgs(self, rt.empty_tuple)
  } catch (e) {
    Py_DECREF(self)
    throw e
  }
  return self
}

/** @cpython Objects/exceptions.c#OSError_init */
export function OSError_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  if (!oserror_use_init(self.ob_type)) return
  noKeywords(rtOf(self), self.ob_type.tp_name, kwds)
  oserror_init(self as PyOSErrorObject, oserror_parse_args(args))
}

/** `[Errno N] strerror: 'filename' -> 'filename2'`. @cpython Objects/exceptions.c#OSError_str */
export function OSError_str(self: PyObject): PyObject {
  const rt = rtOf(self)
  const no = _PyExc_GetField(self, 'errno')
  const se = _PyExc_GetField(self, 'strerror')
  const fn = _PyExc_GetField(self, 'filename')
  const fn2 = _PyExc_GetField(self, 'filename2')
  if (fn !== null) {
    const head = `[Errno ${strOf(no, rt)}] ${strOf(se, rt)}: ${reprText(fn)}`
    return newStr(rt, fn2 !== null ? `${head} -> ${reprText(fn2)}` : head)
  }
  if (no !== null && se !== null) return newStr(rt, `[Errno ${strOf(no, rt)}] ${strOf(se, rt)}`)
  return BaseException_str(self)
}

/** The args with the file names put back, so that `OSError(*args)` rebuilds it. @cpython Objects/exceptions.c#OSError_reduce */
function OSError_reduce(self: PyObject): PyObject {
  const rt = rtOf(self)
  const e = self as PyBaseExceptionObject
  const items = argItems(self)
  const fn = _PyExc_GetField(self, 'filename')
  const fn2 = _PyExc_GetField(self, 'filename2')
  let args: PyObject
  if (items.length === 2 && fn !== null) {
    const parts = fn2 !== null ? [items[0]!, items[1]!, fn, rt.None, fn2] : [items[0]!, items[1]!, fn]
    args = PyTuple_Pack(rt, parts)
  } else {
    args = e.args ?? rt.None
    Py_INCREF(args)
  }
  try {
    return PyTuple_Pack(rt, e.dict !== null ? [self.ob_type, args, e.dict] : [self.ob_type, args])
  } finally {
    Py_DECREF(args)
  }
}

export const osErrorMethods: readonly PyMethodDef[] = [{ ml_name: '__reduce__', ml_meth: (self) => OSError_reduce(self), ml_flags: METH_NOARGS }]

export const osErrorGetset: readonly PyGetSetDef[] = [
  {
    name: 'characters_written',
    get: (self) => {
      const e = self as PyOSErrorObject
      if (e.written === -1) throw PyErr_Format(rtOf(self), 'AttributeError', 'characters_written')
      return PyLong_FromNumber(rtOf(self), e.written)
    },
    set: (self, value) => {
      const e = self as PyOSErrorObject
      if (value === null) {
        if (e.written === -1) throw PyErr_Format(rtOf(self), 'AttributeError', 'characters_written')
        e.written = -1
        return
      }
      e.written = PyNumber_AsSsize_t(rtOf(self), value, 'ValueError')
    },
  },
]

// ---------------------------------------------------------------------------------------------------------------
// SyntaxError
// ---------------------------------------------------------------------------------------------------------------

/**
 * `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`: the location tuple sets the fields
 * (3.8: exactly four items).
 * @cpython Objects/exceptions.c#SyntaxError_init
 */
export function SyntaxError_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  BaseException_init(self, args, kwds)
  const items = (args as PyTupleObject).ob_item
  if (items.length >= 1) _PyExc_SetField(self, 'msg', items[0]!)
  if (items.length !== 2) return
  const info = PySequence_Tuple(items[1]!)
  try {
    const v = (info as PyTupleObject).ob_item
    const hasEnd = has(rt, 'SyntaxError', 'end_lineno')
    if (!hasEnd) {
      if (v.length !== 4) throw PyErr_Format(rt, 'IndexError', 'tuple index out of range')
    } else {
      const max = has(rt, 'SyntaxError', 'metadata') ? 7 : 6
      if (v.length < 4) throw PyErr_Format(rt, 'TypeError', `function takes at least 4 arguments (${v.length} given)`)
      if (v.length > max) throw PyErr_Format(rt, 'TypeError', `function takes at most ${max} arguments (${v.length} given)`)
    }
    _PyExc_SetField(self, 'filename', v[0]!)
    _PyExc_SetField(self, 'lineno', v[1]!)
    _PyExc_SetField(self, 'offset', v[2]!)
    _PyExc_SetField(self, 'text', v[3]!)
    if (hasEnd) {
      _PyExc_SetField(self, 'end_lineno', v[4] ?? null)
      _PyExc_SetField(self, 'end_offset', v[5] ?? null)
      if (v.length > 6) _PyExc_SetField(self, 'metadata', v[6]!)
      if (v.length === 5) throw PyErr_Format(rt, 'TypeError', 'end_offset must be provided when end_lineno is provided')
    }
  } finally {
    Py_DECREF(info)
  }
}

/** `msg (file.py, line N)`: the file's base name and the line when they are set. @cpython Objects/exceptions.c#SyntaxError_str */
export function SyntaxError_str(self: PyObject): PyObject {
  const rt = rtOf(self)
  const msg = _PyExc_GetField(self, 'msg')
  const fnObj = _PyExc_GetField(self, 'filename')
  const lineno = _PyExc_GetField(self, 'lineno')
  const filename = fnObj !== null && PyUnicode_Check(fnObj) ? strValue(fnObj).slice(strValue(fnObj).lastIndexOf('/') + 1) : null
  const haveLineno = lineno !== null && lineno.ob_type === rt.types.int
  if (filename === null && !haveLineno) return PyObject_Str(msg ?? rt.None)
  const m = strOf(msg, rt)
  const line = haveLineno ? String(intValue(lineno)) : ''
  if (filename !== null && haveLineno) return newStr(rt, `${m} (${filename}, line ${line})`)
  if (filename !== null) return newStr(rt, `${m} (${filename})`)
  return newStr(rt, `${m} (line ${line})`)
}

/** A SyntaxError-family instance for the compiler's error data (`msg`, and the location tuple). A new reference. */
export function makeSyntaxErrorObject(
  rt: Runtime,
  info: { type: string; msg: string; filename: string; lineno: number; offset: number; text: string | null; end_lineno: number | null; end_offset: number | null },
): PyObject {
  const str = (s: string): PyObject => newStr(rt, s)
  const int = (n: number | null): PyObject => (n === null ? newNone(rt) : PyLong_FromNumber(rt, n))
  const loc: PyObject[] = [str(info.filename), int(info.lineno), int(info.offset), info.text !== null ? str(info.text) : newNone(rt)]
  if (has(rt, 'SyntaxError', 'end_lineno')) loc.push(int(info.end_lineno), int(info.end_offset))
  const msg = str(info.msg)
  const where = PyTuple_FromArraySteal(rt, loc)
  try {
    return PyObject_CallArgs(rt.exc[info.type] ?? rt.exc['SyntaxError']!, [msg, where])
  } finally {
    Py_DECREF(msg)
    Py_DECREF(where)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Unicode errors
// ---------------------------------------------------------------------------------------------------------------

/** `PyArg_ParseTuple` with `U` (str), `O` (any) and `n` (Py_ssize_t) codes; returns the borrowed items. */
function parseTuple(rt: Runtime, args: PyObject, codes: string): readonly PyObject[] {
  const items = (args as PyTupleObject).ob_item
  if (items.length !== codes.length) {
    throw PyErr_Format(rt, 'TypeError', `function takes exactly ${codes.length} arguments (${items.length} given)`)
  }
  for (let i = 0; i < codes.length; i++) {
    const v = items[i]!
    const c = codes[i]
    if (c === 'U' && !PyUnicode_Check(v)) throw PyErr_Format(rt, 'TypeError', `argument ${i + 1} must be str, not ${v.ob_type.tp_name}`)
    if (c === 'n') ssizeArg(rt, v)
  }
  return items
}

/** The `n` converter: an index-sized int (floats are refused). */
function ssizeArg(rt: Runtime, o: PyObject): number {
  const floatMsg = rt.profile.messages['ssizeArgFloat']
  if (floatMsg !== null && floatMsg !== undefined && o.ob_type === rt.types.float) throw PyErr_Format(rt, 'TypeError', floatMsg)
  return PyNumber_AsSsize_t(rt, o, 'OverflowError')
}

function setUnicodeFields(self: PyObject, encoding: PyObject | null, object: PyObject, start: PyObject, end: PyObject, reason: PyObject): void {
  const rt = rtOf(self)
  const e = self as PyUnicodeErrorObject
  _PyExc_SetField(self, 'encoding', encoding)
  _PyExc_SetField(self, 'object', object)
  e.start = ssizeArg(rt, start)
  e.end = ssizeArg(rt, end)
  _PyExc_SetField(self, 'reason', reason)
}

/** `(encoding, str, start, end, reason)`. @cpython Objects/exceptions.c#UnicodeEncodeError_init */
export function UnicodeEncodeError_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  BaseException_init(self, args, kwds)
  const [enc, obj, s, e, reason] = parseTuple(rtOf(self), args, 'UUnnU')
  setUnicodeFields(self, enc!, obj!, s!, e!, reason!)
}

/** `(encoding, bytes-like, start, end, reason)`: the object is kept as bytes. @cpython Objects/exceptions.c#UnicodeDecodeError_init */
export function UnicodeDecodeError_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  BaseException_init(self, args, kwds)
  const [enc, obj, s, e, reason] = parseTuple(rt, args, 'UOnnU')
  let bytes: PyObject
  if ((obj!.ob_type.tp_flags & (1 << 27)) !== 0) {
    bytes = obj!
    Py_INCREF(bytes)
  } else if (obj!.ob_type === rt.types['bytearray'] || obj!.ob_type === rt.types['memoryview']) {
    bytes = PyObject_CallArgs(rt.types.bytes, [obj!])
  } else throw PyErr_Format(rt, 'TypeError', `a bytes-like object is required, not '${obj!.ob_type.tp_name}'`)
  try {
    setUnicodeFields(self, enc!, bytes, s!, e!, reason!)
  } finally {
    Py_DECREF(bytes)
  }
}

/** `(str, start, end, reason)`; `encoding` stays None. @cpython Objects/exceptions.c#UnicodeTranslateError_init */
export function UnicodeTranslateError_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  BaseException_init(self, args, kwds)
  const [obj, s, e, reason] = parseTuple(rtOf(self), args, 'UnnU')
  setUnicodeFields(self, null, obj!, s!, e!, reason!)
}

function charEscape(c: number): string {
  if (c <= 0xff) return '\\x' + c.toString(16).padStart(2, '0')
  if (c <= 0xffff) return '\\u' + c.toString(16).padStart(4, '0')
  return '\\U' + c.toString(16).padStart(8, '0')
}

function codePoints(s: string): number[] {
  const out: number[] = []
  for (const ch of s) out.push(ch.codePointAt(0)!)
  return out
}

/** The bytes of a bytes object (`ob_sval`). */
function bytesData(o: PyObject): Uint8Array | null {
  const b = (o as unknown as { ob_sval?: Uint8Array }).ob_sval
  return b instanceof Uint8Array ? b : null
}

/**
 * `'enc' codec can't encode character '\xe9' in position 1: reason` (one character) or `characters in position s-e`.
 * @cpython Objects/exceptions.c#UnicodeEncodeError_str
 */
export function UnicodeEncodeError_str(self: PyObject): PyObject {
  return unicodeErrorStr(self, 'encode')
}

/** @cpython Objects/exceptions.c#UnicodeDecodeError_str */
export function UnicodeDecodeError_str(self: PyObject): PyObject {
  return unicodeErrorStr(self, 'decode')
}

/** @cpython Objects/exceptions.c#UnicodeTranslateError_str */
export function UnicodeTranslateError_str(self: PyObject): PyObject {
  return unicodeErrorStr(self, 'translate')
}

function unicodeErrorStr(self: PyObject, kind: 'encode' | 'decode' | 'translate'): PyObject {
  const rt = rtOf(self)
  const e = self as PyUnicodeErrorObject
  const obj = _PyExc_GetField(self, 'object')
  if (obj === null) return newStr(rt, '')
  const reason = strOf(_PyExc_GetField(self, 'reason'), rt)
  const { start, end } = e
  if (kind === 'decode') {
    const enc = strOf(_PyExc_GetField(self, 'encoding'), rt)
    const data = bytesData(obj)
    if (data !== null && start >= 0 && start < data.length && end === start + 1) {
      return newStr(rt, `'${enc}' codec can't decode byte 0x${data[start]!.toString(16).padStart(2, '0')} in position ${start}: ${reason}`)
    }
    return newStr(rt, `'${enc}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`)
  }
  const cps = PyUnicode_Check(obj) ? codePoints((obj as PyUnicodeObject).value) : []
  const one = start >= 0 && start < cps.length && end === start + 1
  if (kind === 'encode') {
    const enc = strOf(_PyExc_GetField(self, 'encoding'), rt)
    if (one) return newStr(rt, `'${enc}' codec can't encode character '${charEscape(cps[start]!)}' in position ${start}: ${reason}`)
    return newStr(rt, `'${enc}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`)
  }
  if (one) return newStr(rt, `can't translate character '${charEscape(cps[start]!)}' in position ${start}: ${reason}`)
  return newStr(rt, `can't translate characters in position ${start}-${end - 1}: ${reason}`)
}

export const unicodeErrorMembers: readonly PyMemberDef[] = [
  objectMember('encoding', 'encoding', 'exception encoding'),
  objectMember('object', 'object', 'exception object'),
  ssizeMember<PyUnicodeErrorObject>('start', (e) => e.start, (e, v) => (e.start = v), 'exception start'),
  ssizeMember<PyUnicodeErrorObject>('end', (e) => e.end, (e, v) => (e.end = v), 'exception end'),
  objectMember('reason', 'reason', 'exception reason'),
]

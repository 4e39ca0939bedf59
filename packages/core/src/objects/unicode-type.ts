/**
 * The `str` type's slots: repr/str, comparison, concatenation and repetition, `in`, length, indexing and slicing by
 * code point, iteration (`str_iterator` / `str_ascii_iterator`), the constructor and the small dunder methods.
 * @cpython Objects/unicodeobject.c
 */
import { PyErr_Format, PyErr_NoMemory } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyNumber_AsSsize_t, _PyIndex_Check } from './listobject.js'
import { PyLong_FromNumber } from './longobject.js'
import { PyObject_Str, notImplemented } from './protocols.js'
import { PySliceObject, PySlice_AdjustIndices, PySlice_Unpack, sliceBounds } from './sliceobject.js'
import { PyTuple_FromArraySteal } from './tupleobject.js'
import { PyUnicode_Check, fmt, newBool, trunc } from './type-util.js'
import { isPrintable } from './unicodectype.js'
import {
  PyUnicodeObject,
  PyUnicode_FromString,
  codePoints,
  fromCodePoints,
  get_latin1_char,
  isBmp,
  newUnicode,
  strKind,
} from './unicodeobject.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** The JS text of a str object (or str subclass instance). */
export function PyUnicode_AsString(op: PyObject): string {
  return (op as PyUnicodeObject).value
}

/** `PyUnicode_CheckExact`. */
export function PyUnicode_CheckExact(op: PyObject): boolean {
  return op.ob_type === rtOf(op).types.str
}

/**
 * `unicode_result_unchanged`: the object itself when it is an exact str, else an exact copy (a new reference).
 * @cpython Objects/unicodeobject.c#unicode_result_unchanged
 */
export function unicode_result_unchanged(op: PyObject): PyObject {
  if (PyUnicode_CheckExact(op)) {
    Py_INCREF(op)
    return op
  }
  return PyUnicode_FromString(rtOf(op), (op as PyUnicodeObject).value)
}

/** `unicode_char`: a one-character string (cached for latin-1). */
export function unicode_char(rt: Runtime, c: number): PyObject {
  if (c < 256) return get_latin1_char(rt, c)
  return newUnicode(rt, String.fromCodePoint(c))
}

/** `len()` in code points. */
export function unicode_length(self: PyObject): number {
  return (self as PyUnicodeObject).length
}

/* ------------------------------------------------------------------------------------------------------------ */
/* repr / str                                                                                                    */
/* ------------------------------------------------------------------------------------------------------------ */

function hex(c: number, n: number): string {
  return c.toString(16).padStart(n, '0')
}

/**
 * The text of `repr(s)`: single quotes unless the text has single quotes and no double quotes; backslash escapes
 * for the quote, backslash, \t \n \r, other control characters and non-printable characters.
 * @cpython Objects/unicodeobject.c#unicode_repr
 */
export function unicodeReprText(rt: Runtime, s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = quote
  let run = 0
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0x20 && c < 0x7f && c !== 0x5c && c !== quote.charCodeAt(0)) continue
    out += s.slice(run, i)
    run = i + 1
    if (c === quote.charCodeAt(0) || c === 0x5c) out += '\\' + s[i]
    else if (c === 0x09) out += '\\t'
    else if (c === 0x0a) out += '\\n'
    else if (c === 0x0d) out += '\\r'
    else if (c < 0x20 || c === 0x7f) out += '\\x' + hex(c, 2)
    else {
      let w = 1
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
          w = 2
        }
      }
      if (isPrintable(rt, c)) out += s.slice(i, i + w)
      else if (c <= 0xff) out += '\\x' + hex(c, 2)
      else if (c <= 0xffff) out += '\\u' + hex(c, 4)
      else out += '\\U' + hex(c, 8)
      i += w - 1
      run = i + 1
    }
  }
  return out + s.slice(run) + quote
}

/** @cpython Objects/unicodeobject.c#unicode_repr */
export function unicode_repr(self: PyObject): PyObject {
  const rt = rtOf(self)
  return PyUnicode_FromString(rt, unicodeReprText(rt, (self as PyUnicodeObject).value))
}

/** `ascii()`: the repr with every non-ASCII character escaped. @cpython Objects/object.c#PyObject_ASCII */
export function asciiEscape(s: string): string {
  let out = ''
  let run = 0
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c < 0x80) continue
    out += s.slice(run, i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      }
    }
    out += c <= 0xff ? '\\x' + hex(c, 2) : c <= 0xffff ? '\\u' + hex(c, 4) : '\\U' + hex(c, 8)
    run = i + 1
  }
  return out + s.slice(run)
}

/** `PyObject_ASCII(o)`: `repr(o)` with non-ASCII characters escaped (a new reference). */
export function PyObject_ASCII(o: PyObject): PyObject {
  const rt = rtOf(o)
  const r = o.ob_type.tp_repr!(o)
  const s = (r as PyUnicodeObject).value
  if ((r as PyUnicodeObject).ascii) return r
  Py_DECREF(r)
  return PyUnicode_FromString(rt, asciiEscape(s))
}

/** `str.__str__`. @cpython Objects/unicodeobject.c#unicode_str */
export function unicode_str(self: PyObject): PyObject {
  return unicode_result_unchanged(self)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Comparison                                                                                                    */
/* ------------------------------------------------------------------------------------------------------------ */

/** Code point order of two str objects: negative, zero or positive. */
export function unicode_compare(a: PyUnicodeObject, b: PyUnicodeObject): number {
  if (isBmp(a) && isBmp(b)) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0
  const x = codePoints(a)
  const y = codePoints(b)
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return x.length - y.length
}

/** @cpython Objects/unicodeobject.c#PyUnicode_RichCompare */
export function unicode_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = rtOf(v)
  if (!PyUnicode_Check(v) || !PyUnicode_Check(w)) return notImplemented(rt)
  if (v === w) return newBool(rt, op === Py_EQ || op === Py_LE || op === Py_GE)
  const a = v as PyUnicodeObject
  const b = w as PyUnicodeObject
  if (op === Py_EQ || op === Py_NE) return newBool(rt, (a.value === b.value) === (op === Py_EQ))
  const c = unicode_compare(a, b)
  return newBool(rt, op === Py_LT ? c < 0 : op === Py_LE ? c <= 0 : op === Py_GT ? c > 0 : c >= 0)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Sequence slots                                                                                                */
/* ------------------------------------------------------------------------------------------------------------ */

/** JS strings are limited; longer results raise MemoryError as an allocation failure would. */
const MAX_STR = 0x1fffffe8

/** @cpython Objects/unicodeobject.c#PyUnicode_Concat */
export function unicode_concat(left: PyObject, right: PyObject): PyObject {
  const rt = rtOf(left)
  if (!PyUnicode_Check(right)) {
    throw PyErr_Format(rt, 'TypeError', `can only concatenate str (not "${trunc(right.ob_type.tp_name, 200)}") to str`)
  }
  const a = left as PyUnicodeObject
  const b = right as PyUnicodeObject
  if (a.length === 0) return unicode_result_unchanged(b)
  if (b.length === 0) return unicode_result_unchanged(a)
  if (a.value.length + b.value.length > MAX_STR) throw PyErr_NoMemory(rt)
  return PyUnicode_FromString(rt, a.value + b.value)
}

/** @cpython Objects/unicodeobject.c#unicode_repeat */
export function unicode_repeat(self: PyObject, n: number): PyObject {
  const rt = rtOf(self)
  const s = self as PyUnicodeObject
  if (n < 1 || s.length === 0) return PyUnicode_FromString(rt, '')
  if (n === 1) return unicode_result_unchanged(s)
  if (s.length > 9223372036854775807 / n) throw PyErr_Format(rt, 'OverflowError', 'repeated string is too long')
  if (s.value.length * n > MAX_STR) throw PyErr_NoMemory(rt)
  return PyUnicode_FromString(rt, s.value.repeat(n))
}

/** `substr in s`. @cpython Objects/unicodeobject.c#PyUnicode_Contains */
export function unicode_contains(self: PyObject, sub: PyObject): boolean {
  const rt = rtOf(self)
  if (!PyUnicode_Check(sub)) {
    throw PyErr_Format(rt, 'TypeError', `'in <string>' requires string as left operand, not ${trunc(sub.ob_type.tp_name, 100)}`)
  }
  return (self as PyUnicodeObject).value.includes((sub as PyUnicodeObject).value)
}

/** @cpython Objects/unicodeobject.c#unicode_getitem */
export function unicode_getitem(self: PyObject, i: number): PyObject {
  const s = self as PyUnicodeObject
  const rt = rtOf(s)
  if (i < 0 || i >= s.length) throw PyErr_Format(rt, 'IndexError', 'string index out of range')
  return unicode_char(rt, isBmp(s) ? s.value.charCodeAt(i) : codePoints(s)[i]!)
}

/** The substring of code points [start, end) (a new reference). @cpython Objects/unicodeobject.c#PyUnicode_Substring */
export function PyUnicode_Substring(self: PyObject, start: number, end: number): PyObject {
  const s = self as PyUnicodeObject
  const rt = rtOf(s)
  if (start < 0) start = 0
  if (end > s.length) end = s.length
  if (start === 0 && end === s.length) return unicode_result_unchanged(s)
  if (start >= end) return PyUnicode_FromString(rt, '')
  if (isBmp(s)) return PyUnicode_FromString(rt, s.value.slice(start, end))
  return PyUnicode_FromString(rt, fromCodePoints(codePoints(s), start, end))
}

/** @cpython Objects/unicodeobject.c#unicode_subscript */
export function unicode_subscript(self: PyObject, item: PyObject): PyObject {
  const s = self as PyUnicodeObject
  const rt = rtOf(s)
  if (_PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(rt, item, 'IndexError')
    if (i < 0) i += s.length
    return unicode_getitem(s, i)
  }
  if (item instanceof PySliceObject) {
    PySlice_Unpack(item)
    const n = PySlice_AdjustIndices(s.length)
    const { start, step, stop } = sliceBounds
    if (n <= 0) return PyUnicode_FromString(rt, '')
    if (start === 0 && step === 1 && n === s.length) return unicode_result_unchanged(s)
    if (step === 1) return PyUnicode_Substring(s, start, stop)
    const bmp = isBmp(s)
    const cps = bmp ? null : codePoints(s)
    let out = ''
    for (let cur = start, i = 0; i < n; cur += step, i++) out += bmp ? s.value[cur]! : String.fromCodePoint(cps![cur]!)
    return PyUnicode_FromString(rt, out)
  }
  throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages['strIndices']!, { type: trunc(item.ob_type.tp_name, 200) }))
}

/** `str % args`. */
let formatHook: ((format: PyObject, args: PyObject) => PyObject) | null = null
export function _PyUnicode_SetFormatHook(f: (format: PyObject, args: PyObject) => PyObject): void {
  formatHook = f
}

/** `nb_remainder` of str. @cpython Objects/unicodeobject.c#unicode_mod */
export function unicode_mod(v: PyObject, w: PyObject): PyObject {
  if (!PyUnicode_Check(v)) return notImplemented(rtOf(v))
  return formatHook!(v, w)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Iterators                                                                                                     */
/* ------------------------------------------------------------------------------------------------------------ */

/** `str_iterator` / `str_ascii_iterator`: the string (owned; null once exhausted) and the next index. */
export class PyUnicodeIterObject extends PyObject {
  it_index = 0
  it_seq: PyUnicodeObject | null
  constructor(type: PyTypeObject, seq: PyUnicodeObject) {
    super(type)
    this.it_seq = seq
  }
}

/** @cpython Objects/unicodeobject.c#unicode_iter */
export function unicode_iter(self: PyObject): PyObject {
  const rt = rtOf(self)
  const s = self as PyUnicodeObject
  const t = s.ascii && rt.profile.objects.text.asciiIterator ? rt.types.str_ascii_iterator! : rt.types.str_iterator!
  Py_INCREF(s)
  const it = PyObject_GC_Init(rt, new PyUnicodeIterObject(t, s), t.tp_basicsize)
  _PyObject_GC_TRACK(it)
  return it
}

/** @cpython Objects/unicodeobject.c#unicodeiter_next */
export function unicodeiter_next(self: PyObject): PyObject | null {
  const it = self as PyUnicodeIterObject
  const seq = it.it_seq
  if (seq === null) return null
  if (it.it_index < seq.length) {
    const c = isBmp(seq) ? seq.value.charCodeAt(it.it_index) : codePoints(seq)[it.it_index]!
    it.it_index++
    return unicode_char(rtOf(it), c)
  }
  it.it_seq = null
  Py_DECREF(seq)
  return null
}

export function unicodeiter_dealloc(self: PyObject): void {
  const it = self as PyUnicodeIterObject
  if (it._gc_next !== null) _PyObject_GC_UNTRACK(it)
  const seq = it.it_seq
  it.it_seq = null
  if (seq !== null) Py_DECREF(seq)
  PyObject_GC_Del(it)
}

export function unicodeiter_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const seq = (self as PyUnicodeIterObject).it_seq
  return seq !== null ? visit(seq, arg) : 0
}

/** `__length_hint__`. */
export function unicodeiter_len(self: PyObject): PyObject {
  const it = self as PyUnicodeIterObject
  const n = it.it_seq === null ? 0 : Math.max(0, it.it_seq.length - it.it_index)
  return PyLong_FromNumber(rtOf(it), n)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Constructor                                                                                                   */
/* ------------------------------------------------------------------------------------------------------------ */

let decodeHook: ((rt: Runtime, obj: PyObject, encoding: string | null, errors: string | null) => PyObject) | null = null
/** Installs `PyUnicode_FromEncodedObject` (the codecs module sets it). */
export function _PyUnicode_SetDecodeHook(f: (rt: Runtime, obj: PyObject, encoding: string | null, errors: string | null) => PyObject): void {
  decodeHook = f
}

function strArg(rt: Runtime, o: PyObject, name: string): string {
  if (!PyUnicode_Check(o)) throw PyErr_Format(rt, 'TypeError', `str() argument '${name}' must be str, not ${o.ob_type.tp_name}`)
  return (o as PyUnicodeObject).value
}

/**
 * `str(object='')` / `str(object=b'', encoding='utf-8', errors='strict')` as an exact str (a new reference).
 * @cpython Objects/unicodeobject.c#unicode_new_impl
 */
export function unicode_new_impl(rt: Runtime, x: PyObject | null, encoding: PyObject | null, errors: PyObject | null): PyObject {
  if (x === null) return PyUnicode_FromString(rt, '')
  if (encoding === null && errors === null) return PyObject_Str(x)
  const enc = encoding === null ? null : strArg(rt, encoding, 'encoding')
  const err = errors === null ? null : strArg(rt, errors, 'errors')
  return decodeHook!(rt, x, enc, err)
}

/** Binds `str()`'s arguments with the profile's messages. */
export function unicode_new_args(rt: Runtime, args: readonly PyObject[], names: readonly string[]): (PyObject | null)[] {
  const nargs = args.length - names.length
  const params = ['object', 'encoding', 'errors']
  const clinic = rt.profile.objects.text.clinicStrNew
  if (nargs > 3) {
    throw PyErr_Format(rt, 'TypeError', clinic ? `str expected at most 3 arguments, got ${nargs}` : `str() takes at most 3 arguments (${args.length} given)`)
  }
  const out: (PyObject | null)[] = [null, null, null]
  for (let i = 0; i < nargs; i++) out[i] = args[i]!
  for (let j = 0; j < names.length; j++) {
    const ix = params.indexOf(names[j]!)
    if (ix < 0) {
      throw PyErr_Format(rt, 'TypeError', clinic ? `str() got an unexpected keyword argument '${names[j]}'` : `'${names[j]}' is an invalid keyword argument for str()`)
    }
    if (out[ix] !== null) {
      throw PyErr_Format(rt, 'TypeError', clinic ? `argument for str() given by name ('${params[ix]}') and position (${ix + 1})` : `argument for str() given by name ('${params[ix]}') and position (${ix + 1})`)
    }
    out[ix] = args[nargs + j]!
  }
  return out
}

/** A str subtype instance holding `value` (a new reference). @cpython Objects/unicodeobject.c#unicode_subtype_new */
export function unicode_subtype_new(type: PyTypeObject, value: string): PyObject {
  const k = strKind(value)
  const op = new PyUnicodeObject(type, value, k.kind, k.ascii, k.length)
  return PyType_GenericAllocObject(type, op, 0)
}

/** `str.__new__(type, ...)` for exact str and subtypes. */
export function unicode_new(type: PyTypeObject, args: readonly PyObject[], names: readonly string[]): PyObject {
  const rt = type.tp_runtime
  const [x, enc, err] = unicode_new_args(rt, args, names)
  const s = unicode_new_impl(rt, x, enc, err)
  if (type === rt.types.str) return s
  try {
    return unicode_subtype_new(type, (s as PyUnicodeObject).value)
  } finally {
    Py_DECREF(s)
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Small dunder methods                                                                                          */
/* ------------------------------------------------------------------------------------------------------------ */

/** `__getnewargs__`: a one-tuple with an exact copy. */
export function unicode_getnewargs(self: PyObject): PyObject {
  const rt = rtOf(self)
  const s = self as PyUnicodeObject
  const copy = s.length <= 1 ? PyUnicode_FromString(rt, s.value) : newUnicode(rt, s.value)
  return PyTuple_FromArraySteal(rt, [copy])
}

let formatSpecHook: ((rt: Runtime, value: string, spec: string) => string) | null = null
export function _PyUnicode_SetFormatSpecHook(f: (rt: Runtime, value: string, spec: string) => string): void {
  formatSpecHook = f
}

/** `str.__format__(spec)`. @cpython Objects/unicodeobject.c#unicode___format___impl */
export function unicode___format__(self: PyObject, spec: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyUnicode_Check(spec)) throw PyErr_Format(rt, 'TypeError', `__format__() argument must be str, not ${spec.ob_type.tp_name}`)
  const sp = (spec as PyUnicodeObject).value
  if (sp === '') return unicode_result_unchanged(self)
  return PyUnicode_FromString(rt, formatSpecHook!(rt, (self as PyUnicodeObject).value, sp))
}


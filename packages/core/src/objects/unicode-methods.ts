/**
 * The methods of `str`: searching, splitting, stripping, case conversion, classification, padding, translation,
 * encoding. Argument binding goes through `getargs.ts` with the profile's messages.
 * @cpython Objects/unicodeobject.c
 */
import { PyErr, PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { PyType_IsSubtype } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { encodeText } from './codecs.js'
import { PyDict_New, PyDict_SetItem, type PyDictObject } from './dictobject.js'
import { checkPositional, parseArgs } from './getargs.js'
import { PyList_FromArraySteal, PyNumber_AsSsize_t } from './listobject.js'
import { PyLong_FromNumber, intValue } from './longobject.js'
import { PyIter_Next, PyObject_GetItem, PyObject_GetIter, errMatches } from './protocols.js'
import { _PyEval_SliceIndex } from './sliceobject.js'
import * as SL from './stringlib.js'
import { PyTuple_FromArraySteal, type PyTupleObject } from './tupleobject.js'
import { PyLong_Check, PyUnicode_Check, newBool, trunc } from './type-util.js'
import * as U from './unicodectype.js'
import { PyUnicode_CheckExact, unicode_result_unchanged } from './unicode-type.js'
import { PyUnicodeObject, PyUnicode_FromString, codePoints, isBmp } from './unicodeobject.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

function val(o: PyObject): string {
  return (o as PyUnicodeObject).value
}

type Meth = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null) => PyObject

/** A str result: the object itself (exact str) when the text did not change. */
export function resultText(self: PyObject, s: string): PyObject {
  if (s === val(self)) return unicode_result_unchanged(self)
  return PyUnicode_FromString(rtOf(self), s)
}

/** A list of new str objects; a piece equal to the whole exact string is the string itself. */
function listOfText(self: PyObject, parts: readonly string[]): PyObject {
  const rt = rtOf(self)
  const whole = val(self)
  const exact = PyUnicode_CheckExact(self)
  const items = parts.map((p) => {
    if (exact && p === whole) {
      Py_INCREF(self)
      return self
    }
    return PyUnicode_FromString(rt, p)
  })
  return PyList_FromArraySteal(rt, items)
}

/* Index mapping between code points and UTF-16 units (identity without astral characters). */

function cpToUnit(self: PyUnicodeObject, i: number): number {
  if (isBmp(self)) return i
  const cps = codePoints(self)
  let u = 0
  for (let k = 0; k < i && k < cps.length; k++) u += cps[k]! > 0xffff ? 2 : 1
  return u
}

function unitToCp(self: PyUnicodeObject, u: number): number {
  if (isBmp(self) || u < 0) return u
  const v = self.value
  let n = 0
  for (let k = 0; k < u; k++) {
    const c = v.charCodeAt(k)
    if (c >= 0xdc00 && c <= 0xdfff && k > 0) {
      const p = v.charCodeAt(k - 1)
      if (p >= 0xd800 && p <= 0xdbff) continue
    }
    n++
  }
  return n
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Argument helpers                                                                                              */
/* ------------------------------------------------------------------------------------------------------------ */

/** The `Py_ssize_t` clinic converter. */
export function ssizeArg(rt: Runtime, o: PyObject): number {
  const floatMsg = rt.profile.messages['ssizeArgFloat']
  if (floatMsg !== null && floatMsg !== undefined && o.ob_type === rt.types.float) throw PyErr_Format(rt, 'TypeError', floatMsg)
  const notInt = rt.profile.messages['ssizeArgNotInt']
  if (notInt !== null && notInt !== undefined && !PyLong_Check(o) && o.ob_type.nb_index === null) {
    throw PyErr_Format(rt, 'TypeError', notInt.replace('{type}', o.ob_type.tp_name))
  }
  return PyNumber_AsSsize_t(rt, o, 'OverflowError')
}

/** `sub[, start[, end]]` of find/count/index …: the bound objects and the slice bounds (null = not given). */
export function parseFindArgs(rt: Runtime, name: string, args: readonly PyObject[], start: number, nargs: number): [PyObject, number | null, number | null] {
  if (rt.profile.objects.text.findArgs === 'clinic') checkPositional(rt, name, nargs, 1, 3)
  else if (nargs < 1) throw PyErr_Format(rt, 'TypeError', `${name}() takes at least 1 argument (${nargs} given)`)
  else if (nargs > 3) throw PyErr_Format(rt, 'TypeError', `${name}() takes at most 3 arguments (${nargs} given)`)
  const bound = (o: PyObject | undefined): number | null => (o === undefined || o === rt.None ? null : _PyEval_SliceIndex(rt, o))
  return [args[start]!, bound(nargs > 1 ? args[start + 1] : undefined), bound(nargs > 2 ? args[start + 2] : undefined)]
}

function subStr(rt: Runtime, name: string, o: PyObject): string {
  if (!PyUnicode_Check(o)) {
    const prefix = rt.profile.objects.text.findArgs === 'clinic' ? `${name}() argument 1 must be str, not ` : 'must be str, not '
    throw PyErr_Format(rt, 'TypeError', prefix + trunc(o.ob_type.tp_name, 200))
  }
  return val(o)
}

/** Slice bounds in units of `self`'s text, adjusted to its length in code points. */
function unitBounds(self: PyUnicodeObject, s: number | null, e: number | null): [number, number] {
  const [a, b] = SL.adjustIndices(s ?? 0, e ?? Number.MAX_SAFE_INTEGER, self.length)
  if (a > self.length) return [a - self.length + self.value.length, cpToUnit(self, b)]
  return [cpToUnit(self, a), cpToUnit(self, b)]
}

function findImpl(self: PyObject, args: readonly PyObject[], start: number, nargs: number, name: string, reverse: boolean): number {
  const rt = rtOf(self)
  const [subObj, s, e] = parseFindArgs(rt, name, args, start, nargs)
  const sub = subStr(rt, name, subObj)
  const u = self as PyUnicodeObject
  const [a, b] = unitBounds(u, s, e)
  return unitToCp(u, SL.findIn(u.value, sub, a, b, reverse))
}

function charPredicate(rt: Runtime, self: PyObject, pred: (rt: Runtime, c: number) => boolean): PyObject {
  const s = self as PyUnicodeObject
  if (s.length === 0) return newBool(rt, false)
  const cps = codePoints(s)
  for (const c of cps) if (!pred(rt, c)) return newBool(rt, false)
  return newBool(rt, true)
}

function fillChar(rt: Runtime, name: string, o: PyObject | undefined): string {
  if (o === undefined) return ' '
  if (!PyUnicode_Check(o)) throw PyErr_Format(rt, 'TypeError', `${name}() argument 2 must be str, not ${o.ob_type.tp_name}`)
  const s = o as PyUnicodeObject
  if (s.length !== 1) throw PyErr_Format(rt, 'TypeError', 'The fill character must be exactly one character long')
  return s.value
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Methods                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

/** @cpython Objects/unicodeobject.c#PyUnicode_Join */
export function PyUnicode_Join(separator: PyObject, iterable: PyObject): PyObject {
  const rt = rtOf(separator)
  const t = iterable.ob_type
  let items: PyObject[]
  let owned = false
  if (t === rt.types.list || t === rt.types.tuple) items = (iterable as unknown as { ob_item: PyObject[] }).ob_item.slice()
  else {
    let it: PyObject
    try {
      it = PyObject_GetIter(iterable)
    } catch (e) {
      if (e instanceof PyErr && errMatches(e, 'TypeError')) {
        Py_DECREF(e.exc)
        throw PyErr_Format(rt, 'TypeError', 'can only join an iterable')
      }
      throw e
    }
    items = []
    owned = true
    try {
      for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) items.push(x)
    } catch (e) {
      for (const x of items) Py_DECREF(x)
      throw e
    } finally {
      Py_DECREF(it)
    }
  }
  try {
    if (items.length === 1 && PyUnicode_CheckExact(items[0]!)) {
      Py_INCREF(items[0]!)
      return items[0]!
    }
    const parts: string[] = []
    for (let i = 0; i < items.length; i++) {
      const x = items[i]!
      if (!PyUnicode_Check(x)) throw PyErr_Format(rt, 'TypeError', `sequence item ${i}: expected str instance, ${trunc(x.ob_type.tp_name, 80)} found`)
      parts.push(val(x))
    }
    return PyUnicode_FromString(rt, parts.join(val(separator)))
  } finally {
    if (owned) for (const x of items) Py_DECREF(x)
  }
}

const str_join: Meth = (self, args, start) => PyUnicode_Join(self, args[start]!)

function splitArgs(rt: Runtime, name: string, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): [string | null, number] {
  const [sepObj, maxObj] = parseArgs(rt, name, args, start, nargs, kwnames, ['sep', 'maxsplit'], 0)
  let sep: string | null = null
  if (sepObj !== null && sepObj !== rt.None) {
    if (!PyUnicode_Check(sepObj)) throw PyErr_Format(rt, 'TypeError', `must be str or None, not ${sepObj.ob_type.tp_name}`)
    sep = val(sepObj)
    if (sep === '') throw PyErr_Format(rt, 'ValueError', 'empty separator')
  }
  return [sep, maxObj === null ? -1 : ssizeArg(rt, maxObj)]
}

const str_split: Meth = (self, args, start, nargs, kwnames) => {
  const rt = rtOf(self)
  const [sep, max] = splitArgs(rt, 'str.split', args, start, nargs, kwnames)
  const s = val(self)
  return listOfText(self, sep === null ? SL.splitWhitespace(s, max, U.isSpace) : SL.splitSep(s, sep, max))
}

const str_rsplit: Meth = (self, args, start, nargs, kwnames) => {
  const rt = rtOf(self)
  const [sep, max] = splitArgs(rt, 'str.rsplit', args, start, nargs, kwnames)
  const s = val(self)
  return listOfText(self, sep === null ? SL.rsplitWhitespace(s, max, U.isSpace) : SL.rsplitSep(s, sep, max))
}

/** A boolean argument converted with truth (`keepends`). */
function boolArg(rt: Runtime, o: PyObject | null): boolean {
  if (o === null) return false
  if (o.ob_type === rt.types.float) throw PyErr_Format(rt, 'TypeError', 'integer argument expected, got float')
  return o !== rt.False && o !== rt.None && !(PyLong_Check(o) && intValue(o) === 0) ? true : false
}

const str_splitlines: Meth = (self, args, start, nargs, kwnames) => {
  const rt = rtOf(self)
  const [keep] = parseArgs(rt, 'str.splitlines', args, start, nargs, kwnames, ['keepends'], 0)
  return listOfText(self, SL.splitLines(val(self), boolArg(rt, keep), U.isLinebreak))
}

function stripMeth(which: 0 | 1 | 2, name: string): Meth {
  return (self, args, start, nargs) => {
    const rt = rtOf(self)
    checkPositional(rt, name, nargs, 0, 1)
    const o = nargs > 0 ? args[start]! : rt.None
    let chars: string | null = null
    if (o !== rt.None) {
      if (!PyUnicode_Check(o)) throw PyErr_Format(rt, 'TypeError', `${name} arg must be None or str`)
      chars = val(o)
    }
    return resultText(self, SL.stripChars(val(self), chars, which, U.isSpace))
  }
}

const str_replace: Meth = (self, args, start, nargs, kwnames) => {
  const rt = rtOf(self)
  let oldObj: PyObject
  let newObj: PyObject
  let countObj: PyObject | null
  if (rt.profile.objects.text.replaceCountKeyword) {
    if (nargs < 2 && (kwnames === null || (kwnames as PyTupleObject).ob_item.length === 0)) {
      throw PyErr_Format(rt, 'TypeError', `replace() takes at least 2 positional arguments (${nargs} given)`)
    }
    ;[oldObj, newObj, countObj] = parseArgs(rt, 'replace', args, start, nargs, kwnames, ['old', 'new', 'count'], 2, 2) as [PyObject, PyObject, PyObject | null]
  } else {
    checkPositional(rt, 'replace', nargs, 2, 3)
    oldObj = args[start]!
    newObj = args[start + 1]!
    countObj = nargs > 2 ? args[start + 2]! : null
  }
  for (const [i, o] of [oldObj, newObj].entries()) {
    if (!PyUnicode_Check(o)) throw PyErr_Format(rt, 'TypeError', `replace() argument ${i + 1} must be str, not ${o.ob_type.tp_name}`)
  }
  const count = countObj === null ? -1 : ssizeArg(rt, countObj)
  return resultText(self, SL.replaceText(val(self), val(oldObj), val(newObj), count))
}

function findMeth(name: string, reverse: boolean, raise: boolean): Meth {
  return (self, args, start, nargs) => {
    const rt = rtOf(self)
    const i = findImpl(self, args, start, nargs, name, reverse)
    if (i < 0 && raise) throw PyErr_Format(rt, 'ValueError', 'substring not found')
    return PyLong_FromNumber(rt, i)
  }
}

const str_count: Meth = (self, args, start, nargs) => {
  const rt = rtOf(self)
  const [subObj, s, e] = parseFindArgs(rt, 'count', args, start, nargs)
  const sub = subStr(rt, 'count', subObj)
  const u = self as PyUnicodeObject
  const [a0, b0] = SL.adjustIndices(s ?? 0, e ?? Number.MAX_SAFE_INTEGER, u.length)
  // Empty needles count code points (one more than the positions between them).
  if (sub.length === 0) return PyLong_FromNumber(rt, b0 - a0 < 0 ? 0 : b0 - a0 + 1)
  if (a0 > u.length) return PyLong_FromNumber(rt, 0)
  return PyLong_FromNumber(rt, SL.countIn(u.value, sub, cpToUnit(u, a0), cpToUnit(u, b0)))
}

function tailMeth(name: string, atEnd: boolean): Meth {
  return (self, args, start, nargs) => {
    const rt = rtOf(self)
    const [subObj, s, e] = parseFindArgs(rt, name, args, start, nargs)
    const u = self as PyUnicodeObject
    const [a, b] = unitBounds(u, s, e)
    const test = (o: PyObject): boolean => SL.tailMatch(u.value, val(o), a, b, atEnd)
    if (subObj.ob_type === rt.types.tuple || PyType_IsSubtype(subObj.ob_type, rt.types.tuple)) {
      for (const item of (subObj as PyTupleObject).ob_item) {
        if (!PyUnicode_Check(item)) throw PyErr_Format(rt, 'TypeError', `tuple for ${name} must only contain str, not ${trunc(item.ob_type.tp_name, 100)}`)
        if (test(item)) return newBool(rt, true)
      }
      return newBool(rt, false)
    }
    if (!PyUnicode_Check(subObj)) throw PyErr_Format(rt, 'TypeError', `${name} first arg must be str or a tuple of str, not ${trunc(subObj.ob_type.tp_name, 100)}`)
    return newBool(rt, test(subObj))
  }
}

function mapCodePoints(self: PyObject, f: (cps: number[], i: number) => string): PyObject {
  const cps = codePoints(self as PyUnicodeObject)
  let out = ''
  for (let i = 0; i < cps.length; i++) out += f(cps, i)
  return resultText(self, out)
}

const str_lower: Meth = (self) => {
  const rt = rtOf(self)
  const u = self as PyUnicodeObject
  if (u.ascii) return resultText(self, u.value.toLowerCase())
  return mapCodePoints(self, (cps, i) => U.lowerAt(rt, cps, i))
}

const str_upper: Meth = (self) => {
  const rt = rtOf(self)
  const u = self as PyUnicodeObject
  if (u.ascii) return resultText(self, u.value.toUpperCase())
  return mapCodePoints(self, (cps, i) => U.upperFull(rt, cps[i]!))
}

const str_swapcase: Meth = (self) => {
  const rt = rtOf(self)
  return mapCodePoints(self, (cps, i) => {
    const c = cps[i]!
    if (U.isUpper(rt, c)) return U.lowerAt(rt, cps, i)
    if (U.isLower(rt, c)) return U.upperFull(rt, c)
    return String.fromCodePoint(c)
  })
}

const str_casefold: Meth = (self) => {
  const rt = rtOf(self)
  return mapCodePoints(self, (cps, i) => U.foldFull(rt, cps[i]!))
}

const str_title: Meth = (self) => {
  const rt = rtOf(self)
  let prevCased = false
  return mapCodePoints(self, (cps, i) => {
    const c = cps[i]!
    const r = prevCased ? U.lowerAt(rt, cps, i) : U.titleFull(rt, c)
    prevCased = U.isCased(rt, c)
    return r
  })
}

const str_capitalize: Meth = (self) => {
  const rt = rtOf(self)
  return mapCodePoints(self, (cps, i) => (i === 0 ? U.titleFull(rt, cps[0]!) : U.lowerAt(rt, cps, i)))
}

const str_isupper: Meth = (self) => {
  const rt = rtOf(self)
  let cased = false
  for (const c of codePoints(self as PyUnicodeObject)) {
    if (U.isLower(rt, c) || U.isTitle(rt, c)) return newBool(rt, false)
    if (!cased && U.isUpper(rt, c)) cased = true
  }
  return newBool(rt, cased)
}

const str_islower: Meth = (self) => {
  const rt = rtOf(self)
  let cased = false
  for (const c of codePoints(self as PyUnicodeObject)) {
    if (U.isUpper(rt, c) || U.isTitle(rt, c)) return newBool(rt, false)
    if (!cased && U.isLower(rt, c)) cased = true
  }
  return newBool(rt, cased)
}

const str_istitle: Meth = (self) => {
  const rt = rtOf(self)
  let cased = false
  let prevCased = false
  for (const c of codePoints(self as PyUnicodeObject)) {
    if (U.isUpper(rt, c) || U.isTitle(rt, c)) {
      if (prevCased) return newBool(rt, false)
      prevCased = true
      cased = true
    } else if (U.isLower(rt, c)) {
      if (!prevCased) return newBool(rt, false)
      prevCased = true
      cased = true
    } else prevCased = false
  }
  return newBool(rt, cased)
}

const str_isidentifier: Meth = (self) => {
  const rt = rtOf(self)
  const cps = codePoints(self as PyUnicodeObject)
  if (cps.length === 0) return newBool(rt, false)
  if (!U.isXidStart(rt, cps[0]!) && cps[0] !== 95) return newBool(rt, false)
  for (let i = 1; i < cps.length; i++) if (!U.isXidContinue(rt, cps[i]!)) return newBool(rt, false)
  return newBool(rt, true)
}

const str_isprintable: Meth = (self) => {
  const rt = rtOf(self)
  for (const c of codePoints(self as PyUnicodeObject)) if (!U.isPrintable(rt, c)) return newBool(rt, false)
  return newBool(rt, true)
}

const str_isascii: Meth = (self) => newBool(rtOf(self), (self as PyUnicodeObject).ascii)

function padArgs(rt: Runtime, name: string, args: readonly PyObject[], start: number, nargs: number): [number, string] {
  checkPositional(rt, name, nargs, 1, 2)
  return [ssizeArg(rt, args[start]!), fillChar(rt, name, nargs > 1 ? args[start + 1] : undefined)]
}

const str_center: Meth = (self, args, start, nargs) => {
  const rt = rtOf(self)
  const [width, fill] = padArgs(rt, 'center', args, start, nargs)
  const u = self as PyUnicodeObject
  if (u.length >= width) return unicode_result_unchanged(self)
  const left = SL.centerLeft(u.length, width)
  return PyUnicode_FromString(rt, SL.pad(u.value, left, width - u.length - left, fill))
}

const str_ljust: Meth = (self, args, start, nargs) => {
  const rt = rtOf(self)
  const [width, fill] = padArgs(rt, 'ljust', args, start, nargs)
  const u = self as PyUnicodeObject
  if (u.length >= width) return unicode_result_unchanged(self)
  return PyUnicode_FromString(rt, SL.pad(u.value, 0, width - u.length, fill))
}

const str_rjust: Meth = (self, args, start, nargs) => {
  const rt = rtOf(self)
  const [width, fill] = padArgs(rt, 'rjust', args, start, nargs)
  const u = self as PyUnicodeObject
  if (u.length >= width) return unicode_result_unchanged(self)
  return PyUnicode_FromString(rt, SL.pad(u.value, width - u.length, 0, fill))
}

const str_zfill: Meth = (self, args, start) => {
  const rt = rtOf(self)
  const u = self as PyUnicodeObject
  const width = ssizeArg(rt, args[start]!)
  if (u.length >= width) return unicode_result_unchanged(self)
  return PyUnicode_FromString(rt, SL.zfill(u.value, u.length, width))
}

function partitionImpl(self: PyObject, sepObj: PyObject, reverse: boolean): PyObject {
  const rt = rtOf(self)
  if (!PyUnicode_Check(sepObj)) throw PyErr_Format(rt, 'TypeError', `must be str, not ${sepObj.ob_type.tp_name}`)
  const sep = val(sepObj)
  if (sep === '') throw PyErr_Format(rt, 'ValueError', 'empty separator')
  const s = val(self)
  const i = reverse ? s.lastIndexOf(sep) : s.indexOf(sep)
  const empty = (): PyObject => PyUnicode_FromString(rt, '')
  if (i < 0) {
    const whole = unicode_result_unchanged(self)
    return PyTuple_FromArraySteal(rt, reverse ? [empty(), empty(), whole] : [whole, empty(), empty()])
  }
  Py_INCREF(sepObj)
  const sepOut = PyUnicode_CheckExact(sepObj) ? sepObj : (Py_DECREF(sepObj), PyUnicode_FromString(rt, sep))
  return PyTuple_FromArraySteal(rt, [PyUnicode_FromString(rt, s.slice(0, i)), sepOut, PyUnicode_FromString(rt, s.slice(i + sep.length))])
}

const str_partition: Meth = (self, args, start) => partitionImpl(self, args[start]!, false)
const str_rpartition: Meth = (self, args, start) => partitionImpl(self, args[start]!, true)

const str_expandtabs: Meth = (self, args, start, nargs, kwnames) => {
  const rt = rtOf(self)
  const [t] = parseArgs(rt, 'str.expandtabs', args, start, nargs, kwnames, ['tabsize'], 0)
  const tab = t === null ? 8 : ssizeArg(rt, t)
  const s = val(self)
  if (!s.includes('\t')) return unicode_result_unchanged(self)
  return PyUnicode_FromString(rt, SL.expandTabs(s, tab))
}

function encodingArgs(rt: Runtime, fname: string, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): [string, string] {
  const [e, r] = parseArgs(rt, fname, args, start, nargs, kwnames, ['encoding', 'errors'], 0)
  const shown = fname.slice(fname.indexOf('.') + 1)
  const get = (o: PyObject | null, name: string, def: string, pos: number): string => {
    if (o === null) return def
    if (!PyUnicode_Check(o)) throw PyErr_Format(rt, 'TypeError', `${shown}() argument ${nargs >= pos ? pos : `'${name}'`} must be str, not ${o.ob_type.tp_name}`)
    return val(o)
  }
  return [get(e, 'encoding', 'utf-8', 1), get(r, 'errors', 'strict', 2)]
}

let bytesFromArray: ((rt: Runtime, b: Uint8Array) => PyObject) | null = null
/** Installed by the bytes module. */
export function _PyUnicode_SetBytesFactory(f: (rt: Runtime, b: Uint8Array) => PyObject): void {
  bytesFromArray = f
}

const str_encode: Meth = (self, args, start, nargs, kwnames) => {
  const rt = rtOf(self)
  const [enc, errors] = encodingArgs(rt, 'str.encode', args, start, nargs, kwnames)
  return bytesFromArray!(rt, encodeText(rt, val(self), enc, errors))
}

const str_removeprefix: Meth = (self, args, start) => {
  const rt = rtOf(self)
  const p = args[start]!
  if (!PyUnicode_Check(p)) throw PyErr_Format(rt, 'TypeError', `removeprefix() argument must be str, not ${p.ob_type.tp_name}`)
  const s = val(self)
  const v = val(p)
  if (v.length > 0 && s.startsWith(v)) return PyUnicode_FromString(rt, s.slice(v.length))
  return unicode_result_unchanged(self)
}

const str_removesuffix: Meth = (self, args, start) => {
  const rt = rtOf(self)
  const p = args[start]!
  if (!PyUnicode_Check(p)) throw PyErr_Format(rt, 'TypeError', `removesuffix() argument must be str, not ${p.ob_type.tp_name}`)
  const s = val(self)
  const v = val(p)
  if (v.length > 0 && s.endsWith(v)) return PyUnicode_FromString(rt, s.slice(0, s.length - v.length))
  return unicode_result_unchanged(self)
}

/* translate / maketrans */

/** @cpython Objects/unicodeobject.c#unicode_maketrans_impl */
const str_maketrans: Meth = (_type, args, start, nargs) => {
  const rt = rtOf(args[start] ?? _type)
  checkPositional(rt, 'maketrans', nargs, 1, 3)
  const x = args[start]!
  const d = PyDict_New(rt)
  try {
    const set = (k: PyObject, v: PyObject): void => {
      PyDict_SetItem(d, k, v)
    }
    if (nargs === 1) {
      if (x.ob_type !== rt.types.dict && !PyType_IsSubtype(x.ob_type, rt.types.dict)) {
        throw PyErr_Format(rt, 'TypeError', 'if you give only one argument to maketrans it must be a dict')
      }
      const src = x as PyDictObject
      for (let i = 0; i < src.ma_keys.length; i++) {
        const k = src.ma_keys[i]
        if (k === undefined) continue
        const v = src.ma_values[i]!
        if (PyUnicode_Check(k)) {
          const ku = k as PyUnicodeObject
          if (ku.length !== 1) throw PyErr_Format(rt, 'ValueError', 'string keys in translate table must be of length 1')
          const kk = PyLong_FromNumber(rt, codePoints(ku)[0]!)
          try {
            set(kk, v)
          } finally {
            Py_DECREF(kk)
          }
        } else if (PyLong_Check(k)) set(k, v)
        else throw PyErr_Format(rt, 'TypeError', 'keys in translate table must be strings or integers')
      }
      return d
    }
    const y = args[start + 1]!
    if (!PyUnicode_Check(x)) throw PyErr_Format(rt, 'TypeError', `maketrans() argument 1 must be str, not ${x.ob_type.tp_name}`)
    if (!PyUnicode_Check(y)) throw PyErr_Format(rt, 'TypeError', `maketrans() argument 2 must be str, not ${y.ob_type.tp_name}`)
    const xs = codePoints(x as PyUnicodeObject)
    const ys = codePoints(y as PyUnicodeObject)
    if (xs.length !== ys.length) throw PyErr_Format(rt, 'ValueError', 'the first two maketrans arguments must have equal length')
    for (let i = 0; i < xs.length; i++) {
      const k = PyLong_FromNumber(rt, xs[i]!)
      const v = PyLong_FromNumber(rt, ys[i]!)
      set(k, v)
      Py_DECREF(k)
      Py_DECREF(v)
    }
    if (nargs > 2) {
      const z = args[start + 2]!
      if (!PyUnicode_Check(z)) throw PyErr_Format(rt, 'TypeError', `maketrans() argument 3 must be str, not ${z.ob_type.tp_name}`)
      for (const c of codePoints(z as PyUnicodeObject)) {
        const k = PyLong_FromNumber(rt, c)
        set(k, rt.None)
        Py_DECREF(k)
      }
    }
    return d
  } catch (e) {
    Py_DECREF(d)
    throw e
  }
}

/** @cpython Objects/unicodeobject.c#_PyUnicode_TranslateCharmap */
const str_translate: Meth = (self, args, start) => {
  const rt = rtOf(self)
  const table = args[start]!
  const cps = codePoints(self as PyUnicodeObject)
  let out = ''
  const cache = new Map<number, string | null>()
  for (const c of cps) {
    let r = cache.get(c)
    if (r === undefined) {
      const key = PyLong_FromNumber(rt, c)
      let v: PyObject | null = null
      try {
        v = PyObject_GetItem(table, key)
      } catch (e) {
        if (!errMatches(e, 'LookupError')) throw e
        Py_DECREF(e.exc)
      } finally {
        Py_DECREF(key)
      }
      if (v === null) r = String.fromCodePoint(c)
      else {
        try {
          if (v === rt.None) r = null
          else if (PyLong_Check(v)) {
            const n = Number(intValue(v))
            if (n < 0 || n > 0x10ffff) throw PyErr_Format(rt, 'ValueError', 'character mapping must be in range(0x110000)')
            r = String.fromCodePoint(n)
          } else if (PyUnicode_Check(v)) r = val(v)
          else throw PyErr_Format(rt, 'TypeError', 'character mapping must return integer, None or str')
        } finally {
          Py_DECREF(v)
        }
      }
      cache.set(c, r)
    }
    if (r !== null) out += r
  }
  return resultText(self, out)
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The method table                                                                                              */
/* ------------------------------------------------------------------------------------------------------------ */

export interface StrMethod {
  name: string
  fn: Meth
  kind: 'noargs' | 'o' | 'fast' | 'fastkw' | 'static'
}

const isMeth = (pred: (rt: Runtime, c: number) => boolean): Meth => (self) => charPredicate(rtOf(self), self, pred)

/** The str methods in CPython's `unicode_methods` order. */
export function strMethods(rt: Runtime): StrMethod[] {
  const m: StrMethod[] = [
    { name: 'encode', fn: str_encode, kind: 'fastkw' },
    { name: 'replace', fn: str_replace, kind: rt.profile.objects.text.replaceCountKeyword ? 'fastkw' : 'fast' },
    { name: 'split', fn: str_split, kind: 'fastkw' },
    { name: 'rsplit', fn: str_rsplit, kind: 'fastkw' },
    { name: 'join', fn: str_join, kind: 'o' },
    { name: 'capitalize', fn: str_capitalize, kind: 'noargs' },
    { name: 'casefold', fn: str_casefold, kind: 'noargs' },
    { name: 'title', fn: str_title, kind: 'noargs' },
    { name: 'center', fn: str_center, kind: 'fast' },
    { name: 'count', fn: str_count, kind: 'fast' },
    { name: 'expandtabs', fn: str_expandtabs, kind: 'fastkw' },
    { name: 'find', fn: findMeth('find', false, false), kind: 'fast' },
    { name: 'partition', fn: str_partition, kind: 'o' },
    { name: 'index', fn: findMeth('index', false, true), kind: 'fast' },
    { name: 'ljust', fn: str_ljust, kind: 'fast' },
    { name: 'lower', fn: str_lower, kind: 'noargs' },
    { name: 'lstrip', fn: stripMeth(0, 'lstrip'), kind: 'fast' },
    { name: 'rfind', fn: findMeth('rfind', true, false), kind: 'fast' },
    { name: 'rindex', fn: findMeth('rindex', true, true), kind: 'fast' },
    { name: 'rjust', fn: str_rjust, kind: 'fast' },
    { name: 'rstrip', fn: stripMeth(1, 'rstrip'), kind: 'fast' },
    { name: 'rpartition', fn: str_rpartition, kind: 'o' },
    { name: 'splitlines', fn: str_splitlines, kind: 'fastkw' },
    { name: 'strip', fn: stripMeth(2, 'strip'), kind: 'fast' },
    { name: 'swapcase', fn: str_swapcase, kind: 'noargs' },
    { name: 'translate', fn: str_translate, kind: 'o' },
    { name: 'upper', fn: str_upper, kind: 'noargs' },
    { name: 'startswith', fn: tailMeth('startswith', false), kind: 'fast' },
    { name: 'endswith', fn: tailMeth('endswith', true), kind: 'fast' },
  ]
  if (rt.profile.objects.text.removeprefix) {
    m.push({ name: 'removeprefix', fn: str_removeprefix, kind: 'o' }, { name: 'removesuffix', fn: str_removesuffix, kind: 'o' })
  }
  m.push(
    { name: 'isascii', fn: str_isascii, kind: 'noargs' },
    { name: 'islower', fn: str_islower, kind: 'noargs' },
    { name: 'isupper', fn: str_isupper, kind: 'noargs' },
    { name: 'istitle', fn: str_istitle, kind: 'noargs' },
    { name: 'isspace', fn: isMeth((_rt, c) => U.isSpace(c)), kind: 'noargs' },
    { name: 'isdecimal', fn: isMeth(U.isDecimal), kind: 'noargs' },
    { name: 'isdigit', fn: isMeth(U.isDigit), kind: 'noargs' },
    { name: 'isnumeric', fn: isMeth(U.isNumeric), kind: 'noargs' },
    { name: 'isalpha', fn: isMeth(U.isAlpha), kind: 'noargs' },
    { name: 'isalnum', fn: isMeth(U.isAlnum), kind: 'noargs' },
    { name: 'isidentifier', fn: str_isidentifier, kind: 'noargs' },
    { name: 'isprintable', fn: str_isprintable, kind: 'noargs' },
    { name: 'zfill', fn: str_zfill, kind: 'o' },
    { name: 'maketrans', fn: str_maketrans, kind: 'static' },
  )
  return m
}


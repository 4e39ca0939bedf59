/**
 * The methods bytes and bytearray share (searching, splitting, padding, ASCII case and classes, hex, decode,
 * translate), on latin-1 text through `stringlib.ts`. `make` builds a result of the receiver's kind.
 * @cpython Objects/bytes_methods.c
 * @cpython Objects/stringlib/transmogrify.h
 */
import { PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF } from '../object/refcount.js'
import { PyType_IsSubtype } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { bufferOf, fromLatin1, latin1, needBuffer } from './bytesobject.js'
import { decodeBytes } from './codecs.js'
import { checkPositional } from './getargs.js'
import { PyList_FromArraySteal, PyNumber_AsSsize_t, _PyIndex_Check } from './listobject.js'
import { PyLong_FromNumber } from './longobject.js'
import { PyIter_Next, PyObject_GetIter } from './protocols.js'
import * as SL from './stringlib.js'
import { PyTuple_FromArraySteal, type PyTupleObject } from './tupleobject.js'
import { PyUnicode_Check, newBool, trunc } from './type-util.js'
import { boolArg, clinicArgs, intArg, parseFindArgs, ssizeArg } from './unicode-methods.js'
import { PyUnicode_FromString, type PyUnicodeObject } from './unicodeobject.js'

type Meth = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null) => PyObject

export interface BytesKind {
  /** The type name in messages ('bytes' / 'bytearray'). */
  name: string
  /** A result of the receiver's kind from latin-1 text; `self` may be returned when unchanged (bytes only). */
  make(self: PyObject, s: string): PyObject
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

function text(self: PyObject): string {
  return latin1(bufferOf(self)!)
}

/** `Py_ISSPACE` for bytes: space, \t \n \v \f \r. */
export const isSpaceByte = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d)
const isBreakByte = (c: number): boolean => c === 0x0a || c === 0x0d
const isLowerByte = (c: number): boolean => c >= 0x61 && c <= 0x7a
const isUpperByte = (c: number): boolean => c >= 0x41 && c <= 0x5a
const isAlphaByte = (c: number): boolean => isLowerByte(c) || isUpperByte(c)
const isDigitByte = (c: number): boolean => c >= 0x30 && c <= 0x39

/** A needle for find/count/index: bytes-like, or an int in range(256). */
function needle(rt: Runtime, o: PyObject): string {
  if (_PyIndex_Check(o)) {
    const v = PyNumber_AsSsize_t(rt, o, null)
    if (v < 0 || v > 255) throw PyErr_Format(rt, 'ValueError', 'byte must be in range(0, 256)')
    return String.fromCharCode(v)
  }
  const b = bufferOf(o)
  if (b === null) throw PyErr_Format(rt, 'TypeError', `argument should be integer or bytes-like object, not '${trunc(o.ob_type.tp_name, 200)}'`)
  return latin1(b)
}

function findMeth(name: string, reverse: boolean, raise: boolean): Meth {
  return (self, args, start, nargs) => {
    const rt = rtOf(self)
    const [subObj, s, e] = parseFindArgs(rt, name, args, start, nargs)
    const t = text(self)
    const [a, b] = SL.adjustIndices(s ?? 0, e ?? Number.MAX_SAFE_INTEGER, t.length)
    const i = SL.findIn(t, needle(rt, subObj), a, b, reverse)
    if (i < 0 && raise) throw PyErr_Format(rt, 'ValueError', 'subsection not found')
    return PyLong_FromNumber(rt, i)
  }
}

const count: Meth = (self, args, start, nargs) => {
  const rt = rtOf(self)
  const [subObj, s, e] = parseFindArgs(rt, 'count', args, start, nargs)
  const t = text(self)
  const [a, b] = SL.adjustIndices(s ?? 0, e ?? Number.MAX_SAFE_INTEGER, t.length)
  return PyLong_FromNumber(rt, SL.countIn(t, needle(rt, subObj), a, b))
}

function tailMeth(kind: BytesKind, name: string, atEnd: boolean): Meth {
  return (self, args, start, nargs) => {
    const rt = rtOf(self)
    const [subObj, s, e] = parseFindArgs(rt, name, args, start, nargs)
    const t = text(self)
    const [a, b] = SL.adjustIndices(s ?? 0, e ?? Number.MAX_SAFE_INTEGER, t.length)
    if (subObj.ob_type === rt.types.tuple || PyType_IsSubtype(subObj.ob_type, rt.types.tuple)) {
      for (const item of (subObj as PyTupleObject).ob_item) {
        const ib = bufferOf(item)
        if (ib === null) throw PyErr_Format(rt, 'TypeError', `a bytes-like object is required, not '${trunc(item.ob_type.tp_name, 100)}'`)
        if (SL.tailMatch(t, latin1(ib), a, b, atEnd)) return newBool(rt, true)
      }
      return newBool(rt, false)
    }
    const sb = bufferOf(subObj)
    if (sb === null) throw PyErr_Format(rt, 'TypeError', `${name} first arg must be bytes or a tuple of bytes, not ${trunc(subObj.ob_type.tp_name, 100)}`)
    void kind
    return newBool(rt, SL.tailMatch(t, latin1(sb), a, b, atEnd))
  }
}

function listOf(kind: BytesKind, self: PyObject, parts: readonly string[]): PyObject {
  const rt = rtOf(self)
  return PyList_FromArraySteal(rt, parts.map((p) => kind.make(self, p)))
}

function splitArgs(rt: Runtime, fname: string, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): [string | null, number] {
  const [sepObj, maxObj] = clinicArgs(rt, fname, args, start, nargs, kwnames, ['sep', 'maxsplit'], 0)
  let sep: string | null = null
  if (sepObj !== null && sepObj !== rt.None) {
    sep = latin1(needBuffer(rt, sepObj))
    if (sep === '') throw PyErr_Format(rt, 'ValueError', 'empty separator')
  }
  return [sep, maxObj === null ? -1 : ssizeArg(rt, maxObj)]
}

function stripMeth(kind: BytesKind, which: 0 | 1 | 2, name: string): Meth {
  return (self, args, start, nargs) => {
    const rt = rtOf(self)
    checkPositional(rt, name, nargs, 0, 1)
    const o = nargs > 0 ? args[start]! : rt.None
    const chars = o === rt.None ? null : latin1(needBuffer(rt, o))
    return kind.make(self, SL.stripChars(text(self), chars, which, isSpaceByte))
  }
}

function fill(rt: Runtime, name: string, o: PyObject | undefined): string {
  if (o === undefined) return ' '
  const b = bufferOf(o)
  if (b === null || b.length !== 1) {
    throw PyErr_Format(rt, 'TypeError', `${name}() argument 2 must be a byte string of length 1, not ${o.ob_type.tp_name}`)
  }
  return String.fromCharCode(b[0]!)
}

function padMeth(kind: BytesKind, name: 'center' | 'ljust' | 'rjust'): Meth {
  return (self, args, start, nargs) => {
    const rt = rtOf(self)
    checkPositional(rt, name, nargs, 1, 2)
    const width = ssizeArg(rt, args[start]!)
    const f = fill(rt, name, nargs > 1 ? args[start + 1] : undefined)
    const t = text(self)
    if (t.length >= width) return kind.make(self, t)
    const left = name === 'center' ? SL.centerLeft(t.length, width) : name === 'ljust' ? 0 : width - t.length
    return kind.make(self, SL.pad(t, left, width - t.length - left, f))
  }
}

function mapBytes(kind: BytesKind, f: (c: number, prev: number) => number): Meth {
  return (self) => {
    const b = bufferOf(self)!
    const out = new Uint8Array(b.length)
    for (let i = 0; i < b.length; i++) out[i] = f(b[i]!, i === 0 ? -1 : b[i - 1]!)
    return kind.make(self, latin1(out))
  }
}

const lowerB = (c: number): number => (isUpperByte(c) ? c + 32 : c)
const upperB = (c: number): number => (isLowerByte(c) ? c - 32 : c)

function predicate(f: (b: Uint8Array) => boolean): Meth {
  return (self) => newBool(rtOf(self), f(bufferOf(self)!))
}

const all = (pred: (c: number) => boolean) => (b: Uint8Array): boolean => b.length > 0 && b.every(pred)

/** `bytes.join` / `bytearray.join`. @cpython Objects/stringlib/join.h#STRINGLIB(bytes_join) */
function joinMeth(kind: BytesKind): Meth {
  return (self, args, start) => {
    const rt = rtOf(self)
    const it = PyObject_GetIter(args[start]!)
    const parts: string[] = []
    try {
      for (let v = PyIter_Next(it), i = 0; v !== null; v = PyIter_Next(it), i++) {
        try {
          const b = bufferOf(v)
          if (b === null) throw PyErr_Format(rt, 'TypeError', `sequence item ${i}: expected a bytes-like object, ${trunc(v.ob_type.tp_name, 80)} found`)
          parts.push(latin1(b))
        } finally {
          Py_DECREF(v)
        }
      }
    } finally {
      Py_DECREF(it)
    }
    return kind.make(self, parts.join(text(self)))
  }
}

function partitionMeth(kind: BytesKind, reverse: boolean): Meth {
  return (self, args, start) => {
    const rt = rtOf(self)
    const sep = latin1(needBuffer(rt, args[start]!))
    if (sep === '') throw PyErr_Format(rt, 'ValueError', 'empty separator')
    const t = text(self)
    const i = reverse ? t.lastIndexOf(sep) : t.indexOf(sep)
    const mk = (s: string): PyObject => kind.make(self, s)
    if (i < 0) return PyTuple_FromArraySteal(rt, reverse ? [mk(''), mk(''), mk(t)] : [mk(t), mk(''), mk('')])
    return PyTuple_FromArraySteal(rt, [mk(t.slice(0, i)), mk(sep), mk(t.slice(i + sep.length))])
  }
}

/** `bytes.hex([sep[, bytes_per_sep]])`. @cpython Python/pystrhex.c#_Py_strhex_impl */
export function hexText(rt: Runtime, b: Uint8Array, sepObj: PyObject | null, perObj: PyObject | null): string {
  const hex = Array.from(b, (c) => c.toString(16).padStart(2, '0'))
  if (sepObj === null) return hex.join('')
  let sep: string
  if (PyUnicode_Check(sepObj)) sep = (sepObj as PyUnicodeObject).value
  else {
    const sb = bufferOf(sepObj)
    if (sb === null) throw PyErr_Format(rt, 'TypeError', `object of type '${sepObj.ob_type.tp_name}' has no len()`)
    sep = latin1(sb)
  }
  if (sep.length !== 1) throw PyErr_Format(rt, 'ValueError', 'sep must be length 1.')
  if (sep.charCodeAt(0) > 127) throw PyErr_Format(rt, 'ValueError', 'sep must be ASCII.')
  const per = perObj === null ? 1 : intArg(rt, perObj)
  if (per === 0 || hex.length === 0) return hex.join('')
  const n = Math.abs(per)
  const groups: string[] = []
  if (per > 0) {
    // Groups counted from the right.
    let end = hex.length
    while (end > 0) {
      groups.unshift(hex.slice(Math.max(0, end - n), end).join(''))
      end -= n
    }
  } else for (let i = 0; i < hex.length; i += n) groups.push(hex.slice(i, i + n).join(''))
  return groups.join(sep)
}

/** `bytes.fromhex(s)`. @cpython Objects/bytesobject.c#_PyBytes_FromHex */
export function fromHex(rt: Runtime, arg: PyObject): Uint8Array {
  if (!PyUnicode_Check(arg)) throw PyErr_Format(rt, 'TypeError', `fromhex() argument must be str, not ${arg.ob_type.tp_name}`)
  const s = (arg as PyUnicodeObject).value
  const out: number[] = []
  const hexv = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1)
  let i = 0
  while (i < s.length) {
    const c = s.charCodeAt(i)
    if (isSpaceByte(c)) {
      i++
      continue
    }
    const hi = hexv(c)
    if (hi < 0) throw PyErr_Format(rt, 'ValueError', `non-hexadecimal number found in fromhex() arg at position ${i}`)
    const lo = i + 1 < s.length ? hexv(s.charCodeAt(i + 1)) : -1
    if (lo < 0) {
      // A lone last digit has its own message on 3.14+.
      const odd = rt.profile.messages.fromhexOddDigits
      throw PyErr_Format(rt, 'ValueError', i + 1 >= s.length && odd !== null ? odd : `non-hexadecimal number found in fromhex() arg at position ${i + 1}`)
    }
    out.push(hi * 16 + lo)
    i += 2
  }
  return Uint8Array.from(out)
}

/** The shared method table, in CPython's order. */
export function bytesMethods(rt: Runtime, kind: BytesKind): { name: string; fn: Meth; kind: 'noargs' | 'o' | 'fast' | 'fastkw' }[] {
  const K = kind
  const prefixed = (name: 'removeprefix' | 'removesuffix'): Meth => (self, args, start) => {
    const t = text(self)
    const p = latin1(needBuffer(rtOf(self), args[start]!))
    if (p.length > 0 && (name === 'removeprefix' ? t.startsWith(p) : t.endsWith(p))) {
      return K.make(self, name === 'removeprefix' ? t.slice(p.length) : t.slice(0, t.length - p.length))
    }
    return K.make(self, t)
  }
  const m = [
    { name: 'capitalize', fn: mapBytes(K, (c, p) => (p < 0 ? upperB(c) : lowerB(c))), kind: 'noargs' as const },
    { name: 'center', fn: padMeth(K, 'center'), kind: 'fast' as const },
    { name: 'count', fn: count, kind: 'fast' as const },
    {
      name: 'decode',
      fn: ((self, args, start, nargs, kwnames) => {
        const rt2 = rtOf(self)
        const [e, r] = clinicArgs(rt2, `${K.name}.decode`, args, start, nargs, kwnames, ['encoding', 'errors'], 0)
        const get = (o: PyObject | null, name: string, def: string): string => {
          if (o === null) return def
          if (!PyUnicode_Check(o)) throw PyErr_Format(rt2, 'TypeError', `decode() argument '${name}' must be str, not ${o.ob_type.tp_name}`)
          return (o as PyUnicodeObject).value
        }
        return PyUnicode_FromString(rt2, decodeBytes(rt2, bufferOf(self)!, get(e, 'encoding', 'utf-8'), get(r, 'errors', 'strict')))
      }) as Meth,
      kind: 'fastkw' as const,
    },
    { name: 'endswith', fn: tailMeth(K, 'endswith', true), kind: 'fast' as const },
    {
      name: 'expandtabs',
      fn: ((self, args, start, nargs, kwnames) => {
        const rt2 = rtOf(self)
        const [t] = clinicArgs(rt2, `${K.name}.expandtabs`, args, start, nargs, kwnames, ['tabsize'], 0)
        return K.make(self, SL.expandTabs(text(self), t === null ? 8 : intArg(rt2, t)))
      }) as Meth,
      kind: 'fastkw' as const,
    },
    { name: 'find', fn: findMeth('find', false, false), kind: 'fast' as const },
    {
      name: 'hex',
      fn: ((self, args, start, nargs, kwnames) => {
        const rt2 = rtOf(self)
        const [sep, per] = clinicArgs(rt2, `${K.name}.hex`, args, start, nargs, kwnames, ['sep', 'bytes_per_sep'], 0)
        return PyUnicode_FromString(rt2, hexText(rt2, bufferOf(self)!, sep, per))
      }) as Meth,
      kind: 'fastkw' as const,
    },
    { name: 'index', fn: findMeth('index', false, true), kind: 'fast' as const },
    { name: 'isalnum', fn: predicate(all((c) => isAlphaByte(c) || isDigitByte(c))), kind: 'noargs' as const },
    { name: 'isalpha', fn: predicate(all(isAlphaByte)), kind: 'noargs' as const },
    { name: 'isascii', fn: predicate((b) => b.every((c) => c < 128)), kind: 'noargs' as const },
    { name: 'isdigit', fn: predicate(all(isDigitByte)), kind: 'noargs' as const },
    { name: 'islower', fn: predicate((b) => b.some(isLowerByte) && !b.some(isUpperByte)), kind: 'noargs' as const },
    { name: 'isspace', fn: predicate(all(isSpaceByte)), kind: 'noargs' as const },
    {
      name: 'istitle',
      fn: predicate((b) => {
        let cased = false
        let prev = false
        for (const c of b) {
          if (isUpperByte(c)) {
            if (prev) return false
            prev = cased = true
          } else if (isLowerByte(c)) {
            if (!prev) return false
            prev = cased = true
          } else prev = false
        }
        return cased
      }),
      kind: 'noargs' as const,
    },
    { name: 'isupper', fn: predicate((b) => b.some(isUpperByte) && !b.some(isLowerByte)), kind: 'noargs' as const },
    { name: 'join', fn: joinMeth(K), kind: 'o' as const },
    { name: 'ljust', fn: padMeth(K, 'ljust'), kind: 'fast' as const },
    { name: 'lower', fn: mapBytes(K, lowerB), kind: 'noargs' as const },
    { name: 'lstrip', fn: stripMeth(K, 0, 'lstrip'), kind: 'fast' as const },
    { name: 'partition', fn: partitionMeth(K, false), kind: 'o' as const },
    {
      name: 'replace',
      fn: ((self, args, start, nargs) => {
        const rt2 = rtOf(self)
        checkPositional(rt2, 'replace', nargs, 2, 3)
        const old = latin1(needBuffer(rt2, args[start]!))
        const rep = latin1(needBuffer(rt2, args[start + 1]!))
        const n = nargs > 2 ? ssizeArg(rt2, args[start + 2]!) : -1
        return K.make(self, SL.replaceText(text(self), old, rep, n))
      }) as Meth,
      kind: 'fast' as const,
    },
    ...(rt.profile.objects.text.removeprefix
      ? [
          { name: 'removeprefix', fn: prefixed('removeprefix'), kind: 'o' as const },
          { name: 'removesuffix', fn: prefixed('removesuffix'), kind: 'o' as const },
        ]
      : []),
    { name: 'rfind', fn: findMeth('rfind', true, false), kind: 'fast' as const },
    { name: 'rindex', fn: findMeth('rindex', true, true), kind: 'fast' as const },
    { name: 'rjust', fn: padMeth(K, 'rjust'), kind: 'fast' as const },
    { name: 'rpartition', fn: partitionMeth(K, true), kind: 'o' as const },
    {
      name: 'rsplit',
      fn: ((self, args, start, nargs, kwnames) => {
        const [sep, max] = splitArgs(rtOf(self), `${K.name}.rsplit`, args, start, nargs, kwnames)
        const t = text(self)
        return listOf(K, self, sep === null ? SL.rsplitWhitespace(t, max, isSpaceByte) : SL.rsplitSep(t, sep, max))
      }) as Meth,
      kind: 'fastkw' as const,
    },
    { name: 'rstrip', fn: stripMeth(K, 1, 'rstrip'), kind: 'fast' as const },
    {
      name: 'split',
      fn: ((self, args, start, nargs, kwnames) => {
        const [sep, max] = splitArgs(rtOf(self), `${K.name}.split`, args, start, nargs, kwnames)
        const t = text(self)
        return listOf(K, self, sep === null ? SL.splitWhitespace(t, max, isSpaceByte) : SL.splitSep(t, sep, max))
      }) as Meth,
      kind: 'fastkw' as const,
    },
    {
      name: 'splitlines',
      fn: ((self, args, start, nargs, kwnames) => {
        const rt2 = rtOf(self)
        const [keep] = clinicArgs(rt2, `${K.name}.splitlines`, args, start, nargs, kwnames, ['keepends'], 0)
        const k = boolArg(rt2, keep)
        return listOf(K, self, SL.splitLines(text(self), k, isBreakByte))
      }) as Meth,
      kind: 'fastkw' as const,
    },
    { name: 'startswith', fn: tailMeth(K, 'startswith', false), kind: 'fast' as const },
    { name: 'strip', fn: stripMeth(K, 2, 'strip'), kind: 'fast' as const },
    { name: 'swapcase', fn: mapBytes(K, (c) => (isUpperByte(c) ? c + 32 : isLowerByte(c) ? c - 32 : c)), kind: 'noargs' as const },
    {
      name: 'title',
      fn: ((self) => {
        const b = bufferOf(self)!
        const out = new Uint8Array(b.length)
        let prev = false
        for (let i = 0; i < b.length; i++) {
          const c = b[i]!
          out[i] = prev ? lowerB(c) : upperB(c)
          prev = isAlphaByte(c)
        }
        return K.make(self, latin1(out))
      }) as Meth,
      kind: 'noargs' as const,
    },
    {
      name: 'translate',
      fn: ((self, args, start, nargs, kwnames) => {
        const rt2 = rtOf(self)
        const [table, del] = clinicArgs(rt2, 'translate', args, start, nargs, kwnames, ['table', 'delete'], 1)
        let map: Uint8Array | null = null
        if (table !== rt2.None) {
          map = needBuffer(rt2, table!)
          if (map.length !== 256) throw PyErr_Format(rt2, 'ValueError', 'translation table must be 256 characters long')
        }
        const drop = del === null ? null : new Set(needBuffer(rt2, del))
        let out = ''
        for (const c of bufferOf(self)!) if (drop === null || !drop.has(c)) out += String.fromCharCode(map === null ? c : map[c]!)
        return K.make(self, out)
      }) as Meth,
      kind: 'fastkw' as const,
    },
    { name: 'upper', fn: mapBytes(K, upperB), kind: 'noargs' as const },
    {
      name: 'zfill',
      fn: ((self, args, start) => {
        const t = text(self)
        return K.make(self, SL.zfill(t, t.length, ssizeArg(rtOf(self), args[start]!)))
      }) as Meth,
      kind: 'o' as const,
    },
  ]
  return m
}

/** `bytes.maketrans(frm, to)`: a 256-byte table. */
export function makeTransTable(rt: Runtime, frm: PyObject, to: PyObject): Uint8Array {
  const a = needBuffer(rt, frm)
  const b = needBuffer(rt, to)
  if (a.length !== b.length) throw PyErr_Format(rt, 'ValueError', 'maketrans arguments must have same length')
  const t = new Uint8Array(256)
  for (let i = 0; i < 256; i++) t[i] = i
  for (let i = 0; i < a.length; i++) t[a[i]!] = b[i]!
  return t
}

export { fromLatin1 }

/**
 * printf-style formatting (`str % args`, `bytes % args`) and `str.format` / `str.format_map`.
 * @cpython Objects/unicodeobject.c#PyUnicode_Format
 * @cpython Objects/bytesobject.c#_PyBytes_FormatEx
 * @cpython Objects/stringlib/unicode_format.h
 */
import { PyErr, PyErr_Format, PyErr_SetObject } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { PyType_IsSubtype } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyOS_double_to_string, PyObject_Format, Py_DTSF_ALT } from './formatting.js'
import { PyLong_FromNumber, intValue, type IntValue } from './longobject.js'
import { errMatches, PyObject_GetAttr, PyObject_GetItem, PyObject_Repr, PyObject_Str } from './protocols.js'
import { numberIndex } from './slots.js'
import type { PyTupleObject } from './tupleobject.js'
import { PyLong_Check, PyUnicode_Check, fmt, trunc } from './type-util.js'
import { PyObject_ASCII, PyUnicode_CheckExact } from './unicode-type.js'
import { PyUnicodeObject, PyUnicode_FromString, PyUnicode_InternFromString, codePoints, stringCodePoints } from './unicodeobject.js'

function val(o: PyObject): string {
  return (o as PyUnicodeObject).value
}

/* ------------------------------------------------------------------------------------------------------------ */
/* printf-style formatting                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

const F_LJUST = 1
const F_SIGN = 2
const F_BLANK = 4
const F_ALT = 8
const F_ZERO = 16

/** How the bytes flavour converts %s / %r / %c arguments (the bytes module provides it). */
export interface BytesFormatHooks {
  /** `%s`/`%b`: the bytes of a bytes-like object or `__bytes__` result, as latin-1 text. */
  bytesOf(rt: Runtime, v: PyObject): string
  /** `%c`: one byte. */
  byteOf(rt: Runtime, v: PyObject): string
}

/** The digits of an int value in a base, with sign handling done by the caller. */
function digitsOf(v: IntValue, base: number, upper: boolean): string {
  const a = typeof v === 'number' ? Math.abs(v) : v < 0n ? -v : v
  const s = a.toString(base)
  return upper ? s.toUpperCase() : s
}

function isNegative(v: IntValue): boolean {
  return typeof v === 'number' ? v < 0 || Object.is(v, -0) : v < 0n
}

/** The value of a float object (float objects keep it in `ob_fval`). */
function floatValueOf(rt: Runtime, v: PyObject, c: string): number {
  if (PyLong_Check(v)) return Number(intValue(v))
  const direct = (v as unknown as { ob_fval?: number }).ob_fval
  if (typeof direct === 'number') return direct
  const f = v.ob_type.nb_float
  if (f === null) {
    if (v.ob_type.nb_index !== null) {
      const i = numberIndex(rt, v)
      const n = Number(intValue(i))
      Py_DECREF(i)
      return n
    }
    void c
    throw PyErr_Format(rt, 'TypeError', `must be real number, not ${trunc(v.ob_type.tp_name, 200)}`)
  }
  const r = f(v)
  const x = (r as unknown as { ob_fval?: number }).ob_fval
  Py_DECREF(r)
  return typeof x === 'number' ? x : NaN
}

/** An int for %d/%x/%o …: ints as they are, other numbers through `__int__`/`__index__`. */
function intArg(rt: Runtime, v: PyObject, c: string): IntValue {
  if (PyLong_Check(v)) return intValue(v)
  const t = v.ob_type
  const isNumber = t.nb_index !== null || t.nb_int !== null || t.nb_float !== null
  wrongtype: if (isNumber) {
    if (c === 'x' || c === 'X' || c === 'o') {
      if (t.nb_index === null) throw PyErr_Format(rt, 'TypeError', `%${c} format: an integer is required, not ${trunc(t.tp_name, 200)}`)
      const i = numberIndex(rt, v)
      const n = intValue(i)
      Py_DECREF(i)
      return n
    }
    const f = t.nb_int ?? t.nb_index
    if (f !== null) {
      let r: PyObject
      try {
        r = f(v)
      } catch (e) {
        // A TypeError of the conversion (3.8's complex.__int__) becomes the format's own message.
        if (!errMatches(e, 'TypeError')) throw e
        Py_DECREF(e.exc)
        break wrongtype
      }
      const n = intValue(r)
      Py_DECREF(r)
      return n
    }
    const x = floatValueOf(rt, v, c)
    if (!Number.isFinite(x)) {
      throw PyErr_Format(rt, Number.isNaN(x) ? 'ValueError' : 'OverflowError', Number.isNaN(x) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer')
    }
    const tr = Math.trunc(x)
    return Number.isSafeInteger(tr) ? tr : BigInt(tr)
  }
  const tpl = rt.profile.messages['formatRealNumber'] ?? '%{c} format: a real number is required, not {type}'
  const msg = fmt(tpl, { c, type: trunc(t.tp_name, 200) })
  throw PyErr_Format(rt, 'TypeError', c === 'x' || c === 'X' || c === 'o' ? `%${c} format: an integer is required, not ${trunc(t.tp_name, 200)}` : msg)
}

/** Pads a converted number: sign and prefix first, then zeros (flag 0) or spaces. */
function padNumber(sign: string, prefix: string, body: string, width: number, flags: number): string {
  const len = sign.length + prefix.length + body.length
  if (width <= len) return sign + prefix + body
  if (flags & F_LJUST) return sign + prefix + body + ' '.repeat(width - len)
  if (flags & F_ZERO) return sign + prefix + '0'.repeat(width - len) + body
  return ' '.repeat(width - len) + sign + prefix + body
}

function formatInt(v: IntValue, c: string, flags: number, width: number, prec: number): string {
  const base = c === 'x' || c === 'X' ? 16 : c === 'o' ? 8 : 10
  let body = digitsOf(v, base, c === 'X')
  if (prec > body.length) body = '0'.repeat(prec - body.length) + body
  const sign = isNegative(v) ? '-' : flags & F_SIGN ? '+' : flags & F_BLANK ? ' ' : ''
  const prefix = flags & F_ALT && base !== 10 ? '0' + c : ''
  return padNumber(sign, prefix, body, width, flags)
}

function formatFloat(x: number, c: string, flags: number, width: number, prec: number): string {
  const code = c as 'e' | 'E' | 'f' | 'F' | 'g' | 'G'
  let s = PyOS_double_to_string(x, code, prec < 0 ? 6 : prec, flags & F_ALT ? Py_DTSF_ALT : 0)
  let sign = ''
  if (s.startsWith('-')) {
    sign = '-'
    s = s.slice(1)
  } else if (flags & F_SIGN) sign = '+'
  else if (flags & F_BLANK) sign = ' '
  const finite = Number.isFinite(x)
  return padNumber(sign, '', s, width, finite ? flags : flags & ~F_ZERO)
}

function padText(s: string, len: number, width: number, flags: number): string {
  if (width <= len) return s
  return flags & F_LJUST ? s + ' '.repeat(width - len) : ' '.repeat(width - len) + s
}

/**
 * The printf-style engine on JS text (bytes use latin-1 text). `bytes` selects `bytes % args` conversions.
 * @cpython Objects/unicodeobject.c#PyUnicode_Format
 */
export function percentFormat(rt: Runtime, format: string, args: PyObject, bytes: BytesFormatHooks | null): string {
  const T = rt.types
  const isTuple = args.ob_type === T.tuple || PyType_IsSubtype(args.ob_type, T.tuple)
  const argv: readonly PyObject[] = isTuple ? (args as PyTupleObject).ob_item : [args]
  let argidx = 0
  const mappingArg = !isTuple && args.ob_type.mp_subscript !== null && !PyUnicode_Check(args) && !(bytes !== null && args.ob_type === T.bytes)
  const dict = mappingArg ? args : null
  const what = bytes !== null ? 'bytes' : 'string'
  const nextArg = (): PyObject => {
    if (argidx < argv.length) return argv[argidx++]!
    throw PyErr_Format(rt, 'TypeError', 'not enough arguments for format string')
  }
  const cps = bytes === null ? stringCodePoints(format) : Array.from(format, (ch) => ch.charCodeAt(0))
  const n = cps.length
  let out = ''
  let i = 0
  let usedMapping = false
  while (i < n) {
    const start = i
    while (i < n && cps[i] !== 0x25) i++
    if (i > start) out += String.fromCodePoint(...cps.slice(start, i))
    if (i >= n) break
    const pctIndex = i
    i++
    let owned: PyObject | null = null
    let v: PyObject | null = null
    try {
      if (i < n && cps[i] === 0x28) {
        if (dict === null) throw PyErr_Format(rt, 'TypeError', 'format requires a mapping')
        i++
        let depth = 1
        const ks = i
        while (i < n && depth > 0) {
          if (cps[i] === 0x29) depth--
          else if (cps[i] === 0x28) depth++
          i++
        }
        if (depth > 0) throw PyErr_Format(rt, 'ValueError', 'incomplete format key')
        const keyText = String.fromCodePoint(...cps.slice(ks, i - 1))
        const key = bytes !== null ? bytesKey(rt, keyText) : PyUnicode_FromString(rt, keyText)
        try {
          owned = PyObject_GetItem(dict, key)
        } finally {
          Py_DECREF(key)
        }
        v = owned
        usedMapping = true
      }
      let flags = 0
      for (; i < n; i++) {
        const c = cps[i]
        if (c === 0x2d) flags |= F_LJUST
        else if (c === 0x2b) flags |= F_SIGN
        else if (c === 0x20) flags |= F_BLANK
        else if (c === 0x23) flags |= F_ALT
        else if (c === 0x30) flags |= F_ZERO
        else break
      }
      let width = -1
      if (i < n && cps[i] === 0x2a) {
        const w = nextArg()
        if (!PyLong_Check(w)) throw PyErr_Format(rt, 'TypeError', '* wants int')
        width = Number(intValue(w))
        if (width < 0) {
          flags |= F_LJUST
          width = -width
        }
        i++
      } else {
        while (i < n && cps[i]! >= 0x30 && cps[i]! <= 0x39) {
          width = (width < 0 ? 0 : width) * 10 + (cps[i]! - 0x30)
          i++
        }
      }
      let prec = -1
      if (i < n && cps[i] === 0x2e) {
        i++
        prec = 0
        if (i < n && cps[i] === 0x2a) {
          const p = nextArg()
          if (!PyLong_Check(p)) throw PyErr_Format(rt, 'TypeError', '* wants int')
          prec = Math.max(0, Number(intValue(p)))
          i++
        } else {
          while (i < n && cps[i]! >= 0x30 && cps[i]! <= 0x39) {
            prec = prec * 10 + (cps[i]! - 0x30)
            i++
          }
        }
      }
      if (i >= n) throw PyErr_Format(rt, 'ValueError', 'incomplete format')
      const cc = cps[i]!
      const c = String.fromCodePoint(cc)
      i++
      if (c === '%') {
        out += '%'
        continue
      }
      if (v === null) v = nextArg()
      if (width < 0) width = 0
      switch (c) {
        case 's':
        case 'r':
        case 'a':
        case 'b': {
          if (c === 'b' && bytes === null) throw unsupported(rt, cc, pctIndex, i - 1, bytes !== null)
          let text: string
          if (bytes !== null && (c === 's' || c === 'b')) text = bytes.bytesOf(rt, v)
          else {
            const r = c === 's' ? PyObject_Str(v) : c === 'r' && bytes === null ? PyObject_Repr(v) : PyObject_ASCII(v)
            text = val(r)
            Py_DECREF(r)
          }
          let tcps = bytes !== null ? null : stringCodePoints(text)
          let len = bytes !== null ? text.length : tcps!.length
          if (prec >= 0 && prec < len) {
            if (tcps !== null) {
              tcps = tcps.slice(0, prec)
              text = String.fromCodePoint(...tcps)
            } else text = text.slice(0, prec)
            len = prec
          }
          out += padText(text, len, width, flags)
          break
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
          const iv = intArg(rt, v, c)
          out += formatInt(iv, c === 'i' || c === 'u' ? 'd' : c, flags, width, prec)
          break
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
          if (!PyLong_Check(v) && v.ob_type.nb_float === null && v.ob_type.nb_index === null && (v as unknown as { ob_fval?: number }).ob_fval === undefined) {
            throw PyErr_Format(rt, 'TypeError', `must be real number, not ${trunc(v.ob_type.tp_name, 200)}`)
          }
          out += formatFloat(floatValueOf(rt, v, c), c, flags, width, prec)
          break
        }
        case 'c': {
          let ch: string
          if (bytes !== null) ch = bytes.byteOf(rt, v)
          else if (PyUnicode_Check(v)) {
            const n = (v as PyUnicodeObject).length
            if (n !== 1) throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.percentCharArg, { what: `a string of length ${n}` }))
            ch = val(v)
          } else {
            if (!PyLong_Check(v) && v.ob_type.nb_index === null) throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.percentCharArg, { what: trunc(v.ob_type.tp_name, 200) }))
            const iv = PyLong_Check(v) ? intValue(v) : intArg(rt, v, 'x')
            const x = Number(iv)
            if (typeof iv === 'bigint' || x < 0 || x > 0x10ffff) throw PyErr_Format(rt, 'OverflowError', '%c arg not in range(0x110000)')
            ch = String.fromCodePoint(x)
          }
          out += padText(ch, 1, width, flags)
          break
        }
        default:
          throw unsupported(rt, cc, pctIndex, i - 1, bytes !== null)
      }
    } finally {
      if (owned !== null) Py_DECREF(owned)
    }
  }
  if (argidx < argv.length && dict === null) throw PyErr_Format(rt, 'TypeError', `not all arguments converted during ${what} formatting`)
  void usedMapping
  return out
}

function bytesKey(rt: Runtime, latin1: string): PyObject {
  return bytesKeyFactory!(rt, latin1)
}

let bytesKeyFactory: ((rt: Runtime, latin1: string) => PyObject) | null = null
/** The bytes module installs how `%(key)s` keys of bytes formats are made. */
export function _PyFormat_SetBytesKeyFactory(f: (rt: Runtime, latin1: string) => PyObject): void {
  bytesKeyFactory = f
}

function unsupported(rt: Runtime, c: number, _pct: number, index: number, bytes: boolean): PyErr {
  const shown = c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : bytes ? '?' : String.fromCodePoint(c)
  return PyErr_Format(rt, 'ValueError', `unsupported format character '${shown}' (0x${c.toString(16)}) at index ${index}`)
}

/** `str % args` (a new reference). @cpython Objects/unicodeobject.c#PyUnicode_Format */
export function PyUnicode_Format(format: PyObject, args: PyObject): PyObject {
  const rt = format.ob_type.tp_runtime
  return PyUnicode_FromString(rt, percentFormat(rt, val(format), args, null))
}

/* ------------------------------------------------------------------------------------------------------------ */
/* str.format                                                                                                    */
/* ------------------------------------------------------------------------------------------------------------ */

interface FieldState {
  auto: 'none' | 'auto' | 'manual'
  next: number
}

/** `PyObject_Format` with CPython's shortcut for exact str/int and an empty spec. */
export function formatWithSpec(rt: Runtime, obj: PyObject, spec: string): PyObject {
  if (spec === '') {
    if (PyUnicode_CheckExact(obj)) {
      Py_INCREF(obj)
      return obj
    }
    if (obj.ob_type === rt.types.int) return PyObject_Str(obj)
  }
  const s = PyUnicode_FromString(rt, spec)
  try {
    return PyObject_Format(obj, s)
  } finally {
    Py_DECREF(s)
  }
}

function isDigits(s: string): boolean {
  return s.length > 0 && /^[0-9]+$/.test(s)
}

/** Looks up a field name (`0`, `name`, `0.attr[key]`) in args/kwargs (a new reference). */
function getField(rt: Runtime, name: string, args: readonly PyObject[], kwargs: PyObject | null, st: FieldState, isMap: boolean): PyObject {
  let i = 0
  while (i < name.length && name[i] !== '.' && name[i] !== '[') i++
  const first = name.slice(0, i)
  let obj: PyObject
  if (first === '' || isDigits(first)) {
    if (isMap) throw PyErr_Format(rt, 'ValueError', 'Format string contains positional fields')
    let index: number
    if (first === '') {
      if (st.auto === 'manual') throw PyErr_Format(rt, 'ValueError', 'cannot switch from manual field specification to automatic field numbering')
      st.auto = 'auto'
      index = st.next++
    } else {
      if (st.auto === 'auto') throw PyErr_Format(rt, 'ValueError', 'cannot switch from automatic field numbering to manual field specification')
      st.auto = 'manual'
      index = Number(first)
      if (!Number.isSafeInteger(index)) throw PyErr_Format(rt, 'ValueError', 'Too many decimal digits in format string')
    }
    if (index >= args.length) throw PyErr_Format(rt, 'IndexError', `Replacement index ${index} out of range for positional args tuple`)
    obj = args[index]!
    Py_INCREF(obj)
  } else {
    if (kwargs === null) {
      const k = PyUnicode_FromString(rt, first)
      try {
        throw PyErr_SetObject(rt, rt.exc['KeyError']!, k)
      } finally {
        Py_DECREF(k)
      }
    }
    const k = PyUnicode_FromString(rt, first)
    try {
      obj = PyObject_GetItem(kwargs, k)
    } finally {
      Py_DECREF(k)
    }
  }
  try {
    while (i < name.length) {
      if (name[i] === '.') {
        i++
        const s = i
        while (i < name.length && name[i] !== '.' && name[i] !== '[') i++
        const attr = name.slice(s, i)
        if (attr === '') throw PyErr_Format(rt, 'ValueError', 'Empty attribute in format string')
        const an = PyUnicode_InternFromString(rt, attr)
        try {
          const next = PyObject_GetAttr(obj, an)
          Py_DECREF(obj)
          obj = next
        } finally {
          Py_DECREF(an)
        }
      } else if (name[i] === '[') {
        i++
        const s = i
        while (i < name.length && name[i] !== ']') i++
        if (i >= name.length) throw PyErr_Format(rt, 'ValueError', 'Missing \']\' in format string')
        const keyText = name.slice(s, i)
        i++
        if (keyText === '') throw PyErr_Format(rt, 'ValueError', 'Empty attribute in format string')
        const key = isDigits(keyText) ? PyLong_FromNumber(rt, Number(keyText)) : PyUnicode_FromString(rt, keyText)
        try {
          const next = PyObject_GetItem(obj, key)
          Py_DECREF(obj)
          obj = next
        } finally {
          Py_DECREF(key)
        }
        if (i < name.length && name[i] !== '.' && name[i] !== '[') throw PyErr_Format(rt, 'ValueError', 'Only \'.\' or \'[\' may follow \']\' in format field specifier')
      } else throw PyErr_Format(rt, 'ValueError', 'Only \'.\' or \'[\' may follow \']\' in format field specifier')
    }
    return obj
  } catch (e) {
    Py_DECREF(obj)
    throw e
  }
}

/**
 * The `str.format` engine: literal text with `{{`/`}}`, replacement fields with conversion and (nested) spec.
 * @cpython Objects/stringlib/unicode_format.h#build_string
 */
export function buildFormat(rt: Runtime, format: string, args: readonly PyObject[], kwargs: PyObject | null, isMap: boolean, st: FieldState = { auto: 'none', next: 0 }, depth = 2): string {
  if (depth <= 0) throw PyErr_Format(rt, 'ValueError', 'Max string recursion exceeded')
  let out = ''
  let i = 0
  const n = format.length
  while (i < n) {
    const ch = format[i]!
    if (ch === '}') {
      if (format[i + 1] === '}') {
        out += '}'
        i += 2
        continue
      }
      throw PyErr_Format(rt, 'ValueError', "Single '}' encountered in format string")
    }
    if (ch !== '{') {
      const j = i
      while (i < n && format[i] !== '{' && format[i] !== '}') i++
      out += format.slice(j, i)
      continue
    }
    if (format[i + 1] === '{') {
      out += '{'
      i += 2
      continue
    }
    i++
    if (i >= n) throw PyErr_Format(rt, 'ValueError', "Single '{' encountered in format string")
    // The field name runs to '}', ':' or '!' ('[...]' may hold any of them).
    const ns = i
    let c = ''
    while (i < n) {
      c = format[i++]!
      if (c === '{') throw PyErr_Format(rt, 'ValueError', "unexpected '{' in field name")
      if (c === '[') {
        while (i < n && format[i] !== ']') i++
        continue
      }
      if (c === '}' || c === ':' || c === '!') break
    }
    const name = format.slice(ns, i - 1 < ns ? ns : i - 1)
    let conv: string | null = null
    let spec = ''
    if (c === '!' || c === ':') {
      let done = false
      if (c === '!') {
        if (i >= n) throw PyErr_Format(rt, 'ValueError', 'end of string while looking for conversion specifier')
        conv = format[i++]!
        if (i < n) {
          const d = format[i++]!
          if (d === '}') done = true
          else if (d !== ':') throw PyErr_Format(rt, 'ValueError', "expected ':' after conversion specifier")
        }
      }
      if (!done) {
        const ss = i
        let count = 1
        while (i < n) {
          const d = format[i++]!
          if (d === '{') count++
          else if (d === '}' && --count === 0) break
        }
        if (count !== 0) throw PyErr_Format(rt, 'ValueError', "unmatched '{' in format spec")
        spec = format.slice(ss, i - 1)
      }
    } else if (c !== '}') throw PyErr_Format(rt, 'ValueError', "expected '}' before end of string")
    let obj = getField(rt, name, args, kwargs, st, isMap)
    try {
      if (conv !== null) {
        let conv2: PyObject
        if (conv === 'r') conv2 = PyObject_Repr(obj)
        else if (conv === 's') conv2 = PyObject_Str(obj)
        else if (conv === 'a') conv2 = PyObject_ASCII(obj)
        else throw PyErr_Format(rt, 'ValueError', `Unknown conversion specifier ${conv}`)
        Py_DECREF(obj)
        obj = conv2
      }
      if (spec.includes('{')) spec = buildFormat(rt, spec, args, kwargs, isMap, st, depth - 1)
      const r = formatWithSpec(rt, obj, spec)
      out += val(r)
      Py_DECREF(r)
    } finally {
      Py_DECREF(obj)
    }
  }
  return out
}

/** A code-point-safe length (used by callers padding formatted text). */
export function textLength(o: PyObject): number {
  return codePoints(o as PyUnicodeObject).length
}

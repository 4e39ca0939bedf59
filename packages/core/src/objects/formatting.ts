/**
 * Text conversions shared by the number and text types: the format-spec mini-language (`format()`, f-strings,
 * `__format__`), `PyOS_double_to_string`, and `PyObject_Format`.
 * CONTRACT (numbers owner implements; text types call): `PyOS_double_to_string`, `formatStrSpec` and
 * `PyObject_Format` keep their signatures.
 * @cpython Python/formatter_unicode.c
 * @cpython Python/pystrtod.c#PyOS_double_to_string
 */
import { PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import type { PyTypeObject } from '../object/type.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import type { Runtime } from '../runtime/runtime.js'
import { _Py_dg_dtoa } from './dtoa.js'
import { PyLong_AsDouble, _PyLong_Format, _PyUnicode_ToDecimalDigit, type PyLongObject } from './longobject.js'
import { _PyObject_LookupSpecial } from './object-type.js'
import { _PyType_Lookup } from './typeobject.js'
import { PyObject_Str, PyObject_Vectorcall } from './protocols.js'
import { PyUnicode_Check, strValue, trunc } from './type-util.js'
import { PyUnicode_FromString } from './unicodeobject.js'

/** `PyOS_double_to_string` flags. */
export const Py_DTSF_SIGN = 0x01
export const Py_DTSF_ADD_DOT_0 = 0x02
export const Py_DTSF_ALT = 0x04
/** Negative zero (after rounding) prints without its sign ('z' option, 3.11+). */
export const Py_DTSF_NO_NEG_0 = 0x08

export type DoubleFormatCode = 'r' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G'

/**
 * `PyOS_double_to_string(v, code, precision, flags)`: code 'r' (shortest round-trip, repr), 'e'/'E', 'f'/'F',
 * 'g'/'G'. Infinities and NaN print as `inf`/`nan` (upper case for upper-case codes).
 * @cpython Python/pystrtod.c#format_float_short
 */
export function PyOS_double_to_string(v: number, code: DoubleFormatCode, precision: number, flags: number): string {
  const upper = code === 'E' || code === 'F' || code === 'G'
  const lower = upper ? (code.toLowerCase() as 'e' | 'f' | 'g') : code
  let mode: 0 | 2 | 3
  let prec = precision
  switch (lower) {
    case 'e':
      mode = 2
      prec++
      break
    case 'f':
      mode = 3
      break
    case 'g':
      mode = 2
      if (prec === 0) prec = 1
      break
    default:
      mode = 0
      prec = 0
  }
  const alt = (flags & Py_DTSF_ALT) !== 0
  const addDot0 = (flags & Py_DTSF_ADD_DOT_0) !== 0
  let out = ''
  if (!Number.isFinite(v)) {
    // NaN prints without its sign; infinities keep theirs.
    if (v < 0) out = '-'
    else if ((flags & Py_DTSF_SIGN) !== 0) out = '+'
    const word = Number.isNaN(v) ? 'nan' : 'inf'
    return out + (upper ? word.toUpperCase() : word)
  }
  const r = _Py_dg_dtoa(v, mode, prec)
  const digits = r.digits
  const nd = digits.length
  let decpt = r.decpt
  let sign = r.sign
  if ((flags & Py_DTSF_NO_NEG_0) !== 0 && sign && (nd === 0 || digits === '0')) sign = false
  if (sign) out = '-'
  else if ((flags & Py_DTSF_SIGN) !== 0) out = '+'

  let vEnd = nd
  let useExp = false
  switch (lower) {
    case 'e':
      useExp = true
      vEnd = prec
      break
    case 'f':
      vEnd = decpt + prec
      break
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? prec - 1 : prec)) useExp = true
      if (alt) vEnd = prec
      break
    default:
      if (decpt <= -4 || decpt > 16) useExp = true
  }
  let exp = 0
  if (useExp) {
    exp = decpt - 1
    decpt = 1
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1
  else vEnd = vEnd > decpt ? vEnd : decpt

  let body = ''
  if (decpt <= 0) body += '0'.repeat(decpt - vStart) + '.' + '0'.repeat(-decpt)
  else body += '0'.repeat(-vStart)
  if (decpt > 0 && decpt <= nd) body += digits.slice(0, decpt) + '.' + digits.slice(decpt)
  else body += digits
  if (nd < decpt) body += '0'.repeat(decpt - nd) + '.' + '0'.repeat(vEnd - decpt)
  else body += '0'.repeat(vEnd - nd)
  if (body.endsWith('.') && !alt) body = body.slice(0, -1)
  if (useExp) {
    const a = Math.abs(exp)
    body += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a))
  }
  return out + body
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The format-spec mini-language                                                                                 */
/* ------------------------------------------------------------------------------------------------------------ */

/** Grouping styles (`LocaleType`). */
type Grouping = 'none' | ',' | '_' | '_4' | 'locale'

/** `InternalFormatSpec`. */
interface FormatSpec {
  fill: string
  align: string
  alternate: boolean
  noNeg0: boolean
  sign: string
  width: number
  grouping: Grouping
  precision: number
  fracGrouping: Grouping
  /** '' when omitted (the default type of '' for float and complex). */
  type: string
}

function isAlign(c: string | undefined): boolean {
  return c === '<' || c === '>' || c === '=' || c === '^'
}

/** A code point for messages: the character when printable ASCII, else `\xNN`. */
function codeRepr(c: string): string {
  const cp = c.codePointAt(0)!
  return cp > 32 && cp < 128 ? c : `\\x${cp.toString(16)}`
}

function valueError(rt: Runtime, msg: string): never {
  throw PyErr_Format(rt, 'ValueError', msg)
}

const SSIZE_MAX_BY_PTR = { 8: 2 ** 63 - 1, 4: 2 ** 31 - 1 } as const

/** `get_integer`: consumes decimal digits; null when none. */
function getInteger(rt: Runtime, cps: readonly string[], pos: { i: number }): number | null {
  const max = SSIZE_MAX_BY_PTR[rt.profile.pointerSize]
  let acc = 0
  let n = 0
  while (pos.i < cps.length) {
    const d = _PyUnicode_ToDecimalDigit(cps[pos.i]!.codePointAt(0)!)
    if (d < 0) break
    if (acc > (max - d) / 10) valueError(rt, 'Too many decimal digits in format string')
    acc = acc * 10 + d
    pos.i++
    n++
  }
  return n === 0 ? null : acc
}

function invalidSeparator(rt: Runtime, sep: Grouping, type: string): never {
  const s = sep === ',' ? ',' : '_'
  valueError(rt, `Cannot specify '${s}' with '${codeRepr(type)}'.`)
}

/** @cpython Python/formatter_unicode.c#parse_internal_render_format_spec */
function parseSpec(rt: Runtime, obj: PyObject, spec: string, defaultType: string, defaultAlign: string): FormatSpec {
  const opts = rt.profile.objects.numbers.formatSpec
  const cps = Array.from(spec)
  const end = cps.length
  const f: FormatSpec = {
    fill: ' ',
    align: defaultAlign,
    alternate: false,
    noNeg0: false,
    sign: '',
    width: -1,
    grouping: 'none',
    precision: -1,
    fracGrouping: 'none',
    type: defaultType,
  }
  const pos = { i: 0 }
  let alignSpecified = false
  let fillSpecified = false
  if (end >= 2 && isAlign(cps[1])) {
    f.align = cps[1]!
    f.fill = cps[0]!
    fillSpecified = alignSpecified = true
    pos.i = 2
  } else if (end >= 1 && isAlign(cps[0])) {
    f.align = cps[0]!
    alignSpecified = true
    pos.i = 1
  }
  const at = (): string | undefined => cps[pos.i]
  if (at() === ' ' || at() === '+' || at() === '-') f.sign = cps[pos.i++]!
  if (opts.noNegZero && at() === 'z') {
    f.noNeg0 = true
    pos.i++
  }
  if (at() === '#') {
    f.alternate = true
    pos.i++
  }
  if (!fillSpecified && at() === '0') {
    f.fill = '0'
    if (!alignSpecified && (!opts.zeroPadNumericOnly || defaultAlign === '>')) f.align = '='
    pos.i++
  }
  f.width = getInteger(rt, cps, pos) ?? -1
  if (at() === ',') {
    f.grouping = ','
    pos.i++
  }
  if (at() === '_') {
    if (f.grouping !== 'none') valueError(rt, "Cannot specify both ',' and '_'.")
    f.grouping = '_'
    pos.i++
  }
  if (at() === ',' && (f.grouping === '_' || !opts.invalidSpecDetail)) valueError(rt, "Cannot specify both ',' and '_'.")
  if (at() === '.') {
    pos.i++
    const p = getInteger(rt, cps, pos)
    let consumed = p !== null
    f.precision = p ?? -1
    if (opts.fracGrouping) {
      if (at() === ',') {
        f.fracGrouping = ','
        pos.i++
        consumed = true
      }
      if (at() === '_') {
        if (f.fracGrouping !== 'none') valueError(rt, "Cannot specify both ',' and '_'.")
        f.fracGrouping = '_'
        pos.i++
        consumed = true
      }
      if (at() === ',' && f.fracGrouping === '_') valueError(rt, "Cannot specify both ',' and '_'.")
    }
    if (!consumed) valueError(rt, 'Format specifier missing precision')
  }
  if (end - pos.i > 1) {
    if (opts.invalidSpecDetail) valueError(rt, `Invalid format specifier '${spec}' for object of type '${trunc(obj.ob_type.tp_name, 200)}'`)
    valueError(rt, 'Invalid format specifier')
  }
  if (end - pos.i === 1) f.type = cps[pos.i++]!
  if (f.grouping !== 'none') {
    switch (f.type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case '':
        break
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (f.grouping === '_') {
          f.grouping = '_4'
          break
        }
        invalidSeparator(rt, f.grouping, f.type)
        break
      default:
        invalidSeparator(rt, f.grouping, f.type)
    }
  }
  if (f.type === 'n' && f.fracGrouping !== 'none') invalidSeparator(rt, f.fracGrouping, f.type)
  return f
}

function unknownPresentationType(rt: Runtime, type: string, obj: PyObject): never {
  valueError(rt, `Unknown format code '${codeRepr(type)}' for object of type '${trunc(obj.ob_type.tp_name, 200)}'`)
}

/** `calc_padding`: left and right padding for `n` characters. */
function calcPadding(n: number, width: number, align: string): [number, number] {
  const total = width >= 0 && width > n ? width : n
  let left = 0
  if (align === '>') left = total - n
  else if (align === '^') left = Math.floor((total - n) / 2)
  return [left, total - n - left]
}

/** The separator and group size of a grouping style (C locale for 'n': no grouping). */
function groupingInfo(g: Grouping): { sep: string; size: number } {
  switch (g) {
    case ',':
      return { sep: ',', size: 3 }
    case '_':
      return { sep: '_', size: 3 }
    case '_4':
      return { sep: '_', size: 4 }
    default:
      return { sep: '', size: 0 }
  }
}

/**
 * `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the right and, when `minWidth` asks for more, pads with
 * zeros that are grouped too.
 */
function insertGrouping(digits: string, minWidth: number, g: Grouping): string {
  const { sep, size } = groupingInfo(g)
  let min = Math.max(0, minWidth)
  let remaining = digits.length
  let pos = digits.length
  const parts: string[] = []
  let broken = false
  if (size > 0) {
    for (;;) {
      const len = Math.min(size, Math.max(remaining, min, 1))
      const zeros = Math.max(0, len - remaining)
      const nchars = Math.max(0, Math.min(remaining, len))
      parts.push('0'.repeat(zeros) + digits.slice(pos - nchars, pos))
      pos -= nchars
      remaining -= nchars
      min -= len
      if (remaining <= 0 && min <= 0) {
        broken = true
        break
      }
      min -= sep.length
    }
  }
  if (!broken) {
    const len = Math.max(remaining, min, 1)
    const zeros = Math.max(0, len - remaining)
    const nchars = Math.max(0, Math.min(remaining, len))
    parts.push('0'.repeat(zeros) + digits.slice(pos - nchars, pos))
  }
  return parts.reverse().join(sep)
}

/** Groups fractional digits from the left in threes (3.14). */
function groupFraction(frac: string, g: Grouping): string {
  if (g === 'none' || frac.length === 0) return frac
  const sep = g === ',' ? ',' : '_'
  const out: string[] = []
  for (let i = 0; i < frac.length; i += 3) out.push(frac.slice(i, i + 3))
  return out.join(sep)
}

/** A number split as `calc_number_widths` sees it. */
interface NumberParts {
  signChar: string
  prefix: string
  digits: string
  /** '.' or ''. */
  decimal: string
  /** Fractional digits (grouped only with 3.14's fractional grouping). */
  frac: string
  /** What follows: exponent, '%', or the character of 'c'. */
  remainder: string
}

/** `calc_number_widths` + `fill_number`: sign, prefix, padding and grouping around the digits. */
function renderNumber(p: NumberParts, f: FormatSpec): string {
  let sign = ''
  if (f.sign === '+') sign = p.signChar === '-' ? '-' : '+'
  else if (f.sign === ' ') sign = p.signChar === '-' ? '-' : ' '
  else if (p.signChar === '-') sign = '-'
  const frac = groupFraction(p.frac, f.fracGrouping)
  const nonDigit = sign.length + p.prefix.length + p.decimal.length + frac.length + p.remainder.length
  const minWidth = f.fill === '0' && f.align === '=' ? f.width - nonDigit : 0
  const grouped = p.digits.length === 0 ? '' : insertGrouping(p.digits, minWidth, f.type === 'n' ? 'locale' : f.grouping)
  const padding = f.width - (nonDigit + cpLength(grouped))
  let l = 0
  let s = 0
  let r = 0
  if (padding > 0) {
    if (f.align === '<') r = padding
    else if (f.align === '^') {
      l = Math.floor(padding / 2)
      r = padding - l
    } else if (f.align === '=') s = padding
    else l = padding
  }
  return f.fill.repeat(l) + sign + p.prefix + f.fill.repeat(s) + grouped + p.decimal + frac + p.remainder + f.fill.repeat(r)
}

function cpLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0xd800 || c > 0xdbff) n++
  }
  return n
}

/** `parse_number`: splits the text after the sign into digits, decimal point, fraction and remainder. */
function splitFloatText(text: string): NumberParts {
  let signChar = ''
  let t = text
  if (t.startsWith('-')) {
    signChar = '-'
    t = t.slice(1)
  }
  let i = 0
  while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++
  const digits = t.slice(0, i)
  let decimal = ''
  if (t[i] === '.') {
    decimal = '.'
    i++
  }
  let j = i
  if (decimal !== '') while (j < t.length && t.charCodeAt(j) >= 48 && t.charCodeAt(j) <= 57) j++
  return { signChar, prefix: '', digits, decimal, frac: t.slice(i, j), remainder: t.slice(j) }
}

/* --- str ------------------------------------------------------------------------------------------------------ */

/** @cpython Python/formatter_unicode.c#format_string_internal */
function formatStringInternal(rt: Runtime, value: string, f: FormatSpec): string {
  if (f.sign !== '') {
    if (f.sign === ' ' && rt.profile.objects.numbers.formatSpec.spaceSignMessage) valueError(rt, 'Space not allowed in string format specifier')
    valueError(rt, 'Sign not allowed in string format specifier')
  }
  if (f.noNeg0) valueError(rt, 'Negative zero coercion (z) not allowed in string format specifier')
  if (f.alternate) valueError(rt, 'Alternate form (#) not allowed in string format specifier')
  if (f.align === '=') valueError(rt, "'=' alignment not allowed in string format specifier")
  let cps = Array.from(value)
  if ((f.width === -1 || f.width <= cps.length) && (f.precision === -1 || f.precision >= cps.length)) return value
  if (f.precision >= 0 && cps.length >= f.precision) cps = cps.slice(0, f.precision)
  const [l, r] = calcPadding(cps.length, f.width, f.align)
  return f.fill.repeat(l) + cps.join('') + f.fill.repeat(r)
}

/**
 * `str.__format__`: the format-spec mini-language applied to text. Throws PyErr (ValueError) on a bad spec.
 * `type` names the object in messages (a str subclass).
 */
export function formatStrSpec(rt: Runtime, value: string, spec: string, type: PyTypeObject = rt.types.str): string {
  if (spec === '') return value
  const dummy = { ob_type: type } as PyObject
  const f = parseSpec(rt, dummy, spec, 's', '<')
  if (f.type !== 's') unknownPresentationType(rt, f.type, dummy)
  return formatStringInternal(rt, value, f)
}

/* --- int ------------------------------------------------------------------------------------------------------ */

/** @cpython Python/formatter_unicode.c#format_long_internal */
function formatLongInternal(rt: Runtime, value: PyObject, f: FormatSpec): string {
  if (f.precision !== -1) valueError(rt, 'Precision not allowed in integer format specifier')
  if (f.noNeg0) valueError(rt, 'Negative zero coercion (z) not allowed in integer format specifier')
  if (f.type === 'c') {
    if (f.sign !== '') valueError(rt, "Sign not allowed with integer format specifier 'c'")
    if (f.alternate) valueError(rt, "Alternate form (#) not allowed with integer format specifier 'c'")
    const v = (value as PyLongObject).ob_ival
    if (v < 0 || v > 0x10ffff) throw PyErr_Format(rt, 'OverflowError', '%c arg not in range(0x110000)')
    return renderNumber({ signChar: '', prefix: '', digits: '', decimal: '', frac: '', remainder: String.fromCodePoint(Number(v)) }, f)
  }
  let base = 10
  let skip = 0
  if (f.type === 'b') [base, skip] = [2, 2]
  else if (f.type === 'o') [base, skip] = [8, 2]
  else if (f.type === 'x' || f.type === 'X') [base, skip] = [16, 2]
  const exact = value.ob_type === rt.types.int
  if (f.sign !== '+' && f.sign !== ' ' && f.width === -1 && f.type !== 'X' && f.type !== 'n' && f.grouping === 'none' && exact) {
    return _PyLong_Format(rt, value, base, f.alternate)
  }
  let text = _PyLong_Format(rt, value, base, true)
  let signChar = ''
  if (text.startsWith('-')) {
    signChar = '-'
    text = text.slice(1)
  }
  let prefix = text.slice(0, skip)
  let digits = text.slice(skip)
  if (f.type === 'X') {
    prefix = prefix.toUpperCase()
    digits = digits.toUpperCase()
  }
  return renderNumber({ signChar, prefix: f.alternate ? prefix : '', digits, decimal: '', frac: '', remainder: '' }, f)
}

/** `int.__format__`. @cpython Python/formatter_unicode.c#_PyLong_FormatAdvancedWriter */
export function formatLongSpec(rt: Runtime, obj: PyObject, spec: string): string {
  if (spec === '') return exactOrStr(rt, obj)
  const f = parseSpec(rt, obj, spec, 'd', '>')
  switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      return formatLongInternal(rt, obj, f)
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return formatFloatInternal(rt, PyLong_AsDouble(obj), f)
    default:
      unknownPresentationType(rt, f.type, obj)
  }
}

function exactOrStr(rt: Runtime, obj: PyObject): string {
  void rt
  const s = PyObject_Str(obj)
  const v = strValue(s)
  Py_DECREF(s)
  return v
}

/* --- float ---------------------------------------------------------------------------------------------------- */

/** @cpython Python/formatter_unicode.c#format_float_internal */
function formatFloatInternal(rt: Runtime, val: number, f: FormatSpec): string {
  let flags = 0
  let type = f.type
  let defaultPrecision = 6
  let precision = f.precision
  if (precision > 2147483647) valueError(rt, 'precision too big')
  if (f.alternate) flags |= Py_DTSF_ALT
  if (f.noNeg0) flags |= Py_DTSF_NO_NEG_0
  if (type === '') {
    flags |= Py_DTSF_ADD_DOT_0
    // 2.7: like str(), 'g' with 12 digits by default; 3.x: like repr().
    const g12 = rt.profile.objects.numbers.floatStr === 'g12'
    type = g12 ? 'g' : 'r'
    defaultPrecision = g12 ? 12 : 0
  }
  if (type === 'n') type = 'g'
  let v = val
  let pct = false
  if (type === '%') {
    type = 'f'
    v *= 100
    pct = true
  }
  if (precision < 0) precision = defaultPrecision
  else if (type === 'r') type = 'g'
  let text = PyOS_double_to_string(v, type as DoubleFormatCode, precision, flags)
  if (pct) text += '%'
  if (f.sign !== '+' && f.sign !== ' ' && f.width === -1 && f.type !== 'n' && f.grouping === 'none' && f.fracGrouping === 'none') return text
  return renderNumber(splitFloatText(text), f)
}

/** `float.__format__` for a value. @cpython Python/formatter_unicode.c#_PyFloat_FormatAdvancedWriter */
export function formatFloatSpec(rt: Runtime, obj: PyObject, val: number, spec: string): string {
  if (spec === '') return exactOrStr(rt, obj)
  const f = parseSpec(rt, obj, spec, '', '>')
  switch (f.type) {
    case '':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      return formatFloatInternal(rt, val, f)
    default:
      unknownPresentationType(rt, f.type, obj)
  }
}

/* --- complex -------------------------------------------------------------------------------------------------- */

/** @cpython Python/formatter_unicode.c#format_complex_internal */
function formatComplexInternal(rt: Runtime, re: number, im: number, f: FormatSpec): string {
  let flags = 0
  let type = f.type
  let defaultPrecision = 6
  let precision = f.precision
  let skipRe = false
  let parens = false
  if (precision > 2147483647) valueError(rt, 'precision too big')
  if (f.fill === '0') valueError(rt, 'Zero padding is not allowed in complex format specifier')
  if (f.align === '=') valueError(rt, "'=' alignment flag is not allowed in complex format specifier")
  if (f.alternate) flags |= Py_DTSF_ALT
  if (f.noNeg0) flags |= Py_DTSF_NO_NEG_0
  if (type === '') {
    type = 'r'
    defaultPrecision = 0
    if (re === 0 && !Object.is(re, -0)) skipRe = true
    else parens = true
  }
  if (type === 'n') type = 'g'
  if (precision < 0) precision = defaultPrecision
  else if (type === 'r') type = 'g'
  const reParts = splitFloatText(PyOS_double_to_string(re, type as DoubleFormatCode, precision, flags))
  const imParts = splitFloatText(PyOS_double_to_string(im, type as DoubleFormatCode, precision, flags))
  const inner: FormatSpec = { ...f, fill: '', align: '<', width: -1 }
  const reText = skipRe ? '' : renderNumber(reParts, inner)
  if (!skipRe) inner.sign = '+'
  const imText = renderNumber(imParts, inner)
  const body = (parens ? '(' : '') + reText + imText + 'j' + (parens ? ')' : '')
  const [l, r] = calcPadding(cpLength(body), f.width, f.align)
  return f.fill.repeat(l) + body + f.fill.repeat(r)
}

/** `complex.__format__`. @cpython Python/formatter_unicode.c#_PyComplex_FormatAdvancedWriter */
export function formatComplexSpec(rt: Runtime, obj: PyObject, re: number, im: number, spec: string): string {
  if (spec === '') return exactOrStr(rt, obj)
  const f = parseSpec(rt, obj, spec, '', '>')
  switch (f.type) {
    case '':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
      return formatComplexInternal(rt, re, im, f)
    default:
      unknownPresentationType(rt, f.type, obj)
  }
}

/* --- PyObject_Format ------------------------------------------------------------------------------------------ */

/**
 * `PyObject_Format(obj, spec)`: `type(obj).__format__(obj, spec)`; `spec` null means ''. Returns a new reference
 * to a str. An empty spec on an exact str or int returns `str(obj)` directly, as CPython does.
 * @cpython Objects/abstract.c#PyObject_Format
 */
export function PyObject_Format(obj: PyObject, spec: PyObject | null): PyObject {
  const rt = obj.ob_type.tp_runtime
  if (spec !== null && !PyUnicode_Check(spec)) {
    throw PyErr_Format(rt, 'TypeError', `Format specifier must be a string, not ${trunc(spec.ob_type.tp_name, 200)}`)
  }
  if (spec === null || strValue(spec) === '') {
    if (obj.ob_type === rt.types.str) {
      Py_INCREF(obj)
      return obj
    }
    if (obj.ob_type === rt.types.int) return PyObject_Str(obj)
  }
  if (PyUnicode_Check(obj) && _PyType_Lookup(obj.ob_type, '__format__') === _PyType_Lookup(rt.types.object, '__format__')) {
    // NON-CPYTHON: while str has no `__format__` of its own, its formatting comes straight from here.
    return PyUnicode_FromString(rt, formatStrSpec(rt, strValue(obj), spec === null ? '' : strValue(spec), obj.ob_type))
  }
  const meth = _PyObject_LookupSpecial(obj, '__format__')
  if (meth === null) throw PyErr_Format(rt, 'TypeError', `Type ${trunc(obj.ob_type.tp_name, 100)} doesn't define __format__`)
  const arg = spec ?? PyUnicode_FromString(rt, '')
  let res: PyObject
  try {
    res = PyObject_Vectorcall(meth, [arg], 0, 1, null)
  } finally {
    Py_DECREF(meth)
    if (spec === null) Py_DECREF(arg)
  }
  if (!PyUnicode_Check(res)) {
    const name = res.ob_type.tp_name
    Py_DECREF(res)
    throw PyErr_Format(rt, 'TypeError', `__format__ must return a str, not ${trunc(name, 200)}`)
  }
  return res
}

/** The `spec` argument of a `__format__` method: a str, else CPython's TypeError. */
export function formatSpecArg(rt: Runtime, spec: PyObject, message = '__format__() argument must be str, not {type}'): string {
  if (!PyUnicode_Check(spec)) throw PyErr_Format(rt, 'TypeError', message.replace('{type}', trunc(spec.ob_type.tp_name, 200)))
  return strValue(spec)
}

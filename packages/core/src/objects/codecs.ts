/**
 * The built-in codecs text needs: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32, with the standard error handlers
 * (strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape, surrogatepass) and CPython's
 * UnicodeEncodeError/UnicodeDecodeError ranges and reasons.
 * @cpython Objects/unicodeobject.c#PyUnicode_AsEncodedString
 * @cpython Python/codecs.c
 */
import { PyErr, PyErr_Format, PyErr_NewInstance } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF } from '../object/refcount.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyLong_FromNumber } from './longobject.js'
import { PyUnicode_FromString, stringCodePoints, type PyUnicodeObject } from './unicodeobject.js'

export type CodecName = 'utf-8' | 'ascii' | 'latin-1' | 'utf-16' | 'utf-16-le' | 'utf-16-be' | 'utf-32' | 'utf-32-le' | 'utf-32-be'

const ALIASES: Record<string, CodecName> = {
  utf_8: 'utf-8', utf8: 'utf-8', u8: 'utf-8', utf: 'utf-8', utf8_ucs2: 'utf-8', utf8_ucs4: 'utf-8', cp65001: 'utf-8',
  ascii: 'ascii', us_ascii: 'ascii', '646': 'ascii', ansi_x3_4_1968: 'ascii', us: 'ascii', iso646_us: 'ascii',
  latin_1: 'latin-1', latin1: 'latin-1', latin: 'latin-1', l1: 'latin-1', iso8859_1: 'latin-1', iso_8859_1: 'latin-1',
  '8859': 'latin-1', cp819: 'latin-1', iso_ir_100: 'latin-1', iso_8859_1_1987: 'latin-1',
  utf_16: 'utf-16', utf16: 'utf-16', u16: 'utf-16', utf_16_le: 'utf-16-le', utf_16le: 'utf-16-le', utf_16_be: 'utf-16-be', utf_16be: 'utf-16-be',
  utf_32: 'utf-32', utf32: 'utf-32', u32: 'utf-32', utf_32_le: 'utf-32-le', utf_32le: 'utf-32-le', utf_32_be: 'utf-32-be', utf_32be: 'utf-32-be',
}

/** The codec for an encoding name (normalised as `encodings.normalize_encoding` does), or LookupError. */
export function lookupCodec(rt: Runtime, name: string): CodecName {
  const norm = name.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '')
  const c = ALIASES[norm]
  if (c === undefined) throw PyErr_Format(rt, 'LookupError', `unknown encoding: ${name}`)
  return c
}

function unknownHandler(rt: Runtime, errors: string): PyErr {
  return PyErr_Format(rt, 'LookupError', `unknown error handler name '${errors}'`)
}


/** A UnicodeEncodeError(encoding, str, start, end, reason) to throw. */
export function makeEncodeError(rt: Runtime, encoding: string, text: string, start: number, end: number, reason: string): PyErr {
  const obj = PyUnicode_FromString(rt, text)
  const s = PyLong_FromNumber(rt, start)
  const e = PyLong_FromNumber(rt, end)
  try {
    const exc = PyErr_NewInstance(rt, rt.exc['UnicodeEncodeError']!, [encoding, obj, s, e, reason])
    return new PyErr(exc)
  } finally {
    Py_DECREF(obj)
    Py_DECREF(s)
    Py_DECREF(e)
  }
}

let bytesFactory: ((rt: Runtime, b: Uint8Array) => PyObject) | null = null
/** Set by the bytes module (codecs produce bytes objects). */
export function _PyCodecs_SetBytesFactory(f: (rt: Runtime, b: Uint8Array) => PyObject): void {
  bytesFactory = f
}

/** A UnicodeDecodeError(encoding, bytes, start, end, reason) to throw. */
export function makeDecodeError(rt: Runtime, encoding: string, data: Uint8Array, start: number, end: number, reason: string): PyErr {
  const obj = bytesFactory!(rt, data)
  const s = PyLong_FromNumber(rt, start)
  const e = PyLong_FromNumber(rt, end)
  try {
    const exc = PyErr_NewInstance(rt, rt.exc['UnicodeDecodeError']!, [encoding, obj, s, e, reason])
    return new PyErr(exc)
  } finally {
    Py_DECREF(obj)
    Py_DECREF(s)
    Py_DECREF(e)
  }
}

function charEscape(c: number): string {
  return c <= 0xff ? '\\x' + c.toString(16).padStart(2, '0') : c <= 0xffff ? '\\u' + c.toString(16).padStart(4, '0') : '\\U' + c.toString(16).padStart(8, '0')
}

/** `UnicodeEncodeError.__str__`. @cpython Objects/exceptions.c#UnicodeEncodeError_str */
export function unicodeEncodeErrorText(encoding: string, obj: string, start: number, end: number, reason: string): string {
  const cps = stringCodePoints(obj)
  if (start < cps.length && end === start + 1) return `'${encoding}' codec can't encode character '${charEscape(cps[start]!)}' in position ${start}: ${reason}`
  return `'${encoding}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`
}

/** `UnicodeDecodeError.__str__`. @cpython Objects/exceptions.c#UnicodeDecodeError_str */
export function unicodeDecodeErrorText(encoding: string, obj: Uint8Array, start: number, end: number, reason: string): string {
  if (start < obj.length && end === start + 1) return `'${encoding}' codec can't decode byte 0x${obj[start]!.toString(16).padStart(2, '0')} in position ${start}: ${reason}`
  return `'${encoding}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Encoding                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

class ByteWriter {
  buf = new Uint8Array(16)
  n = 0
  push(b: number): void {
    if (this.n === this.buf.length) {
      const nb = new Uint8Array(this.buf.length * 2)
      nb.set(this.buf)
      this.buf = nb
    }
    this.buf[this.n++] = b
  }
  ascii(s: string): void {
    for (let i = 0; i < s.length; i++) this.push(s.charCodeAt(i))
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.n)
  }
}

function utf8Bytes(w: ByteWriter, c: number): void {
  if (c < 0x80) w.push(c)
  else if (c < 0x800) {
    w.push(0xc0 | (c >> 6))
    w.push(0x80 | (c & 0x3f))
  } else if (c < 0x10000) {
    w.push(0xe0 | (c >> 12))
    w.push(0x80 | ((c >> 6) & 0x3f))
    w.push(0x80 | (c & 0x3f))
  } else {
    w.push(0xf0 | (c >> 18))
    w.push(0x80 | ((c >> 12) & 0x3f))
    w.push(0x80 | ((c >> 6) & 0x3f))
    w.push(0x80 | (c & 0x3f))
  }
}

/** The UTF-8 bytes of a JS string (surrogates encoded as themselves: only for strings known to have none). */
export function utf8Encode(s: string): Uint8Array {
  const w = new ByteWriter()
  for (const c of stringCodePoints(s)) utf8Bytes(w, c)
  return w.result()
}

/**
 * `str.encode(encoding, errors)`: the encoded bytes, or a thrown UnicodeEncodeError / LookupError.
 * @cpython Objects/unicodeobject.c#unicode_encode_ucs1
 */
export function encodeText(rt: Runtime, s: string, encoding: string, errors: string): Uint8Array {
  const codec = lookupCodec(rt, encoding)
  const cps = stringCodePoints(s)
  const w = new ByteWriter()
  const limit = codec === 'ascii' ? 0x80 : codec === 'latin-1' ? 0x100 : 0x110000
  const reason = codec === 'ascii' ? 'ordinal not in range(128)' : codec === 'latin-1' ? 'ordinal not in range(256)' : 'surrogates not allowed'
  const isBad = (c: number): boolean => (limit < 0x110000 ? c >= limit : c >= 0xd800 && c <= 0xdfff)
  const unit = (c: number): void => {
    if (codec === 'utf-8') utf8Bytes(w, c)
    else if (codec === 'ascii' || codec === 'latin-1') w.push(c)
    else if (codec.startsWith('utf-16')) {
      const be = codec === 'utf-16-be'
      const put = (u: number): void => {
        if (be) {
          w.push(u >> 8)
          w.push(u & 0xff)
        } else {
          w.push(u & 0xff)
          w.push(u >> 8)
        }
      }
      if (c >= 0x10000) {
        put(0xd800 + ((c - 0x10000) >> 10))
        put(0xdc00 + ((c - 0x10000) & 0x3ff))
      } else put(c)
    } else {
      const bytes = [c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff, 0]
      if (codec === 'utf-32-be') bytes.reverse()
      for (const b of bytes) w.push(b)
    }
  }
  if (codec === 'utf-16') w.ascii('\xff\xfe')
  if (codec === 'utf-32') w.ascii('\xff\xfe\0\0')
  const encName = codec
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!
    if (!isBad(c)) {
      unit(c)
      continue
    }
    let j = i + 1
    while (j < cps.length && isBad(cps[j]!)) j++
    switch (errors) {
      case 'strict':
        throw makeEncodeError(rt, encName, s, i, j, reason)
      case 'ignore':
        break
      case 'replace':
        for (let k = i; k < j; k++) unit(0x3f)
        break
      case 'backslashreplace':
        for (let k = i; k < j; k++) w.ascii(charEscape(cps[k]!))
        break
      case 'xmlcharrefreplace':
        for (let k = i; k < j; k++) w.ascii(`&#${cps[k]!};`)
        break
      case 'surrogateescape': {
        for (let k = i; k < j; k++) {
          const d = cps[k]!
          if (d < 0xdc80 || d > 0xdcff) throw makeEncodeError(rt, encName, s, k, k + 1, reason)
          w.push(d - 0xdc00)
        }
        break
      }
      case 'surrogatepass': {
        if (codec !== 'utf-8') throw makeEncodeError(rt, encName, s, i, j, reason)
        for (let k = i; k < j; k++) utf8Bytes(w, cps[k]!)
        break
      }
      default:
        throw unknownHandler(rt, errors)
    }
    i = j - 1
  }
  return w.result()
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Decoding                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

/** One UTF-8 sequence at `i`: [code point, length] or [-1, invalid length, reason]. */
function utf8Step(b: Uint8Array, i: number): [number, number, string] {
  const c = b[i]!
  if (c < 0x80) return [c, 1, '']
  if (c < 0xc2 || c > 0xf4) return [-1, 1, 'invalid start byte']
  const need = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3
  let lo = 0x80
  let hi = 0xbf
  if (c === 0xe0) lo = 0xa0
  else if (c === 0xed) hi = 0x9f
  else if (c === 0xf0) lo = 0x90
  else if (c === 0xf4) hi = 0x8f
  let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return [-1, k, 'unexpected end of data']
    const d = b[i + k]!
    const l = k === 1 ? lo : 0x80
    const h = k === 1 ? hi : 0xbf
    if (d < l || d > h) return [-1, k, 'invalid continuation byte']
    cp = (cp << 6) | (d & 0x3f)
  }
  return [cp, need + 1, '']
}

/**
 * `bytes.decode(encoding, errors)`: the text, or a thrown UnicodeDecodeError / LookupError.
 * @cpython Objects/unicodeobject.c#unicode_decode_utf8
 */
export function decodeBytes(rt: Runtime, b: Uint8Array, encoding: string, errors: string): string {
  const codec = lookupCodec(rt, encoding)
  let out = ''
  const fail = (start: number, end: number, reason: string): void => {
    switch (errors) {
      case 'strict':
        throw makeDecodeError(rt, codec, b, start, end, reason)
      case 'ignore':
        return
      case 'replace':
        out += '\ufffd'
        return
      case 'backslashreplace':
        for (let k = start; k < end; k++) out += '\\x' + b[k]!.toString(16).padStart(2, '0')
        return
      case 'surrogateescape':
        for (let k = start; k < end; k++) {
          if (b[k]! < 0x80) throw makeDecodeError(rt, codec, b, start, end, reason)
          out += String.fromCharCode(0xdc00 + b[k]!)
        }
        return
      default:
        throw unknownHandler(rt, errors)
    }
  }
  if (codec === 'latin-1') {
    for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode(...b.subarray(i, i + 8192))
    return out
  }
  if (codec === 'ascii') {
    let run = 0
    for (let i = 0; i < b.length; i++) {
      if (b[i]! < 0x80) continue
      out += String.fromCharCode(...b.subarray(run, i))
      fail(i, i + 1, 'ordinal not in range(128)')
      run = i + 1
    }
    return out + String.fromCharCode(...b.subarray(run))
  }
  if (codec === 'utf-8') {
    let i = 0
    while (i < b.length) {
      const [cp, n, reason] = utf8Step(b, i)
      if (cp >= 0) out += String.fromCodePoint(cp)
      else fail(i, i + n, reason)
      i += n
    }
    return out
  }
  const width = codec.startsWith('utf-16') ? 2 : 4
  let be = codec.endsWith('-be')
  let i = 0
  if (codec === 'utf-16' && b.length >= 2) {
    if (b[0] === 0xff && b[1] === 0xfe) i = 2
    else if (b[0] === 0xfe && b[1] === 0xff) {
      i = 2
      be = true
    }
  } else if (codec === 'utf-32' && b.length >= 4) {
    if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) i = 4
    else if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) {
      i = 4
      be = true
    }
  }
  for (; i < b.length; i += width) {
    if (i + width > b.length) {
      fail(i, b.length, 'truncated data')
      break
    }
    let v = 0
    for (let k = 0; k < width; k++) v = v * 256 + b[be ? i + k : i + width - 1 - k]!
    if (width === 4) {
      if (v > 0x10ffff) fail(i, i + 4, 'code point not in range(0x110000)')
      else out += String.fromCodePoint(v)
    } else out += String.fromCharCode(v)
  }
  return out
}

/** The text of a str object. */
export function textOf(o: PyObject): string {
  return (o as PyUnicodeObject).value
}

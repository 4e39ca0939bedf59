/**
 * Source files as bytes: PEP 263 decoding (a UTF-8 BOM, or a `coding:` comment on line 1 or 2), else the profile's
 * default source encoding; what does not decode is the tokenizer's SyntaxError.
 * @cpython Parser/tokenizer.c#check_coding_spec @cpython Parser/tokenizer.c#decoding_fgets
 */
import type { CPythonProfile } from '@heap/core'

export type DecodedSource = { ok: true; text: string } | { ok: false; msg: string; lineno: number; offset: number; line: string }

const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/

/** The encoding a `coding:` comment on one of the first two lines declares, or null. */
function declaredEncoding(bytes: Uint8Array): string | null {
  let start = 0
  for (let line = 0; line < 2 && start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start)
    if (end < 0) end = bytes.length
    const text = String.fromCharCode(...bytes.subarray(start, Math.min(end, start + 200)))
    const m = CODING.exec(text)
    if (m) return m[1]!.toLowerCase().replace(/_/g, '-')
    // Line 2 counts only when line 1 is blank or a comment.
    if (!/^[ \t\f]*(#.*)?\r?$/.test(text)) return null
    start = end + 1
  }
  return null
}

function lineOf(bytes: Uint8Array, index: number): number {
  let n = 1
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) n++
  return n
}

/** Index of the first byte where `bytes` stops being valid UTF-8 (or ASCII), or -1. */
function firstUndecodable(bytes: Uint8Array, ascii: boolean): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    if (ascii) return i
    const n = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1
    if (n < 0) return i
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + n + 1))
    } catch {
      return i
    }
    i += n + 1
  }
  return -1
}

export function decodeSource(bytes: Uint8Array, profile: CPythonProfile, filename: string): DecodedSource {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
  const declared = declaredEncoding(bytes)
  if (declared === 'latin-1' || declared === 'iso-8859-1' || declared === 'iso-latin-1' || declared === 'latin1') {
    let text = ''
    for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192))
    return { ok: true, text }
  }
  const rule = profile.compiler.sourceNotDecodable
  const ascii = declared === null ? rule.encoding === 'ascii' : declared === 'ascii' || declared === 'us-ascii'
  if (!ascii || bytes.every((b) => b < 0x80)) {
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
    } catch {
      /* not UTF-8: find where, for the message */
    }
  }
  const bad = firstUndecodable(bytes, ascii)
  if (bad < 0) return { ok: true, text: new TextDecoder('utf-8').decode(bytes) }
  const lineno = lineOf(bytes, bad)
  const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1
  let lineEnd = bytes.indexOf(0x0a, bad)
  if (lineEnd < 0) lineEnd = bytes.length
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad))
  const msg = rule.text
    .replace('{byte}', `\\x${bytes[bad]!.toString(16).padStart(2, '0')}`)
    .replace('{file}', filename)
    .replace('{line}', String(lineno))
  return { ok: false, msg, lineno, offset: before.length + 1, line: new TextDecoder('utf-8').decode(bytes.subarray(lineStart, lineEnd)) + '\n' }
}

/**
 * String literals: prefixes, escapes, bytes, and f-strings (split into literal pieces and replacement fields).
 * @cpython Parser/string_parser.c
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Token } from './tokenizer.js'

interface HostParser {
  error(msg: string, at: any, end?: any): Error | object
  errorAfter(msg: string, t: any): Error | object
  errorAtChars(msg: string, line: number, col: number, endCol: number): Error | object
  readonly msgs: import('./messages.js').SyntaxMessages
  subExpression(text: string, line: number, col: number): any
  byteCol(line: number, col: number): number
  /** An unknown escape `\\c` in a literal token (a SyntaxWarning on the profiles that give one). */
  invalidEscape(c: string, t: Token): void
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' }

/** Decodes backslash escapes of a (non-raw) literal body. */
export function decodeEscapes(body: string, bytes: boolean, onError: (msg: string) => never, onUnknown?: (c: string) => void): string {
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c !== '\\') {
      out += c
      continue
    }
    const n = body[i + 1]
    if (n === undefined) {
      out += '\\'
      continue
    }
    if (SIMPLE_ESCAPES[n] !== undefined) {
      out += SIMPLE_ESCAPES[n]
      i++
    } else if (n >= '0' && n <= '7') {
      let j = i + 1
      let v = 0
      while (j < i + 4 && j < body.length && body[j]! >= '0' && body[j]! <= '7') v = v * 8 + Number(body[j++])
      out += String.fromCharCode(bytes ? v & 0xff : v)
      i = j - 1
    } else if (n === 'x') {
      const hex = body.slice(i + 2, i + 4)
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) onError(`(${bytes ? 'value' : 'unicode'} error) ${bytes ? 'invalid \\x escape at position ' + i : "'unicodeescape' codec can't decode bytes in position " + i + '-' + (i + 1 + hex.length) + ': truncated \\xXX escape'}`)
      out += String.fromCharCode(parseInt(hex, 16))
      i += 3
    } else if (!bytes && (n === 'u' || n === 'U')) {
      const len = n === 'u' ? 4 : 8
      const hex = body.slice(i + 2, i + 2 + len)
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) onError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 1 + hex.length}: truncated \\${n}${'X'.repeat(len)} escape`)
      out += String.fromCodePoint(parseInt(hex, 16))
      i += 1 + len
    } else if (!bytes && n === 'N') {
      const m = /^\{([^}]*)\}/.exec(body.slice(i + 2))
      const name = m ? m[1]!.toUpperCase() : ''
      const known: Record<string, string> = { 'BULLET': '\u2022', 'EM DASH': '\u2014', 'SNOWMAN': '\u2603', 'GREEK SMALL LETTER ALPHA': '\u03b1', 'LATIN SMALL LETTER E WITH ACUTE': '\u00e9' }
      if (!m || known[name] === undefined) onError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 1}: unknown Unicode character name`)
      out += known[name]
      i += 2 + m![0].length - 1
    } else {
      // Unknown escapes are kept as written.
      onUnknown?.(n)
      out += '\\' + n
      i++
    }
  }
  return out
}

/** The value of one STRING token: a JS string, a Uint8Array (bytes), or f-string pieces. */
export function parseStringToken(p: HostParser, t: Token): { value: unknown; fstring: boolean } {
  const text = t.value
  const m = /^([rRbBuUfF]*)('''|"""|'|")/.exec(text)!
  const prefix = m[1]!.toLowerCase()
  const quote = m[2]!
  const body = text.slice(prefix.length + quote.length, text.length - quote.length)
  const raw = prefix.includes('r')
  const isBytes = prefix.includes('b')
  const fail = (msg: string): never => {
    throw p.error(msg, t)
  }
  if (isBytes) {
    if (!isAsciiText(body)) fail('bytes can only contain ASCII literal characters')
    const s = raw ? body : decodeEscapes(body, true, fail, (c) => p.invalidEscape(c, t))
    const out = new Uint8Array(s.length)
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff
    return { value: out, fstring: false }
  }
  if (!prefix.includes('f')) return { value: raw ? body : decodeEscapes(body, false, fail, (c) => p.invalidEscape(c, t)), fstring: false }
  return { value: parseFString(p, t, body, raw, prefix.length + quote.length), fstring: true }
}

/** Splits an f-string body into Constant and FormattedValue nodes. */
function parseFString(p: HostParser, t: Token, body: string, raw: boolean, bodyOffset: number): any[] {
  const pieces: any[] = []
  let lit = ''
  const pos = (): any => ({ lineno: t.line, col_offset: p.byteCol(t.line, t.col), end_lineno: t.endLine, end_col_offset: p.byteCol(t.endLine, t.endCol) })
  const flushLit = (): void => {
    if (lit !== '') {
      pieces.push({ _type: 'Constant', value: raw ? lit : decodeEscapes(lit, false, (m) => { throw p.error(m, t) }, (c) => p.invalidEscape(c, t)), kind: null, ...pos() })
      lit = ''
    }
  }
  let i = 0
  while (i < body.length) {
    const c = body[i]!
    if (c === '{') {
      if (body[i + 1] === '{') {
        lit += '{'
        i += 2
        continue
      }
      flushLit()
      const [node, next] = replacementField(p, t, body, i, bodyOffset, raw)
      pieces.push(...node)
      i = next
      continue
    }
    if (c === '}') {
      if (body[i + 1] === '}') {
        lit += '}'
        i += 2
        continue
      }
      throw p.error("f-string: single '}' is not allowed", t)
    }
    lit += c
    i++
  }
  flushLit()
  return pieces
}

/** Parses `{expr[=][!c][:spec]}` starting at body[i] === '{'. Returns nodes and the index after '}'. */
function replacementField(p: HostParser, t: Token, body: string, i: number, bodyOffset: number, raw: boolean): [any[], number] {
  let depth = 0
  let j = i + 1
  let inStr: string | null = null
  let exprEnd = -1
  while (j < body.length) {
    const c = body[j]!
    if (inStr !== null) {
      if (c === inStr) inStr = null
      j++
      continue
    }
    if (c === "'" || c === '"') inStr = c
    else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        if (c === '}') {
          exprEnd = j
          break
        }
      } else depth--
    } else if (depth === 0 && (c === '!' && body[j + 1] !== '=' || c === ':')) {
      exprEnd = j
      break
    } else if (depth === 0 && c === '=' && body[j + 1] !== '=' && !'=!<>'.includes(body[j - 1] ?? '')) {
      exprEnd = j
      break
    }
    j++
  }
  if (exprEnd < 0) throw p.error("f-string: expecting '}'", t)
  const exprText = body.slice(i + 1, exprEnd)
  if (exprText.trim() === '') {
    const e = p.msgs.fstringEmpty
    if (e.at === 'token-end') throw p.errorAfter(e.msg, t)
    const c = t.col + bodyOffset + exprEnd
    throw p.errorAtChars(e.msg, t.line, c, c + 1)
  }
  // Where the '{' sits in the source (the token may span lines).
  const before = t.value.slice(0, bodyOffset + i)
  const nl = before.lastIndexOf('\n')
  const line = t.line + (before.match(/\n/g)?.length ?? 0)
  const col = nl < 0 ? t.col + before.length : before.length - nl - 1
  const value = p.subExpression(`(${exprText})`, line, col)
  const nodes: any[] = []
  let k = exprEnd
  let conversion = -1
  let selfDoc = false
  if (body[k] === '=') {
    selfDoc = true
    k++
  }
  if (body[k] === '!') {
    const conv = body[k + 1]
    if (conv !== 's' && conv !== 'r' && conv !== 'a') {
      const msg = p.msgs.fstringConversion(conv ?? '')
      if (p.msgs.fstringConversionAt === 'token-end') throw p.errorAfter(msg, t)
      const c = t.col + bodyOffset + k + 1
      throw p.errorAtChars(msg, t.line, c, c + 1)
    }
    conversion = conv.charCodeAt(0)
    k += 2
  }
  let format_spec: any = null
  if (body[k] === ':') {
    // The spec runs to the matching '}' and may contain nested fields.
    let d = 0
    let e = k + 1
    while (e < body.length && !(body[e] === '}' && d === 0)) {
      if (body[e] === '{') d++
      else if (body[e] === '}') d--
      e++
    }
    const specText = body.slice(k + 1, e)
    const specPieces = parseFString(p, t, specText, raw, bodyOffset + k + 1)
    format_spec = { _type: 'JoinedStr', values: specPieces, lineno: t.line, col_offset: p.byteCol(t.line, t.col), end_lineno: t.endLine, end_col_offset: p.byteCol(t.endLine, t.endCol) }
    k = e
  }
  if (body[k] !== '}') throw p.error("f-string: expecting '}'", t)
  const pos = { lineno: t.line, col_offset: p.byteCol(t.line, t.col), end_lineno: t.endLine, end_col_offset: p.byteCol(t.endLine, t.endCol) }
  if (selfDoc) {
    nodes.push({ _type: 'Constant', value: body.slice(i + 1, exprEnd + 1), kind: null, ...pos })
    if (conversion === -1 && format_spec === null) conversion = 114
  }
  nodes.push({ _type: 'FormattedValue', value, conversion, format_spec, ...pos })
  return [nodes, k + 1]
}

function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

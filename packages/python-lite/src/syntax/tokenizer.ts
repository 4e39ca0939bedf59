/**
 * The tokenizer: Python source → tokens with CPython's names (NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT,
 * ENDMARKER), with indentation tracking and implicit line joining inside brackets.
 * @cpython Parser/tokenizer.c
 */
import { SyntaxErrorInfo } from '../compiler/errors.js'
import type { SyntaxMessages } from './messages.js'

export type TokenType = 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'ENDMARKER'

export interface Token {
  readonly type: TokenType
  readonly value: string
  /** 1-based line, 0-based column in characters (JS UTF-16 units). */
  readonly line: number
  readonly col: number
  readonly endLine: number
  readonly endCol: number
  /** Offset in the source (for slicing). */
  readonly start: number
  readonly end: number
}

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=',
  '**', '//', '>>', '<<', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=',
  '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '=',
]

const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' }

function isIdStart(c: string): boolean {
  return /[A-Za-z_]/.test(c) || (c.charCodeAt(0) >= 0x80 && /[\p{L}\p{Nl}_]/u.test(c))
}
function isIdChar(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c) || (c.charCodeAt(0) >= 0x80 && /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u.test(c))
}

export class Tokenizer {
  private readonly src: string
  private readonly filename: string
  private readonly msgs: SyntaxMessages
  private pos = 0
  private line = 1
  private lineStart = 0
  private readonly indents: number[] = [0]
  /** Open brackets: [char, line, col]. */
  private readonly parens: [string, number, number][] = []
  private readonly tokens: Token[] = []
  private atLineStart = true
  private readonly lines: string[]
  /** An error was raised because the input ended inside a token. */
  private atEofIn = false

  /** Report tokenizer errors lazily whatever the profile says (the REPL's completeness probe). */
  private readonly forceLazy: boolean

  constructor(src: string, filename: string, msgs: SyntaxMessages, forceLazy = false) {
    this.forceLazy = forceLazy
    this.src = src
    this.filename = filename
    this.msgs = msgs
    this.lines = src.split('\n')
  }

  lineText(n: number): string {
    return this.lines[n - 1] ?? ''
  }

  error(msg: string, line: number, col: number, endLine?: number, endCol?: number, type: SyntaxErrorInfo['type'] = 'SyntaxError'): SyntaxErrorInfo {
    const text = this.lineText(line)
    return new SyntaxErrorInfo(type, msg, this.filename, line, col + 1, text + (line <= this.lines.length && this.src.length > 0 ? '\n' : ''), endLine ?? line, (endCol ?? col + 1) + 1)
  }

  private push(type: TokenType, value: string, start: number, end: number, line: number, col: number, endLine = this.line, endCol = end - this.lineStart): void {
    this.tokens.push({ type, value, start, end, line, col, endLine, endCol })
  }

  /** 'lazy' mode: the tokenizer error that ends the token list (the parser reports it when it gets there). */
  deferredError: SyntaxErrorInfo | null = null
  /**
   * Why the deferred error happened: the input ended inside brackets or after a continuation ('eof'), inside a
   * string ('string'), or something else ('error').
   */
  deferredKind: 'eof' | 'string' | 'error' = 'error'
  /** The index of the first token the end of input produced (the closing NEWLINE, DEDENTs, ENDMARKER). */
  eofIndex = 0

  /** The line of the innermost bracket still open at the end of input, or null. */
  unclosedLine: number | null = null

  tokenize(): Token[] {
    const lazy = this.msgs.tokenizerErrors === 'lazy' || this.forceLazy
    try {
      return this.tokenizeAll()
    } catch (e) {
      if (!(e instanceof SyntaxErrorInfo)) throw e
      // The PEG parser, too, meets an unclosed bracket only when it runs out of tokens (see Parser).
      if (!lazy && this.unclosedLine === null) throw e
      this.deferredError = e
      this.deferredKind = this.atEofIn ? 'string' : this.pos >= this.src.length ? 'eof' : 'error'
      this.eofIndex = this.tokens.length
      this.push('ENDMARKER', '', this.pos, this.pos, this.line, 0)
      return this.tokens
    }
  }

  private tokenizeAll(): Token[] {
    const src = this.src
    while (this.pos < src.length) {
      if (this.atLineStart && this.parens.length === 0) {
        if (this.handleIndentation()) continue
      }
      const c = src[this.pos]!
      if (c === '\n') {
        if (this.parens.length === 0 && !this.atLineStart) this.push('NEWLINE', '\n', this.pos, this.pos + 1, this.line, this.pos - this.lineStart)
        this.newline()
        continue
      }
      if (c === '\r') {
        this.pos++
        continue
      }
      if (c === ' ' || c === '\t' || c === '\f') {
        this.pos++
        continue
      }
      if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++
        continue
      }
      if (c === '\\') {
        if (src[this.pos + 1] === '\n' || (src[this.pos + 1] === '\r' && src[this.pos + 2] === '\n')) {
          this.pos += src[this.pos + 1] === '\r' ? 3 : 2
          this.line++
          this.lineStart = this.pos
          if (this.pos >= src.length) throw this.error(this.msgs.eofInContinuation, this.line - 1, 0)
          continue
        }
        throw this.error(this.msgs.unexpectedCharAfterContinuation, this.line, this.pos - this.lineStart)
      }
      this.atLineStart = false
      if (isIdStart(c)) {
        if (this.tryString()) continue
        const start = this.pos
        while (this.pos < src.length && isIdChar(src[this.pos]!)) this.pos++
        this.push('NAME', src.slice(start, this.pos), start, this.pos, this.line, start - this.lineStart)
        continue
      }
      if (c === '"' || c === "'") {
        this.tryString()
        continue
      }
      if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[this.pos + 1] ?? ''))) {
        this.number()
        continue
      }
      const op = OPERATORS.find((o) => src.startsWith(o, this.pos))
      if (op !== undefined) {
        const start = this.pos
        const col = start - this.lineStart
        if (op === '(' || op === '[' || op === '{') {
          if (this.parens.length >= 200) throw this.error('too many nested parentheses', this.line, col)
          this.parens.push([op, this.line, col])
        } else if (op === ')' || op === ']' || op === '}') {
          const open = this.parens.pop()
          if (open === undefined) throw this.error(this.msgs.unmatched(op), this.line, col)
          if (open[0] !== CLOSERS[op]) {
            const msg = open[1] === this.line ? this.msgs.mismatch(op, open[0]) : this.msgs.mismatchOnLine(op, open[0], open[1])
            throw this.error(msg, this.line, col)
          }
        }
        this.pos += op.length
        this.push('OP', op, start, this.pos, this.line, col)
        continue
      }
      if (c.charCodeAt(0) >= 0x80) {
        const cp = src.codePointAt(this.pos)!
        const ch = String.fromCodePoint(cp)
        throw this.error(this.msgs.invalidCharacter(ch, cp), this.line, this.pos - this.lineStart)
      }
      throw this.error(this.msgs.invalidSyntax, this.line, this.pos - this.lineStart)
    }
    if (this.parens.length > 0) {
      const [ch, line, col] = this.parens[this.parens.length - 1]!
      this.unclosedLine = line
      if (this.msgs.tokenizerErrors === 'eager' && !this.forceLazy) throw this.error(this.msgs.neverClosed(ch), line, col)
      // The LL(1) tokenizer hits EOF: at the end of the last line.
      const last = src.endsWith('\n') ? this.line - 1 : this.line
      throw this.error(this.msgs.neverClosed(ch), last, this.lineText(last).length)
    }
    this.eofIndex = this.tokens.length
    if (!this.atLineStart) this.push('NEWLINE', '', this.pos, this.pos, this.line, this.pos - this.lineStart)
    while (this.indents.length > 1) {
      this.indents.pop()
      this.push('DEDENT', '', this.pos, this.pos, this.line, 0)
    }
    this.push('ENDMARKER', '', this.pos, this.pos, this.line, 0)
    return this.tokens
  }

  private newline(): void {
    this.pos++
    this.line++
    this.lineStart = this.pos
    this.atLineStart = true
  }

  /** At the start of a logical line: measure indentation, emit INDENT/DEDENT. Returns true when the line is blank. */
  private handleIndentation(): boolean {
    const src = this.src
    let col = 0
    let p = this.pos
    let sawTab = false
    let sawSpace = false
    while (p < src.length) {
      const c = src[p]!
      if (c === ' ') {
        col++
        sawSpace = true
      } else if (c === '\t') {
        col = Math.floor(col / 8 + 1) * 8
        sawTab = true
      } else if (c === '\f') col = 0
      else break
      p++
    }
    const c = src[p]
    if (c === undefined || c === '\n' || c === '#' || c === '\r') {
      // Blank or comment-only line: no indentation change.
      while (p < src.length && src[p] !== '\n') p++
      this.pos = p
      if (p < src.length) {
        this.pos = p
        this.newline()
      }
      return true
    }
    this.pos = p
    this.atLineStart = false
    const cur = this.indents[this.indents.length - 1]!
    if (col > cur) {
      if (sawTab && sawSpace && this.inconsistentTabs(this.pos)) throw this.indentError(this.msgs.tabError, 'TabError')
      this.indents.push(col)
      this.push('INDENT', '', this.lineStart, this.pos, this.line, 0)
    } else if (col < cur) {
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]!) {
        this.indents.pop()
        this.push('DEDENT', '', this.pos, this.pos, this.line, col)
      }
      if (col !== this.indents[this.indents.length - 1]) {
        // Reported at the end of the offending line.
        const text = this.lineText(this.line)
        throw new SyntaxErrorInfo('IndentationError', this.msgs.unindentMismatch, this.filename, this.line, text.length + 1, text + '\n', this.line, -1)
      }
    }
    return false
  }

  private unterminated(msg: string, line: number, col: number): SyntaxErrorInfo {
    if (this.msgs.unterminatedAt === 'start') return this.error(msg, line, col)
    return this.error(msg, line, this.lineText(line).length)
  }

  /** Indentation errors point at the first non-blank character (offset = its 0-based column), no end. */
  private indentError(msg: string, type: SyntaxErrorInfo['type']): SyntaxErrorInfo {
    const text = this.lineText(this.line)
    const lead = text.length - text.trimStart().length
    return new SyntaxErrorInfo(type, msg, this.filename, this.line, lead, text + '\n', this.line, -1)
  }

  private inconsistentTabs(_pos: number): boolean {
    return false
  }

  private number(): void {
    const src = this.src
    const start = this.pos
    const col = start - this.lineStart
    const m = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)(?:[eE][+-]?[0-9](?:_?[0-9])*)?[jJ]?)/.exec(src.slice(start))
    if (m === null) throw this.error(this.msgs.invalidSyntax, this.line, col)
    const text = m[0]
    // `1.` followed by a name is `1.` then the name only if the name is not an exponent; leading zeros are an error.
    if (/^0[0-9]/.test(text) && !/[.eEjJ]/.test(text) && /[1-9]/.test(text)) {
      throw this.error(this.msgs.leadingZeros, this.line, col, this.line, col + text.length)
    }
    this.pos = start + text.length
    const next = src[this.pos]
    if (next !== undefined && isIdChar(next)) {
      // `1abc`, `0x1g`, `1_`: invalid literals.
      const kind = /^0[xX]/.test(text) ? 'hexadecimal' : /^0[oO]/.test(text) ? 'octal' : /^0[bB]/.test(text) ? 'binary' : /[.eE]/.test(text) && !/^0[xX]/.test(text) ? 'decimal' : 'decimal'
      throw this.error(this.msgs.invalidLiteral(kind), this.line, col, this.line, col)
    }
    this.push('NUMBER', text, start, this.pos, this.line, col)
  }

  /** Reads a string literal (with prefix) at the current position; returns false if this is not one. */
  private tryString(): boolean {
    const src = this.src
    const m = /^([rRbBuUfF]{0,2})(['"])/.exec(src.slice(this.pos, this.pos + 4))
    if (m === null) return false
    const prefix = m[1]!
    if (prefix.length > 0 && !/^(r|u|b|br|rb|f|fr|rf)$/i.test(prefix)) return false
    const start = this.pos
    const startLine = this.line
    const col = start - this.lineStart
    const q = m[2]!
    let p = start + prefix.length
    const triple = src.startsWith(q.repeat(3), p)
    const quote = triple ? q.repeat(3) : q
    p += quote.length
    for (;;) {
      if (p >= src.length) {
        this.atEofIn = true
        if (triple) throw this.unterminated(this.msgs.unterminatedTriple(startLine), startLine, col)
        throw this.unterminated(this.msgs.unterminatedString(startLine), startLine, col)
      }
      const c = src[p]!
      if (c === '\\') {
        if (src[p + 1] === '\n') {
          this.line++
          this.lineStart = p + 2
        }
        p += 2
        continue
      }
      if (c === '\n') {
        if (!triple) throw this.unterminated(this.msgs.unterminatedString(startLine), startLine, col)
        this.line++
        this.lineStart = p + 1
        p++
        continue
      }
      if (src.startsWith(quote, p)) {
        p += quote.length
        break
      }
      p++
    }
    this.pos = p
    this.atLineStart = false
    this.push('STRING', src.slice(start, p), start, p, startLine, col, this.line, p - this.lineStart)
    return true
  }
}

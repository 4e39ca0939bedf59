/**
 * A recursive-descent parser for Python 3: tokens → an AST with CPython's `Python.asdl` node names and fields,
 * positions as CPython reports them (1-based lines, 0-based UTF-8 byte columns).
 * @cpython Grammar/python.gram
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { SyntaxErrorInfo } from '../compiler/errors.js'
import { parseStringToken } from './strings.js'
import { SYNTAX_MESSAGES, type SyntaxMessages } from './messages.js'
import { Tokenizer, type Token } from './tokenizer.js'
import { PARSED_TOKENS } from '../compiler/ast-access.js'
import { KEYWORDS } from './keywords.js'

export type Node = any
export type Mode = 'exec' | 'single' | 'eval'

const COMPARE_OPS: Record<string, string> = { '<': 'Lt', '>': 'Gt', '==': 'Eq', '>=': 'GtE', '<=': 'LtE', '!=': 'NotEq' }
const AUG_OPS: Record<string, string> = {
  '+=': 'Add', '-=': 'Sub', '*=': 'Mult', '/=': 'Div', '//=': 'FloorDiv', '%=': 'Mod', '**=': 'Pow', '>>=': 'RShift',
  '<<=': 'LShift', '&=': 'BitAnd', '|=': 'BitOr', '^=': 'BitXor', '@=': 'MatMult',
}

export interface ParseOptions {
  filename: string
  mode: Mode
  /** Profile id: selects the message texts and grammar differences. */
  profile: string
  /** Receives the parser's SyntaxWarnings (line, text). */
  warn?: (lineno: number, message: string) => void
  /** The text of the unknown-escape SyntaxWarning ({c}: the character), or null for none. */
  invalidEscapeWarning?: string | null
  /** `print` is a statement (Python 2's `print_stmt`): `print(a, b)` prints the tuple. */
  printStatement?: boolean
  /** Tokenizer errors are deferred to where the parser meets them, whatever the profile (the REPL's probe). */
  deferTokenizerErrors?: boolean
}

export class Parser {
  private readonly toks: Token[]
  get tokens(): readonly Token[] {
    return this.toks
  }
  private i = 0
  private readonly filename: string
  readonly msgs: SyntaxMessages
  private readonly lines: string[]
  private readonly byteCols = new Map<number, number[]>()
  private readonly tokenizer: Tokenizer
  readonly profile: string
  private readonly opts: ParseOptions

  constructor(src: string, opts: ParseOptions) {
    this.filename = opts.filename
    this.profile = opts.profile
    this.opts = opts
    this.msgs = SYNTAX_MESSAGES[opts.profile] ?? SYNTAX_MESSAGES['3.11']!
    this.lines = src.split('\n')
    this.tokenizer = new Tokenizer(src, opts.filename, this.msgs, opts.deferTokenizerErrors ?? false)
    this.toks = this.tokenizer.tokenize()
  }

  /** @cpython Parser/string_parser.c#warn_invalid_escape_sequence */
  invalidEscape(c: string, t: Token): void {
    const text = this.opts.invalidEscapeWarning
    if (text && this.opts.warn) this.opts.warn(t.line, text.replace('{c}', c))
  }

  // --- positions -----------------------------------------------------------------------------------------------

  /** UTF-8 byte column for a character column on a line. */
  byteCol(line: number, col: number): number {
    const text = this.lines[line - 1] ?? ''
    if (isAscii(text)) return col
    let map = this.byteCols.get(line)
    if (map === undefined) {
      map = [0]
      let b = 0
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k)
        if (c < 0x80) b += 1
        else if (c < 0x800) b += 2
        else if (c >= 0xd800 && c <= 0xdbff) {
          b += 4
          map.push(b)
          k++
        } else b += 3
        map.push(b)
      }
      this.byteCols.set(line, map)
    }
    return map[Math.min(col, map.length - 1)]!
  }

  private node(type: string, fields: Record<string, unknown>, start0: Token | Node, end0: Token | Node): Node {
    // A parenthesized operand keeps its own positions, but a node built around it starts/ends at the parentheses.
    const start = start0._pstart ?? start0
    const end = end0._pend ?? end0
    const sl = start.lineno ?? start.line
    const sc = start.lineno !== undefined ? start.col_offset : this.byteCol(start.line, start.col)
    const el = end.end_lineno ?? end.endLine
    const ec = end.end_lineno !== undefined ? end.end_col_offset : this.byteCol(end.endLine, end.endCol)
    return { _type: type, ...fields, lineno: sl, col_offset: sc, end_lineno: el, end_col_offset: ec }
  }

  /** A SyntaxError at a token (or node): offsets in characters, 1-based. */
  error(msg: string, at: Token | Node, end?: Token | Node): SyntaxErrorInfo {
    const line = at.lineno ?? at.line
    let col = at.lineno !== undefined ? this.charCol(line, at.col_offset) : at.col
    // 2.7 reports the tokenizer's position, just past the token.
    if (at.lineno === undefined && this.msgs.parseErrorOffset === 'token-end' && at.endLine === line && at.endCol > col) col = at.endCol - 1
    let endLine = line
    let endCol = col + 1
    if (end !== undefined) {
      endLine = end.end_lineno ?? end.endLine
      endCol = end.end_lineno !== undefined ? this.charCol(endLine, end.end_col_offset) : end.endCol
    }
    const text = this.lines[line - 1] ?? ''
    return new SyntaxErrorInfo('SyntaxError', msg, this.filename, line, col + 1, text + '\n', endLine, endCol + 1)
  }

  /** An error at explicit character columns (0-based start, exclusive end) of a line. */
  errorAtChars(msg: string, line: number, col: number, endCol: number): SyntaxErrorInfo {
    const text = this.lines[line - 1] ?? ''
    return new SyntaxErrorInfo('SyntaxError', msg, this.filename, line, col + 1, text + '\n', line, endCol + 1)
  }

  /** An error located just after a token (CPython's "expected ':'"): offset and end offset both after it. */
  errorAfter(msg: string, t: Token): SyntaxErrorInfo {
    const text = this.lines[t.endLine - 1] ?? ''
    return new SyntaxErrorInfo('SyntaxError', msg, this.filename, t.endLine, t.endCol + 1, text + '\n', t.endLine, t.endCol + 1)
  }

  private charCol(line: number, byteCol: number): number {
    const text = this.lines[line - 1] ?? ''
    if (isAscii(text)) return byteCol
    const enc = new TextEncoder().encode(text)
    return new TextDecoder().decode(enc.slice(0, byteCol)).length
  }

  // --- token helpers ---------------------------------------------------------------------------------------------

  private get tok(): Token {
    return this.toks[this.i]!
  }
  /** The current token's type (a method, so TypeScript does not narrow it across `next()`). */
  private tt(): Token['type'] {
    return this.toks[this.i]!.type
  }
  private peek(k = 1): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]!
  }
  private next(): Token {
    return this.toks[this.i++]!
  }
  private isOp(v: string, t: Token = this.tok): boolean {
    return t.type === 'OP' && t.value === v
  }
  private isKw(v: string, t: Token = this.tok): boolean {
    return t.type === 'NAME' && t.value === v
  }
  private acceptOp(v: string): Token | null {
    return this.isOp(v) ? this.next() : null
  }
  private acceptKw(v: string): Token | null {
    return this.isKw(v) ? this.next() : null
  }
  private prevTok(): Token {
    return this.toks[this.i - 1]!
  }

  /** The generic error at the current token, with the 3.10+ refinements where they apply. */
  private syntaxError(at: Token = this.tok): SyntaxErrorInfo {
    if (at.type === 'ENDMARKER' || (at.type === 'NEWLINE' && at.value === '' && this.peek().type === 'ENDMARKER')) {
      return this.error(this.msgs.invalidSyntax, at)
    }
    if (at.type === 'INDENT') {
      const text = this.lines[at.line - 1] ?? ''
      const lead = text.length - text.trimStart().length
      return new SyntaxErrorInfo('IndentationError', this.msgs.unexpectedIndent, this.filename, at.line, lead, text + '\n', at.line, -1)
    }
    return this.error(this.msgs.invalidSyntax, at)
  }

  private expectOp(v: string): Token {
    if (this.isOp(v)) return this.next()
    throw this.syntaxError()
  }

  private expectName(): Token {
    if (this.tok.type === 'NAME' && !KEYWORDS.has(this.tok.value)) return this.next()
    throw this.syntaxError()
  }

  // --- entry points ------------------------------------------------------------------------------------------------

  /**
   * `parse`, with a deferred tokenizer error reported when the parser got as far as the token where the tokenizer
   * stopped (a parse error before it wins). The PEG parser also reports an unclosed bracket instead of its own
   * error when it had read past the bracket's line.
   * @cpython Parser/pegen_errors.c#_PyPegen_tokenize_full_source_to_check_for_errors
   */
  parseReportingTokenizerErrors(mode: Mode): Node {
    const t = this.tokenizer
    const deferred = t.deferredError
    let tree: Node
    try {
      tree = this.parse(mode)
    } catch (e) {
      if (deferred !== null && e instanceof SyntaxErrorInfo) {
        if (this.i >= t.eofIndex) throw deferred
        // The line of the furthest token the parser looked at decides (≈ the current token's, or the error's).
        const furthest = Math.max(this.toks[Math.min(this.i, this.toks.length - 1)]!.line, e.lineno)
        if (this.msgs.tokenizerErrors === 'eager' && t.unclosedLine !== null && furthest > t.unclosedLine) throw deferred
      }
      throw e
    }
    if (deferred !== null) throw deferred
    return tree
  }

  /** See `interactiveStatus`. */
  probe(): InteractiveStatus {
    const t = this.tokenizer
    const deferred = (): InteractiveStatus => (t.deferredKind === 'eof' ? 'incomplete' : t.deferredKind === 'string' ? 'unterminated-string' : 'error')
    try {
      this.parse('single')
    } catch (e) {
      if (!(e instanceof SyntaxErrorInfo)) throw e
      if (this.i < t.eofIndex) return 'error'
      return t.deferredError === null ? 'incomplete' : deferred()
    }
    return t.deferredError === null ? 'complete' : deferred()
  }

  parse(mode: Mode): Node {
    if (mode === 'eval') {
      while (this.tok.type === 'NEWLINE') this.next()
      const body = this.expressions()
      while (this.tt() === 'NEWLINE') this.next()
      if (this.tt() !== 'ENDMARKER') throw this.syntaxError()
      return { _type: 'Expression', body }
    }
    const body: Node[] = []
    while (this.tok.type !== 'ENDMARKER') {
      if (this.tok.type === 'NEWLINE') {
        this.next()
        continue
      }
      body.push(...this.statement())
    }
    if (mode === 'single') return { _type: 'Interactive', body }
    return { _type: 'Module', body, type_ignores: [] }
  }

  // --- statements --------------------------------------------------------------------------------------------------

  private statement(): Node[] {
    const t = this.tok
    if (t.type === 'INDENT') throw this.syntaxError(t)
    if (t.type === 'NAME') {
      switch (t.value) {
        case 'if':
          return [this.ifStmt()]
        case 'while':
          return [this.whileStmt()]
        case 'for':
          return [this.forStmt(null)]
        case 'try':
          return [this.tryStmt()]
        case 'with':
          return [this.withStmt(null)]
        case 'def':
          return [this.funcDef([], null)]
        case 'class':
          return [this.classDef([])]
        case 'async':
          throw this.error("'async' is not supported by heap yet", t)
        case 'match':
          if (this.peek().type !== 'OP' || ['(', '[', '{', '-', '+', '~', '*'].includes(this.peek().value)) {
            /* could be a match statement; we treat `match` as an identifier */
          }
          break
      }
    }
    if (this.isOp('@')) return [this.decorated()]
    return this.simpleStatements()
  }

  private simpleStatements(): Node[] {
    const stmts: Node[] = []
    for (;;) {
      stmts.push(this.smallStatement())
      if (this.acceptOp(';')) {
        if (this.tok.type === 'NEWLINE' || this.tok.type === 'ENDMARKER') break
        continue
      }
      break
    }
    if (this.tok.type === 'NEWLINE') this.next()
    else if (this.tok.type !== 'ENDMARKER') throw this.statementEndError()
    return stmts
  }

  /** Something follows a complete statement: the 3.10+ refinements ("Perhaps you forgot a comma?" etc.). */
  private statementEndError(): SyntaxErrorInfo {
    const t = this.tok
    if (this.isOp('=') && this.msgs.maybeEqual) return this.error(this.msgs.invalidSyntax, t)
    return this.syntaxError(t)
  }

  private smallStatement(): Node {
    const t = this.tok
    if (t.type === 'NAME') {
      switch (t.value) {
        case 'pass':
          this.next()
          return this.node('Pass', {}, t, t)
        case 'break':
          this.next()
          return this.node('Break', {}, t, t)
        case 'continue':
          this.next()
          return this.node('Continue', {}, t, t)
        case 'return': {
          this.next()
          const value = this.atStatementEnd() ? null : this.starExpressions()
          return this.node('Return', { value }, t, value ?? t)
        }
        case 'raise': {
          this.next()
          let exc: Node = null
          let cause: Node = null
          if (!this.atStatementEnd()) {
            exc = this.expression()
            if (this.acceptKw('from')) cause = this.expression()
          }
          return this.node('Raise', { exc, cause }, t, cause ?? exc ?? t)
        }
        case 'global':
        case 'nonlocal': {
          this.next()
          const names = [this.expectName().value]
          let last = this.prevTok()
          while (this.acceptOp(',')) {
            names.push(this.expectName().value)
            last = this.prevTok()
          }
          return this.node(t.value === 'global' ? 'Global' : 'Nonlocal', { names }, t, last)
        }
        case 'del': {
          this.next()
          const targets: Node[] = []
          do {
            if (this.atStatementEnd()) break
            const e = this.bitwiseOr()
            targets.push(this.setContext(e, 'Del'))
          } while (this.acceptOp(','))
          if (targets.length === 0) throw this.syntaxError()
          return this.node('Delete', { targets }, t, targets[targets.length - 1])
        }
        case 'assert': {
          this.next()
          const test = this.expression()
          const msg = this.acceptOp(',') ? this.expression() : null
          return this.node('Assert', { test, msg }, t, msg ?? test)
        }
        case 'import':
          return this.importStmt()
        case 'from':
          return this.fromImport()
        case 'print':
          if (this.opts.printStatement && !(this.peek().type === 'OP' && this.peek().value === '=')) return this.printStmt()
          if (this.msgs.printStatement && this.peek().type !== 'OP' && this.peek().type !== 'NEWLINE' && this.peek().type !== 'ENDMARKER') {
            const start = this.i
            this.next()
            try {
              this.starExpressions()
            } catch {
              /* fall through to the message */
            }
            const last = this.prevTok()
            this.i = start
            if (this.msgs.printWithArgs) {
              const args = this.lines[t.line - 1]!.slice(this.peek().col, last.endCol).trim()
              throw this.errorAtChars(`Missing parentheses in call to 'print'. Did you mean print(${args})?`, t.line, this.peek().col, last.endCol)
            }
            throw this.error(this.msgs.printStatement, t, last)
          }
          break
      }
    }
    return this.exprStatement()
  }

  /**
   * Python 2's `print_stmt: 'print' ([test (',' test)* [',']] | '>>' test [(',' test)+ [',']])`, as a `Print` node
   * (`dest`, `values`, `nl`: no trailing comma).
   * @cpython Grammar/Grammar (2.7)#print_stmt
   */
  private printStmt(): Node {
    const t = this.tok
    this.next()
    let dest: Node = null
    const values: Node[] = []
    let nl = true
    let last: Token | Node = t
    if (this.isOp('>>')) {
      this.next()
      dest = this.expression()
      last = dest
      if (!this.atStatementEnd() && !this.isOp(',')) throw this.syntaxError()
      this.acceptOp(',')
    }
    while (!this.atStatementEnd()) {
      const v = this.expression()
      values.push(v)
      last = v
      nl = true
      if (!this.acceptOp(',')) break
      nl = false
      last = this.prevTok()
    }
    return this.node('Print', { dest, values, nl }, t, last)
  }

  private atStatementEnd(): boolean {
    const t = this.tok
    return t.type === 'NEWLINE' || t.type === 'ENDMARKER' || this.isOp(';')
  }

  private exprStatement(): Node {
    const start = this.tok
    if (this.isKw('yield')) {
      const y = this.yieldExpr()
      if (this.isOp('=')) throw this.error(this.msgs.cannotAssign('yield expression', false), y)
      return this.node('Expr', { value: y }, y, y)
    }
    const first = this.starExpressions()
    // Annotated assignment.
    if (this.isOp(':')) {
      this.next()
      const annotation = this.expression()
      let value: Node = null
      if (this.acceptOp('=')) value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions()
      const simple = first._type === 'Name' && !first._parenthesized ? 1 : 0
      if (!['Name', 'Attribute', 'Subscript'].includes(first._type)) {
        throw this.error(first._type === 'Tuple' ? 'only single target (not tuple) can be annotated' : first._type === 'List' ? 'only single target (not list) can be annotated' : 'illegal target for annotation', first)
      }
      return this.node('AnnAssign', { target: this.setContext(first, 'Store'), annotation, value, simple }, start, value ?? annotation)
    }
    const aug = this.tok.type === 'OP' ? AUG_OPS[this.tok.value] : undefined
    if (aug !== undefined) {
      if (!['Name', 'Attribute', 'Subscript'].includes(first._type)) {
        throw this.error(this.msgs.cannotAssign(describe(first), true), first, first)
      }
      this.next()
      const value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions()
      return this.node('AugAssign', { target: this.setContext(first, 'Store'), op: { _type: aug }, value }, start, value)
    }
    if (this.isOp('=')) {
      const targets: Node[] = [first]
      let value: Node = null
      while (this.acceptOp('=')) {
        value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions()
        if (this.isOp('=')) targets.push(value)
      }
      // `f() = 1`: "cannot assign to function call here. Maybe you meant '==' instead of '='?" (one target only).
      this.hereVariant = targets.length === 1
      let stored: Node[]
      try {
        stored = targets.map((tg) => this.setContext(tg, 'Store'))
      } finally {
        this.hereVariant = false
      }
      return this.node('Assign', { targets: stored, value, type_comment: null }, start, value)
    }
    if (first._type === 'Starred') throw this.error("can't use starred expression here", first)
    return this.node('Expr', { value: first }, first, first)
  }

  /** Marks an expression as an assignment/deletion target, with CPython's messages for invalid ones. */
  /** Set while checking the target of a plain `a = b` statement (CPython's invalid_named_expression rule). */
  private hereVariant = false

  setContext(e: Node, ctx: 'Store' | 'Del'): Node {
    const verb = ctx === 'Store' ? 'assign to' : 'delete'
    switch (e._type) {
      case 'Name':
        if (ctx === 'Store' && ['__debug__'].includes(e.id)) throw this.error('cannot assign to __debug__', e)
        return { ...e, ctx: { _type: ctx } }
      case 'Attribute':
      case 'Subscript':
        return { ...e, ctx: { _type: ctx } }
      case 'Starred':
        if (ctx === 'Del') throw this.error(`cannot delete starred`, e)
        return { ...e, value: this.setContext(e.value, ctx), ctx: { _type: ctx } }
      case 'Tuple':
      case 'List':
        return { ...e, elts: e.elts.map((x: Node) => this.setContext(x, ctx)), ctx: { _type: ctx } }
      default: {
        const what = describe(e, this.msgs.operatorName)
        const keywordConstant = e._type === 'Constant' && ['None', 'True', 'False'].includes(e.value?.kind)
        if (ctx === 'Store' && (e._type === 'Yield' || e._type === 'YieldFrom') && this.msgs.maybeEqual !== null) {
          throw this.error('assignment to yield expression not possible', e, e)
        }
        if (ctx === 'Store' && !keywordConstant && this.hereVariant && this.msgs.maybeEqual !== null && !['Lambda', 'IfExp', 'NamedExpr', 'Yield', 'YieldFrom', 'Starred'].includes(e._type)) {
          throw this.error(`cannot ${verb} ${what} here. Maybe you meant '==' instead of '='?`, e, e)
        }
        throw this.error(ctx === 'Store' ? this.msgs.cannotAssign(what, false) : this.msgs.cannotDelete(what), e, e)
      }
    }
  }

  private importStmt(): Node {
    const t = this.next()
    if (this.atStatementEnd() && this.msgs.importNames) throw this.errorAfter(this.msgs.importNames, t)
    const names: Node[] = []
    do {
      const first = this.expectName()
      let name = first.value
      let last = first
      while (this.acceptOp('.')) {
        last = this.expectName()
        name += '.' + last.value
      }
      let asname: string | null = null
      if (this.acceptKw('as')) {
        last = this.expectName()
        asname = last.value
      }
      names.push(this.node('alias', { name, asname }, first, last))
    } while (this.acceptOp(','))
    return this.node('Import', { names }, t, names[names.length - 1])
  }

  private fromImport(): Node {
    const t = this.next()
    let level = 0
    while (this.isOp('.') || this.isOp('...')) level += this.next().value.length
    let module: string | null = null
    if (!this.isKw('import')) {
      module = this.expectName().value
      while (this.acceptOp('.')) module += '.' + this.expectName().value
    }
    if (!this.acceptKw('import')) throw this.syntaxError()
    if (this.atStatementEnd() && this.msgs.importNames) throw this.errorAfter(this.msgs.importNames, this.prevTok())
    const names: Node[] = []
    if (this.isOp('*')) {
      const star = this.next()
      names.push(this.node('alias', { name: '*', asname: null }, star, star))
      return this.node('ImportFrom', { module, names, level }, t, star)
    }
    const paren = this.acceptOp('(')
    do {
      if (paren && this.isOp(')')) break
      const first = this.expectName()
      let last = first
      let asname: string | null = null
      if (this.acceptKw('as')) {
        last = this.expectName()
        asname = last.value
      }
      names.push(this.node('alias', { name: first.value, asname }, first, last))
    } while (this.acceptOp(','))
    let end = names[names.length - 1]
    if (paren) end = this.expectOp(')')
    else if (this.prevTok().value === ',') throw this.error('trailing comma not allowed without surrounding parentheses', this.prevTok())
    return this.node('ImportFrom', { module, names, level }, t, end)
  }

  /** `:` then a block (NEWLINE INDENT statements DEDENT) or simple statements on the same line. */
  private block(what: string, headerLine: number): Node[] {
    if (!this.isOp(':')) {
      if (this.msgs.expectedColon) throw this.errorAfter(this.msgs.expectedColon, this.prevTok())
      throw this.syntaxError()
    }
    this.next()
    if (this.tok.type !== 'NEWLINE') return this.simpleStatements()
    this.next()
    if (this.tt() !== 'INDENT') {
      // It spans the token found instead of the block (3.13+ underline it).
      const t = this.tok
      const e = this.error(this.msgs.expectedIndentedBlock(what, headerLine), t, t.endCol > t.col && t.endLine === t.line ? t : undefined)
      throw new SyntaxErrorInfo('IndentationError', e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    }
    this.next()
    const body: Node[] = []
    while (this.tt() !== 'DEDENT' && this.tt() !== 'ENDMARKER') {
      if (this.tok.type === 'NEWLINE') {
        this.next()
        continue
      }
      body.push(...this.statement())
    }
    if (this.tt() === 'DEDENT') this.next()
    return body
  }

  private lastOf(body: Node[]): Node {
    return body[body.length - 1]
  }

  /** The test of `if`/`while`/`elif`: `if x = 1:` gets the "Maybe you meant '=='" message. */
  private condition(): Node {
    const test = this.namedExpression()
    if (this.isOp('=') && this.msgs.maybeEqual !== null) {
      this.next()
      const rhs = this.bitwiseOr()
      if (test._type === 'Name') throw this.error(this.msgs.maybeEqual, test, rhs)
      throw this.error(`cannot assign to ${describe(test)} here. Maybe you meant '==' instead of '='?`, test, test)
    }
    return test
  }

  private ifStmt(): Node {
    const t = this.next()
    const test = this.condition()
    const body = this.block(`'${t.value}' statement`, t.line)
    let orelse: Node[] = []
    if (this.isKw('elif')) {
      orelse = [this.ifStmt()]
    } else if (this.isKw('else')) {
      const e = this.next()
      orelse = this.block("'else' statement", e.line)
    }
    return this.node('If', { test, body, orelse }, t, orelse.length > 0 ? this.lastOf(orelse) : this.lastOf(body))
  }

  private whileStmt(): Node {
    const t = this.next()
    const test = this.condition()
    const body = this.block("'while' statement", t.line)
    let orelse: Node[] = []
    if (this.isKw('else')) {
      const e = this.next()
      orelse = this.block("'else' statement", e.line)
    }
    return this.node('While', { test, body, orelse }, t, orelse.length > 0 ? this.lastOf(orelse) : this.lastOf(body))
  }

  private forStmt(_async: Token | null): Node {
    const t = this.next()
    const target = this.setContext(this.targetList(), 'Store')
    if (!this.acceptKw('in')) throw this.syntaxError()
    const iter = this.starExpressions()
    const body = this.block("'for' statement", t.line)
    let orelse: Node[] = []
    if (this.isKw('else')) {
      const e = this.next()
      orelse = this.block("'else' statement", e.line)
    }
    return this.node('For', { target, iter, body, orelse, type_comment: null }, t, orelse.length > 0 ? this.lastOf(orelse) : this.lastOf(body))
  }

  /** Targets of `for`: a comma-separated list of star-targets (stops before `in`). */
  private targetList(): Node {
    const start = this.tok
    const first = this.starTarget()
    if (!this.isOp(',')) return first
    const elts = [first]
    while (this.acceptOp(',')) {
      if (this.isKw('in') || this.isOp('=')) break
      elts.push(this.starTarget())
    }
    return this.node('Tuple', { elts, ctx: { _type: 'Load' } }, start, this.prevTok().value === ',' ? this.prevTok() : elts[elts.length - 1])
  }

  private starTarget(): Node {
    if (this.isOp('*')) {
      const s = this.next()
      const value = this.bitwiseOr()
      return this.node('Starred', { value, ctx: { _type: 'Load' } }, s, value)
    }
    return this.bitwiseOr()
  }

  private tryStmt(): Node {
    const t = this.next()
    const body = this.block("'try' statement", t.line)
    const handlers: Node[] = []
    let orelse: Node[] = []
    let finalbody: Node[] = []
    while (this.isKw('except')) {
      const e = this.next()
      let type: Node = null
      let name: string | null = null
      if (!this.isOp(':')) {
        type = this.expression()
        if (this.isOp(',')) {
          // `except A, B:` needs parentheses on 3.x.
          const items = [type]
          while (this.acceptOp(',')) items.push(this.expression())
          throw this.error('multiple exception types must be parenthesized', type, items[items.length - 1])
        }
        if (this.acceptKw('as')) name = this.expectName().value
      }
      const hbody = this.block("'except' statement", e.line)
      handlers.push(this.node('ExceptHandler', { type, name, body: hbody }, e, this.lastOf(hbody)))
    }
    if (this.isKw('else')) {
      const e = this.next()
      orelse = this.block("'else' statement", e.line)
    }
    if (this.isKw('finally')) {
      const f = this.next()
      finalbody = this.block("'finally' statement", f.line)
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      if (this.msgs.expectedColon) {
        let k = this.i - 1
        while (k > 0 && (this.toks[k]!.type === 'NEWLINE' || this.toks[k]!.type === 'DEDENT')) k--
        const last = this.toks[k]!
        const text = this.lines[last.endLine - 1] ?? ''
        throw new SyntaxErrorInfo('SyntaxError', "expected 'except' or 'finally' block", this.filename, last.endLine, last.endCol + 1, text + '\n', last.endLine, -1)
      }
      throw this.syntaxError()
    }
    const last = finalbody.length > 0 ? this.lastOf(finalbody) : orelse.length > 0 ? this.lastOf(orelse) : this.lastOf(handlers)
    return this.node('Try', { body, handlers, orelse, finalbody }, t, last)
  }

  private withStmt(_async: Token | null): Node {
    const t = this.next()
    const items: Node[] = []
    // Parenthesized form: `with (a as b, c as d):`.
    const save = this.i
    let parenthesized = false
    if (this.isOp('(')) {
      this.next()
      try {
        do {
          if (this.isOp(')')) break
          items.push(this.withItem())
        } while (this.acceptOp(','))
        if (this.isOp(')') && this.peek().type === 'OP' && this.peek().value === ':') {
          this.next()
          parenthesized = true
        }
      } catch {
        /* not the parenthesized form */
      }
      if (!parenthesized) {
        this.i = save
        items.length = 0
      }
    }
    if (!parenthesized) {
      do items.push(this.withItem())
      while (this.acceptOp(','))
    }
    const body = this.block("'with' statement", t.line)
    return this.node('With', { items, body, type_comment: null }, t, this.lastOf(body))
  }

  private withItem(): Node {
    const context_expr = this.expression()
    let optional_vars: Node = null
    if (this.acceptKw('as')) optional_vars = this.setContext(this.starTarget(), 'Store')
    return { _type: 'withitem', context_expr, optional_vars }
  }

  private decorated(): Node {
    const decorators: Node[] = []
    while (this.isOp('@')) {
      this.next()
      decorators.push(this.namedExpression())
      if (this.tok.type !== 'NEWLINE') throw this.syntaxError()
      this.next()
    }
    if (this.isKw('def')) return this.funcDef(decorators, null)
    if (this.isKw('class')) return this.classDef(decorators)
    throw this.syntaxError()
  }

  private funcDef(decorators: Node[], _async: Token | null): Node {
    const t = this.next()
    const name = this.expectName().value
    if (!this.isOp('(')) {
      if (this.msgs.expectedColon) throw this.error("expected '('", this.tok)
      throw this.syntaxError()
    }
    this.next()
    const args = this.parameters(')', true)
    this.expectOp(')')
    let returns: Node = null
    if (this.acceptOp('->')) returns = this.expression()
    const body = this.block('function definition', t.line)
    const start = decorators.length > 0 ? t : t
    return this.node('FunctionDef', { name, args, body, decorator_list: decorators, returns, type_comment: null }, start, this.lastOf(body))
  }

  /** Parameter lists of `def` (annotations allowed) and `lambda` (not). */
  private parameters(closer: string, annotations: boolean): Node {
    const posonlyargs: Node[] = []
    let args: Node[] = []
    const defaults: Node[] = []
    let vararg: Node = null
    const kwonlyargs: Node[] = []
    const kw_defaults: Node[] = []
    let kwarg: Node = null
    let star = false
    let sawDefault = false
    const param = (): Node => {
      const n = this.expectName()
      let annotation: Node = null
      if (annotations && this.acceptOp(':')) annotation = this.expression()
      return this.node('arg', { arg: n.value, annotation, type_comment: null }, n, annotation ?? n)
    }
    while (!this.isOp(closer)) {
      if (this.isOp('/')) {
        const slash = this.next()
        if (posonlyargs.length > 0 || args.length === 0 || star) throw this.error(star ? '/ must be ahead of *' : 'at least one argument must precede /', slash)
        posonlyargs.push(...args)
        args = []
      } else if (this.isOp('**')) {
        this.next()
        kwarg = param()
        this.acceptOp(',')
        if (!this.isOp(closer)) throw this.error('arguments cannot follow var-keyword argument', this.tok)
        break
      } else if (this.isOp('*')) {
        const s = this.next()
        if (star) throw this.error('* argument may appear only once', s)
        star = true
        if (this.isOp(',') || this.isOp(closer)) {
          if (this.isOp(closer) || this.peek().type === 'OP' && this.peek().value === closer) throw this.error('named arguments must follow bare *', s)
        } else vararg = param()
      } else {
        const p = param()
        if (this.acceptOp('=')) {
          const d = this.expression()
          if (star) {
            kwonlyargs.push(p)
            kw_defaults.push(d)
          } else {
            args.push(p)
            defaults.push(d)
            sawDefault = true
          }
        } else if (star) {
          kwonlyargs.push(p)
          kw_defaults.push(null)
        } else {
          if (sawDefault) throw this.error(this.msgs.nonDefaultAfterDefault, p)
          args.push(p)
        }
      }
      if (!this.acceptOp(',')) break
    }
    return { _type: 'arguments', posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults }
  }

  private classDef(decorators: Node[]): Node {
    const t = this.next()
    const name = this.expectName().value
    let bases: Node[] = []
    let keywords: Node[] = []
    const paren = this.tok
    if (this.acceptOp('(')) {
      const a = this.callArguments(paren)
      bases = a.args
      keywords = a.keywords
      this.expectOp(')')
    }
    const body = this.block('class definition', t.line)
    return this.node('ClassDef', { name, bases, keywords, body, decorator_list: decorators }, t, this.lastOf(body))
  }

  // --- expressions ---------------------------------------------------------------------------------------------

  /** `a, b, *c` at statement level: a tuple when there is a comma. */
  starExpressions(): Node {
    const start = this.tok
    const first = this.starExpression()
    if (!this.isOp(',')) return first
    const elts = [first]
    let last: Token | Node = first
    while (this.isOp(',')) {
      last = this.next()
      if (this.exprEnds()) break
      const e = this.starExpression()
      elts.push(e)
      last = e
    }
    return this.node('Tuple', { elts, ctx: { _type: 'Load' } }, start, last)
  }

  private exprEnds(): boolean {
    const t = this.tok
    if (t.type === 'NEWLINE' || t.type === 'ENDMARKER') return true
    return t.type === 'OP' && [')', ']', '}', '=', ':', ';'].includes(t.value) || (t.type === 'OP' && AUG_OPS[t.value] !== undefined) || this.isKw('in')
  }

  private starExpression(named = false): Node {
    if (this.isOp('*')) {
      const s = this.next()
      const value = this.bitwiseOr()
      return this.node('Starred', { value, ctx: { _type: 'Load' } }, s, value)
    }
    return named ? this.namedExpression() : this.expression()
  }

  /** Tuples in `eval` mode / return values. */
  private expressions(): Node {
    return this.starExpressions()
  }

  namedExpression(): Node {
    if (this.tok.type === 'NAME' && this.peek().type === 'OP' && this.peek().value === ':=') {
      const n = this.next()
      this.next()
      const value = this.expression()
      const target = this.node('Name', { id: n.value, ctx: { _type: 'Store' } }, n, n)
      return this.node('NamedExpr', { target, value }, n, value)
    }
    const e = this.expression()
    if (this.isOp(':=')) throw this.error(`cannot use assignment expressions with ${describe(e)}`, e)
    return e
  }

  expression(): Node {
    if (this.isKw('lambda')) return this.lambda()
    const body = this.disjunction()
    if (this.isKw('if')) {
      this.next()
      const test = this.disjunction()
      if (!this.acceptKw('else')) {
        if (this.msgs.expectedColon) throw this.error("expected 'else' after 'if' expression", body, test)
        throw this.syntaxError()
      }
      const orelse = this.expression()
      return this.node('IfExp', { test, body, orelse }, body, orelse)
    }
    return body
  }

  private lambda(): Node {
    const t = this.next()
    const args = this.parameters(':', false)
    this.expectOp(':')
    const body = this.expression()
    return this.node('Lambda', { args, body }, t, body)
  }

  private disjunction(): Node {
    const first = this.conjunction()
    if (!this.isKw('or')) return first
    const values = [first]
    while (this.acceptKw('or')) values.push(this.conjunction())
    return this.node('BoolOp', { op: { _type: 'Or' }, values }, first, values[values.length - 1])
  }

  private conjunction(): Node {
    const first = this.inversion()
    if (!this.isKw('and')) return first
    const values = [first]
    while (this.acceptKw('and')) values.push(this.inversion())
    return this.node('BoolOp', { op: { _type: 'And' }, values }, first, values[values.length - 1])
  }

  private inversion(): Node {
    if (this.isKw('not')) {
      const t = this.next()
      const operand = this.inversion()
      return this.node('UnaryOp', { op: { _type: 'Not' }, operand }, t, operand)
    }
    return this.comparison()
  }

  private comparison(): Node {
    const left = this.bitwiseOr()
    const ops: Node[] = []
    const comparators: Node[] = []
    for (;;) {
      let op: string | null
      const t = this.tok
      if (t.type === 'OP' && COMPARE_OPS[t.value]) {
        op = COMPARE_OPS[t.value]!
        this.next()
      } else if (this.isKw('in')) {
        op = 'In'
        this.next()
      } else if (this.isKw('not') && this.isKw('in', this.peek())) {
        op = 'NotIn'
        this.next()
        this.next()
      } else if (this.isKw('is')) {
        this.next()
        op = this.acceptKw('not') ? 'IsNot' : 'Is'
      } else break
      ops.push({ _type: op })
      comparators.push(this.bitwiseOr())
    }
    if (ops.length === 0) return left
    return this.node('Compare', { left, ops, comparators }, left, comparators[comparators.length - 1])
  }

  private binary(next: () => Node, table: Record<string, string>): Node {
    let left = next()
    while (this.tok.type === 'OP' && table[this.tok.value] !== undefined) {
      const op = table[this.next().value]!
      const right = next()
      left = this.node('BinOp', { left, op: { _type: op }, right }, left, right)
    }
    return left
  }

  bitwiseOr(): Node {
    return this.binary(() => this.bitwiseXor(), { '|': 'BitOr' })
  }
  private bitwiseXor(): Node {
    return this.binary(() => this.bitwiseAnd(), { '^': 'BitXor' })
  }
  private bitwiseAnd(): Node {
    return this.binary(() => this.shiftExpr(), { '&': 'BitAnd' })
  }
  private shiftExpr(): Node {
    return this.binary(() => this.sum(), { '<<': 'LShift', '>>': 'RShift' })
  }
  private sum(): Node {
    return this.binary(() => this.term(), { '+': 'Add', '-': 'Sub' })
  }
  private term(): Node {
    return this.binary(() => this.factor(), { '*': 'Mult', '/': 'Div', '//': 'FloorDiv', '%': 'Mod', '@': 'MatMult' })
  }

  private factor(): Node {
    const t = this.tok
    if (t.type === 'OP' && (t.value === '-' || t.value === '+' || t.value === '~')) {
      this.next()
      const operand = this.factor()
      const op = t.value === '-' ? 'USub' : t.value === '+' ? 'UAdd' : 'Invert'
      return this.node('UnaryOp', { op: { _type: op }, operand }, t, operand)
    }
    return this.power()
  }

  private power(): Node {
    const left = this.awaitPrimary()
    if (this.isOp('**')) {
      this.next()
      const right = this.factor()
      return this.node('BinOp', { left, op: { _type: 'Pow' }, right }, left, right)
    }
    return left
  }

  private awaitPrimary(): Node {
    if (this.isKw('await')) throw this.error("'await' outside async function", this.tok)
    return this.primary()
  }

  private primary(): Node {
    let e = this.atom()
    for (;;) {
      if (this.isOp('.')) {
        this.next()
        const n = this.expectName()
        e = this.node('Attribute', { value: e, attr: n.value, ctx: { _type: 'Load' } }, e, n)
      } else if (this.isOp('(')) {
        const open = this.next()
        const a = this.callArguments(open)
        const close = this.expectOp(')')
        e = this.node('Call', { func: e, args: a.args, keywords: a.keywords }, e, close)
      } else if (this.isOp('[')) {
        this.next()
        const slice = this.slices()
        const close = this.expectOp(']')
        e = this.node('Subscript', { value: e, slice, ctx: { _type: 'Load' } }, e, close)
      } else break
    }
    return e
  }

  private slices(): Node {
    const start = this.tok
    const first = this.slice()
    if (!this.isOp(',')) return first
    const elts = [first]
    while (this.acceptOp(',')) {
      if (this.isOp(']')) break
      elts.push(this.slice())
    }
    return this.node('Tuple', { elts, ctx: { _type: 'Load' } }, start, elts[elts.length - 1])
  }

  private slice(): Node {
    const start = this.tok
    let lower: Node = null
    if (!this.isOp(':')) {
      const e = this.isOp('*') ? this.starExpression() : this.namedExpression()
      if (!this.isOp(':')) return e
      lower = e
    }
    this.expectOp(':')
    let upper: Node = null
    let step: Node = null
    if (!this.isOp(':') && !this.isOp(']') && !this.isOp(',')) upper = this.expression()
    if (this.acceptOp(':')) {
      if (!this.isOp(']') && !this.isOp(',')) step = this.expression()
    }
    const end = this.prevTok()
    return this.node('Slice', { lower, upper, step }, start, step ?? upper ?? end)
  }

  /** Arguments of a call (or class bases): positional, *args, keyword=, **kwargs, or one generator expression. */
  private callArguments(open: Token): { args: Node[]; keywords: Node[] } {
    const args: Node[] = []
    const keywords: Node[] = []
    let sawKeyword = false
    let sawKwUnpack = false
    while (!this.isOp(')')) {
      const t = this.tok
      if (this.isOp('**')) {
        this.next()
        const value = this.expression()
        keywords.push(this.node('keyword', { arg: null, value }, t, value))
        sawKwUnpack = true
      } else if (this.isOp('*')) {
        const before = this.toks[this.i - 1]!
        this.next()
        const value = this.expression()
        if (sawKwUnpack) {
          const from = this.msgs.unpackingErrorStart === 'kwunpack' ? before : t
          throw this.error('iterable argument unpacking follows keyword argument unpacking', from, value)
        }
        args.push(this.node('Starred', { value, ctx: { _type: 'Load' } }, t, value))
      } else if (t.type === 'NAME' && this.peek().type === 'OP' && this.peek().value === '=') {
        this.next()
        this.next()
        const value = this.expression()
        keywords.push(this.node('keyword', { arg: t.value, value }, t, value))
        sawKeyword = true
      } else {
        const e = this.namedExpression()
        if (this.isKw('for') || this.isKw('async')) {
          const g = this.comprehensionTail('GeneratorExp', e, t, null)
          if (args.length > 0 || keywords.length > 0 || (this.isOp(',') && !(this.peek().type === 'OP' && this.peek().value === ')'))) {
            throw this.error('Generator expression must be parenthesized', g)
          }
          // The sole generator argument spans the call's parentheses.
          const close = this.isOp(')') ? this.tok : this.peek()
          args.push({ ...g, lineno: open.line, col_offset: this.byteCol(open.line, open.col), end_lineno: close.endLine, end_col_offset: this.byteCol(close.endLine, close.endCol) })
        } else {
          if (this.isOp('=')) {
            throw this.error(this.msgs.maybeEqual !== null ? 'expression cannot contain assignment, perhaps you meant "=="?' : 'keyword can\'t be an expression', e)
          }
          if (sawKwUnpack || sawKeyword) {
            // Reported where the argument list ends (CPython raises once the whole list is read).
            const msg = sawKwUnpack ? this.msgs.positionalAfterKeywordUnpacking : this.msgs.positionalAfterKeyword
            while (!this.isOp(')') && this.tt() !== 'NEWLINE' && this.tt() !== 'ENDMARKER') this.next()
            throw this.error(msg, this.tok)
          }
          args.push(e)
          if (!this.isOp(',') && !this.isOp(')') && this.msgs.perhapsComma !== null && this.startsExpression(this.tok)) {
            const save = this.i
            let next: Node = null
            try {
              next = this.expression()
            } catch {
              this.i = save
            }
            if (next !== null) throw this.error(this.msgs.perhapsComma, e, next)
          }
        }
      }
      if (!this.acceptOp(',')) break
    }
    return { args, keywords }
  }

  private atom(): Node {
    const t = this.tok
    switch (t.type) {
      case 'NAME': {
        if (t.value === 'None' || t.value === 'True' || t.value === 'False') {
          this.next()
          return this.node('Constant', { value: { kind: t.value }, kind: null }, t, t)
        }
        if (KEYWORDS.has(t.value)) {
          if (t.value === 'yield') throw this.error("'yield' outside function", t)
          throw this.syntaxError(t)
        }
        this.next()
        return this.node('Name', { id: t.value, ctx: { _type: 'Load' } }, t, t)
      }
      case 'NUMBER':
        this.next()
        return this.node('Constant', { value: numberValue(t.value), kind: null }, t, t)
      case 'STRING':
        return this.strings()
      case 'OP':
        switch (t.value) {
          case '(':
            return this.parenthesized()
          case '[':
            return this.listDisplay()
          case '{':
            return this.dictOrSet()
          case '...':
            this.next()
            return this.node('Constant', { value: { kind: 'Ellipsis' }, kind: null }, t, t)
        }
    }
    throw this.atomError(t)
  }

  private atomError(t: Token): SyntaxErrorInfo {
    if (t.type === 'NEWLINE' && this.msgs.expectedColon !== null && this.i > 0) return this.error(this.msgs.invalidSyntax, t)
    return this.syntaxError(t)
  }

  /** Adjacent string literals concatenate; f-strings become JoinedStr. */
  private strings(): Node {
    const first = this.tok
    const parts: { value: unknown; fstring: boolean; tok: Token }[] = []
    while (this.tok.type === 'STRING') {
      const t = this.next()
      parts.push({ ...parseStringToken(this, t), tok: t })
    }
    const last = parts[parts.length - 1]!.tok
    const isBytes = parts.map((p) => p.value instanceof Uint8Array)
    if (isBytes.some((b) => b) && !isBytes.every((b) => b)) throw this.error('cannot mix bytes and nonbytes literals', first)
    if (isBytes[0]) {
      const all = parts.map((p) => p.value as Uint8Array)
      const len = all.reduce((n, b) => n + b.length, 0)
      const out = new Uint8Array(len)
      let k = 0
      for (const b of all) {
        out.set(b, k)
        k += b.length
      }
      return this.node('Constant', { value: out, kind: null }, first, last)
    }
    if (!parts.some((p) => p.fstring)) {
      const s = parts.map((p) => p.value as string).join('')
      const kind = first.value.startsWith('u') ? 'u' : null
      return this.node('Constant', { value: s, kind }, first, last)
    }
    // f-strings: merge literal pieces, keep FormattedValue nodes.
    const values: Node[] = []
    let pending = ''
    for (const p of parts) {
      if (!p.fstring) {
        pending += p.value as string
        continue
      }
      for (const piece of p.value as Node[]) {
        if (piece._type === 'Constant') pending += piece.value
        else {
          if (pending !== '') {
            values.push(this.node('Constant', { value: pending, kind: null }, first, last))
            pending = ''
          }
          values.push(piece)
        }
      }
    }
    if (pending !== '') values.push(this.node('Constant', { value: pending, kind: null }, first, last))
    // 3.11 gives every piece the span of the whole (concatenated) literal.
    const whole = this.node('JoinedStr', { values }, first, last)
    // (3.11 quirk: inside a format spec, a trailing literal keeps its own token's span.)
    const spread = (vs: Node[], inSpec = false): void => {
      for (let k = 0; k < vs.length; k++) {
        const v = vs[k]
        if (inSpec && v._type !== 'FormattedValue' && k === vs.length - 1) continue
        v.lineno = whole.lineno
        v.col_offset = whole.col_offset
        v.end_lineno = whole.end_lineno
        v.end_col_offset = whole.end_col_offset
        // A format spec keeps its own token's span, but its pieces take the whole literal's.
        if (v._type === 'FormattedValue' && v.format_spec) spread(v.format_spec.values, true)
      }
    }
    spread(values)
    return whole
  }

  /** Parses an f-string replacement field's expression text (called by the string parser). */
  subExpression(text: string, line: number, col: number): Node {
    const sub = new Parser(text, { filename: this.filename, mode: 'eval', profile: this.profile })
    const tree = sub.parse('eval')
    shiftPositions(tree.body, line - 1, line === 1 ? col : col)
    return tree.body
  }

  private parenthesized(): Node {
    const open = this.next()
    if (this.isOp(')')) {
      const close = this.next()
      return this.node('Tuple', { elts: [], ctx: { _type: 'Load' } }, open, close)
    }
    if (this.isKw('yield')) {
      const y = this.yieldExpr()
      const close = this.expectOp(')')
      return { ...y, _pstart: open, _pend: close }
    }
    const first = this.starExpression(true)
    if (this.isKw('for') || this.isKw('async')) {
      const g = this.comprehensionTail('GeneratorExp', first, open, null)
      const close = this.expectOp(')')
      return { ...g, lineno: open.line, col_offset: this.byteCol(open.line, open.col), end_lineno: close.endLine, end_col_offset: this.byteCol(close.endLine, close.endCol) }
    }
    if (this.isOp(')')) {
      const close = this.next()
      if (first._type === 'Starred') throw this.error("cannot use starred expression here", first)
      return { ...first, _parenthesized: true, _pstart: open, _pend: close }
    }
    const elts = [first]
    while (this.acceptOp(',')) {
      if (this.isOp(')')) break
      elts.push(this.starExpression(true))
    }
    this.checkMissingComma(elts, ')')
    if (!this.isOp(')')) {
      if (this.msgs.perhapsComma !== null && this.tok.type !== 'NEWLINE' && this.tok.type !== 'ENDMARKER') throw this.error(this.msgs.perhapsComma, elts[elts.length - 1], this.tok)
      throw this.syntaxError()
    }
    const close = this.next()
    return this.node('Tuple', { elts, ctx: { _type: 'Load' } }, open, close)
  }

  private listDisplay(): Node {
    const open = this.next()
    if (this.isOp(']')) {
      const close = this.next()
      return this.node('List', { elts: [], ctx: { _type: 'Load' } }, open, close)
    }
    const first = this.starExpression(true)
    if (this.isKw('for') || this.isKw('async')) {
      const c = this.comprehensionTail('ListComp', first, open, null)
      const close = this.expectOp(']')
      return { ...c, end_lineno: close.endLine, end_col_offset: this.byteCol(close.endLine, close.endCol) }
    }
    const elts = [first]
    while (this.acceptOp(',')) {
      if (this.isOp(']')) break
      elts.push(this.starExpression(true))
    }
    this.checkMissingComma(elts, ']')
    if (!this.isOp(']')) {
      if (this.msgs.perhapsComma !== null && this.tok.type !== 'NEWLINE' && this.tok.type !== 'ENDMARKER') throw this.error(this.msgs.perhapsComma, elts[elts.length - 1], this.tok)
      throw this.syntaxError()
    }
    const close = this.next()
    return this.node('List', { elts, ctx: { _type: 'Load' } }, open, close)
  }

  private dictOrSet(): Node {
    const open = this.next()
    if (this.isOp('}')) {
      const close = this.next()
      return this.node('Dict', { keys: [], values: [] }, open, close)
    }
    // First item decides: `k: v`, `**m` (dict) or an element (set).
    if (this.isOp('**')) return this.dictRest(open, null, null)
    const first = this.starExpression()
    if (this.isOp(':')) {
      this.next()
      const value = this.expression()
      if (this.isKw('for') || this.isKw('async')) {
        const c = this.comprehensionTail('DictComp', { key: first, value }, open, null)
        const close = this.expectOp('}')
        return { ...c, end_lineno: close.endLine, end_col_offset: this.byteCol(close.endLine, close.endCol) }
      }
      return this.dictRest(open, first, value)
    }
    if (this.isKw('for') || this.isKw('async')) {
      const c = this.comprehensionTail('SetComp', first, open, null)
      const close = this.expectOp('}')
      return { ...c, end_lineno: close.endLine, end_col_offset: this.byteCol(close.endLine, close.endCol) }
    }
    const elts = [first]
    while (this.acceptOp(',')) {
      if (this.isOp('}')) break
      elts.push(this.starExpression(true))
    }
    this.checkMissingComma(elts, '}')
    const close = this.expectOp('}')
    return this.node('Set', { elts }, open, close)
  }

  private dictRest(open: Token, firstKey: Node, firstValue: Node): Node {
    const keys: Node[] = []
    const values: Node[] = []
    if (firstKey !== null) {
      keys.push(firstKey)
      values.push(firstValue)
      if (!this.acceptOp(',')) {
        const close = this.expectOp('}')
        return this.node('Dict', { keys, values }, open, close)
      }
    }
    while (!this.isOp('}')) {
      if (this.isOp('**')) {
        this.next()
        keys.push(null)
        values.push(this.bitwiseOr())
      } else {
        const k = this.expression()
        this.expectOp(':')
        keys.push(k)
        values.push(this.expression())
      }
      if (!this.acceptOp(',')) break
    }
    const close = this.expectOp('}')
    return this.node('Dict', { keys, values }, open, close)
  }

  /** Two expressions side by side inside brackets: "invalid syntax. Perhaps you forgot a comma?" (3.10+). */
  private checkMissingComma(elts: Node[], closer: string): void {
    if (this.isOp(closer) || this.msgs.perhapsComma === null) return
    if (!this.startsExpression(this.tok)) return
    const save = this.i
    let next: Node
    try {
      next = this.expression()
    } catch {
      this.i = save
      return
    }
    throw this.error(this.msgs.perhapsComma, elts[elts.length - 1], next)
  }

  private startsExpression(t: Token): boolean {
    if (t.type === 'NUMBER' || t.type === 'STRING') return true
    if (t.type === 'NAME') return !KEYWORDS.has(t.value) || ['None', 'True', 'False', 'not', 'lambda'].includes(t.value)
    return t.type === 'OP' && ['(', '[', '{', '-', '+', '~', '...'].includes(t.value)
  }

  /** `for target in iter if cond ...` after the element of a comprehension. */
  private comprehensionTail(type: string, elt: Node, start: Token, _end: Token | null): Node {
    const generators: Node[] = []
    while (this.isKw('for') || this.isKw('async')) {
      if (this.isKw('async')) throw this.error("'async' is not supported by heap yet", this.tok)
      this.next()
      const target = this.setContext(this.targetList(), 'Store')
      if (!this.acceptKw('in')) throw this.syntaxError()
      const iter = this.disjunction()
      const ifs: Node[] = []
      while (this.isKw('if')) {
        this.next()
        ifs.push(this.disjunction())
      }
      generators.push({ _type: 'comprehension', target, iter, ifs, is_async: 0 })
    }
    const last = generators[generators.length - 1]
    const endNode = last.ifs.length > 0 ? last.ifs[last.ifs.length - 1] : last.iter
    if (type === 'DictComp') return this.node(type, { key: elt.key, value: elt.value, generators }, start, endNode)
    return this.node(type, { elt, generators }, start, endNode)
  }

  private yieldExpr(): Node {
    const t = this.next()
    if (this.acceptKw('from')) {
      const value = this.expression()
      return this.node('YieldFrom', { value }, t, value)
    }
    if (this.exprEnds() || this.isOp(')')) return this.node('Yield', { value: null }, t, t)
    const value = this.starExpressions()
    return this.node('Yield', { value }, t, value)
  }
}

/** Yield inside expressions: accepted where CPython accepts a `yield_expr` (handled by the statement forms). */

/** A NUMBER token's value. */
function numberValue(text: string): unknown {
  const s = text.replace(/_/g, '')
  if (/[jJ]$/.test(s)) return { kind: 'complex', real: 0, imag: Number(s.slice(0, -1)) }
  if (/^0[xXoObB]/.test(s)) return { kind: 'int', value: BigInt(s) }
  if (/[.eE]/.test(s)) return Number(s)
  return { kind: 'int', value: BigInt(s) }
}

/** What CPython calls an expression in "cannot assign to …" messages. */
export function describe(e: Node, operatorName = 'expression'): string {
  switch (e._type) {
    case 'Call':
      return 'function call'
    case 'Constant': {
      const v = e.value
      if (v && typeof v === 'object' && (v.kind === 'True' || v.kind === 'False' || v.kind === 'None')) return v.kind
      if (v && typeof v === 'object' && v.kind === 'Ellipsis') return 'ellipsis'
      return 'literal'
    }
    case 'BinOp':
    case 'UnaryOp':
      return operatorName
    case 'BoolOp':
      return 'expression'
    case 'Compare':
      return 'comparison'
    case 'Lambda':
      return 'lambda'
    case 'IfExp':
      return 'conditional expression'
    case 'NamedExpr':
      return 'named expression'
    case 'Dict':
      return 'dict literal'
    case 'Set':
      return 'set display'
    case 'ListComp':
      return 'list comprehension'
    case 'SetComp':
      return 'set comprehension'
    case 'DictComp':
      return 'dict comprehension'
    case 'GeneratorExp':
      return 'generator expression'
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression'
    case 'Await':
      return 'await expression'
    case 'JoinedStr':
    case 'FormattedValue':
      return 'f-string expression'
    case 'Tuple':
      return 'tuple'
    case 'List':
      return 'list'
    case 'Starred':
      return 'starred'
    case 'Name':
      return 'name'
    case 'Attribute':
      return 'attribute'
    case 'Subscript':
      return 'subscript'
    default:
      return 'expression'
  }
}

/** Moves parsed sub-expression positions to where the text sits in the enclosing source. */
function shiftPositions(n: Node, lineDelta: number, colDelta: number): void {
  if (n === null || typeof n !== 'object') return
  if (Array.isArray(n)) {
    for (const x of n) shiftPositions(x, lineDelta, colDelta)
    return
  }
  if (typeof n.lineno === 'number') {
    if (n.lineno === 1) n.col_offset += colDelta
    if (n.end_lineno === 1) n.end_col_offset += colDelta
    n.lineno += lineDelta
    n.end_lineno += lineDelta
  }
  for (const k of Object.keys(n)) {
    if (k === '_obj') continue
    const v = n[k]
    if (v !== null && typeof v === 'object') shiftPositions(v, lineDelta, colDelta)
  }
}

/** Parses source text; throws SyntaxErrorInfo. */
/**
 * How an interactive input stands: 'complete' (it parses), 'error' (the parser fails before the end of what was
 * typed: report it now), 'incomplete' (the parser ran out of input, or the input ends inside brackets or after a
 * backslash: read another line) or 'unterminated-string' (it ends inside a triple-quoted string). Blocks still end
 * at a blank line (the REPL decides that).
 * @cpython Parser/pegen.c#_PyPegen_run_parser
 */
export type InteractiveStatus = 'complete' | 'incomplete' | 'unterminated-string' | 'error'

export function interactiveStatus(source: string, opts: Omit<ParseOptions, 'mode'>): InteractiveStatus {
  let p: Parser
  try {
    p = new Parser(source, { ...opts, mode: 'single', deferTokenizerErrors: true })
  } catch (e) {
    if (e instanceof SyntaxErrorInfo) return 'error'
    throw e
  }
  return p.probe()
}

export function parse(source: string, opts: ParseOptions): Node {
  const p = new Parser(source, opts)
  const tree = p.parseReportingTokenizerErrors(opts.mode)
  // the tokens the parse consumed (the PEG parser's arena keeps each one's text: see ConstantFactory.prepare)
  Object.defineProperty(tree, PARSED_TOKENS, { value: p.tokens, enumerable: false })
  return tree
}


function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

/**
 * SyntaxError texts. 3.10 rewrote most of them (the PEG parser's targeted errors); 3.8 says "invalid syntax" for
 * nearly everything. Which set applies is a profile question (`profile.output.syntaxErrors`).
 * @cpython Parser/pegen_errors.c
 * @cpython Parser/tokenizer.c
 */

export interface SyntaxMessages {
  readonly invalidSyntax: string
  readonly unexpectedIndent: string
  readonly unindentMismatch: string
  readonly tabError: string
  readonly eofInContinuation: string
  readonly unexpectedCharAfterContinuation: string
  readonly leadingZeros: string
  expectedColon: string | null
  unmatched(ch: string): string
  mismatch(close: string, open: string): string
  mismatchOnLine(close: string, open: string, line: number): string
  neverClosed(ch: string): string
  invalidCharacter(ch: string, cp: number): string
  invalidLiteral(kind: string): string
  unterminatedString(line: number): string
  unterminatedTriple(line: number): string
  expectedIndentedBlock(what: string, line: number): string
  cannotAssign(what: string, augmented: boolean): string
  cannotDelete(what: string): string
  readonly perhapsComma: string | null
  readonly printStatement: string | null
  readonly maybeEqual: string | null
  readonly positionalAfterKeyword: string
  readonly positionalAfterKeywordUnpacking: string
  readonly nonDefaultAfterDefault: string
  readonly unexpectedEOF: string
  readonly starredAssignTarget: string
  /** f-string `{}`: the text and where it points ('token-end' ≤3.12, 'brace' 3.13+). */
  readonly fstringEmpty: { readonly msg: string; readonly at: 'token-end' | 'brace' }
  /** f-string `{x!z}`: the text, and whether it points at the character (3.12+) or the token end. */
  fstringConversion(c: string): string
  readonly fstringConversionAt: 'token-end' | 'char'
  /** `import` with nothing after it (3.13+: a targeted message). */
  readonly importNames: string | null
  /** `f(**k, *a)`: where the error starts (3.13: at the comma before `*a`). */
  readonly unpackingErrorStart: 'star' | 'kwunpack'
  /** Unterminated strings are reported at the start of the literal (3.10+) or at the end of the line (3.8). */
  readonly unterminatedAt: 'start' | 'line-end'
  /** 3.8 calls a binary/unary operation an "operator" in assignment errors. */
  readonly operatorName: string
  /** 3.8 suggests the call with its argument: `print("hello")`. */
  readonly printWithArgs: boolean
  /**
   * 'lazy' (the LL(1) parser, ≤3.9): the tokenizer's errors show only when the parser asks for that token, so an
   * earlier parse error wins, and EOF inside brackets is "unexpected EOF" at the end of the last line. 'eager': the
   * PEG parser's (an unclosed bracket is reported at the bracket).
   */
  readonly tokenizerErrors: 'eager' | 'lazy'
  /** Where a parse error at a token points: its first character (3.x) or just past it (2.7's tokenizer position). */
  readonly parseErrorOffset: 'token-start' | 'token-end'
  /**
   * End of input in the REPL while the parser still needs tokens (open brackets, a block header): the session ends
   * quietly ('exit', the LL(1) parser's E_EOF) or the statement is compiled and its SyntaxError shown ('error').
   */
  readonly interactiveEof: 'exit' | 'error'
}

const PEG: SyntaxMessages = {
  invalidSyntax: 'invalid syntax',
  unexpectedIndent: 'unexpected indent',
  unindentMismatch: 'unindent does not match any outer indentation level',
  tabError: 'inconsistent use of tabs and spaces in indentation',
  eofInContinuation: 'unexpected EOF while parsing',
  unexpectedCharAfterContinuation: 'unexpected character after line continuation character',
  leadingZeros: 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
  expectedColon: "expected ':'",
  unmatched: (ch) => `unmatched '${ch}'`,
  mismatch: (c, o) => `closing parenthesis '${c}' does not match opening parenthesis '${o}'`,
  mismatchOnLine: (c, o, l) => `closing parenthesis '${c}' does not match opening parenthesis '${o}' on line ${l}`,
  neverClosed: (ch) => `'${ch}' was never closed`,
  invalidCharacter: (ch, cp) => `invalid character '${ch}' (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`,
  invalidLiteral: (kind) => `invalid ${kind} literal`,
  unterminatedString: (l) => `unterminated string literal (detected at line ${l})`,
  unterminatedTriple: (l) => `unterminated triple-quoted string literal (detected at line ${l})`,
  expectedIndentedBlock: (what, l) => `expected an indented block after ${what} on line ${l}`,
  cannotAssign: (what, aug) => (aug ? `'${what}' is an illegal expression for augmented assignment` : `cannot assign to ${what}`),
  cannotDelete: (what) => `cannot delete ${what}`,
  perhapsComma: 'invalid syntax. Perhaps you forgot a comma?',
  printStatement: "Missing parentheses in call to 'print'. Did you mean print(...)?",
  maybeEqual: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
  positionalAfterKeyword: 'positional argument follows keyword argument',
  positionalAfterKeywordUnpacking: 'positional argument follows keyword argument unpacking',
  nonDefaultAfterDefault: 'non-default argument follows default argument',
  unexpectedEOF: 'unexpected EOF while parsing',
  starredAssignTarget: 'starred assignment target must be in a list or tuple',
  fstringEmpty: { msg: 'f-string: empty expression not allowed', at: 'token-end' },
  fstringConversion: () => "f-string: invalid conversion character: expected 's', 'r', or 'a'",
  fstringConversionAt: 'token-end',
  importNames: null,
  unpackingErrorStart: 'star',
  unterminatedAt: 'start',
  operatorName: 'expression',
  printWithArgs: false,
  tokenizerErrors: 'eager',
  parseErrorOffset: 'token-start',
  interactiveEof: 'error',
}

const PEG_312: SyntaxMessages = {
  ...PEG,
  nonDefaultAfterDefault: 'parameter without a default follows parameter with a default',
  fstringConversion: (c) => `f-string: invalid conversion character '${c}': expected 's', 'r', or 'a'`,
  fstringConversionAt: 'char',
  fstringEmpty: { msg: "f-string: valid expression required before '}'", at: 'brace' },
}

const PEG_313: SyntaxMessages = {
  ...PEG_312,
  importNames: "Expected one or more names after 'import'",
  unpackingErrorStart: 'kwunpack',
}

/** 3.8's LL(1) parser and tokenizer. */
const LEGACY: SyntaxMessages = {
  ...PEG,
  expectedColon: null,
  neverClosed: () => 'unexpected EOF while parsing',
  invalidCharacter: () => 'invalid character in identifier',
  invalidLiteral: () => 'invalid syntax',
  unterminatedString: () => 'EOL while scanning string literal',
  unterminatedTriple: () => 'EOF while scanning triple-quoted string literal',
  expectedIndentedBlock: () => 'expected an indented block',
  cannotAssign: (what, aug) => (aug ? 'illegal expression for augmented assignment' : `cannot assign to ${what}`),
  perhapsComma: null,
  printStatement: "Missing parentheses in call to 'print'. Did you mean print(...)?",
  maybeEqual: null,
  leadingZeros: 'invalid token',
  unterminatedAt: 'line-end',
  operatorName: 'operator',
  printWithArgs: true,
  tokenizerErrors: 'lazy',
  interactiveEof: 'exit',
}

/** 2.7's parser: as 3.8's, but errors point past the token (the tokenizer's position). */
const LEGACY_27: SyntaxMessages = {
  ...LEGACY,
  parseErrorOffset: 'token-end',
}

export const SYNTAX_MESSAGES: Record<string, SyntaxMessages> = {
  legacy: LEGACY_27,
  '3.8': LEGACY,
  '3.11': PEG,
  '3.12': PEG_312,
  '3.13': PEG_313,
  '3.14': PEG_313,
}

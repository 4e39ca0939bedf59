/** Compile-time errors, carried as plain data until the interpreter turns them into SyntaxError objects. */

export class SyntaxErrorInfo {
  constructor(
    readonly type: 'SyntaxError' | 'IndentationError' | 'TabError',
    readonly msg: string,
    readonly filename: string,
    readonly lineno: number,
    /** 1-based, as CPython's `SyntaxError.offset`. */
    readonly offset: number,
    readonly text: string | null,
    readonly end_lineno: number | null = null,
    readonly end_offset: number | null = null,
  ) {}
}

/** Accepts the compiler's errors and the parser's (same fields). */
export function isSyntaxErrorInfo(e: unknown): e is SyntaxErrorInfo {
  if (e instanceof SyntaxErrorInfo) return true
  const o = e as { type?: unknown; msg?: unknown; lineno?: unknown } | null
  return !!o && typeof o === 'object' && typeof o.msg === 'string' && typeof o.lineno === 'number' && (o.type === 'SyntaxError' || o.type === 'IndentationError' || o.type === 'TabError')
}

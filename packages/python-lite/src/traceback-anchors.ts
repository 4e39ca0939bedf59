/**
 * Caret anchors (3.11+): within the highlighted segment, the operator of a binary operation or the subscript gets
 * `^`, the rest `~`; with the traceback module (3.13+) also the parentheses of a call.
 * @cpython Python/traceback.c#extract_anchors_from_expr
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { kind } from './compiler/ast-access.js'
import { getParser } from './compiler/index.js'
import type { Interpreter } from './interp.js'

export interface Anchors {
  left: number
  right: number
  primary: string
  secondary: string
}

/** Anchors within `segment` (character offsets), or null when every column gets `^`. */
export function anchorsFor(segment: string, interp: Interpreter): Anchors | null {
  let tree: any
  try {
    tree = getParser()(`(\n${segment}\n)`, { filename: '<anchors>', mode: 'exec', profile: interp.rt.profile.id })
  } catch {
    return null
  }
  const body = tree.body
  if (!body || body.length !== 1 || kind(body[0]) !== 'Expr') return null
  const e = body[0].value
  const col = (n: any, f: 'col_offset' | 'end_col_offset'): number => {
    // Positions are on the segment's line (line 2 of the wrapper); convert UTF-8 byte columns to characters.
    const bytes = new TextEncoder().encode(segment)
    return new TextDecoder().decode(bytes.slice(0, n[f])).length
  }
  if (kind(e) === 'BinOp') {
    if (e.left.end_lineno !== 2 || e.right.lineno !== 2) return null
    const from = col(e.left, 'end_col_offset')
    const to = col(e.right, 'col_offset')
    for (let i = from; i < to; i++) {
      const ch = segment[i]!
      if (ch === ' ' || ch === '\t' || ch === '\f') continue
      if (interp.profile.output.caretsSkipParens && (ch === ')' || ch === '#')) continue
      let right = i + 1
      if (i + 1 < to && !/\s/.test(segment[i + 1]!)) right++
      return { left: i, right, primary: '^', secondary: '~' }
    }
    return null
  }
  if (kind(e) === 'Subscript') {
    if (e.value.end_lineno !== 2 || e.slice.end_lineno !== 2) return null
    return { left: col(e.value, 'end_col_offset'), right: col(e.slice, 'end_col_offset') + 1, primary: '^', secondary: '~' }
  }
  if (kind(e) === 'Call' && interp.profile.output.exceptionPrinter === 'traceback-module') {
    if (e.func.end_lineno !== 2 || e.end_lineno !== 2) return null
    let left = col(e.func, 'end_col_offset')
    while (left < segment.length && segment[left] !== '(') left++
    return { left, right: col(e, 'end_col_offset'), primary: '^', secondary: '~' }
  }
  return null
}

/**
 * `StackSummary._should_show_carets` (3.13+): not under `return f(...)` / `x = f(...)` when the call is the whole
 * highlighted segment; always with anchors; otherwise only when the segment is not the whole line.
 */
export function shouldShowCarets(interp: Interpreter, line: string, start: number, end: number, anchors: Anchors | null): boolean {
  let stmt: any
  try {
    const tree: any = getParser()(line, { filename: '<carets>', mode: 'exec', profile: interp.rt.profile.id })
    stmt = tree.body?.[0] ?? null
  } catch {
    stmt = null
  }
  if (stmt !== null) {
    let value: any = null
    if (kind(stmt) === 'Return' && stmt.value && kind(stmt.value) === 'Call' && kind(stmt.value.func) === 'Name') value = stmt.value
    else if (kind(stmt) === 'Assign' && kind(stmt.value) === 'Call' && stmt.targets.length === 1 && kind(stmt.targets[0]) === 'Name') value = stmt.value
    if (value !== null && value.lineno === 1 && value.end_lineno === 1) {
      const bytes = new TextEncoder().encode(line)
      const chars = (b: number): number => new TextDecoder().decode(bytes.slice(0, b)).length
      if (chars(value.col_offset) === start && chars(value.end_col_offset) === end) return false
    }
  }
  if (anchors !== null) return true
  return line.slice(0, start).trim() !== '' || line.slice(end).trim() !== ''
}

/**
 * PEP 765 (3.14+): a SyntaxWarning for `return`, `break` and `continue` that leave a `finally` block. Run over the
 * whole tree before code generation, so these warnings come before the compiler's own.
 * The innermost enclosing finally body, loop body or function body decides: only directly in a finally body (not in
 * a loop or function nested in it) does a statement warn.
 * @cpython Python/ast_preprocess.c#before_return
 * @cpython Python/ast_preprocess.c#before_loop_exit
 */
import { kind, type Node } from './ast-access.js'
import type { WarnFn } from './index.js'

type Context = 'finally' | 'loop' | 'function' | null

const LOOPS = new Set(['For', 'AsyncFor', 'While'])
const FUNCTIONS = new Set(['FunctionDef', 'AsyncFunctionDef'])
const EXITS: Record<string, string> = { Return: 'return', Break: 'break', Continue: 'continue' }

/** Walks `tree` and reports each control-flow statement that leaves a finally block ({kw} in `template`). */
export function warnControlFlowInFinally(tree: Node, template: string, warn: WarnFn): void {
  const visit = (n: Node, ctx: Context): void => {
    if (n === null || typeof n !== 'object') return
    if (Array.isArray(n)) {
      for (const x of n) visit(x, ctx)
      return
    }
    const k = kind(n)
    if (k === undefined) return
    const kw = EXITS[k]
    if (kw !== undefined && ctx === 'finally') warn(n.lineno, template.replace('{kw}', kw))
    for (const key of Object.keys(n)) {
      if (key.startsWith('_')) continue
      const v = n[key]
      if (v === null || typeof v !== 'object') continue
      let inner = ctx
      if (key === 'finalbody' && (k === 'Try' || k === 'TryStar')) inner = 'finally'
      else if (key === 'body' && LOOPS.has(k)) inner = 'loop'
      else if (key === 'body' && FUNCTIONS.has(k)) inner = 'function'
      visit(v, inner)
    }
  }
  visit(tree, null)
}

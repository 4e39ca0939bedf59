/**
 * How the compiler reads AST nodes. Nodes are the parser's objects (CPython's `Python.asdl` names and fields);
 * the compiler walks them structurally.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Node = any

/** Where the parser leaves, on the tree it returns, the tokens it read (`{ type, start, end }` with source offsets). */
export const PARSED_TOKENS = Symbol('parsed tokens')

/** The node's ASDL class name ('Name', 'BinOp' …). */
export function kind(n: Node): string {
  return n._type ?? n.kind ?? n.type
}

/**
 * Visits every node under `root` (itself included), depth first in field order. `visit` returns false to skip a
 * node's children. Parent links and the compiler's own `_` fields are not followed.
 */
export function walkNodes(root: Node, visit: (n: Node) => boolean | void): void {
  const walk = (n: any): void => {
    if (n === null || typeof n !== 'object') return
    if (Array.isArray(n)) {
      for (const x of n) walk(x)
      return
    }
    if (visit(n) === false) return
    for (const key of Object.keys(n)) {
      if (key === 'parent' || key.startsWith('_')) continue
      const v = n[key]
      if (v !== null && typeof v === 'object') walk(v)
    }
  }
  walk(root)
}

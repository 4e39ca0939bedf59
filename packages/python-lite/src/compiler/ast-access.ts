/**
 * How the compiler reads AST nodes. Nodes are the parser's objects (CPython's `Python.asdl` names and fields);
 * the compiler walks them structurally.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Node = any

/** The node's ASDL class name ('Name', 'BinOp' …). */
export function kind(n: Node): string {
  return n._type ?? n.kind ?? n.type
}

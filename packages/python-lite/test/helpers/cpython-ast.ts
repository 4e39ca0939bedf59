/**
 * Test helper: real CPython's `ast` module as a parser, to test the compiler and VM independently of our own
 * parser (and to cross-check it). Runs `python3` (3.11) with the source on stdin.
 */
import { execFileSync } from 'node:child_process'

const SCRIPT = String.raw`
import ast, json, sys
src = sys.stdin.read()
mode, filename = sys.argv[1], sys.argv[2]
try:
    tree = ast.parse(src, filename=filename, mode=mode)
except SyntaxError as e:
    print(json.dumps({"error": {"type": type(e).__name__, "msg": e.msg, "filename": filename, "lineno": e.lineno,
        "offset": e.offset, "text": e.text, "end_lineno": getattr(e, "end_lineno", None), "end_offset": getattr(e, "end_offset", None)}}))
    sys.exit(0)
def const(v):
    if v is None: return {"kind": "None"}
    if v is True: return {"kind": "True"}
    if v is False: return {"kind": "False"}
    if v is ...: return {"kind": "Ellipsis"}
    if isinstance(v, int): return {"kind": "int", "value": str(v)}
    if isinstance(v, float): return {"kind": "float", "value": repr(v)}
    if isinstance(v, complex): return {"kind": "complex", "real": v.real, "imag": v.imag}
    if isinstance(v, str): return v
    if isinstance(v, bytes): return {"kind": "bytes", "value": list(v)}
    raise TypeError(type(v))
def conv(n):
    if isinstance(n, ast.AST):
        d = {"_type": type(n).__name__}
        for f in n._fields:
            v = getattr(n, f, None)
            d[f] = const(v) if isinstance(n, ast.Constant) and f == "value" else conv(v)
        for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            if hasattr(n, a): d[a] = getattr(n, a)
        return d
    if isinstance(n, list): return [conv(x) for x in n]
    return n
print(json.dumps(conv(tree)))
`

function revive(n: unknown): unknown {
  if (Array.isArray(n)) return n.map(revive)
  if (n !== null && typeof n === 'object') {
    const o = n as Record<string, unknown>
    if (o.kind === 'int' && typeof o.value === 'string' && Object.keys(o).length === 2) return { kind: 'int', value: BigInt(o.value) }
    if (o.kind === 'float' && typeof o.value === 'string') return Number(o.value === 'inf' ? Infinity : o.value === '-inf' ? -Infinity : o.value === 'nan' ? NaN : o.value)
    if (o.kind === 'bytes' && Array.isArray(o.value)) return new Uint8Array(o.value as number[])
    for (const k of Object.keys(o)) o[k] = revive(o[k])
    return o
  }
  return n
}

/** Parses with CPython 3.11's `ast`; throws the SyntaxError data like our parser does. */
export function cpythonParse(source: string, opts: { filename: string; mode: string }): unknown {
  const out = execFileSync('python3', ['-c', SCRIPT, opts.mode, opts.filename], { input: source, encoding: 'utf8', maxBuffer: 1 << 28 })
  const j = JSON.parse(out) as { error?: Record<string, unknown> }
  if (j.error) throw j.error
  return revive(j)
}

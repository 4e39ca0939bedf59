# Prints CPython's AST of stdin as JSON (node type in "_type"; constants tagged), or a canonical form with "canonical".
import ast, json, sys
src = sys.stdin.read()
mode, filename = sys.argv[1], sys.argv[2]
canonical = len(sys.argv) > 3
tree = ast.parse(src, filename=filename, mode=mode)
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
print(json.dumps(conv(tree), sort_keys=canonical, separators=(",", ":") if canonical else None))

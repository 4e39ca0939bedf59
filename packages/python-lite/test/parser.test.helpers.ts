/** Shared by the parser tests: our AST in the recorder's JSON shape, and Python's json.dumps. */
/** Our AST in the recorded JSON shape (constants tagged as the recorder tags them). */
export function toRecordedShape(n: unknown): unknown {
  if (typeof n === 'bigint') return String(n)
  if (n instanceof Uint8Array) return { kind: 'bytes', value: Array.from(n) }
  if (Array.isArray(n)) return n.map(toRecordedShape)
  if (n instanceof PyFloat) return n
  if (n !== null && typeof n === 'object') {
    const o = n as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(o)) {
      if (k.startsWith('_') && k !== '_type') continue
      if (o._type === 'Constant' && k === 'value') out[k] = constShape(o[k])
      else out[k] = toRecordedShape(o[k])
    }
    return out
  }
  return n
}

function constShape(v: unknown): unknown {
  if (typeof v === 'string') return v
  if (typeof v === 'number') return { kind: 'float', value: pyFloatRepr(v) }
  if (v !== null && typeof v === 'object' && (v as Record<string, unknown>).kind === 'complex') {
    const c = v as { real: number; imag: number }
    return { kind: 'complex', real: new PyFloat(c.real), imag: new PyFloat(c.imag) }
  }
  if (v instanceof Uint8Array) return { kind: 'bytes', value: Array.from(v) }
  const o = v as Record<string, unknown>
  if (o.kind === 'int') return { kind: 'int', value: String(o.value) }
  return v
}

/** A float that `pyJson` prints with Python's repr. */
class PyFloat {
  constructor(readonly v: number) {}
}

/** Python's `repr(float)`: shortest round-trip digits; scientific below 1e-4 and from 1e16. */
export function pyFloatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan'
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf'
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0'
  const [mant, expStr] = v.toExponential().split('e') as [string, string]
  const exp = Number(expStr)
  const neg = mant.startsWith('-')
  const digits = mant.replace('-', '').replace('.', '')
  let out: string
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  } else if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
    const frac = digits.slice(exp + 1)
    out = `${intPart}.${frac === '' ? '0' : frac}`
  } else {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`
  }
  return (neg ? '-' : '') + out
}

/** `json.dumps(obj, sort_keys=True, separators=(",", ":"))` (ensure_ascii) as Python prints it. */
export function pyJson(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (v instanceof PyFloat) return pyFloatRepr(v.v)
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'string') {
    let s = '"'
    for (const ch of v) {
      const c = ch.codePointAt(0)!
      if (ch === '"') s += '\\"'
      else if (ch === '\\') s += '\\\\'
      else if (ch === '\n') s += '\\n'
      else if (ch === '\r') s += '\\r'
      else if (ch === '\t') s += '\\t'
      else if (ch === '\b') s += '\\b'
      else if (ch === '\f') s += '\\f'
      else if (c < 0x20 || c > 0x7e) {
        if (c > 0xffff) {
          const hi = Math.floor((c - 0x10000) / 0x400) + 0xd800
          const lo = ((c - 0x10000) % 0x400) + 0xdc00
          s += '\\u' + hi.toString(16).padStart(4, '0') + '\\u' + lo.toString(16).padStart(4, '0')
        } else s += '\\u' + c.toString(16).padStart(4, '0')
      } else s += ch
    }
    return s + '"'
  }
  if (Array.isArray(v)) return '[' + v.map(pyJson).join(',') + ']'
  const o = v as Record<string, unknown>
  return '{' + Object.keys(o).sort().map((k) => pyJson(k) + ':' + pyJson(o[k])).join(',') + '}'
}


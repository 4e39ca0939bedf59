/**
 * Exact conversions between doubles and decimal digit strings: the shortest round-trip digits (mode 0), correctly
 * rounded significant digits (mode 2) and digits after the point (mode 3), with ties to even on the exact binary
 * value, and the exact bit-level helpers the number types share (ldexp, correctly rounded integer ratios).
 * @cpython Python/dtoa.c#_Py_dg_dtoa
 */

/** Digits without leading or trailing zeros ('' when a rounding gave zero) and the decimal point's position. */
export interface DtoaResult {
  digits: string
  /** The value is 0.DIGITS × 10**decpt. */
  decpt: number
  /** The sign bit was set. */
  sign: boolean
}

const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer)
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** The two 32-bit halves of a double's bits. */
export function doubleWords(x: number): [hi: number, lo: number] {
  f64[0] = x
  return LITTLE ? [u32[1]!, u32[0]!] : [u32[0]!, u32[1]!]
}

/** A finite nonzero |x| as mant × 2**exp with an integer mantissa below 2**53. */
export function frexpInt(x: number): { mant: bigint; exp: number } {
  const [hi, lo] = doubleWords(x)
  const e = (hi >>> 20) & 0x7ff
  let mant = BigInt(hi & 0xfffff) * 4294967296n + BigInt(lo)
  if (e === 0) return { mant, exp: -1074 }
  mant += 1n << 52n
  return { mant, exp: e - 1075 }
}

/** Whether the sign bit is set (true for -0.0 and negative NaNs). */
export function signBit(x: number): boolean {
  return (doubleWords(x)[0] & 0x80000000) !== 0
}

/** `ldexp(x, n)`: exact whenever the result is representable. */
export function ldexp(x: number, n: number): number {
  let v = x
  let k = n
  while (k > 1023) {
    v *= 2 ** 1023
    k -= 1023
    if (!Number.isFinite(v)) return v
  }
  while (k < -1022) {
    v *= 2 ** -1022
    k += 1022
    if (v === 0) return v
  }
  return v * 2 ** k
}

/** Number of bits of a positive bigint. */
export function bitLength(v: bigint): number {
  if (v <= 0n) return v === 0n ? 0 : bitLength(-v)
  const s = v.toString(16)
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0]!, 16)))
}

/**
 * `mant × 2**exp` (mant > 0), plus an optional sticky bit meaning "a little more than that", rounded to the
 * nearest double, ties to even. Infinity when it overflows.
 */
export function roundToDouble(mant: bigint, exp: number, sticky = false): number {
  const bl = bitLength(mant)
  const top = bl - 1 + exp
  if (top > 1023) return Infinity
  // Bits kept: 53, fewer in the subnormal range.
  const precision = top >= -1022 ? 53 : 53 - (-1022 - top)
  const drop = bl - precision
  if (drop <= 0) return ldexp(Number(mant), exp)
  let keep = mant >> BigInt(drop)
  const rem = mant - (keep << BigInt(drop))
  const half = 1n << BigInt(drop - 1)
  if (rem > half || (rem === half && (sticky || (keep & 1n) === 1n))) keep += 1n
  return ldexp(Number(keep), exp + drop)
}

/** `n / d` (d > 0, n ≥ 0) correctly rounded to a double (Infinity on overflow). */
export function ratioToDouble(n: bigint, d: bigint): number {
  if (n === 0n) return 0
  // Scale so the quotient has at least 55 significant bits, then round once with a sticky remainder bit.
  const shift = 55 - (bitLength(n) - bitLength(d))
  const num = shift > 0 ? n << BigInt(shift) : n
  const den = shift < 0 ? d << BigInt(-shift) : d
  const q = num / den
  return roundToDouble(q, -shift, num - q * den !== 0n)
}

const pow5cache = new Map<number, bigint>()
function pow5(k: number): bigint {
  let p = pow5cache.get(k)
  if (p === undefined) {
    p = 5n ** BigInt(k)
    if (pow5cache.size < 256) pow5cache.set(k, p)
  }
  return p
}

/** The exact decimal expansion of a finite positive double (no trailing zeros). */
export function exactDigits(x: number): { digits: string; decpt: number } {
  const { mant, exp } = frexpInt(x)
  let s: string
  let decpt: number
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString()
    decpt = s.length
  } else {
    s = (mant * pow5(-exp)).toString()
    decpt = s.length + exp
  }
  return { digits: stripZeros(s), decpt }
}

function stripZeros(s: string): string {
  let end = s.length
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--
  return s.slice(0, end)
}

/** The shortest digits that read back as x (finite, positive). */
function shortestDigits(x: number): { digits: string; decpt: number } {
  const e = x.toExponential()
  const m = e.indexOf('e')
  const mant = e.slice(0, m).replace('.', '')
  return { digits: stripZeros(mant), decpt: Number(e.slice(m + 1)) + 1 }
}

/** Keeps `keep` digits of an exact expansion, rounding the rest half to even. */
function roundAt(digits: string, decpt: number, keep: number, ndigitsAfterPoint: number | null): { digits: string; decpt: number } {
  if (keep >= digits.length) return { digits, decpt }
  if (keep < 0) return { digits: '', decpt: ndigitsAfterPoint !== null ? -ndigitsAfterPoint : decpt }
  const next = digits.charCodeAt(keep) - 48
  const more = digits.length > keep + 1
  let kept = digits.slice(0, keep)
  const lastOdd = keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1
  const up = next > 5 || (next === 5 && (more || lastOdd))
  if (!up) {
    kept = stripZeros(kept)
    if (kept === '') return { digits: '', decpt: ndigitsAfterPoint !== null ? -ndigitsAfterPoint : decpt }
    return { digits: kept, decpt }
  }
  // Increment the kept digits as a decimal number.
  const arr = kept.split('')
  let i = arr.length - 1
  while (i >= 0 && arr[i] === '9') {
    arr[i] = '0'
    i--
  }
  if (i < 0) return { digits: '1', decpt: decpt + 1 }
  arr[i] = String.fromCharCode(arr[i]!.charCodeAt(0) + 1)
  return { digits: stripZeros(arr.join('')), decpt }
}

/**
 * `_Py_dg_dtoa(x, mode, ndigits)` for a finite x: mode 0 gives the shortest round-trip digits, mode 2 `ndigits`
 * significant digits (at least one), mode 3 `ndigits` digits after the decimal point (may be negative). Zero gives
 * '0' with decpt 1; a value that rounds to zero in mode 3 gives '' with decpt = -ndigits.
 */
export function _Py_dg_dtoa(x: number, mode: 0 | 2 | 3, ndigits: number): DtoaResult {
  const sign = signBit(x)
  const a = Math.abs(x)
  if (a === 0) return { digits: '0', decpt: 1, sign }
  if (mode === 0) return { ...shortestDigits(a), sign }
  const ex = exactDigits(a)
  if (mode === 2) return { ...roundAt(ex.digits, ex.decpt, Math.max(ndigits, 1), null), sign }
  return { ...roundAt(ex.digits, ex.decpt, ex.decpt + ndigits, ndigits), sign }
}

/** The integer square root of n ≥ 0 (floor). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2))
  for (;;) {
    const y = (x + n / x) >> 1n
    if (y >= x) return x
    x = y
  }
}

/** `hypot(x, y)` correctly rounded (the square root of the exact sum of squares), as glibc computes it. */
export function hypot(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Math.abs(x) === Infinity || Math.abs(y) === Infinity) return Infinity
    return NaN
  }
  const ax = Math.abs(x)
  const ay = Math.abs(y)
  if (ax === 0) return ay
  if (ay === 0) return ax
  const a = frexpInt(ax)
  const b = frexpInt(ay)
  const e = Math.min(a.exp, b.exp)
  const n = (a.mant * a.mant << BigInt(2 * (a.exp - e))) + (b.mant * b.mant << BigInt(2 * (b.exp - e)))
  // Scale by 4**k so the root has at least 56 bits, then round once with the remainder as the sticky bit.
  const k = Math.max(0, Math.ceil((112 - bitLength(n)) / 2))
  const scaled = n << BigInt(2 * k)
  const s = isqrt(scaled)
  return roundToDouble(s, e - k, s * s !== scaled)
}

/**
 * `_Py_HashBytes`: the hash of a byte string (str data in its storage kind, bytes, memoryview), with the hash secret
 * of `PYTHONHASHSEED=0` (all zero). The algorithm is profile data: SipHash-2-4 (≤3.10), SipHash-1-3 (3.11+), FNV
 * (32-bit builds such as wasm32 Pyodide), and 2.7's per-unit FNV variant.
 * @cpython Python/pyhash.c
 */
import type { Runtime } from '../runtime/runtime.js'
import { U64, u64Mul, u64ToHash, type Py_hash_t } from './tupleobject.js'

export type HashAlgorithm = 'siphash24' | 'siphash13' | 'fnv' | 'fnv-units'

/** The algorithm a runtime uses for str/bytes hashes. */
export function hashAlgorithm(rt: Runtime): HashAlgorithm {
  const h = rt.profile.objects.text.hash
  return rt.profile.pointerSize === 4 ? h.narrow : h.wide
}

// SipHash state as eight uint32 halves (v0..v3, each hi/lo).
let v0h = 0
let v0l = 0
let v1h = 0
let v1l = 0
let v2h = 0
let v2l = 0
let v3h = 0
let v3l = 0

function add64(ah: number, al: number, bh: number, bl: number): void {
  const lo = al + bl
  U64.lo = lo >>> 0
  U64.hi = (ah + bh + (lo > 0xffffffff ? 1 : 0)) >>> 0
}

function sipround(): void {
  // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
  add64(v0h, v0l, v1h, v1l)
  v0h = U64.hi
  v0l = U64.lo
  let h = ((v1h << 13) | (v1l >>> 19)) >>> 0
  let l = ((v1l << 13) | (v1h >>> 19)) >>> 0
  v1h = (h ^ v0h) >>> 0
  v1l = (l ^ v0l) >>> 0
  let t = v0h
  v0h = v0l
  v0l = t
  // v2 += v3; v3 = rotl(v3, 16) ^ v2
  add64(v2h, v2l, v3h, v3l)
  v2h = U64.hi
  v2l = U64.lo
  h = ((v3h << 16) | (v3l >>> 16)) >>> 0
  l = ((v3l << 16) | (v3h >>> 16)) >>> 0
  v3h = (h ^ v2h) >>> 0
  v3l = (l ^ v2l) >>> 0
  // v0 += v3; v3 = rotl(v3, 21) ^ v0
  add64(v0h, v0l, v3h, v3l)
  v0h = U64.hi
  v0l = U64.lo
  h = ((v3h << 21) | (v3l >>> 11)) >>> 0
  l = ((v3l << 21) | (v3h >>> 11)) >>> 0
  v3h = (h ^ v0h) >>> 0
  v3l = (l ^ v0l) >>> 0
  // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
  add64(v2h, v2l, v1h, v1l)
  v2h = U64.hi
  v2l = U64.lo
  h = ((v1h << 17) | (v1l >>> 15)) >>> 0
  l = ((v1l << 17) | (v1h >>> 15)) >>> 0
  v1h = (h ^ v2h) >>> 0
  v1l = (l ^ v2l) >>> 0
  t = v2h
  v2h = v2l
  v2l = t
}

/** SipHash-c-d of `src` with the zero key: the 64-bit result in U64. */
function siphash(src: Uint8Array, cRounds: number, dRounds: number): void {
  // The initialisation constants "somepseudorandomlygeneratedbytes" xor a zero key.
  v0h = 0x736f6d65
  v0l = 0x70736575
  v1h = 0x646f7261
  v1l = 0x6e646f6d
  v2h = 0x6c796765
  v2l = 0x6e657261
  v3h = 0x74656462
  v3l = 0x79746573
  const n = src.length
  const blocks = n - (n % 8)
  for (let i = 0; i < blocks; i += 8) {
    const ml = (src[i]! | (src[i + 1]! << 8) | (src[i + 2]! << 16) | (src[i + 3]! << 24)) >>> 0
    const mh = (src[i + 4]! | (src[i + 5]! << 8) | (src[i + 6]! << 16) | (src[i + 7]! << 24)) >>> 0
    v3h = (v3h ^ mh) >>> 0
    v3l = (v3l ^ ml) >>> 0
    for (let r = 0; r < cRounds; r++) sipround()
    v0h = (v0h ^ mh) >>> 0
    v0l = (v0l ^ ml) >>> 0
  }
  // The last word: the remaining bytes, with the length in the top byte.
  let th = ((n & 0xff) << 24) >>> 0
  let tl = 0
  for (let j = n - blocks - 1; j >= 0; j--) {
    const b = src[blocks + j]!
    if (j >= 4) th = (th | (b << ((j - 4) * 8))) >>> 0
    else tl = (tl | (b << (j * 8))) >>> 0
  }
  v3h = (v3h ^ th) >>> 0
  v3l = (v3l ^ tl) >>> 0
  for (let r = 0; r < cRounds; r++) sipround()
  v0h = (v0h ^ th) >>> 0
  v0l = (v0l ^ tl) >>> 0
  v2l = (v2l ^ 0xff) >>> 0
  for (let r = 0; r < dRounds; r++) sipround()
  U64.hi = (v0h ^ v1h ^ v2h ^ v3h) >>> 0
  U64.lo = (v0l ^ v1l ^ v2l ^ v3l) >>> 0
}

const MULT_HI = 0
const MULT_LO = 1000003

/** FNV as 32-bit builds compute it: 4-byte little-endian blocks, then the remaining bytes. */
function fnv32(src: Uint8Array): number {
  const n = src.length
  let rem = n % 4
  if (rem === 0) rem = 4
  const blocks = (n - rem) / 4
  let x = (src[0]! << 7) >>> 0
  let p = 0
  for (let b = 0; b < blocks; b++, p += 4) {
    const w = (src[p]! | (src[p + 1]! << 8) | (src[p + 2]! << 16) | (src[p + 3]! << 24)) >>> 0
    x = (Math.imul(x, MULT_LO) ^ w) >>> 0
  }
  for (; rem > 0; rem--) x = (Math.imul(x, MULT_LO) ^ src[p++]!) >>> 0
  x = (x ^ n) >>> 0
  return x | 0
}

/** 2.7's string hash: FNV over the units (bytes or code points), 64-bit. */
function fnvUnits64(units: ArrayLike<number>): Py_hash_t {
  const n = units.length
  let hi = 0
  let lo = (units[0]! << 7) >>> 0
  for (let i = 0; i < n; i++) {
    u64Mul(hi, lo, MULT_HI, MULT_LO)
    hi = U64.hi
    lo = (U64.lo ^ units[i]!) >>> 0
  }
  lo = (lo ^ n) >>> 0
  return u64ToHash(hi, lo)
}

/**
 * `_Py_HashBytes` over `src` (the object's storage bytes). `units` are the code points for 2.7's per-unit hash of
 * text (bytes hash their bytes). Empty input hashes to 0; -1 becomes -2.
 * @cpython Python/pyhash.c#_Py_HashBytes
 */
export function _Py_HashBytes(rt: Runtime, src: Uint8Array, units?: ArrayLike<number>): Py_hash_t {
  if (src.length === 0) return 0
  const alg = hashAlgorithm(rt)
  let h: Py_hash_t
  if (alg === 'fnv') h = fnv32(src)
  else if (alg === 'fnv-units') h = fnvUnits64(units ?? src)
  else {
    siphash(src, alg === 'siphash24' ? 2 : 1, alg === 'siphash24' ? 4 : 3)
    h = rt.profile.pointerSize === 4 ? U64.lo | 0 : u64ToHash(U64.hi, U64.lo)
  }
  return h === -1 ? -2 : h
}

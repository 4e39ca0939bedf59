/**
 * The character database questions text methods ask (`Objects/unicodectype.c`): classes (printable, alpha,
 * decimal, digit, numeric, space, cased …) and the full case mappings (lower, upper, title, fold). The classes come
 * from the JS engine's Unicode tables; characters assigned after the profile's Unicode version are treated as
 * unassigned (the table below), so `repr()` escapes them as that CPython does.
 * @cpython Objects/unicodectype.c
 */
import type { Runtime } from '../runtime/runtime.js'

/** The Unicode versions of the profiles, oldest first; index = the age class in AGES. */
const VERSIONS = ['12.1.0', '14.0.0', '15.0.0', '15.1.0', '16.0.0']

/**
 * Code points assigned after Unicode 12.1 (start, end, age class): 1 = 14.0, 2 = 15.0, 3 = 15.1, 4 = 16.0, 5 = newer
 * than every profile. Derived from the interpreters' `unicodedata.category(c) != 'Cn'`.
 */
// prettier-ignore
const AGES = [
  0x61d,0x61d,1, 0x870,0x88e,1, 0x88f,0x88f,5, 0x890,0x891,1, 0x897,0x897,4, 0x898,0x89f,1,
  0x8b5,0x8b5,1, 0x8be,0x8d2,1, 0xb55,0xb55,1, 0xc3c,0xc3c,1, 0xc5c,0xc5c,5, 0xc5d,0xc5d,1,
  0xcdc,0xcdc,5, 0xcdd,0xcdd,1, 0xcf3,0xcf3,2, 0xd04,0xd04,1, 0xd81,0xd81,1, 0xece,0xece,2,
  0x170d,0x170d,1, 0x1715,0x1715,1, 0x171f,0x171f,1, 0x180f,0x180f,1, 0x1abf,0x1ace,1, 0x1acf,0x1add,5,
  0x1ae0,0x1aeb,5, 0x1b4c,0x1b4c,1, 0x1b4e,0x1b4f,4, 0x1b7d,0x1b7e,1, 0x1b7f,0x1b7f,4, 0x1c89,0x1c8a,4,
  0x1dfa,0x1dfa,1, 0x20c0,0x20c0,1, 0x20c1,0x20c1,5, 0x2427,0x2429,4, 0x2b96,0x2b96,5, 0x2b97,0x2b97,1,
  0x2c2f,0x2c2f,1, 0x2c5f,0x2c5f,1, 0x2e50,0x2e5d,1, 0x2ffc,0x2fff,3, 0x31bb,0x31bf,1, 0x31e4,0x31e5,4,
  0x31ef,0x31ef,3, 0x4db6,0x4dbf,1, 0x9ff0,0x9fff,1, 0xa7c0,0xa7c1,1, 0xa7c7,0xa7ca,1, 0xa7cb,0xa7cd,4,
  0xa7ce,0xa7cf,5, 0xa7d0,0xa7d1,1, 0xa7d2,0xa7d2,5, 0xa7d3,0xa7d3,1, 0xa7d4,0xa7d4,5, 0xa7d5,0xa7d9,1,
  0xa7da,0xa7dc,4, 0xa7f1,0xa7f1,5, 0xa7f2,0xa7f6,1, 0xa82c,0xa82c,1, 0xab68,0xab6b,1, 0xfbc2,0xfbc2,1,
  0xfbc3,0xfbd2,5, 0xfd40,0xfd4f,1, 0xfd90,0xfd91,5, 0xfdc8,0xfdce,5, 0xfdcf,0xfdcf,1, 0xfdfe,0xfdff,1,
  0x1019c,0x1019c,1, 0x10570,0x1057a,1, 0x1057c,0x1058a,1, 0x1058c,0x10592,1, 0x10594,0x10595,1, 0x10597,0x105a1,1,
  0x105a3,0x105b1,1, 0x105b3,0x105b9,1, 0x105bb,0x105bc,1, 0x105c0,0x105f3,4, 0x10780,0x10785,1, 0x10787,0x107b0,1,
  0x107b2,0x107ba,1, 0x10940,0x10959,5, 0x10d40,0x10d65,4, 0x10d69,0x10d85,4, 0x10d8e,0x10d8f,4, 0x10e80,0x10ea9,1,
  0x10eab,0x10ead,1, 0x10eb0,0x10eb1,1, 0x10ec2,0x10ec4,4, 0x10ec5,0x10ec7,5, 0x10ed0,0x10ed8,5, 0x10efa,0x10efb,5,
  0x10efc,0x10efc,4, 0x10efd,0x10eff,2, 0x10f70,0x10f89,1, 0x10fb0,0x10fcb,1, 0x11070,0x11075,1, 0x110c2,0x110c2,1,
  0x11147,0x11147,1, 0x111ce,0x111cf,1, 0x1123f,0x11241,2, 0x11380,0x11389,4, 0x1138b,0x1138b,4, 0x1138e,0x1138e,4,
  0x11390,0x113b5,4, 0x113b7,0x113c0,4, 0x113c2,0x113c2,4, 0x113c5,0x113c5,4, 0x113c7,0x113ca,4, 0x113cc,0x113d5,4,
  0x113d7,0x113d8,4, 0x113e1,0x113e2,4, 0x1145a,0x1145a,1, 0x11460,0x11461,1, 0x116b9,0x116b9,1, 0x116d0,0x116e3,4,
  0x11740,0x11746,1, 0x11900,0x11906,1, 0x11909,0x11909,1, 0x1190c,0x11913,1, 0x11915,0x11916,1, 0x11918,0x11935,1,
  0x11937,0x11938,1, 0x1193b,0x11946,1, 0x11950,0x11959,1, 0x11ab0,0x11abf,1, 0x11b00,0x11b09,2, 0x11b60,0x11b67,5,
  0x11bc0,0x11be1,4, 0x11bf0,0x11bf9,4, 0x11db0,0x11ddb,5, 0x11de0,0x11de9,5, 0x11f00,0x11f10,2, 0x11f12,0x11f3a,2,
  0x11f3e,0x11f59,2, 0x11f5a,0x11f5a,4, 0x11fb0,0x11fb0,1, 0x12f90,0x12ff2,1, 0x1342f,0x1342f,2, 0x13439,0x13455,2,
  0x13460,0x143fa,4, 0x16100,0x16139,4, 0x16a70,0x16abe,1, 0x16ac0,0x16ac9,1, 0x16d40,0x16d79,4, 0x16ea0,0x16eb8,5,
  0x16ebb,0x16ed3,5, 0x16fe4,0x16fe4,1, 0x16ff0,0x16ff1,1, 0x16ff2,0x16ff6,5, 0x187f8,0x187ff,5, 0x18af3,0x18cd5,1,
  0x18cff,0x18cff,4, 0x18d00,0x18d08,1, 0x18d09,0x18d1e,5, 0x18d80,0x18df2,5, 0x1aff0,0x1aff3,1, 0x1aff5,0x1affb,1,
  0x1affd,0x1affe,1, 0x1b11f,0x1b122,1, 0x1b132,0x1b132,2, 0x1b155,0x1b155,2, 0x1cc00,0x1ccf9,4, 0x1ccfa,0x1ccfc,5,
  0x1cd00,0x1ceb3,4, 0x1ceba,0x1ced0,5, 0x1cee0,0x1cef0,5, 0x1cf00,0x1cf2d,1, 0x1cf30,0x1cf46,1, 0x1cf50,0x1cfc3,1,
  0x1d1e9,0x1d1ea,1, 0x1d2c0,0x1d2d3,2, 0x1df00,0x1df1e,1, 0x1df25,0x1df2a,2, 0x1e030,0x1e06d,2, 0x1e08f,0x1e08f,2,
  0x1e290,0x1e2ae,1, 0x1e4d0,0x1e4f9,2, 0x1e5d0,0x1e5fa,4, 0x1e5ff,0x1e5ff,4, 0x1e6c0,0x1e6de,5, 0x1e6e0,0x1e6f5,5,
  0x1e6fe,0x1e6ff,5, 0x1e7e0,0x1e7e6,1, 0x1e7e8,0x1e7eb,1, 0x1e7ed,0x1e7ee,1, 0x1e7f0,0x1e7fe,1, 0x1f10d,0x1f10f,1,
  0x1f16d,0x1f16f,1, 0x1f1ad,0x1f1ad,1, 0x1f6d6,0x1f6d7,1, 0x1f6d8,0x1f6d8,5, 0x1f6dc,0x1f6dc,2, 0x1f6dd,0x1f6df,1,
  0x1f6fb,0x1f6fc,1, 0x1f774,0x1f776,2, 0x1f777,0x1f77a,5, 0x1f77b,0x1f77f,2, 0x1f7d9,0x1f7d9,2, 0x1f7f0,0x1f7f0,1,
  0x1f8b0,0x1f8b1,1, 0x1f8b2,0x1f8bb,4, 0x1f8c0,0x1f8c1,4, 0x1f8d0,0x1f8d8,5, 0x1f90c,0x1f90c,1, 0x1f972,0x1f972,1,
  0x1f977,0x1f979,1, 0x1f9a3,0x1f9a4,1, 0x1f9ab,0x1f9ad,1, 0x1f9cb,0x1f9cc,1, 0x1fa54,0x1fa57,5, 0x1fa74,0x1fa74,1,
  0x1fa75,0x1fa77,2, 0x1fa7b,0x1fa7c,1, 0x1fa83,0x1fa86,1, 0x1fa87,0x1fa88,2, 0x1fa89,0x1fa89,4, 0x1fa8a,0x1fa8a,5,
  0x1fa8e,0x1fa8e,5, 0x1fa8f,0x1fa8f,4, 0x1fa96,0x1faac,1, 0x1faad,0x1faaf,2, 0x1fab0,0x1faba,1, 0x1fabb,0x1fabd,2,
  0x1fabe,0x1fabe,4, 0x1fabf,0x1fabf,2, 0x1fac0,0x1fac5,1, 0x1fac6,0x1fac6,4, 0x1fac8,0x1fac8,5, 0x1facd,0x1facd,5,
  0x1face,0x1facf,2, 0x1fad0,0x1fad9,1, 0x1fada,0x1fadb,2, 0x1fadc,0x1fadc,4, 0x1fadf,0x1fadf,4, 0x1fae0,0x1fae7,1,
  0x1fae8,0x1fae8,2, 0x1fae9,0x1fae9,4, 0x1faea,0x1faea,5, 0x1faef,0x1faef,5, 0x1faf0,0x1faf6,1, 0x1faf7,0x1faf8,2,
  0x1fb00,0x1fb92,1, 0x1fb94,0x1fbca,1, 0x1fbcb,0x1fbef,4, 0x1fbf0,0x1fbf9,1, 0x1fbfa,0x1fbfa,5, 0x2a6d7,0x2a6df,1,
  0x2b735,0x2b738,1, 0x2b739,0x2b739,2, 0x2b73a,0x2b73f,5, 0x2cea2,0x2cead,5, 0x2ebf0,0x2ee5d,3, 0x30000,0x3134a,1,
  0x31350,0x323af,2, 0x323b0,0x33479,5,]

/** The age class of `c` (0 = assigned in every profile's database). */
function ageOf(c: number): number {
  if (c < 0x61d) return 0
  let lo = 0
  let hi = AGES.length / 3 - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (c < AGES[mid * 3]!) hi = mid - 1
    else if (c > AGES[mid * 3 + 1]!) lo = mid + 1
    else return AGES[mid * 3 + 2]!
  }
  return 0
}

const maxAgeCache = new WeakMap<Runtime, number>()

/** Whether the profile's character database knows `c` (newer characters are Cn). */
export function isAssigned(rt: Runtime, c: number): boolean {
  let max = maxAgeCache.get(rt)
  if (max === undefined) {
    max = VERSIONS.indexOf(rt.profile.objects.text.unicodeVersion)
    if (max < 0) max = VERSIONS.length - 1
    maxAgeCache.set(rt, max)
  }
  return ageOf(c) <= max
}

const RE_NONPRINTABLE = /[\p{C}\p{Z}]/u
const RE_ALPHA = /\p{L}/u
const RE_DECIMAL = /\p{Nd}/u
const RE_NUMERIC = /\p{N}/u
const RE_UPPER = /\p{Uppercase}/u
const RE_LOWER = /\p{Lowercase}/u
const RE_TITLE = /\p{Lt}/u
const RE_CASED = /\p{Cased}/u
const RE_CASE_IGNORABLE = /\p{Case_Ignorable}/u
const RE_XID_START = /\p{XID_Start}/u
const RE_XID_CONTINUE = /\p{XID_Continue}/u

/** Numeric_Type=Digit characters that are not decimal digits (superscripts, circled digits …). */
// prettier-ignore
const DIGIT_RANGES = [
  0xb2, 0xb3, 0xb9, 0xb9, 0x1369, 0x1371, 0x19da, 0x19da, 0x2070, 0x2070, 0x2074, 0x2079, 0x2080, 0x2089,
  0x2460, 0x2468, 0x2474, 0x247c, 0x2488, 0x2490, 0x24ea, 0x24ea, 0x24f5, 0x24fd, 0x24ff, 0x24ff, 0x2776, 0x277e,
  0x2780, 0x2788, 0x278a, 0x2792, 0x10a40, 0x10a43, 0x10e60, 0x10e68, 0x11052, 0x1105a, 0x1f100, 0x1f10a,
]

/** Ideographs with a numeric value (Numeric_Type=Numeric without a number category). */
const CJK_NUMERIC = new Set([...'〇一二三四五六七八九十百千万億兆京零壹贰叁肆伍陆柒捌玖拾佰仟貳參陸廿卅卌'].map((ch) => ch.codePointAt(0)!))

function inRanges(table: readonly number[], c: number): boolean {
  for (let i = 0; i < table.length; i += 2) if (c >= table[i]! && c <= table[i + 1]!) return true
  return false
}

function test(re: RegExp, c: number): boolean {
  return re.test(String.fromCodePoint(c))
}

/** `Py_UNICODE_ISPRINTABLE`: not a control, format, surrogate, private-use, unassigned or separator (space is). */
export function isPrintable(rt: Runtime, c: number): boolean {
  if (c < 0x7f) return c >= 0x20
  if (c < 0xa0) return false
  if (!isAssigned(rt, c)) return false
  return !test(RE_NONPRINTABLE, c)
}

/** `Py_UNICODE_ISSPACE`: whitespace (bidirectional WS/B/S or category Zs). */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
}

/** `Py_UNICODE_ISLINEBREAK`: what `splitlines()` splits on. */
export function isLinebreak(c: number): boolean {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029
}

export function isAlpha(rt: Runtime, c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return isAssigned(rt, c) && test(RE_ALPHA, c)
}

export function isDecimal(rt: Runtime, c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57
  return isAssigned(rt, c) && test(RE_DECIMAL, c)
}

export function isDigit(rt: Runtime, c: number): boolean {
  return isDecimal(rt, c) || (c >= 128 && inRanges(DIGIT_RANGES, c))
}

export function isNumeric(rt: Runtime, c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57
  return (isAssigned(rt, c) && test(RE_NUMERIC, c)) || CJK_NUMERIC.has(c)
}

export function isAlnum(rt: Runtime, c: number): boolean {
  return isAlpha(rt, c) || isDecimal(rt, c) || isDigit(rt, c) || isNumeric(rt, c)
}

export function isUpper(rt: Runtime, c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90
  return isAssigned(rt, c) && test(RE_UPPER, c)
}

export function isLower(rt: Runtime, c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122
  return isAssigned(rt, c) && test(RE_LOWER, c)
}

export function isTitle(rt: Runtime, c: number): boolean {
  return c >= 128 && isAssigned(rt, c) && test(RE_TITLE, c)
}

export function isCased(rt: Runtime, c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return isAssigned(rt, c) && test(RE_CASED, c)
}

export function isCaseIgnorable(rt: Runtime, c: number): boolean {
  return isAssigned(rt, c) && test(RE_CASE_IGNORABLE, c)
}

export function isXidStart(rt: Runtime, c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return isAssigned(rt, c) && test(RE_XID_START, c)
}

export function isXidContinue(rt: Runtime, c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95
  return isAssigned(rt, c) && test(RE_XID_CONTINUE, c)
}

/** The decimal value of a decimal digit, or -1. */
export function decimalValue(rt: Runtime, c: number): number {
  if (c < 128) return c >= 48 && c <= 57 ? c - 48 : -1
  if (!isDecimal(rt, c)) return -1
  // Decimal digits come in runs of ten starting at a code point whose value is 0.
  let z = c
  while (z > c - 9 && isDecimal(rt, z - 1)) z--
  return (c - z) % 10
}

/* Case mappings (full: one character may map to several). */

/** `lower_full` of one character (no context). */
export function lowerFull(rt: Runtime, c: number): string {
  const ch = String.fromCodePoint(c)
  if (c < 128) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch
  if (!isAssigned(rt, c)) return ch
  // Σ alone lowers to σ; the final-sigma rule is applied by callers that know the context.
  if (c === 0x3a3) return 'σ'
  return ch.toLowerCase()
}

export function upperFull(rt: Runtime, c: number): string {
  const ch = String.fromCodePoint(c)
  if (c < 128) return c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : ch
  if (!isAssigned(rt, c)) return ch
  return ch.toUpperCase()
}

/** Titlecase of the digraphs and Greek letters with a titlecase form of their own. */
function titleSpecial(c: number): number {
  if (c >= 0x1c4 && c <= 0x1cc) return c - ((c - 0x1c4) % 3) + 1
  if (c >= 0x1f1 && c <= 0x1f3) return 0x1f2
  if ((c >= 0x1f80 && c <= 0x1faf) && (c & 0xf) < 8) return c + 8
  if ((c >= 0x1f80 && c <= 0x1faf) || c === 0x1fbc || c === 0x1fcc || c === 0x1ffc) return c
  if (c === 0x1fb3 || c === 0x1fc3 || c === 0x1ff3) return c + 9
  return -1
}

export function titleFull(rt: Runtime, c: number): string {
  if (c < 128) return upperFull(rt, c)
  if (!isAssigned(rt, c)) return String.fromCodePoint(c)
  const t = titleSpecial(c)
  if (t >= 0) return String.fromCodePoint(t)
  if (c === 0x149) return '\u02bcN'
  const u = String.fromCodePoint(c).toUpperCase()
  const first = u.codePointAt(0)!
  const firstLen = first > 0xffff ? 2 : 1
  if (u.length === firstLen) return u
  return u.slice(0, firstLen) + u.slice(firstLen).toLowerCase()
}

/** `_PyUnicode_ToFoldedFull`: the case folding of one character. */
export function foldFull(rt: Runtime, c: number): string {
  if (c < 128) return lowerFull(rt, c)
  if (!isAssigned(rt, c)) return String.fromCodePoint(c)
  // Cherokee folds to its uppercase letters.
  if ((c >= 0x13a0 && c <= 0x13fd) || (c >= 0xab70 && c <= 0xabbf)) return String.fromCodePoint(c).toUpperCase()
  return String.fromCodePoint(c).toLowerCase().toUpperCase().toLowerCase()
}

/**
 * The lowercase of Σ at `i` in `cps`: final sigma ς when a cased letter precedes it (skipping case-ignorable
 * characters) and none follows.
 * @cpython Objects/unicodeobject.c#handle_capital_sigma
 */
export function capitalSigma(rt: Runtime, cps: readonly number[], i: number): string {
  let j = i - 1
  while (j >= 0 && isCaseIgnorable(rt, cps[j]!)) j--
  const before = j >= 0 && isCased(rt, cps[j]!)
  if (!before) return 'σ'
  j = i + 1
  while (j < cps.length && isCaseIgnorable(rt, cps[j]!)) j++
  const after = j < cps.length && isCased(rt, cps[j]!)
  return after ? 'σ' : 'ς'
}

/** The lowercase of `cps[i]` in context. @cpython Objects/unicodeobject.c#lower_ucs4 */
export function lowerAt(rt: Runtime, cps: readonly number[], i: number): string {
  const c = cps[i]!
  return c === 0x3a3 ? capitalSigma(rt, cps, i) : lowerFull(rt, c)
}

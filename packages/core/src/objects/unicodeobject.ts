/**
 * `str`: immutable text. The value is a JS string; the simulated size follows CPython's compact representations
 * (ASCII, latin-1, UCS-2, UCS-4). Interning and the static one-character strings follow the profile.
 * @cpython Objects/unicodeobject.c
 */
import { PyObject_Free, PyObject_Init, PyObject_InitStatic } from '../object/alloc.js'
import { OB_IMMORTAL, PyObject } from '../object/object.js'
import { Py_INCREF, _Py_IsImmortal } from '../object/refcount.js'
import type { PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { takeStartupRefs } from '../runtime/startup-refs.js'
import { makeImmortal, makeStatic } from './immortal.js'
import type { Py_hash_t } from './tupleobject.js'
import { _Py_HashBytes } from './pyhash.js'

export const SSTATE_NOT_INTERNED = 0
export const SSTATE_INTERNED_MORTAL = 1
export const SSTATE_INTERNED_IMMORTAL = 2
export const SSTATE_INTERNED_IMMORTAL_STATIC = 3

export class PyUnicodeObject extends PyObject {
  /** The text. */
  readonly value: string
  /** Cached hash (exact `Py_hash_t`), -1 until computed. */
  hash: Py_hash_t
  /** NON-CPYTHON: `hash` as a JS number (what `tp_hash` returns), valid once `hash` is computed. */
  hashNumber: number
  /** `state.interned`. */
  interned: number
  /** 1 (ASCII or latin-1), 2 (UCS-2) or 4 (UCS-4) bytes per character. */
  readonly kind: 1 | 2 | 4
  readonly ascii: boolean
  /** Number of code points (`len()`), which differs from `value.length` for astral characters. */
  readonly length: number
  /** Whether a UTF-8 copy was made (counted by getsizeof for non-ASCII strings). */
  hasUtf8: boolean
  /** The code points, computed on first use when the text has astral characters. */
  _cps: number[] | null = null
  constructor(type: PyTypeObject, value: string, kind: 1 | 2 | 4, ascii: boolean, length: number) {
    super(type)
    this.value = value
    this.hash = -1
    this.hashNumber = -1
    this.interned = SSTATE_NOT_INTERNED
    this.kind = kind
    this.ascii = ascii
    this.length = length
    this.hasUtf8 = false
  }
}

/** Analyses a JS string: the storage kind CPython would pick and the number of code points. */
export function strKind(s: string): { kind: 1 | 2 | 4; ascii: boolean; length: number } {
  let max = 0
  let astral = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral++
        i++
        max = 0x10000
        continue
      }
    }
    if (c > max) max = c
  }
  const kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4
  return { kind, ascii: max < 0x80, length: s.length - astral }
}

/** The object's own size as `str.__sizeof__` reports it. */
export function unicode_sizeof(rt: Runtime, op: PyUnicodeObject): number {
  const t = rt.sizeof
  if (op.ascii) return t.strAsciiBase + op.length + 1
  const base = op.kind === 1 ? t.strLatin1Base : op.kind === 2 ? t.strUcs2Base : t.strUcs4Base
  let size = base + (op.length + 1) * op.kind
  if (op.hasUtf8) size += utf8Length(op.value) + 1
  return size
}

function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** `unicode_dealloc`. */
export function unicode_dealloc(op: PyObject): void {
  const s = op as PyUnicodeObject
  const rt = op.ob_type.tp_runtime
  if (s.interned !== SSTATE_NOT_INTERNED && rt.interned.get(s.value) === s) rt.interned.delete(s.value)
  PyObject_Free(op)
}

/**
 * Creates a new str object (a new reference). Returns the shared empty string and the cached one-character
 * latin-1 strings where CPython does.
 * @cpython Objects/unicodeobject.c#PyUnicode_FromString
 */
export function PyUnicode_FromString(rt: Runtime, value: string): PyUnicodeObject {
  if (value.length <= 1) {
    if (value.length === 0) {
      Py_INCREF(rt.empty_str)
      return rt.empty_str as PyUnicodeObject
    }
    const c = value.charCodeAt(0)
    if (c < 256) return get_latin1_char(rt, c)
  }
  return newUnicode(rt, value)
}

/** A new (never cached) str object of type `type` (str or a subtype's instance allocated by the caller). */
export function newUnicode(rt: Runtime, value: string): PyUnicodeObject {
  const k = strKind(value)
  const op = new PyUnicodeObject(rt.types.str, value, k.kind, k.ascii, k.length)
  return PyObject_Init(rt, op, unicode_sizeof(rt, op))
}

/** A one-character latin-1 string: statically allocated (3.11+) or created once and cached. */
export function get_latin1_char(rt: Runtime, c: number): PyUnicodeObject {
  let op = rt.latin1[c] as PyUnicodeObject | undefined
  if (op === undefined) {
    // Only reached on profiles without static latin-1 characters: the cache holds one reference.
    op = newUnicode(rt, String.fromCharCode(c))
    rt.latin1[c] = op
    if (rt.pendingPhantomRefs.size !== 0) takeStartupRefs(rt, `chr:${c}`, op)
  }
  Py_INCREF(op)
  return op
}

/** Creates the static strings ('' and, per profile, the latin-1 characters). Called once by the runtime. */
export function _PyUnicode_InitStatic(rt: Runtime): void {
  const stat = rt.profile.objects.staticObjects.latin1Chars
  const mk = (s: string): PyUnicodeObject => {
    const k = strKind(s)
    const op = new PyUnicodeObject(rt.types.str, s, k.kind, k.ascii, k.length)
    // @cpython Include/internal/pycore_runtime_init.h#_PyUnicode_LATIN1_INIT
    if (!k.ascii && rt.profile.objects.text.latin1CharsUtf8) op.hasUtf8 = true
    if (stat) {
      PyObject_InitStatic(rt, op, unicode_sizeof(rt, op))
      makeStatic(rt, op)
    } else PyObject_Init(rt, op, unicode_sizeof(rt, op))
    return op
  }
  rt.empty_str = mk('')
  if (stat) for (let c = 0; c < 256; c++) rt.latin1[c] = mk(String.fromCharCode(c))
  // Deep-frozen modules' one-character constants, interned before any user code (see text.deepfrozenInternedChars).
  for (const ch of rt.profile.objects.text.deepfrozenInternedChars ?? '') {
    const op = mk(ch)
    op.interned = SSTATE_INTERNED_IMMORTAL_STATIC
    rt.interned.set(ch, op)
  }
}

/**
 * Interns `op` (stealing the caller's reference) and returns the canonical object (a new reference).
 * `immortal` marks interning done by the compiler / C API (immortal from 3.12 on); `sys.intern` passes false.
 * @cpython Objects/unicodeobject.c#PyUnicode_InternInPlace
 */
export function PyUnicode_InternInPlace(rt: Runtime, op: PyUnicodeObject, immortal: boolean): PyUnicodeObject {
  if (op.ob_type !== rt.types.str) return op
  const existing = rt.interned.get(op.value) as PyUnicodeObject | undefined
  if (existing !== undefined && existing !== op) {
    Py_INCREF(existing)
    decrefNoDealloc(op)
    return existing
  }
  if (op.interned !== SSTATE_NOT_INTERNED) return op
  if ((op.ob_flags & OB_IMMORTAL) !== 0 || _Py_IsImmortal(op)) {
    op.interned = SSTATE_INTERNED_IMMORTAL_STATIC
    rt.interned.set(op.value, op)
    return op
  }
  const policy = rt.profile.objects.internedStrings
  rt.interned.set(op.value, op)
  if (policy === 'all-immortal' || (policy === 'c-api-immortal' && immortal)) {
    op.interned = SSTATE_INTERNED_IMMORTAL
    makeImmortal(rt, op)
  } else {
    // The interned dict does not own its mortal strings: they leave it when they die.
    op.interned = SSTATE_INTERNED_MORTAL
  }
  return op
}

/** Releases a reference that cannot be the last one (the interned duplicate case). */
function decrefNoDealloc(op: PyObject): void {
  if (op.ob_refcnt === 1) {
    op.ob_refcnt = 0
    op.ob_type.tp_dealloc(op)
  } else if (!_Py_IsImmortal(op)) op.ob_refcnt--
}

/** An interned str for an identifier (a new reference), as the compiler and `PyUnicode_InternFromString` make. */
export function PyUnicode_InternFromString(rt: Runtime, value: string): PyUnicodeObject {
  const existing = rt.interned.get(value) as PyUnicodeObject | undefined
  if (existing !== undefined) {
    Py_INCREF(existing)
    return existing
  }
  return PyUnicode_InternInPlace(rt, PyUnicode_FromString(rt, value), true)
}


/* ------------------------------------------------------------------------------------------------------------ */
/* Code points and storage bytes                                                                                 */
/* ------------------------------------------------------------------------------------------------------------ */

/** Whether every character is one UTF-16 unit (no astral characters): indexes are JS indexes. */
export function isBmp(op: PyUnicodeObject): boolean {
  return op.length === op.value.length
}

/** The code points of `op` (cached). */
export function codePoints(op: PyUnicodeObject): number[] {
  if (op._cps !== null) return op._cps
  const v = op.value
  const out = new Array<number>(op.length)
  let j = 0
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < v.length) {
      const d = v.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[j++] = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
        continue
      }
    }
    out[j++] = c
  }
  op._cps = out
  return out
}

/** The code points of a JS string. */
export function stringCodePoints(s: string): number[] {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00))
        i++
        continue
      }
    }
    out.push(c)
  }
  return out
}

/** A JS string from code points. */
export function fromCodePoints(cps: readonly number[], start = 0, end = cps.length): string {
  let s = ''
  for (let i = start; i < end; i += 4096) s += String.fromCodePoint(...cps.slice(i, Math.min(end, i + 4096)))
  return s
}

/** The bytes of the string's storage kind (UCS1/UCS2/UCS4, little-endian), as `_Py_HashBytes` reads them. */
function storageBytes(op: PyUnicodeObject): Uint8Array {
  const k = op.kind
  const n = op.length
  const out = new Uint8Array(n * k)
  if (isBmp(op)) {
    const v = op.value
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i)
      if (k === 1) out[i] = c
      else if (k === 2) {
        out[2 * i] = c & 0xff
        out[2 * i + 1] = c >>> 8
      } else {
        out[4 * i] = c & 0xff
        out[4 * i + 1] = c >>> 8
      }
    }
    return out
  }
  const cps = codePoints(op)
  for (let i = 0; i < n; i++) {
    const c = cps[i]!
    out[4 * i] = c & 0xff
    out[4 * i + 1] = (c >>> 8) & 0xff
    out[4 * i + 2] = c >>> 16
  }
  return out
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Hash                                                                                                          */
/* ------------------------------------------------------------------------------------------------------------ */

/** The exact hash of a str (cached). @cpython Objects/unicodeobject.c#unicode_hash */
export function unicode_hash_exact(op: PyObject): Py_hash_t {
  const s = op as PyUnicodeObject
  if (s.hash !== -1) return s.hash
  const rt = s.ob_type.tp_runtime
  const h = _Py_HashBytes(rt, storageBytes(s), rt.profile.objects.text.hash.wide === 'fnv-units' ? codePoints(s) : undefined)
  s.hash = h
  s.hashNumber = Number(h)
  return h
}

/** `tp_hash` of str (a JS number; exact unless beyond 2**53 — see `PyObject_HashExact`). */
export function unicode_hash(op: PyObject): number {
  const s = op as PyUnicodeObject
  if (s.hash === -1) unicode_hash_exact(s)
  return s.hashNumber
}

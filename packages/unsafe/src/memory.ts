/**
 * Byte-level access to the simulated address space. An address falls in one of:
 * - a buffer ctypes allocated (plain bytes);
 * - an object's block: the header words are computed from the object's fields in the profile's layout (the
 *   refcount, the type pointer, `ob_size`, the GC head and the managed-dict pre-header) and writes to them change
 *   the object; other bytes of the block are kept as written;
 * - a statically allocated object (None, small ints, builtin types …), the same way;
 * - nothing: reading or writing there is a simulated segmentation fault.
 */
import {
  OB_FREED,
  OB_IMMORTAL,
  OB_STATIC,
  PyType_NewStatic,
  PyType_Ready,
  type GCLink,
  type PyObject,
  type PyTypeObject,
  type Runtime,
} from '@heap/core'
import { hazardsFull, recordHazard, unsafeState } from './state.js'

/** Where an address lands. */
export type Region =
  | { readonly kind: 'buffer'; readonly start: number; readonly bytes: Uint8Array }
  | { readonly kind: 'object'; readonly op: PyObject; readonly start: number; readonly end: number; readonly free: boolean }
  | { readonly kind: 'raw'; readonly start: number; readonly end: number; readonly free: boolean }

function pointerSize(rt: Runtime): number {
  return rt.profile.pointerSize
}

/** Statically allocated objects sorted by address. */
function staticIndex(rt: Runtime): PyObject[] {
  const s = unsafeState(rt)
  if (s.staticCount !== rt.statics.length) {
    s.staticIndex = rt.statics.slice().sort((a, b) => a.ob_addr - b.ob_addr)
    s.staticCount = rt.statics.length
  }
  return s.staticIndex
}

function staticSize(op: PyObject): number {
  const t = op.ob_type
  const n = (op as unknown as { ob_item?: unknown[] }).ob_item?.length ?? 0
  return Math.max(t.tp_basicsize + n * t.tp_itemsize, 16)
}

/** The region holding `addr`, or null (unmapped). */
export function regionAt(rt: Runtime, addr: number): Region | null {
  const s = unsafeState(rt)
  for (const [start, bytes] of s.buffers) {
    if (addr >= start && addr < start + bytes.length) return { kind: 'buffer', start, bytes }
  }
  const b = rt.mem.blockAt(addr)
  if (b !== null) {
    if (b.obj !== undefined) return { kind: 'object', op: b.obj, start: b.block, end: b.block + b.size, free: b.free }
    return { kind: 'raw', start: b.block, end: b.block + b.size, free: b.free }
  }
  if (rt.mem.isStatic(addr)) {
    const idx = staticIndex(rt)
    let lo = 0
    let hi = idx.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const op = idx[mid]!
      if (op.ob_addr > addr) hi = mid - 1
      else if (op.ob_addr + staticSize(op) <= addr) lo = mid + 1
      else return { kind: 'object', op, start: op.ob_addr, end: op.ob_addr + staticSize(op), free: false }
    }
  }
  return null
}

/** The live object whose header is at `addr` (what `id()` returned), or null. */
export function objectAt(rt: Runtime, addr: number): PyObject | null {
  const r = regionAt(rt, addr)
  if (r === null || r.kind !== 'object' || r.op.ob_addr !== addr) return null
  return r.op
}

// --- header words ------------------------------------------------------------------------------------------

/** An address the model can show for a GC list link (list heads live in the interpreter state). */
function linkAddress(rt: Runtime, link: GCLink | null): bigint {
  if (link === null) return 0n
  const op = link as PyObject
  if (typeof op.ob_addr === 'number' && op.ob_type !== undefined) return BigInt(op.ob_addr - rt.profile.gc.gcHeadSize)
  // A generation head: a fixed address in the runtime's static data.
  const heads = [...rt.gc.generations.map((g) => g.head), rt.gc.permanent_generation.head]
  const i = heads.indexOf(link as never)
  return BigInt(0x55d2_c17f_0000 + (i < 0 ? 0x400 : i * 0x30))
}

function unsigned(v: number | bigint, bytes: number): bigint {
  return BigInt.asUintN(bytes * 8, BigInt(v))
}

/** The refcount word as the profile stores it. */
function refcntWord(rt: Runtime, op: PyObject): bigint {
  const P = pointerSize(rt)
  if (rt.profile.unsafe.header === 'refcnt32-overflow-flags') {
    const count = unsigned(op.ob_refcnt, 4)
    let flags = 0n
    if (op.ob_refcnt >= 0x8000_0000 || (op.ob_flags & OB_IMMORTAL) !== 0) flags |= 1n
    if ((op.ob_flags & OB_STATIC) !== 0) flags |= 4n
    return count | (flags << 48n)
  }
  return unsigned(op.ob_refcnt, P)
}

function setRefcntWord(rt: Runtime, op: PyObject, w: bigint): void {
  const P = pointerSize(rt)
  const header = rt.profile.unsafe.header
  const count = header === 'refcnt32-overflow-flags' ? Number(w & 0xffff_ffffn) : Number(BigInt.asIntN(P * 8, w))
  if (count !== op.ob_refcnt) {
    // Written without INCREF/DECREF: `_Py_RefTotal` does not move.
    if ((op.ob_flags & OB_FREED) === 0) rt.refTotalBias += op.ob_refcnt - count
    if (!hazardsFull(rt)) recordHazard(rt, 'refcount-write', `the refcount of a ${op.ob_type.tp_name} at 0x${op.ob_addr.toString(16)} was overwritten: ${op.ob_refcnt} → ${count}`, op.ob_addr)
    op.ob_refcnt = count
  }
}

let corruptTypes = new WeakMap<Runtime, PyTypeObject>()

/** A stand-in for a type pointer that points at no type: every use of the object crashes. */
function corruptType(rt: Runtime): PyTypeObject {
  let t = corruptTypes.get(rt)
  if (t !== undefined) return t
  const crash = (what: string) => (): never => rt.hooks.crash(rt, 'segfault', null, `${what} through a corrupted type pointer`)
  t = PyType_NewStatic(rt, '<corrupted type pointer>', {
    basicsize: 16,
    slots: {
      tp_dealloc: crash('deallocation'),
      tp_repr: crash('repr'),
      tp_str: crash('str'),
      tp_getattro: crash('attribute lookup'),
      tp_setattro: crash('attribute assignment'),
      tp_call: crash('call'),
      tp_hash: crash('hash'),
      tp_richcompare: crash('comparison'),
      tp_iter: crash('iteration'),
    },
  })
  PyType_Ready(rt, t)
  corruptTypes.set(rt, t)
  return t
}

export function _resetCorruptTypes(): void {
  corruptTypes = new WeakMap()
}

function isType(rt: Runtime, op: PyObject): boolean {
  let t: PyTypeObject | null = op.ob_type
  for (; t !== null; t = t.tp_base) if (t === rt.types.type) return true
  return false
}

function setTypeWord(rt: Runtime, op: PyObject, w: bigint): void {
  const addr = Number(w)
  if (addr === op.ob_type.ob_addr) return
  const target = objectAt(rt, addr)
  if (target !== null && isType(rt, target)) {
    recordHazard(rt, 'type-write', `the type pointer of an object at 0x${op.ob_addr.toString(16)} now says ${(target as PyTypeObject).tp_name} (was ${op.ob_type.tp_name})`, op.ob_addr)
    op.ob_type = target as PyTypeObject
    return
  }
  recordHazard(rt, 'type-write', `the type pointer of a ${op.ob_type.tp_name} at 0x${op.ob_addr.toString(16)} was overwritten with 0x${addr.toString(16)}, which is no type`, op.ob_addr)
  op.ob_type = corruptType(rt)
}

/** `ob_size` (or the size-like third word) of variable-size objects, when the model knows it. */
function sizeWord(rt: Runtime, op: PyObject): bigint | null {
  const items = (op as unknown as { ob_item?: unknown[] }).ob_item
  if (Array.isArray(items)) return BigInt(items.length)
  const ival = (op as unknown as { ob_ival?: number | bigint }).ob_ival
  if (ival !== undefined) {
    const v = BigInt(ival)
    const mag = v < 0n ? -v : v
    let digits = 0n
    for (let m = mag; m > 0n; m >>= 30n) digits++
    const sign = v < 0n ? -1n : 1n
    return unsigned(sign * digits, pointerSize(rt))
  }
  const len = (op as unknown as { value?: string }).value
  if (typeof len === 'string') return BigInt([...len].length)
  return null
}

/** The pre-header words (before the GC head) of instances with a managed dict: [lower, upper]. */
function preHeaderWords(rt: Runtime, op: PyObject): [bigint, bigint] {
  const inst = op as unknown as { ob_dict?: PyObject | null; ob_values?: { addr: number } | null }
  const dict = inst.ob_dict ? BigInt(inst.ob_dict.ob_addr) : 0n
  const values = inst.ob_values ? BigInt(inst.ob_values.addr || op.ob_addr + rt.profile.pointerSize * 2) : 0n
  const weak = rt.weakrefs.has(op) ? BigInt((rt.weakrefs.get(op) as PyObject).ob_addr) : 0n
  switch (rt.profile.unsafe.preHeader) {
    case 'values-dict':
      return [values, dict]
    case 'weakref-dictorvalues':
      return [weak, dict !== 0n ? dict : values]
    case 'weakref-dict':
    default:
      return [weak, dict]
  }
}

/**
 * The word at `offset` from the object's address (a multiple of the pointer size), or null when the model keeps no
 * field there (the caller falls back to written bytes).
 */
function objectWord(rt: Runtime, op: PyObject, offset: number, headerBytes: number): bigint | null {
  const P = pointerSize(rt)
  if (offset === 0) return refcntWord(rt, op)
  if (offset === P) return BigInt(op.ob_type.ob_addr)
  if (offset === 2 * P) return sizeWord(rt, op)
  const gcHead = rt.profile.gc.gcHeadSize
  if (offset < 0 && headerBytes > 0) {
    if (offset === -2 * P && -offset <= gcHead) return op._gc_next === null ? 0n : linkAddress(rt, op._gc_next)
    if (offset === -P) {
      const prev = op._gc_next === null ? 0n : linkAddress(rt, op._gc_prev)
      // The low bits of `_gc_prev` carry the collector's flags.
      return prev | BigInt(op.gc_flags & 3)
    }
    if (headerBytes > gcHead && offset < -gcHead) {
      const [lower, upper] = preHeaderWords(rt, op)
      if (offset === -gcHead - P) return upper
      if (offset === -gcHead - 2 * P) return lower
    }
  }
  return null
}

function setObjectWord(rt: Runtime, op: PyObject, offset: number, w: bigint): boolean {
  const P = pointerSize(rt)
  if (offset === 0) {
    setRefcntWord(rt, op, w)
    return true
  }
  if (offset === P) {
    setTypeWord(rt, op, w)
    return true
  }
  return false
}

// --- reads and writes --------------------------------------------------------------------------------------------

function segfault(rt: Runtime, addr: number, what: string): never {
  recordHazard(rt, addr < 4096 ? 'null-read' : 'wild-access', `${what} at 0x${addr.toString(16)}, where nothing is mapped`, addr)
  return rt.hooks.crash(rt, 'segfault', null, `${what} at unmapped address 0x${addr.toString(16)}`)
}

/** The byte at `addr`. */
export function readByte(rt: Runtime, addr: number): number {
  return readBytes(rt, addr, 1)[0]!
}

/** `n` bytes from `addr` (a simulated segfault if any of them is unmapped). */
export function readBytes(rt: Runtime, addr: number, n: number): Uint8Array {
  const out = new Uint8Array(n)
  const s = unsafeState(rt)
  let i = 0
  while (i < n) {
    const a = addr + i
    const r = regionAt(rt, a)
    if (r === null) return segfault(rt, a, 'read')
    if (r.kind === 'buffer') {
      const k = Math.min(n - i, r.start + r.bytes.length - a)
      out.set(r.bytes.subarray(a - r.start, a - r.start + k), i)
      i += k
      continue
    }
    const end = r.end
    if (rt.debugBuild && r.free) {
      // Debug builds: the PYMEM debug hooks filled the freed block with dead bytes.
      const dead = rt.profile.debugBuild.deadByte
      while (i < n && addr + i < end) {
        out[i] = s.overlay.get(addr + i) ?? dead
        i++
      }
      continue
    }
    // Fresh memory nobody wrote: zero, or the debug hooks' clean byte.
    const fresh = rt.debugBuild ? rt.profile.debugBuild.cleanByte : 0
    // Each header word is computed once for the bytes read from it.
    let wordAt = NaN
    let word: bigint | null = null
    let lo = 0
    let hi = 0
    while (i < n && addr + i < end) {
      const b = addr + i
      if (r.kind === 'object') {
        const P = pointerSize(rt)
        const rel = b - r.op.ob_addr
        const wordOff = Math.floor(rel / P) * P
        if (wordOff !== wordAt) {
          word = objectWord(rt, r.op, wordOff, r.op.ob_addr - r.start)
          wordAt = wordOff
          if (word !== null) {
            lo = Number(word & 0xffff_ffffn)
            hi = Number((word >> 32n) & 0xffff_ffffn)
          }
        }
        if (word !== null && !s.overlay.has(b)) {
          const k = rel - wordOff
          out[i] = (k < 4 ? lo >>> (k * 8) : hi >>> ((k - 4) * 8)) & 0xff
          i++
          continue
        }
      }
      out[i] = s.overlay.get(b) ?? fresh
      i++
    }
  }
  return out
}

/** Writes bytes at `addr` (a simulated segfault if any of them is unmapped or read-only). */
export function writeBytes(rt: Runtime, addr: number, data: Uint8Array): void {
  rt.unsafeActive = true
  const s = unsafeState(rt)
  const P = pointerSize(rt)
  let i = 0
  while (i < data.length) {
    const a = addr + i
    const r = regionAt(rt, a)
    if (r === null) return segfault(rt, a, 'write')
    if (r.kind === 'buffer') {
      const k = Math.min(data.length - i, r.start + r.bytes.length - a)
      r.bytes.set(data.subarray(i, i + k), a - r.start)
      i += k
      continue
    }
    if (r.kind === 'object') {
      const op = r.op
      const rel = a - op.ob_addr
      const wordOff = Math.floor(rel / P) * P
      if ((wordOff === 0 || wordOff === P) && rel === wordOff && i + P <= data.length) {
        // The whole refcount or type word is written: its new value is just the bytes.
        setObjectWord(rt, op, wordOff, wordFromBytes(data, i, P))
        i += P
        continue
      }
      const cur = objectWord(rt, op, wordOff, op.ob_addr - r.start)
      if (cur !== null && (wordOff === 0 || wordOff === P)) {
        // Merge the written bytes of this word into its current value, then store the field.
        let w = cur
        let k = 0
        while (rel + k < wordOff + P && i + k < data.length) {
          const shift = BigInt((rel + k - wordOff) * 8)
          w = (w & ~(0xffn << shift)) | (BigInt(data[i + k]!) << shift)
          k++
        }
        setObjectWord(rt, op, wordOff, w)
        i += k
        continue
      }
      if ((op.ob_flags & OB_FREED) === 0) recordHazard(rt, 'raw-write', `raw bytes written into a ${op.ob_type.tp_name} at offset ${rel}`, a)
    }
    s.overlay.set(a, data[i]!)
    i++
  }
}

/** The unsigned little-endian integer in `size` bytes of `bytes` from `at`. */
function wordFromBytes(bytes: Uint8Array, at: number, size: number): bigint {
  if (size === 8) {
    const lo = (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
    const hi = (bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24)) >>> 0
    return hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo)
  }
  if (size <= 6) {
    let v = 0
    for (let k = size - 1; k >= 0; k--) v = v * 256 + bytes[at + k]!
    return BigInt(v)
  }
  let v = 0n
  for (let k = size - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[at + k]!)
  return v
}

/** Reads a little-endian integer of `size` bytes. */
export function readInt(rt: Runtime, addr: number, size: number, signed: boolean): bigint {
  const bytes = readBytes(rt, addr, size)
  const v = wordFromBytes(bytes, 0, size)
  return signed ? BigInt.asIntN(size * 8, v) : v
}

export function writeInt(rt: Runtime, addr: number, size: number, value: bigint): void {
  const bytes = new Uint8Array(size)
  let v = BigInt.asUintN(size * 8, value)
  if (size === 8) {
    const lo = Number(v & 0xffff_ffffn)
    const hi = Number(v >> 32n)
    for (let k = 0; k < 4; k++) {
      bytes[k] = (lo >>> (k * 8)) & 0xff
      bytes[k + 4] = (hi >>> (k * 8)) & 0xff
    }
  } else if (size <= 6) {
    let x = Number(v)
    for (let k = 0; k < size; k++) {
      bytes[k] = x % 256
      x = Math.floor(x / 256)
    }
  } else {
    for (let k = 0; k < size; k++) {
      bytes[k] = Number(v & 0xffn)
      v >>= 8n
    }
  }
  writeBytes(rt, addr, bytes)
}

/** Allocates a buffer for ctypes in the simulated heap; returns its address. */
export function allocBuffer(rt: Runtime, size: number): number {
  const n = Math.max(size, 1)
  const addr = rt.mem.malloc(n)
  if (addr < 0) throw new RangeError('simulated heap exhausted')
  unsafeState(rt).buffers.set(addr, new Uint8Array(n))
  return addr
}

export function freeBuffer(rt: Runtime, addr: number): void {
  const s = unsafeState(rt)
  const b = s.buffers.get(addr)
  if (b === undefined) return
  s.buffers.delete(addr)
  rt.mem.free(addr, Math.max(b.length, 1))
}

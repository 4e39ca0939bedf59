/**
 * The simulated address space: a model of pymalloc (size classes, pools, LIFO free blocks) for small requests
 * and of the system allocator for large ones, so that `id()` values and their reuse behave as in CPython.
 * Blocks remember the object that lives (or lived) in them; a freed block keeps it until the block is reused.
 *
 * @cpython Objects/obmalloc.c#pymalloc_alloc
 */
import type { PyObject } from '../object/object.js'

/** `POOL_OVERHEAD`: the pool header before the first block. */
const POOL_OVERHEAD = 48
/**
 * Where pymalloc's arenas start (mmap region), where malloc's heap starts (brk region) and where statically
 * allocated objects live (the executable's data segment): a 64-bit Linux process, or a 32-bit (wasm32) one whose
 * addresses fit in a pointer.
 */
const LAYOUT_64 = { arena: 0x7f3a_5c00_0000, malloc: 0x55d2_c3a0_0000, static: 0x55d2_c180_0000 }
const LAYOUT_32 = { arena: 0x0100_0000, malloc: 0x4000_0000, static: 0x0001_0000 }

class Pool {
  readonly start: number
  szidx = -1
  blockSize = 0
  /** Blocks in use. */
  ref = 0
  /** Offset of the next never-used block. */
  nextoffset = 0
  maxnextoffset = 0
  /** LIFO list of freed block indexes. */
  freeblocks: number[] = []
  /** The object whose header lives in each block (by block index). */
  objs: (PyObject | undefined)[] = []
  /** Doubly linked list of used pools of one size class. */
  prev: Pool | null = null
  next: Pool | null = null
  inUsed = false
  constructor(start: number) {
    this.start = start
  }
}

export interface AllocatorStats {
  readonly bytesInUse: number
  readonly blocksInUse: number
  readonly pools: number
  readonly arenas: number
  readonly largeBlocks: number
}

export class AddressSpace {
  readonly alignment: number
  readonly threshold: number
  readonly poolSize: number
  readonly arenaSize: number
  /** Simulated heap limit in bytes; allocations beyond it fail (MemoryError). */
  limit: number
  bytesInUse = 0
  blocksInUse = 0

  private readonly usedpools: (Pool | null)[]
  private readonly pools: Pool[] = []
  private readonly freepools: Pool[] = []
  private arenaCount = 0
  private readonly arenaBase: number
  private arenaTop: number
  private arenaEnd: number

  private mallocTop: number
  private readonly largeFree = new Map<number, number[]>()
  private readonly largeBlocks = new Map<number, { size: number; obj: PyObject | undefined }>()
  private readonly staticBase: number
  private staticTop: number

  constructor(opts: { alignment: number; smallRequestThreshold: number; poolSize: number; arenaSize: number; limit?: number; pointerSize?: number }) {
    const layout = opts.pointerSize === 4 ? LAYOUT_32 : LAYOUT_64
    this.arenaBase = this.arenaTop = this.arenaEnd = layout.arena
    this.mallocTop = layout.malloc
    this.staticBase = this.staticTop = layout.static
    this.alignment = opts.alignment
    this.threshold = opts.smallRequestThreshold
    this.poolSize = opts.poolSize
    this.arenaSize = opts.arenaSize
    this.limit = opts.limit ?? 4 * 1024 * 1024 * 1024
    this.usedpools = new Array(Math.ceil(this.threshold / this.alignment)).fill(null)
  }

  /** Rounds a request up to its size class. */
  roundup(nbytes: number): number {
    const a = this.alignment
    return nbytes <= 0 ? a : Math.ceil(nbytes / a) * a
  }

  /**
   * Allocates a block of at least `nbytes`; returns its address, or -1 when the simulated heap is exhausted.
   * @cpython Objects/obmalloc.c#_PyObject_Malloc
   */
  malloc(nbytes: number): number {
    const size = this.roundup(nbytes)
    if (this.bytesInUse + size > this.limit) return -1
    this.bytesInUse += size
    this.blocksInUse++
    if (size <= this.threshold) return this.poolAlloc(size)
    return this.largeAlloc(size)
  }

  /**
   * Frees a block. Returns the value the allocator leaves in the block's first word: pymalloc's link to the pool's
   * next free block (an address, 0 at the end); for large blocks, malloc's own bookkeeping (reported as 0).
   * @cpython Objects/obmalloc.c#_PyObject_Free
   */
  free(addr: number, nbytes: number): number {
    const size = this.roundup(nbytes)
    this.bytesInUse -= size
    this.blocksInUse--
    if (size <= this.threshold) return this.poolFree(addr)
    this.largeFreeBlock(addr, size)
    return 0
  }

  /** A statically allocated object's address (never freed, never reused). */
  staticAlloc(nbytes: number): number {
    const addr = this.staticTop
    this.staticTop += this.roundup(nbytes)
    return addr
  }

  /** Records that `op`'s header lives in the block at `block`. */
  setOwner(block: number, op: PyObject | undefined): void {
    if (block >= this.arenaBase && block < this.arenaEnd) {
      const pool = this.pools[Math.floor((block - this.arenaBase) / this.poolSize)]!
      pool.objs[(block - pool.start - POOL_OVERHEAD) / pool.blockSize] = op
      return
    }
    const large = this.largeBlocks.get(block)
    if (large) large.obj = op
  }

  /**
   * The object whose block contains `addr` (live, or freed and not yet reused), with the block's start.
   * NON-CPYTHON: the simulation's way of giving meaning to raw addresses.
   */
  blockAt(addr: number): { block: number; size: number; obj: PyObject | undefined; free: boolean } | null {
    if (addr >= this.arenaBase && addr < this.arenaEnd) {
      const pool = this.pools[Math.floor((addr - this.arenaBase) / this.poolSize)]
      if (!pool || pool.szidx < 0) return null
      const off = addr - pool.start - POOL_OVERHEAD
      if (off < 0 || off >= pool.nextoffset) return null
      const idx = Math.floor(off / pool.blockSize)
      return {
        block: pool.start + POOL_OVERHEAD + idx * pool.blockSize,
        size: pool.blockSize,
        obj: pool.objs[idx],
        free: pool.freeblocks.includes(idx),
      }
    }
    for (const [start, info] of this.largeBlocks) {
      if (addr >= start && addr < start + info.size) return { block: start, size: info.size, obj: info.obj, free: false }
    }
    for (const [size, list] of this.largeFree) {
      for (const start of list) if (addr >= start && addr < start + size) return { block: start, size, obj: undefined, free: true }
    }
    return null
  }

  /** Calls `fn` with the owner of every block in use (live objects; freed blocks are skipped). */
  forEachOwner(fn: (op: PyObject) => void): void {
    for (const pool of this.pools) {
      if (pool.ref === 0) continue
      const n = pool.nextoffset / pool.blockSize
      const free = pool.freeblocks.length > 0 ? new Set(pool.freeblocks) : null
      for (let i = 0; i < n; i++) {
        if (free !== null && free.has(i)) continue
        const op = pool.objs[i]
        if (op !== undefined) fn(op)
      }
    }
    for (const info of this.largeBlocks.values()) if (info.obj !== undefined) fn(info.obj)
  }

  isStatic(addr: number): boolean {
    return addr >= this.staticBase && addr < this.staticTop
  }

  stats(): AllocatorStats {
    return {
      bytesInUse: this.bytesInUse,
      blocksInUse: this.blocksInUse,
      pools: this.pools.length,
      arenas: this.arenaCount,
      largeBlocks: this.largeBlocks.size,
    }
  }

  private poolAlloc(size: number): number {
    const szidx = size / this.alignment - 1
    let pool = this.usedpools[szidx]!
    if (pool === null) {
      pool = this.newPool(szidx, size)
    }
    let idx: number
    if (pool.freeblocks.length > 0) {
      idx = pool.freeblocks.pop()!
    } else {
      idx = pool.nextoffset / size
      pool.nextoffset += size
    }
    pool.ref++
    if (pool.freeblocks.length === 0 && pool.nextoffset > pool.maxnextoffset) this.unlinkUsed(pool)
    return pool.start + POOL_OVERHEAD + idx * size
  }

  private poolFree(addr: number): number {
    const pool = this.pools[Math.floor((addr - this.arenaBase) / this.poolSize)]!
    const idx = (addr - pool.start - POOL_OVERHEAD) / pool.blockSize
    const wasFull = !pool.inUsed
    // The previous head of the free list, or the first never-used block, or NULL when the pool was full.
    const fb = pool.freeblocks
    const link =
      fb.length > 0
        ? pool.start + POOL_OVERHEAD + fb[fb.length - 1]! * pool.blockSize
        : pool.nextoffset <= pool.maxnextoffset
          ? pool.start + POOL_OVERHEAD + pool.nextoffset
          : 0
    pool.freeblocks.push(idx)
    pool.ref--
    if (pool.ref === 0) {
      // An empty pool goes back to the arena, ready for any size class.
      // Its blocks keep their last objects until the pool is carved up again.
      if (pool.inUsed) this.unlinkUsed(pool)
      this.freepools.push(pool)
      return link
    }
    if (wasFull) this.linkUsedFront(pool)
    return link
  }

  private newPool(szidx: number, size: number): Pool {
    let pool = this.freepools.pop()
    if (pool === undefined) {
      if (this.arenaTop + this.poolSize > this.arenaEnd) {
        // A new arena, right after the previous one.
        this.arenaTop = this.arenaEnd
        this.arenaEnd += this.arenaSize
        this.arenaCount++
      }
      pool = new Pool(this.arenaTop)
      this.pools.push(pool)
      this.arenaTop += this.poolSize
    }
    pool.szidx = szidx
    pool.blockSize = size
    pool.ref = 0
    pool.nextoffset = 0
    pool.maxnextoffset = this.poolSize - POOL_OVERHEAD - size
    pool.freeblocks = []
    pool.objs = []
    this.linkUsedFront(pool)
    return pool
  }

  private linkUsedFront(pool: Pool): void {
    const head = this.usedpools[pool.szidx]!
    pool.prev = null
    pool.next = head
    if (head) head.prev = pool
    this.usedpools[pool.szidx] = pool
    pool.inUsed = true
  }

  private unlinkUsed(pool: Pool): void {
    if (pool.prev) pool.prev.next = pool.next
    else this.usedpools[pool.szidx] = pool.next
    if (pool.next) pool.next.prev = pool.prev
    pool.prev = pool.next = null
    pool.inUsed = false
  }

  private largeAlloc(size: number): number {
    const bin = this.largeFree.get(size)
    let addr: number
    if (bin && bin.length > 0) addr = bin.pop()!
    else {
      addr = this.mallocTop
      this.mallocTop += size + 16 // malloc's chunk header
    }
    this.largeBlocks.set(addr, { size, obj: undefined })
    return addr
  }

  private largeFreeBlock(addr: number, size: number): void {
    this.largeBlocks.delete(addr)
    let bin = this.largeFree.get(size)
    if (!bin) this.largeFree.set(size, (bin = []))
    bin.push(addr)
  }
}

/**
 * NON-CPYTHON: the host side of the simulated process — its standard streams, the in-memory file system, stdin,
 * and how the process ends (exit codes, simulated crashes).
 */

/** One write to stdout or stderr, in order. */
export interface OutputChunk {
  readonly stream: 'stdout' | 'stderr'
  readonly text: string
}

export class ProcessOutput {
  readonly chunks: OutputChunk[] = []
  /** Live listeners (the CLI prints as the program runs). */
  onWrite: ((stream: 'stdout' | 'stderr', text: string) => void) | null = null

  write(stream: 'stdout' | 'stderr', text: string): void {
    if (text.length === 0) return
    const last = this.chunks[this.chunks.length - 1]
    if (last !== undefined && last.stream === stream) this.chunks[this.chunks.length - 1] = { stream, text: last.text + text }
    else this.chunks.push({ stream, text })
    if (this.onWrite !== null) this.onWrite(stream, text)
  }

  get stdout(): string {
    return this.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('')
  }
  get stderr(): string {
    return this.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('')
  }
  get merged(): string {
    return this.chunks.map((c) => c.text).join('')
  }
}

/** The in-memory file system `open()` reads and writes. Paths are plain strings ('test.txt', 'dir/x.py'). */
export class VirtualFS {
  readonly files = new Map<string, Uint8Array>()
  /** Where reads go for files the program did not write (the CLI reads the host's files). */
  fallbackRead: ((path: string) => Uint8Array | undefined) | null = null
  constructor(initial?: Record<string, string | Uint8Array>) {
    if (initial) for (const [k, v] of Object.entries(initial)) this.files.set(normalizePath(k), typeof v === 'string' ? new TextEncoder().encode(v) : v)
  }
  read(path: string): Uint8Array | undefined {
    const p = normalizePath(path)
    const own = this.files.get(p)
    if (own !== undefined || this.fallbackRead === null) return own
    return this.fallbackRead(p)
  }
  readText(path: string): string | undefined {
    const b = this.read(path)
    return b === undefined ? undefined : new TextDecoder().decode(b)
  }
  write(path: string, data: Uint8Array): void {
    this.files.set(normalizePath(path), data)
  }
  exists(path: string): boolean {
    return this.read(path) !== undefined
  }
  remove(path: string): boolean {
    return this.files.delete(normalizePath(path))
  }
}

export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/')
  while (s.startsWith('./')) s = s.slice(2)
  return s
}

/** NON-CPYTHON: thrown to end the simulated process (sys.exit at top level, fatal errors, crashes). */
export class ProcessExit {
  readonly heapExit = true
  constructor(
    readonly code: number,
    /** Set for simulated crashes: 'abort' (134) or 'segfault' (139). */
    readonly crash: 'abort' | 'segfault' | null = null,
  ) {}
}

/**
 * The interpreter of `heap run`, on its own thread: the main thread keeps receiving SIGINT while the program runs and
 * turns it into a KeyboardInterrupt through a shared flag polled at the eval breaker.
 */
import { existsSync, readFileSync, readSync } from 'node:fs'
import { resolve } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { parentPort, workerData } from 'node:worker_threads'
import { Interpreter, formatEvent, snapshotToDot, type TraceKind } from '@heap/python-lite'

export interface RunWorkerData {
  /** The program's bytes: the interpreter decodes them as CPython's tokenizer does (PEP 263). */
  source: Uint8Array
  /** The script as tracebacks show it. */
  file: string
  /** `sys.argv[0]`: the file or directory as given. */
  argv0: string
  args: string[]
  python: string
  cwd: string
  trace: readonly TraceKind[] | true | null
  traceFormat: string
  dim: boolean
  graph: boolean
  explain: boolean
  debugBuild: boolean
  terminal: boolean
  interruptFlag: Int32Array
  stdoutClosedFlag: Int32Array
}

export interface RunDone {
  type: 'done'
  code: number
  /** One DOT text per snapshot (each breakpoint() and the exit), when a graph was asked for. */
  dots: string[]
  explain: string
}

export type FromRunWorker = { type: 'out'; chunks: Array<['stdout' | 'stderr', string]> } | RunDone

const data = workerData as RunWorkerData
const port = parentPort!

/** Output goes to the main thread in batches: at 32 KiB, after 50 ms, before reading stdin, and at the end. */
let chunks: Array<['stdout' | 'stderr', string]> = []
let buffered = 0
let lastFlush = performance.now()
function flush(): void {
  if (chunks.length > 0) port.postMessage({ type: 'out', chunks } satisfies FromRunWorker)
  chunks = []
  buffered = 0
  lastFlush = performance.now()
}
function write(stream: 'stdout' | 'stderr', text: string): void {
  const last = chunks.at(-1)
  if (last !== undefined && last[0] === stream) last[1] += text
  else chunks.push([stream, text])
  buffered += text.length
  if (buffered > 32_768 || performance.now() - lastFlush > 50) flush()
}

/**
 * Reads this process's stdin synchronously, a line at a time, as `input()` and `sys.stdin.readline()` ask: a pipe or
 * a terminal (cooked mode: the terminal edits the line).
 */
function stdinLineReader(): () => string | null {
  const chunk = Buffer.alloc(65536)
  const decoder = new StringDecoder('utf8')
  const pause = new Int32Array(new SharedArrayBuffer(4))
  let pending = ''
  let eof = false
  return () => {
    for (;;) {
      const nl = pending.indexOf('\n')
      if (nl >= 0) {
        const line = pending.slice(0, nl + 1)
        pending = pending.slice(nl + 1)
        return line
      }
      if (eof) {
        const rest = pending
        pending = ''
        return rest === '' ? null : rest
      }
      let n: number
      try {
        n = readSync(0, chunk, 0, chunk.length, null)
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        if (code === 'EAGAIN') {
          Atomics.wait(pause, 0, 0, 5) // a non-blocking stdin with nothing yet: wait a little
          continue
        }
        n = 0 // EOF, a closed or missing stdin
      }
      if (n === 0) {
        eof = true
        pending += decoder.end()
      } else pending += decoder.write(chunk.subarray(0, n))
    }
  }
}

const readLine = stdinLineReader()
const dim = (s: string): string => (data.dim ? `\x1b[2m${s}\x1b[22m` : s)
const json = data.traceFormat === 'json'
const interp = new Interpreter({
  profile: data.python,
  debugBuild: data.debugBuild,
  mode: 'script',
  filename: data.file,
  argv: [data.argv0, ...data.args],
  cwd: data.cwd,
  interruptFlag: data.interruptFlag,
  stdoutClosedFlag: data.stdoutClosedFlag,
  readStdinLine: () => {
    flush()
    return readLine()
  },
  terminal: data.terminal,
  observe: {
    trace: data.trace ?? false,
    snapshots: data.graph ? 'both' : 'none',
    onEvent: data.trace ? (ev) => write('stderr', (json ? JSON.stringify(ev) : dim(formatEvent(ev))) + '\n') : undefined,
  },
})
interp.fs.fallbackRead = (p) => {
  const full = resolve(data.cwd, p)
  return existsSync(full) ? new Uint8Array(readFileSync(full)) : undefined
}
interp.out.onWrite = (stream, text) => write(stream === 'stdout' ? 'stdout' : 'stderr', text)
const code = interp.runScript(data.source, data.file)
flush()
port.postMessage({
  type: 'done',
  code,
  dots: data.graph ? interp.snapshots.map((s) => snapshotToDot(s)) : [],
  explain: data.explain ? interp.explainHazards() : '',
} satisfies FromRunWorker)

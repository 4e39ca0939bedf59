/**
 * The interpreter of a terminal `heap repl`, on its own thread: the main thread keeps reading keys while code runs,
 * so Ctrl-C can interrupt a running loop (through a shared flag polled at the eval breaker).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { Interpreter, formatEvent } from '@heap/python-lite'
import type { TraceKind } from '@heap/python-lite'

export interface ReplWorkerData {
  python: string
  debugBuild: boolean
  trace: readonly TraceKind[] | true | null
  traceFormat: string
  dim: boolean
  interruptFlag: Int32Array
  /** `input()` handshake: [state (0 waiting, 1 answered), byte length or -1 at EOF] and the line's bytes. */
  inputControl: Int32Array
  inputBytes: Uint8Array
}

/** Main thread → worker. */
export type ToWorker = { type: 'line'; line: string } | { type: 'eof' } | { type: 'interrupt' }
/** Worker → main thread: output in order, then the next prompt or the exit code. */
export type FromWorker =
  | { type: 'out'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'prompt'; prompt: string }
  | { type: 'input' }
  | { type: 'exit'; code: number }

const data = workerData as ReplWorkerData
const port = parentPort!
const send = (m: FromWorker): void => port.postMessage(m)
const dim = (s: string): string => (data.dim ? `\x1b[2m${s}\x1b[22m` : s)

/** `input()` at the prompt: the main thread's readline reads the line while this thread waits. */
function readTerminalLine(): string | null {
  Atomics.store(data.inputControl, 0, 0)
  send({ type: 'input' })
  Atomics.wait(data.inputControl, 0, 0)
  const n = data.inputControl[1]!
  return n < 0 ? null : new TextDecoder().decode(data.inputBytes.slice(0, n))
}

const interp = new Interpreter({
  profile: data.python,
  debugBuild: data.debugBuild,
  mode: 'repl',
  filename: '<stdin>',
  interruptFlag: data.interruptFlag,
  readStdinLine: readTerminalLine,
  terminal: true,
  observe: data.trace
    ? { trace: data.trace, onEvent: (ev) => send({ type: 'out', stream: 'stderr', text: (data.traceFormat === 'json' ? JSON.stringify(ev) : dim(formatEvent(ev))) + '\n' }) }
    : undefined,
})
interp.out.onWrite = (stream, text) => send({ type: 'out', stream: stream === 'stdout' ? 'stdout' : 'stderr', text })
const session = interp.startRepl(true)
send({ type: 'prompt', prompt: session.prompt() })

port.on('message', (m: ToWorker) => {
  let code: number | null = null
  if (m.type === 'line') code = session.push(m.line)
  else if (m.type === 'interrupt') session.interrupt()
  else code = session.eof()
  // A Ctrl-C that arrived after the code finished must not interrupt the next statement.
  Atomics.store(data.interruptFlag, 0, 0)
  send(code === null ? { type: 'prompt', prompt: session.prompt() } : { type: 'exit', code })
})

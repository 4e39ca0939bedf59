import { homedir } from 'node:os'
import { join } from 'node:path'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { createInterface, type Interface } from 'node:readline'
import { Worker } from 'node:worker_threads'
import { Interpreter, formatEvent } from '@heap/python-lite'
import { parseTraceKinds } from './run.js'
import { colors } from '../format/colors.js'
import type { FromWorker, ReplWorkerData, ToWorker } from './repl-worker.js'

export interface ReplOptions {
  python: string
  trace?: string | boolean
  traceFormat?: string
  /** `--debug-build`: simulate a --with-pydebug build */
  debugBuild?: boolean
}

const HISTORY = join(homedir(), '.heap_history')

function loadHistory(): string[] {
  try {
    return existsSync(HISTORY) ? readFileSync(HISTORY, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 1000) : []
  } catch {
    return []
  }
}

/**
 * `heap repl`: on a terminal, an interactive prompt with line editing and history (Ctrl-C raises
 * KeyboardInterrupt, Ctrl-D exits); with piped stdin, it behaves like `python -i < file`.
 */
export async function replCommand(opts: ReplOptions): Promise<number> {
  let trace
  try {
    trace = parseTraceKinds(opts.trace)
  } catch (e) {
    process.stderr.write(`heap: ${(e as Error).message}\n`)
    return 2
  }
  const c = colors(process.stderr)
  if (process.stdin.isTTY === true) return terminalRepl(opts, trace, c.dim('x') !== 'x')
  const interp = new Interpreter({
    profile: opts.python,
    debugBuild: opts.debugBuild === true,
    mode: 'repl',
    filename: '<stdin>',
    observe: trace
      ? { trace, onEvent: (ev) => process.stderr.write(opts.traceFormat === 'json' ? JSON.stringify(ev) + '\n' : c.dim(formatEvent(ev)) + '\n') }
      : undefined,
  })
  interp.out.onWrite = (stream, text) => {
    if (stream === 'stdout') process.stdout.write(text)
    else process.stderr.write(text)
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return interp.runRepl(Buffer.concat(chunks).toString('utf8'), true)
}

/**
 * The terminal prompt: readline (line editing, history) on this thread, the interpreter on a worker. Ctrl-C at the
 * prompt drops the pending lines; while code runs, it raises KeyboardInterrupt in that code. Ctrl-D exits. `input()`
 * reads its line through the same readline (Ctrl-D there is EOFError, Ctrl-C KeyboardInterrupt).
 */
function terminalRepl(opts: ReplOptions, trace: ReturnType<typeof parseTraceKinds>, dim: boolean): Promise<number> {
  const interruptFlag = new Int32Array(new SharedArrayBuffer(4))
  const inputControl = new Int32Array(new SharedArrayBuffer(8))
  const inputBytes = new Uint8Array(new SharedArrayBuffer(1 << 16))
  const workerData: ReplWorkerData = { python: opts.python, debugBuild: opts.debugBuild === true, trace, traceFormat: opts.traceFormat ?? 'text', dim, interruptFlag, inputControl, inputBytes }
  const worker = new Worker(new URL('./repl-worker.js', import.meta.url), { workerData })
  const history = loadHistory()
  let busy = true // until the worker sends its first prompt
  let awaitingInput = false
  let partialLine = '' // what stdout holds after its last newline: input()'s prompt
  const typeahead: ToWorker[] = []
  const post = (m: ToWorker): void => {
    if (busy) {
      typeahead.push(m)
      return
    }
    busy = true
    worker.postMessage(m)
  }
  /** Hands input() its line (null: EOF). */
  const answer = (line: string | null): void => {
    awaitingInput = false
    const bytes = line === null ? null : new TextEncoder().encode(line).subarray(0, inputBytes.length)
    if (bytes !== null) inputBytes.set(bytes)
    inputControl[1] = bytes === null ? -1 : bytes.length
    Atomics.store(inputControl, 0, 1)
    Atomics.notify(inputControl, 0)
  }
  return new Promise<number>((resolve) => {
    let finished = false
    let rl = openReadline()
    const finish = (code: number): void => {
      if (finished) return
      finished = true
      rl.close()
      void worker.terminate()
      resolve(code)
    }
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'out') {
        if (m.stream === 'stdout') {
          const nl = m.text.lastIndexOf('\n')
          partialLine = nl < 0 ? partialLine + m.text : m.text.slice(nl + 1)
        }
        ;(m.stream === 'stdout' ? process.stdout : process.stderr).write(m.text)
        return
      }
      if (m.type === 'exit') return finish(m.code)
      if (m.type === 'input') {
        const next = typeahead[0]
        if (next?.type === 'line') {
          typeahead.shift()
          return answer(next.line + '\n')
        }
        awaitingInput = true
        rl.setPrompt(partialLine)
        rl.prompt()
        return
      }
      busy = false
      partialLine = ''
      rl.setPrompt(m.prompt)
      const next = typeahead.shift()
      if (next !== undefined) return post(next)
      rl.prompt()
    })
    worker.on('error', (e) => {
      process.stderr.write(`heap: internal error: ${e.stack ?? String(e)}\n`)
      finish(70)
    })

    function openReadline(): Interface {
      const r = createInterface({ input: process.stdin, output: process.stdout, history, historySize: 1000, terminal: true })
      r.on('line', (line) => {
        if (awaitingInput) return answer(line + '\n')
        if (line.trim() !== '') {
          try {
            appendFileSync(HISTORY, line + '\n')
          } catch {
            /* history is best effort */
          }
        }
        post({ type: 'line', line })
      })
      r.on('SIGINT', () => {
        if (awaitingInput) {
          Atomics.store(interruptFlag, 0, 1)
          return answer(null)
        }
        if (busy && typeahead.length === 0) {
          // The terminal would echo ^C while python runs (readline is in raw mode here, so echo it by hand).
          process.stdout.write('^C')
          Atomics.store(interruptFlag, 0, 1)
          return
        }
        typeahead.length = 0
        post({ type: 'interrupt' })
      })
      r.on('close', () => {
        if (finished) return
        if (awaitingInput) {
          // Ctrl-D at input(): EOFError for the program; the session goes on with a fresh readline.
          answer(null)
          rl = openReadline()
          return
        }
        process.stdout.write('\n')
        post({ type: 'eof' })
      })
      return r
    }
  })
}

import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { extname, join, resolve } from 'node:path'
import { getProfile, type TraceKind } from '@heap/python-lite'
import type { FromRunWorker, RunDone, RunWorkerData } from './run-worker.js'
import { colors } from '../format/colors.js'
import { brokenPipe } from '../broken-pipe.js'

export interface RunOptions {
  python: string
  trace?: string | boolean
  traceFormat?: string
  graph?: string
  explain?: boolean
  /** `--debug-build`: simulate a --with-pydebug build */
  debugBuild?: boolean
}

const TRACE_KINDS: readonly TraceKind[] = ['alloc', 'incref', 'decref', 'dealloc', 'free', 'track', 'untrack', 'finalize', 'weakref-clear', 'gc']

/** Parses `--trace=incref,decref` (or plain `--trace`). Throws on unknown kinds. */
export function parseTraceKinds(v: string | boolean | undefined): readonly TraceKind[] | true | null {
  if (v === undefined || v === false) return null
  if (v === true || v === '' || v === 'all') return true
  const kinds = v.split(',').map((s) => s.trim()).filter(Boolean)
  for (const k of kinds) if (!TRACE_KINDS.includes(k as TraceKind)) throw new Error(`unknown trace kind '${k}' (choose from ${TRACE_KINDS.join(', ')})`)
  return kinds as TraceKind[]
}

/** Reads the program and the data files next to it that it may open. */
function readProgram(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path))
}

/** `heap run FILE`: like `python FILE`. */
export async function runCommand(file: string, args: string[], opts: RunOptions): Promise<number> {
  const path = resolve(file)
  if (!existsSync(path)) {
    // Like python: the absolute path from 3.9 on, the path as given before.
    const shown = getProfile(opts.python).output.absoluteMainPath ? path : file
    process.stderr.write(`heap: can't open file '${shown}': [Errno 2] No such file or directory\n`)
    return 2
  }
  let program = path
  if (statSync(path).isDirectory()) {
    // Like python DIR: the directory's __main__.py, with sys.argv[0] the directory as given.
    program = join(path, '__main__.py')
    if (!existsSync(program)) {
      const shown = getProfile(opts.python).output.absoluteMainPath ? path : file
      process.stderr.write(`heap: can't find '__main__' module in '${shown}'\n`)
      return 1
    }
  }
  let trace: readonly TraceKind[] | true | null
  try {
    trace = parseTraceKinds(opts.trace)
  } catch (e) {
    process.stderr.write(`heap: ${(e as Error).message}\n`)
    return 2
  }
  const source = readProgram(program)
  const interruptFlag = new Int32Array(new SharedArrayBuffer(4))
  const stdoutClosedFlag = new Int32Array(new SharedArrayBuffer(4))
  const workerData: RunWorkerData = {
    source,
    file: program === path ? file : join(file, '__main__.py'),
    argv0: file,
    args,
    python: opts.python,
    cwd: process.cwd(),
    trace,
    traceFormat: opts.traceFormat ?? 'text',
    dim: colors(process.stderr).dim('x') !== 'x',
    graph: opts.graph !== undefined,
    explain: opts.explain === true,
    debugBuild: opts.debugBuild === true,
    terminal: process.stdin.isTTY === true && process.stdout.isTTY === true,
    interruptFlag,
    stdoutClosedFlag,
  }
  // The program runs on a worker so that Ctrl-C (SIGINT, delivered to this thread) can raise KeyboardInterrupt in it.
  const worker = new Worker(new URL('./run-worker.js', import.meta.url), { workerData })
  const onSigint = (): void => {
    // A second Ctrl-C before the first was seen (code stuck outside the eval loop) ends the process, as a signal would.
    if (Atomics.load(interruptFlag, 0) !== 0) {
      void worker.terminate()
      process.exit(130)
    }
    Atomics.store(interruptFlag, 0, 1)
  }
  process.on('SIGINT', onSigint)
  // The reader of stdout went away: the program's next write raises BrokenPipeError (its traceback still reaches
  // stderr); what it writes to stdout from then on goes nowhere.
  const quiet = brokenPipe.stdout
  brokenPipe.stdout = () => Atomics.store(stdoutClosedFlag, 0, 1)
  const done = await new Promise<RunDone>((resolve, reject) => {
    worker.on('message', (m: FromRunWorker) => {
      if (m.type === 'out') {
        for (const [stream, text] of m.chunks) {
          if (stream === 'stderr') process.stderr.write(text)
          else if (Atomics.load(stdoutClosedFlag, 0) === 0) process.stdout.write(text)
        }
      }
      else resolve(m)
    })
    worker.on('error', reject)
  }).finally(() => {
    process.off('SIGINT', onSigint)
    brokenPipe.stdout = quiet
    void worker.terminate()
  })
  if (done.dots.length > 0) await writeGraphs(opts.graph!, done.dots)
  if (opts.explain) process.stderr.write(done.explain)
  return done.code
}

async function writeGraphs(target: string, dots: string[]): Promise<void> {
  const ext = extname(target).toLowerCase()
  const base = target.slice(0, target.length - ext.length)
  const names = dots.length <= 1 ? [target] : dots.map((_, i) => `${base}.${i + 1}${ext}`)
  // Graphviz (wasm) is loaded only when a graph is asked for: it would slow every `heap run` down
  const { renderSvg } = await import('../format/graphviz.js')
  for (let i = 0; i < dots.length; i++) {
    const out = ext === '.svg' ? await renderSvg(dots[i]!) : dots[i]!
    writeFileSync(names[i]!, out)
  }
  process.stderr.write(`heap: wrote ${names.join(', ')}\n`)
}

import { existsSync, readFileSync, readSync, writeFileSync } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'
import { extname, resolve } from 'node:path'
import { Interpreter, formatEvent, getProfile, snapshotToDot, type TraceKind } from '@heap/python-lite'
import { colors } from '../format/colors.js'
import { renderSvg } from '../format/graphviz.js'

export interface RunOptions {
  python: string
  trace?: string | boolean
  traceFormat?: string
  graph?: string
  explain?: boolean
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

/** Reads the program and the data files next to it that it may open. */
function readProgram(path: string): string {
  return readFileSync(path, 'utf8')
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
  let trace: readonly TraceKind[] | true | null
  try {
    trace = parseTraceKinds(opts.trace)
  } catch (e) {
    process.stderr.write(`heap: ${(e as Error).message}\n`)
    return 2
  }
  const source = readProgram(path)
  const c = colors(process.stderr)
  const json = opts.traceFormat === 'json'
  const interp = new Interpreter({
    profile: opts.python,
    mode: 'script',
    filename: file,
    argv: [file, ...args],
    cwd: process.cwd(),
    readStdinLine: stdinLineReader(),
    terminal: process.stdin.isTTY === true && process.stdout.isTTY === true,
    observe: {
      trace: trace ?? false,
      snapshots: opts.graph ? 'both' : 'none',
      onEvent: trace
        ? (ev) => {
            process.stderr.write(json ? JSON.stringify(ev) + '\n' : c.dim(formatEvent(ev)) + '\n')
          }
        : undefined,
    },
  })
  interp.fs.fallbackRead = (p) => {
    const full = resolve(p)
    return existsSync(full) ? new Uint8Array(readFileSync(full)) : undefined
  }
  interp.out.onWrite = (stream, text) => {
    if (stream === 'stdout') process.stdout.write(text)
    else process.stderr.write(text)
  }
  const code = interp.runScript(source, file)
  if (opts.graph) await writeGraphs(opts.graph, interp.snapshots.map((s) => snapshotToDot(s)))
  if (opts.explain) process.stderr.write(interp.explainHazards())
  return code
}

async function writeGraphs(target: string, dots: string[]): Promise<void> {
  const ext = extname(target).toLowerCase()
  const base = target.slice(0, target.length - ext.length)
  const names = dots.length <= 1 ? [target] : dots.map((_, i) => `${base}.${i + 1}${ext}`)
  for (let i = 0; i < dots.length; i++) {
    const out = ext === '.svg' ? await renderSvg(dots[i]!) : dots[i]!
    writeFileSync(names[i]!, out)
  }
  process.stderr.write(`heap: wrote ${names.join(', ')}\n`)
}

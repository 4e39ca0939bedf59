import { homedir } from 'node:os'
import { join } from 'node:path'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { Interpreter, formatEvent } from '@heap/python-lite'
import { parseTraceKinds } from './run.js'
import { colors } from '../format/colors.js'

export interface ReplOptions {
  python: string
  trace?: string | boolean
  traceFormat?: string
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
  const interp = new Interpreter({
    profile: opts.python,
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
  if (process.stdin.isTTY !== true) {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return interp.runRepl(Buffer.concat(chunks).toString('utf8'), true)
  }
  const session = interp.startRepl(true)
  // The interpreter writes its own prompts to stderr in piped mode; on a terminal readline shows them.
  const rl = createInterface({ input: process.stdin, output: process.stdout, history: loadHistory(), historySize: 1000, terminal: true })
  return await new Promise<number>((resolve) => {
    let finished = false
    const finish = (code: number): void => {
      if (finished) return
      finished = true
      rl.close()
      resolve(code)
    }
    rl.setPrompt(session.prompt())
    rl.prompt()
    rl.on('line', (line) => {
      if (line.trim() !== '') {
        try {
          appendFileSync(HISTORY, line + '\n')
        } catch {
          /* history is best effort */
        }
      }
      const code = session.push(line)
      if (code !== null) return finish(code)
      rl.setPrompt(session.prompt())
      rl.prompt()
    })
    rl.on('SIGINT', () => {
      session.interrupt()
      rl.setPrompt(session.prompt())
      rl.prompt()
    })
    rl.on('close', () => {
      if (!finished) {
        process.stdout.write('\n')
        finish(session.eof())
      }
    })
  })
}

import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Interpreter } from '@heap/python-lite'

export interface RunOptions {
  python: string
  trace?: string | boolean
  traceFormat?: string
  graph?: string
  explain?: boolean
}

/** `heap run FILE`: like `python FILE`. */
export async function runCommand(file: string, args: string[], opts: RunOptions): Promise<number> {
  const path = resolve(file)
  if (!existsSync(path)) {
    const shown = file
    process.stderr.write(`heap: can't open file '${shown.startsWith('/') ? shown : resolve(shown)}': [Errno 2] No such file or directory\n`)
    return 2
  }
  const source = readFileSync(path, 'utf8')
  const interp = new Interpreter({ profile: opts.python, mode: 'script', filename: file, argv: [file, ...args], cwd: process.cwd(), files: {} })
  interp.out.onWrite = (stream, text) => {
    if (stream === 'stdout') process.stdout.write(text)
    else process.stderr.write(text)
  }
  return interp.runScript(source, file)
}

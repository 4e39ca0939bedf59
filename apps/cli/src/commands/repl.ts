import { Interpreter } from '@heap/python-lite'

export interface ReplOptions {
  python: string
  trace?: string | boolean
}

/** `heap repl`: with piped stdin, behaves like `python -i < file`. */
export async function replCommand(opts: ReplOptions): Promise<number> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  const input = Buffer.concat(chunks).toString('utf8')
  const interp = new Interpreter({ profile: opts.python, mode: 'repl', filename: '<stdin>' })
  interp.out.onWrite = (stream, text) => {
    if (stream === 'stdout') process.stdout.write(text)
    else process.stderr.write(text)
  }
  return interp.runRepl(input, process.stdin.isTTY === true)
}

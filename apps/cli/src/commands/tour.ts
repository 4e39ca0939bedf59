import { createInterface } from 'node:readline/promises'
import { runSource, summarizeHeap, type RunResult } from '@heap/python-lite'
import { CHAPTERS, type Chapter } from '../tour/chapters.js'
import { colors } from '../format/colors.js'

export interface TourOptions {
  python: string
  interactive?: boolean
}

function indent(text: string, prefix: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => prefix + l)
    .join('\n')
}

function run(ch: Chapter, profile: string): RunResult & { heap: string } {
  const r = runSource(ch.program, { profile, mode: ch.repl ? 'repl' : 'script', filename: `${ch.id}.py`, files: {}, maxSteps: 50_000_000, observe: { snapshots: 'exit' } })
  return { ...r, heap: summarizeHeap(r) }
}

/** Lines of `other` that differ from `base` (by position). */
function differing(base: string, other: string): string[] {
  const a = base.split('\n')
  const b = other.split('\n')
  const out: string[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? '') !== (b[i] ?? '') && (b[i] ?? '') !== '') out.push(b[i]!)
  }
  return out
}

/** `heap tour`: every chapter, its program, its output, a heap picture and the version differences. */
export async function tourCommand(opts: TourOptions): Promise<number> {
  const c = colors(process.stdout)
  const interactive = opts.interactive !== false && process.stdin.isTTY === true && process.stdout.isTTY === true
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : null
  let interrupted = false
  let asking: AbortController | null = null
  rl?.on('SIGINT', () => {
    interrupted = true
    asking?.abort()
  })
  const out = (s = ''): void => {
    process.stdout.write(s + '\n')
  }
  out(c.bold(`A tour of CPython's memory management, simulated as CPython ${opts.python}`))
  out(c.dim(`${CHAPTERS.length} chapters. Each program runs under heap; the output is what the real interpreter prints.`))
  let failures = 0
  for (let i = 0; i < CHAPTERS.length; i++) {
    const ch = CHAPTERS[i]!
    out()
    out(c.cyan(c.bold(`${i + 1}. ${ch.title}`)))
    for (const line of ch.intro) out(line)
    out()
    out(c.dim('  program:'))
    out(indent(ch.program, '    '))
    const r = run(ch, opts.python)
    out(c.dim(`  output (CPython ${opts.python}, simulated):`))
    out(indent(r.merged || '(nothing)\n', '    '))
    if (r.exitCode !== 0) out(c.yellow(`    exit code ${r.exitCode}`))
    out(c.dim('  heap at exit:'))
    out(indent(r.heap, '    '))
    for (const p of ch.compare) {
      if (p === opts.python) continue
      const o = run(ch, p)
      const diff = differing(r.merged, o.merged)
      if (diff.length === 0) out(c.dim(`  CPython ${p}: same output`))
      else {
        out(c.magenta(`  CPython ${p} prints instead:`))
        out(indent(diff.join('\n'), '    '))
      }
    }
    out(c.green(`  → ${ch.takeaway}`))
    if (r.stderr.includes('internal error in the simulator')) failures++
    if (rl !== null && i < CHAPTERS.length - 1) {
      // q, Ctrl-D (the question is aborted) or Ctrl-C (status 130): leave the tour.
      asking = new AbortController()
      const answer = await rl.question(c.dim('\n[Enter] next chapter, q to stop '), { signal: asking.signal }).catch(() => 'q')
      if (answer.trim().toLowerCase() === 'q') {
        rl.close()
        out()
        return interrupted ? 130 : 0
      }
    }
  }
  rl?.close()
  out()
  out(c.bold('End of the tour.') + ' Run your own programs with `heap run --python X.Y file.py`, or compare versions with `heap compare`.')
  return failures === 0 ? 0 : 1
}

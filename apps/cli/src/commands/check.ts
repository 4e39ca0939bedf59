import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { runSource } from '@heap/python-lite'
import { colors } from '../format/colors.js'
import { progress } from '../format/progress.js'

// The diff library loads only when a transcript fails (not on every CLI start).
const require = createRequire(import.meta.url)
function requireDiff(): typeof import('diff') {
  return require('diff') as typeof import('diff')
}

export interface CheckOptions {
  python: string
}

/** One transcript: the statements as typed, and the output expected after each statement. */
export interface Transcript {
  readonly file: string
  readonly line: number
  /** The input lines (prompts removed), as fed to the interactive loop. */
  readonly input: string[]
  /** The full transcript text as written (prompts and outputs). */
  readonly text: string
}

/**
 * Transcripts in a file: ```pycon blocks in Markdown, or runs of `>>>` lines with their outputs in text files.
 */
export function extractTranscripts(file: string, content: string): Transcript[] {
  const out: Transcript[] = []
  const lines = content.split('\n')
  const isMarkdown = /\.(md|markdown)$/i.test(file)
  let i = 0
  while (i < lines.length) {
    if (isMarkdown) {
      if (/^```pycon\s*$/.test(lines[i]!)) {
        const start = i + 1
        let j = start
        while (j < lines.length && !/^```\s*$/.test(lines[j]!)) j++
        out.push(makeTranscript(file, start + 1, lines.slice(start, j)))
        i = j + 1
        continue
      }
      i++
      continue
    }
    if (lines[i]!.startsWith('>>>')) {
      const start = i
      let j = i
      while (j < lines.length && lines[j]!.trim() !== '') j++
      out.push(makeTranscript(file, start + 1, lines.slice(start, j)))
      i = j
      continue
    }
    i++
  }
  return out.filter((t) => t.input.length > 0)
}

function makeTranscript(file: string, line: number, block: string[]): Transcript {
  const input = block.filter((l) => l.startsWith('>>>') || l.startsWith('...')).map((l) => l.replace(/^(>>>|\.\.\.) ?/, ''))
  return { file, line, input, text: block.join('\n') }
}

/**
 * Runs a transcript's statements in the simulated interactive interpreter and rebuilds the transcript from what it
 * printed: the merged output is split at the prompts, exactly as a terminal shows it.
 */
export function replay(t: Transcript, profile: string): string {
  const r = runSource(t.input.join('\n') + '\n', { profile, mode: 'repl', filename: '<stdin>', files: {}, maxSteps: 20_000_000 })
  const parts = r.merged.split(/(>>> |\.\.\. )/)
  const outs: string[] = []
  let cur: string | null = null
  for (const p of parts) {
    if (p === '>>> ' || p === '... ') {
      if (cur !== null) outs.push(cur)
      cur = ''
    } else if (cur !== null) cur += p
  }
  if (cur !== null) outs.push(cur)
  const lines: string[] = []
  const prompts = t.text.split('\n').filter((l) => l.startsWith('>>>') || l.startsWith('...'))
  for (let i = 0; i < prompts.length; i++) {
    lines.push(prompts[i]!)
    const o = (outs[i] ?? '').replace(/\n$/, '')
    if (o !== '') lines.push(...o.split('\n'))
  }
  return lines.join('\n')
}

/** Addresses differ between runs and implementations. */
export function normalizeTranscript(s: string): string {
  return s.replace(/0x[0-9a-fA-F]+/g, '0x…').replace(/[ \t]+$/gm, '').replace(/\n+$/, '')
}

/** `heap check FILE...`: exits 1 when any transcript differs, showing expected vs got as a diff. */
export async function checkCommand(files: string[], opts: CheckOptions): Promise<number> {
  const c = colors(process.stdout)
  const transcripts: Transcript[] = []
  for (const file of files) {
    let content: string
    try {
      content = readFileSync(file, 'utf8')
    } catch {
      process.stderr.write(`heap: can't open file '${file}': [Errno 2] No such file or directory\n`)
      return 2
    }
    transcripts.push(...extractTranscripts(file, content))
  }
  // The bar lives on stderr while the transcripts run; the reports follow once it is gone.
  const bar = progress(process.stderr, transcripts.length, 'checking')
  const reports: string[] = []
  for (const t of transcripts) {
    bar.tick(`${t.file}:${t.line}`)
    const expected = normalizeTranscript(t.text)
    const got = normalizeTranscript(replay(t, opts.python))
    if (expected === got) continue
    const { createTwoFilesPatch } = requireDiff()
    const patch = createTwoFilesPatch('expected', 'got', expected + '\n', got + '\n', '', '', { context: 3 })
    reports.push(c.red(`${t.file}:${t.line}: transcript differs (CPython ${opts.python} simulated)\n`) + patch.replace(/^=+\n/, '') + '\n')
  }
  bar.stop()
  for (const r of reports) process.stdout.write(r)
  const total = transcripts.length
  const failed = reports.length
  const summary = `${total - failed} of ${total} transcript${total === 1 ? '' : 's'} match`
  process.stdout.write((failed === 0 ? c.green(summary) : c.red(summary)) + '\n')
  return failed === 0 ? 0 : 1
}

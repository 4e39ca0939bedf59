import { existsSync, readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { getProfile, runSource, type RunResult } from '@heap/python-lite'
import { colors } from '../format/colors.js'
import { explainDifference } from '../format/why.js'

export interface CompareOptions {
  python: string
}

/** `heap compare --python 3.8,3.11,3.14 FILE`: the outputs side by side, differing lines marked, with reasons. */
export async function compareCommand(file: string, opts: CompareOptions): Promise<number> {
  const c = colors(process.stdout)
  const path = resolve(file)
  if (!existsSync(path)) {
    process.stderr.write(`heap: can't open file '${path}': [Errno 2] No such file or directory\n`)
    return 2
  }
  const versions = opts.python.split(',').map((v) => v.trim()).filter(Boolean)
  for (const v of versions) {
    try {
      getProfile(v)
    } catch (e) {
      process.stderr.write(`heap: ${(e as Error).message}\n`)
      return 2
    }
  }
  const bytes = new Uint8Array(readFileSync(path))
  const source = new TextDecoder().decode(bytes)
  const results: RunResult[] = versions.map((v) => runSource(bytes, { profile: v, mode: 'script', filename: basename(file), files: {}, maxSteps: 100_000_000 }))
  const columns = results.map((r) => r.merged.replace(/\n$/, '').split('\n'))
  const rows = Math.max(...columns.map((col) => col.length))
  const width = Math.max(20, Math.min(48, Math.floor(((process.stdout.columns ?? 120) - 2 - versions.length * 3) / versions.length)))
  const cell = (s: string): string => (s.length > width ? s.slice(0, width - 1) + '…' : s.padEnd(width))
  process.stdout.write('  ' + versions.map((v, i) => c.bold(cell(`CPython ${getProfile(v).cpython.version} (exit ${results[i]!.exitCode})`))).join(' │ ') + '\n')
  process.stdout.write('  ' + versions.map(() => '─'.repeat(width)).join('─┼─') + '\n')
  const differing: number[] = []
  for (let i = 0; i < rows; i++) {
    const vals = columns.map((col) => col[i] ?? '')
    const same = vals.every((v) => v === vals[0])
    if (!same) differing.push(i)
    const mark = same ? '  ' : c.yellow('≠ ')
    process.stdout.write(mark + vals.map((v) => (same ? cell(v) : c.yellow(cell(v)))).join(' │ ') + '\n')
  }
  if (differing.length > 0) {
    const reasons = explainDifference(versions.map((v) => getProfile(v)), columns, source)
    if (reasons.length > 0) {
      process.stdout.write('\n' + c.bold('Why they differ:') + '\n')
      for (const r of reasons) process.stdout.write(`  • ${r}\n`)
    }
  } else process.stdout.write('\n' + c.green('Identical output on every version.') + '\n')
  return 0
}

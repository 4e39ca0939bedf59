// Compare a simulated run with a recording: normalised stdout, stderr, merged stream and exit code.
import { normalizeOutput } from './normalize.mjs'
import type { Recording, Outcome } from './manifest.mjs'
import type { RunResult } from './engine.js'

export type Field = 'stdout' | 'stderr' | 'merged' | 'exitCode'
export const DEFAULT_FIELDS: Field[] = ['stdout', 'stderr', 'exitCode', 'merged']

export interface FieldMismatch {
  field: Field
  expected: string
  actual: string
  /** unified diff, expected → actual */
  diff: string
}

export interface CompareResult {
  pass: boolean
  mismatches: FieldMismatch[]
}

export interface CompareOptions {
  fields?: Field[]
  /** extra directories to strip from the simulator's output (e.g. a virtual cwd it printed) */
  caseDir?: string
}

const LIMIT = 4000

/**
 * Compare one run with a recording. For a nondeterministic recording the run passes when
 * (stdout, stderr, exitCode) equals any recorded separate-stream outcome and (merged, exitCode) any merged outcome.
 */
export function compareRun(actual: RunResult, expected: Recording, opts: CompareOptions = {}): CompareResult {
  const fields = opts.fields ?? DEFAULT_FIELDS
  const norm = (s: string) => normalizeOutput(s ?? '', opts.caseDir ? { caseDir: opts.caseDir } : {})
  const got = { stdout: norm(actual.stdout), stderr: norm(actual.stderr), merged: norm(actual.merged), exitCode: actual.exitCode }
  const candidates = expected.outcomes
    ? { separate: expected.outcomes.separate, merged: expected.outcomes.merged }
    : { separate: [{ stdout: expected.stdout, stderr: expected.stderr, exitCode: expected.exitCode, count: 1 }], merged: [{ merged: expected.merged, exitCode: expected.exitCode, count: 1 }] }

  const sepFields = fields.filter((f): f is 'stdout' | 'stderr' | 'exitCode' => f !== 'merged')
  const mismatches: FieldMismatch[] = []
  if (sepFields.length) {
    const best = bestOutcome(candidates.separate, (o) => sepFields.filter((f) => !same(f, o, got)).length)
    for (const f of sepFields) if (!same(f, best, got)) mismatches.push(mismatch(f, best, got))
  }
  if (fields.includes('merged')) {
    const best = bestOutcome(candidates.merged, (o) => (same('merged', o, got) ? 0 : 1) + (fields.includes('exitCode') && o.exitCode !== got.exitCode ? 1 : 0))
    if (!same('merged', best, got)) mismatches.push(mismatch('merged', best, got))
  }
  return { pass: mismatches.length === 0, mismatches }
}

function same(field: Field, o: Partial<Outcome>, got: Record<Field, string | number>): boolean {
  if (field === 'exitCode') return o.exitCode === got.exitCode
  return normalizeOutput(String(o[field] ?? '')) === got[field]
}

function bestOutcome<T>(list: T[], cost: (o: T) => number): T {
  let best: T = list[0]!
  let bestCost = Infinity
  for (const o of list) {
    const c = cost(o)
    if (c < bestCost) {
      best = o
      bestCost = c
    }
  }
  return best
}

function mismatch(field: Field, o: Partial<Outcome>, got: Record<Field, string | number>): FieldMismatch {
  const expected = field === 'exitCode' ? String(o.exitCode) : normalizeOutput(String(o[field] ?? ''))
  const actual = String(got[field])
  const diff = field === 'exitCode' ? `-exit code ${expected}\n+exit code ${actual}\n` : unifiedDiff(expected, actual, { fromLabel: `expected ${field}`, toLabel: `actual ${field}` })
  return { field, expected, actual, diff }
}

// ---------------------------------------------------------------------------------------------- diff

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number }

function splitLines(s: string): { lines: string[]; finalNewline: boolean } {
  if (s === '') return { lines: [], finalNewline: true }
  const finalNewline = s.endsWith('\n')
  const lines = (finalNewline ? s.slice(0, -1) : s).split('\n')
  return { lines, finalNewline }
}

/** Line operations turning `a` into `b` (longest common subsequence; a plain replacement for huge inputs). */
export function diffLines(a: string[], b: string[]): Op[] {
  // trim the common prefix and suffix first: most outputs differ in a few lines
  let pre = 0
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++
  let suf = 0
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++
  const A = a.slice(pre, a.length - suf)
  const B = b.slice(pre, b.length - suf)
  const ops: Op[] = []
  for (let i = 0; i < pre; i++) ops.push({ kind: ' ', line: a[i]!, a: i, b: i })
  if (A.length * B.length > 4_000_000) {
    A.forEach((line, i) => ops.push({ kind: '-', line, a: pre + i, b: pre }))
    B.forEach((line, j) => ops.push({ kind: '+', line, a: pre + A.length, b: pre + j }))
  } else {
    const n = A.length
    const m = B.length
    const w = m + 1
    const L = new Uint32Array((n + 1) * w)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        L[i * w + j] = A[i] === B[j] ? L[(i + 1) * w + j + 1]! + 1 : Math.max(L[(i + 1) * w + j]!, L[i * w + j + 1]!)
      }
    }
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && A[i] === B[j]) {
        ops.push({ kind: ' ', line: A[i]!, a: pre + i, b: pre + j })
        i++
        j++
      } else if (i < n && (j === m || L[(i + 1) * w + j]! >= L[i * w + j + 1]!)) {
        ops.push({ kind: '-', line: A[i]!, a: pre + i, b: pre + j })
        i++
      } else {
        ops.push({ kind: '+', line: B[j]!, a: pre + i, b: pre + j })
        j++
      }
    }
  }
  for (let k = 0; k < suf; k++) ops.push({ kind: ' ', line: a[a.length - suf + k]!, a: a.length - suf + k, b: b.length - suf + k })
  return ops
}

/** A unified diff (`--- expected`, `+++ actual`, `@@` hunks with `context` lines); '' when equal. */
export function unifiedDiff(expected: string, actual: string, opts: { context?: number; fromLabel?: string; toLabel?: string } = {}): string {
  if (expected === actual) return ''
  const context = opts.context ?? 3
  const ea = splitLines(expected)
  const eb = splitLines(actual)
  const a = [...ea.lines]
  const b = [...eb.lines]
  // make a missing final newline visible as its own change
  if (ea.finalNewline !== eb.finalNewline) {
    if (!ea.finalNewline && a.length) a[a.length - 1] += '\n\\ No newline at end of file'
    if (!eb.finalNewline && b.length) b[b.length - 1] += '\n\\ No newline at end of file'
  }
  const ops = diffLines(a, b)
  const out = [`--- ${opts.fromLabel ?? 'expected'}`, `+++ ${opts.toLabel ?? 'actual'}`]
  const changed = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0)
  let k = 0
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context)
    let end = Math.min(ops.length - 1, changed[k]! + context)
    while (k + 1 < changed.length && changed[k + 1]! - context <= end + 1) {
      k++
      end = Math.min(ops.length - 1, changed[k]! + context)
    }
    k++
    const hunk = ops.slice(start, end + 1)
    const aStart = hunk[0]!.a
    const bStart = hunk[0]!.b
    const aLen = hunk.filter((o) => o.kind !== '+').length
    const bLen = hunk.filter((o) => o.kind !== '-').length
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`)
    for (const o of hunk) out.push(`${o.kind}${visible(o.line)}`)
  }
  const text = out.join('\n') + '\n'
  return text.length > LIMIT ? text.slice(0, LIMIT) + `\n… (${text.length - LIMIT} more characters)\n` : text
}

/** Show trailing whitespace and control characters, which are otherwise invisible in a diff. */
function visible(line: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return line.replace(/[ \t]+$/, (m) => m.replace(/ /g, '·').replace(/\t/g, '→')).replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** A readable report of a failed comparison. */
export function formatMismatches(title: string, result: CompareResult): string {
  if (result.pass) return `${title}: ok`
  return [`${title}: ${result.mismatches.map((m) => m.field).join(', ')} differ`, ...result.mismatches.map((m) => m.diff)].join('\n')
}

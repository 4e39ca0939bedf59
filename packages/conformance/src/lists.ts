// Per-profile expectation lists, engine262 style: lists/<profile>/failing.txt and lists/<profile>/skip.txt.
//
//   # comment lines and blank lines are ignored
//   gc/debug_stats              # reason: one line, required
//   seed/dealloc_py3.repl       # an entry may name one mode (.script / .repl); without it, every mode
//
// skip.txt: not run at all. failing.txt: run, expected to differ; if it matches, that is an error
// ("unexpected pass": remove the entry).
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { LISTS_DIR } from './manifest.mjs'
import type { Mode } from './manifest.mjs'

export type ListKind = 'failing' | 'skip'

export interface ListEntry {
  /** `area/name` */
  caseId: string
  mode: Mode | null
  reason: string
  line: number
}

export interface ProfileLists {
  failing: ListEntry[]
  skip: ListEntry[]
}

export function listPath(profile: string, kind: ListKind, listsDir = LISTS_DIR): string {
  return join(listsDir, profile, `${kind}.txt`)
}

/** Parse one list file; throws on an entry without a reason or with a malformed id. */
export function parseList(text: string, where = 'list'): ListEntry[] {
  const out: ListEntry[] = []
  const problems: string[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const hash = line.indexOf('#')
    const id = (hash < 0 ? line : line.slice(0, hash)).trim()
    const reason = hash < 0 ? '' : line.slice(hash + 1).trim()
    if (!reason) problems.push(`${where}:${i + 1}: "${id}" needs a reason comment (# why)`)
    const m = /^([\w.-]+\/[\w.-]+?)(?:\.(script|repl))?$/.exec(id)
    if (!m) {
      problems.push(`${where}:${i + 1}: malformed entry "${id}" (expected area/name or area/name.mode)`)
      return
    }
    out.push({ caseId: m[1]!, mode: (m[2] as Mode | undefined) ?? null, reason, line: i + 1 })
  })
  if (problems.length) throw new Error(problems.join('\n'))
  return out
}

export function loadLists(profile: string, listsDir = LISTS_DIR): ProfileLists {
  const read = (kind: ListKind) => {
    const p = listPath(profile, kind, listsDir)
    return existsSync(p) ? parseList(readFileSync(p, 'utf8'), p) : []
  }
  return { failing: read('failing'), skip: read('skip') }
}

/** The entry of a list that covers a case run, if any. */
export function findEntry(entries: ListEntry[], caseId: string, mode: Mode): ListEntry | undefined {
  return entries.find((e) => e.caseId === caseId && (e.mode === null || e.mode === mode))
}

/** Problems in a profile's lists: unknown cases, duplicates, an entry in both lists. */
export function checkLists(lists: ProfileLists, known: Map<string, Mode[]>): string[] {
  const problems: string[] = []
  for (const kind of ['failing', 'skip'] as const) {
    const seen = new Set<string>()
    for (const e of lists[kind]) {
      const key = `${e.caseId}.${e.mode ?? '*'}`
      if (seen.has(key)) problems.push(`${kind}.txt:${e.line}: duplicate entry ${e.caseId}`)
      seen.add(key)
      const modes = known.get(e.caseId)
      if (!modes) problems.push(`${kind}.txt:${e.line}: unknown case ${e.caseId}`)
      else if (e.mode && !modes.includes(e.mode)) problems.push(`${kind}.txt:${e.line}: ${e.caseId} has no ${e.mode} mode`)
    }
  }
  for (const e of lists.failing) {
    if (lists.skip.some((s) => s.caseId === e.caseId && (s.mode === null || e.mode === null || s.mode === e.mode))) problems.push(`failing.txt:${e.line}: ${e.caseId} is also in skip.txt`)
  }
  return problems
}

/**
 * Rewrite failing.txt from a run: keep the reasons of entries that still fail, drop entries that pass, add new
 * failures with `reason` (used by scripts/report.mjs --update-failing).
 */
export function writeFailing(profile: string, failures: { caseId: string; mode: Mode }[], opts: { listsDir?: string; reason?: string; header?: string } = {}): void {
  const p = listPath(profile, 'failing', opts.listsDir)
  const old = existsSync(p) ? parseList(readFileSync(p, 'utf8'), p) : []
  const byCase = new Map<string, Mode[]>()
  for (const f of failures) byCase.set(f.caseId, [...(byCase.get(f.caseId) ?? []), f.mode])
  const lines: string[] = []
  for (const [caseId, modes] of [...byCase.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const whole = old.find((e) => e.caseId === caseId && e.mode === null)
    const entries = whole && modes.length ? [{ id: caseId, reason: whole.reason }] : modes.map((m) => ({ id: `${caseId}.${m}`, reason: old.find((e) => e.caseId === caseId && e.mode === m)?.reason ?? opts.reason ?? 'TODO: triage' }))
    for (const e of entries) lines.push(`${e.id.padEnd(48)} # ${e.reason}`)
  }
  const header = opts.header ?? `# Cases expected to differ from the ${profile} recordings (one reason each). A listed case that passes is an error.`
  mkdirSync(dirname(p), { recursive: true })
  writeFileSync(p, `${header}\n${lines.join('\n')}${lines.length ? '\n' : ''}`)
}

import type { CPythonProfile } from '@heap/python-lite'

interface Reason {
  /** The profile field that decides it. */
  readonly field: (p: CPythonProfile) => string | number | boolean | null
  /** Explanation for one value of the field. */
  readonly explain: (value: string, versions: string) => string
  /** Keywords that make it relevant to an output (lower case). */
  readonly topics: readonly string[]
  /** Words the program must use for the reason to apply at all (any of them; lower case). */
  readonly uses?: readonly string[]
}

const REASONS: readonly Reason[] = [
  {
    field: (p) => p.objects.instanceDict,
    explain: (v, vs) =>
      v === 'always-dict'
        ? `${vs}: every instance has a real __dict__ object; it is part of a cycle and counted by gc.collect()`
        : v === 'lazy-values'
          ? `${vs}: instance attributes live in a values array; no __dict__ object exists (or is collected) unless one is requested`
          : `${vs}: instance attributes live inline; a requested __dict__ shares them and is not counted by the collector`,
    topics: ['collect', 'gc', 'dict', 'garbage'],
    uses: ['class '],
  },
  {
    field: (p) => p.objects.immortality,
    explain: (v, vs) =>
      v === 'none'
        ? `${vs}: no immortal objects; shared objects like 1 and None have ordinary counts`
        : v === 'static-999999999'
          ? `${vs}: small ints, () and one-character strings start at 999999999 and still count`
          : `${vs}: None, small ints, interned strings and builtin types are immortal: getrefcount reports a constant`,
    topics: ['refcount', 'getrefcount', '999', '4294967295', '3221225472'],
  },
  {
    field: (p) => p.eval.callArguments + (p.eval.borrowedFastLoads ? '+borrow' : ''),
    explain: (v, vs) =>
      v.startsWith('caller-keeps')
        ? `${vs}: the callee's locals get their own reference while the caller's stack keeps its own`
        : v.endsWith('+borrow')
          ? `${vs}: arguments move into the callee and LOAD_FAST_BORROW reads locals without a reference`
          : `${vs}: arguments move from the caller's stack into the callee's locals`,
    topics: ['refcount', 'getrefcount'],
    uses: ['def ', 'lambda'],
  },
  {
    field: (p) => p.gc.thresholds.join(','),
    explain: (v, vs) => `${vs}: collection thresholds (${v})`,
    topics: ['threshold', 'count', 'generation'],
  },
  {
    field: (p) => p.gc.collector,
    explain: (v, vs) => (v === 'incremental' ? `${vs}: the incremental collector (young + two old spaces; automatic collections report generation 1)` : `${vs}: the three-generation collector`),
    topics: ['generation', 'get_objects', 'count', 'threshold', 'stats'],
    uses: ['gc.'],
  },
  {
    field: (p) => p.gc.finalizerPolicy + '/' + p.gc.resurrection,
    explain: (v, vs) =>
      v.startsWith('legacy')
        ? `${vs}: cycles with __del__ are uncollectable and go to gc.garbage (pre-PEP 442)`
        : v.endsWith('per-object')
          ? `${vs}: PEP 442; resurrected objects survive one by one, the rest is freed`
          : `${vs}: PEP 442; if any object is resurrected, nothing in the collection is freed`,
    topics: ['__del__', 'del', 'garbage', 'collect', 'finaliz'],
    uses: ['__del__', 'finalize'],
  },
  {
    field: (p) => p.output.unraisableFormat,
    explain: (v, vs) =>
      v === 'legacy-one-line' ? `${vs}: errors in __del__ print one "Exception … ignored" line` : v === 'ignored-in' ? `${vs}: errors in __del__ print "Exception ignored in: …" and a traceback` : `${vs}: errors in __del__ print "Exception ignored while calling deallocator …:"`,
    topics: ['exception ignored', 'ignored'],
  },
  {
    field: (p) => p.messages.unboundLocal,
    explain: (_v, vs) => `${vs}: a different UnboundLocalError message`,
    topics: ['unboundlocalerror', 'local variable'],
  },
  {
    field: (p) => p.output.tracebackCarets,
    explain: (v, vs) => (v === 'true' ? `${vs}: tracebacks underline the failing expression with carets` : `${vs}: tracebacks show no carets`),
    topics: ['^', 'traceback'],
  },
  {
    field: (p) => p.unsafe.noneDealloc,
    explain: (v, vs) => (v === 'fatal' ? `${vs}: deallocating None is a fatal error (abort)` : `${vs}: None is immortal; its deallocator restores it`),
    topics: ['fatal', 'dealloc', 'none'],
  },
]

/**
 * Reasons (from the profiles) for the differences between outputs, the most relevant first: a reason counts when its
 * topics appear in the outputs and the program uses what it is about.
 */
export function explainDifference(profiles: readonly CPythonProfile[], columns: readonly string[][], source = ''): string[] {
  const program = source.toLowerCase()
  const text = columns.flat().join('\n').toLowerCase()
  const scored: { score: number; lines: string[] }[] = []
  for (const r of REASONS) {
    const groups = new Map<string, string[]>()
    for (const p of profiles) {
      const v = String(r.field(p))
      const g = groups.get(v) ?? []
      g.push(p.id)
      groups.set(v, g)
    }
    if (groups.size < 2) continue
    if (r.uses !== undefined && !r.uses.some((u) => program.includes(u))) continue
    const score = r.topics.reduce((s, t) => s + (text.includes(t) ? 1 : 0), 0)
    if (score === 0) continue
    scored.push({ score, lines: [...groups.entries()].map(([v, ids]) => r.explain(v, ids.join(', '))) })
  }
  return scored.sort((a, b) => b.score - a.score).flatMap((s) => s.lines)
}

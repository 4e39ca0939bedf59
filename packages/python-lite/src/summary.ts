import type { RunResult } from './interp.js'

/** A few lines describing the heap a run left behind (for the tour). */
export function summarizeHeap(r: RunResult): string {
  const s = r.snapshots?.[r.snapshots.length - 1]
  if (!s) return '(no snapshot)'
  const byType = new Map<string, number>()
  let garbage = 0
  for (const o of s.objects) {
    byType.set(o.type, (byType.get(o.type) ?? 0) + 1)
    if (o.unreachable) garbage++
  }
  const types = [...byType.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([t, n]) => `${n} ${t}`).join(', ')
  const gens = s.generations.map((g, i) => `gen${i}: ${g.size}`).join('  ')
  const roots = s.roots.slice(0, 8).map((r) => {
    const o = s.objects.find((x) => x.id === r.id)
    return `${r.name} → ${o ? `${o.type} (refcount ${o.immortal ? 'immortal' : o.refcnt})` : '?'}`
  })
  const lines = [`objects created by the program and still alive: ${s.objects.length}${types ? ` (${types})` : ''}`]
  if (garbage > 0) lines.push(`unreachable (waiting for the collector): ${garbage}`)
  if (roots.length > 0) lines.push(...roots)
  lines.push(`collector lists: ${gens}`)
  return lines.join('\n')
}

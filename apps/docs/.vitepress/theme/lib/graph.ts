/** Heap pictures: which objects a picture shows, and the DOT text (python-lite's `snapshotToDot`). */
import { snapshotToDot, type DotStyle, type GCStep, type HeapSnapshot, type SnapshotObject } from '@heap/python-lite'

/** The interpreter's machinery: shown only when "everything" is asked for. */
const PLUMBING = new Set([
  'code', 'str', 'int', 'float', 'bool', 'NoneType', 'module', 'function', 'type', 'builtin_function_or_method',
  'getset_descriptor', 'member_descriptor', 'method_descriptor', 'wrapper_descriptor', 'classmethod_descriptor',
  'mappingproxy', 'cell', 'frame', 'traceback', 'staticmethod', 'classmethod', 'property', 'method',
])

export type GraphScope = 'program' | 'everything'

/** The snapshot restricted to what the reader made: instances and containers, with the names that reach them. */
export function focus(s: HeapSnapshot, scope: GraphScope): HeapSnapshot {
  if (scope === 'everything') return { ...s, objects: s.objects.map(shorten) }
  const byId = new Map(s.objects.map((o) => [o.id, o]))
  const moduleDicts = new Set<number>()
  const typeDicts = new Set<number>()
  for (const o of s.objects) {
    if (o.type === 'module') for (const r of o.referents) moduleDicts.add(r)
    if (o.type === 'type' || o.repr.startsWith("<class '")) for (const r of o.referents) if (byId.get(r)?.type === 'dict') typeDicts.add(r)
  }
  const hidden = (o: SnapshotObject): boolean => {
    if (PLUMBING.has(o.type) || o.repr.startsWith("<class '")) return true
    if (moduleDicts.has(o.id) || typeDicts.has(o.id)) return true
    // Tuples of names and constants belong to code objects.
    if (o.type === 'tuple' && o.referents.every((r) => { const x = byId.get(r); return x === undefined || PLUMBING.has(x.type) })) return true
    return false
  }
  const objects = s.objects.filter((o) => !hidden(o)).map(shorten)
  const kept = new Set(objects.map((o) => o.id))
  return { ...s, objects, roots: s.roots.filter((r) => kept.has(r.id)) }
}

/** `<Node object at 0x7f3a5c062a90>` → `at 0x…2a90`: the type is on the line above. */
function shorten(o: SnapshotObject): SnapshotObject {
  const m = /^<[\w.]+ object at 0x([0-9a-f]+)>$/.exec(o.repr)
  return m ? { ...o, repr: `at 0x…${m[1]!.slice(-4)}` } : o
}

/** Graphviz (WebAssembly) has metrics for the PostScript fonts only: Courier measures like the browser's monospace. */
function withMeasuredFont(dot: string): string {
  return dot.replace(/fontname="monospace"/g, 'fontname="Courier"')
}

export function heapDot(s: HeapSnapshot, scope: GraphScope, highlight: number | null = null): string {
  const f = focus(s, scope)
  return withMeasuredFont(snapshotToDot(f, highlight === null ? undefined : (o) => (o.id === highlight ? { fill: '#fca5a5', note: '◀ this event' } : null)))
}

/** Collector lists, in the order the stepper shows them, with their colours. */
export const LIST_STYLE: Record<string, { fill: string; label: string }> = {
  young: { fill: '#dbeafe', label: 'young (being collected)' },
  unreachable: { fill: '#d1d5db', label: 'unreachable' },
  finalizers: { fill: '#fed7aa', label: 'finalizers (legacy __del__)' },
  old: { fill: '#bbf7d0', label: 'old (survivors)' },
}

/** One phase of a collection: objects coloured by the list they are on, `gc_refs` shown where computed. */
export function stepDot(step: GCStep, scope: GraphScope): string {
  const snap = step.snapshot
  if (!snap) return 'digraph heap {}'
  const where = new Map<number, string>()
  for (const name of ['old', 'young', 'finalizers', 'unreachable']) for (const id of step.lists[name] ?? []) where.set(id, name)
  const style = (o: SnapshotObject): DotStyle | null => {
    const list = where.get(o.id)
    const refs = step.gcRefs?.[o.id]
    const note = [list ? `[${list}]` : '', refs !== undefined ? `gc_refs=${refs}` : ''].filter(Boolean).join(' ')
    if (list === undefined) return note ? { note } : null
    return { fill: LIST_STYLE[list]!.fill, note, grey: list === 'unreachable' }
  }
  return withMeasuredFont(snapshotToDot(focus(snap, scope), style))
}

/** How many objects of each list the picture shows, and how many belong to the interpreter itself. */
export function listCounts(step: GCStep, scope: GraphScope): { name: string; shown: number; total: number }[] {
  const shown = new Set(step.snapshot ? focus(step.snapshot, scope).objects.map((o) => o.id) : [])
  return Object.entries(step.lists).map(([name, ids]) => ({ name, shown: ids.filter((i) => shown.has(i)).length, total: ids.length }))
}

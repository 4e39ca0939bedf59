/**
 * NON-CPYTHON: observing a run — heap snapshots, the event timeline, and Graphviz pictures of the heap.
 */
import {
  OB_FREED,
  OB_IMMORTAL,
  forEachReference,
  liveObjects,
  type GCLink,
  type HeapEvent,
  type PyDictObject,
  type PyLongObject,
  type PyObject,
  type PyTupleObject,
  type PyTypeObject,
  type PyUnicodeObject,
  type Runtime,
} from '@heap/core'
import { observePhases, type PhaseView } from '@heap/gc'
import type { Interpreter } from './interp.js'
import type { GCStep, HeapSnapshot, SnapshotObject, SnapshotRoot, TraceEvent, TraceKind } from './observe-types.js'

/** A repr that never runs Python code (safe while the heap is being inspected). */
export function safeRepr(rt: Runtime, o: PyObject, depth = 0): string {
  const T = rt.types
  const t = o.ob_type
  if ((o.ob_flags & OB_FREED) !== 0) return `<freed ${t.tp_name}>`
  if (o === rt.None) return 'None'
  if (o === rt.True) return 'True'
  if (o === rt.False) return 'False'
  if (o === rt.Ellipsis) return 'Ellipsis'
  if (t === T.int) return String((o as PyLongObject).ob_ival)
  if (t === T.float) return String((o as unknown as { ob_fval: number }).ob_fval)
  if (t === T.str) {
    const v = (o as PyUnicodeObject).value
    return JSON.stringify(v.length > 24 ? v.slice(0, 21) + '...' : v).replace(/^"|"$/g, "'")
  }
  if (depth < 1 && (t === T.tuple || t === T.list)) {
    const items = (o as PyTupleObject).ob_item
    const inner = items.slice(0, 4).map((x) => safeRepr(rt, x, depth + 1)).join(', ') + (items.length > 4 ? ', ...' : '')
    return t === T.tuple ? `(${inner}${items.length === 1 ? ',' : ''})` : `[${inner}]`
  }
  if (t === T.list) return `[…${(o as PyTupleObject).ob_item.length}]`
  if (t === T.tuple) return `(…${(o as PyTupleObject).ob_item.length})`
  if (t === T.dict) return `{…${(o as PyDictObject).ma_used}}`
  if (t === T.function) return `<function ${(((o as unknown as { func_qualname: PyObject }).func_qualname) as PyUnicodeObject).value}>`
  if (t === T.type || (t.tp_flags & (1 << 31)) !== 0) return `<class '${(o as PyTypeObject).tp_name}'>`
  if (t === T.module) return `<module>`
  return `<${t.tp_name} object at 0x${o.ob_addr.toString(16)}>`
}

/** Objects alive right after start-up: the interpreter's own, left out of pictures. */
export class StartupSet {
  private readonly set = new WeakSet<PyObject>()
  constructor(rt: Runtime) {
    for (const o of liveObjects(rt)) this.set.add(o)
  }
  has(o: PyObject): boolean {
    return this.set.has(o)
  }
  add(o: PyObject): void {
    this.set.add(o)
  }
}

function generationOf(rt: Runtime, o: PyObject, gens: Map<PyObject, number>): number | null {
  void rt
  return gens.get(o) ?? null
}

/** A snapshot of the objects the program created (and the interpreter objects they point at). */
export function takeSnapshot(interp: Interpreter, label: string, line: number | null): HeapSnapshot {
  const rt = interp.rt
  const startup = interp.startup
  const gens = new Map<PyObject, number>()
  rt.gc.generations.forEach((g, i) => {
    for (let n: GCLink | null = g.head._gc_next; n !== null && n !== g.head; n = n._gc_next) gens.set(n as PyObject, i)
  })
  const all = liveObjects(rt)
  // The parser arena's list is the interpreter's, like the start-up objects: not part of the program's picture.
  const userObjs = all.filter((o) => (startup === null || !startup.has(o)) && o !== interp.arena && !interp.execArenas.includes(o as never))
  const shown = new Set<PyObject>(userObjs)
  // Roots: names in the main module's globals and in the frames on the stack.
  const roots: SnapshotRoot[] = []
  const rootObjects: PyObject[] = []
  const main = interp.mainDict()
  if (main !== null) {
    for (let i = 0; i < main.ma_keys.length; i++) {
      const k = main.ma_keys[i]
      if (k === undefined) continue
      const name = (k as PyUnicodeObject).value
      if (name.startsWith('__') && name.endsWith('__')) continue
      const v = main.ma_values[i]!
      roots.push({ name, scope: 'global', id: v.ob_addr })
      shown.add(v)
      rootObjects.push(v)
    }
  }
  for (let f = interp.ts.frame; f !== null; f = f.previous) {
    if (f.locals !== null) continue
    const names = f.unit.localsplusNames
    const fn = (f.code.co_name as PyUnicodeObject).value
    for (let i = 0; i < names.length; i++) {
      const v = f.localsplus[i]
      if (v === null || v === undefined) continue
      roots.push({ name: names[i]!, scope: `local:${fn}`, id: v.ob_addr })
      shown.add(v)
      rootObjects.push(v)
    }
  }
  // Reachability from the interpreter's roots (everything the audit counts as a root).
  const reachable = new Set<PyObject>()
  const stack: PyObject[] = []
  const mark = (o: PyObject): void => {
    if (!reachable.has(o)) {
      reachable.add(o)
      stack.push(o)
    }
  }
  for (const r of rt.auditRoots) r(mark)
  for (const o of all) if ((o.ob_flags & 2) !== 0) mark(o)
  for (const f of interp.framesForSnapshot()) for (const v of f) mark(v)
  while (stack.length > 0) forEachReference(stack.pop()!, mark)
  // A module is one node: what only an imported module's namespace holds (gc's functions, ...) stays out of the
  // picture.
  const nearProgram = new Set<PyObject>()
  const visit = (o: PyObject): void => {
    if (nearProgram.has(o)) return
    nearProgram.add(o)
    if (o.ob_type !== rt.types.module) stack.push(o)
  }
  for (const v of rootObjects) visit(v)
  for (const f of interp.framesForSnapshot()) for (const v of f) visit(v)
  while (stack.length > 0) forEachReference(stack.pop()!, visit)
  for (const o of [...shown]) if (reachable.has(o) && !nearProgram.has(o) && o.ob_type !== rt.types.module) shown.delete(o)
  const objects: SnapshotObject[] = []
  for (const o of shown) {
    const referents: number[] = []
    forEachReference(o, (r) => {
      referents.push(r.ob_addr)
      if (!shown.has(r) && (r.ob_type === rt.types.str || r.ob_type === rt.types.int || r.ob_type === rt.types.float)) {
        /* small values appear only as labels */
      }
    })
    objects.push({
      id: o.ob_addr,
      type: o.ob_type.tp_name,
      repr: safeRepr(rt, o),
      refcnt: o.ob_refcnt,
      immortal: (o.ob_flags & OB_IMMORTAL) !== 0 || o.ob_refcnt >= 0x4000_0000,
      tracked: o._gc_next !== null,
      generation: generationOf(rt, o, gens),
      finalized: (o.gc_flags & 1) !== 0,
      referents,
      unreachable: !reachable.has(o),
      size: o.ob_block,
    })
  }
  return {
    label,
    profile: rt.profile.id,
    line,
    objects,
    roots,
    generations: rt.gc.generations.map((g) => {
      let size = g.head.phantoms
      for (let n: GCLink | null = g.head._gc_next; n !== null && n !== g.head; n = n._gc_next) size++
      return { count: g.count, threshold: g.threshold, size }
    }),
    seq: rt.events.seq,
  }
}

/**
 * Records the phases of one collection for the GC stepper — the program's first explicit `gc.collect()`, or, if it
 * makes none, the first collection at exit — with a snapshot of the heap after each phase. Automatic collections are
 * not recorded.
 */
export function recordGCSteps(interp: Interpreter, into: GCStep[]): void {
  let recording = false
  observePhases(interp.rt, (view, reason) => {
    if (view.phase === 'start' && into.length === 0 && reason !== 'heap') recording = true
    if (!recording) return
    into.push(gcStep(interp, view))
    if (view.phase === 'done') {
      recording = false
      observePhases(interp.rt, null)
    }
  })
}

function gcStep(interp: Interpreter, view: PhaseView): GCStep {
  const lists: Record<string, number[]> = {}
  for (const [name, objs] of Object.entries(view.lists)) lists[name] = objs.map((o) => o.ob_addr)
  const line = interp.rt.location()?.lineno ?? null
  const step: GCStep = { phase: view.phase, generation: view.generation, description: view.description, lists, snapshot: takeSnapshot(interp, `gc ${view.phase}`, line) }
  if (view.gcRefs === undefined) return step
  const gcRefs: Record<number, number> = {}
  for (const [o, n] of view.gcRefs) gcRefs[o.ob_addr] = n
  return { ...step, gcRefs }
}

const GEN_COLORS = ['#dbeafe', '#fde68a', '#fecaca']

/** How a host restyles one object of a picture (the docs' GC stepper colours objects by collector list). */
export interface DotStyle {
  readonly fill?: string
  /** An extra label line (e.g. `gc_refs=0`). */
  readonly note?: string
  readonly grey?: boolean
}

/**
 * Graphviz DOT for a snapshot: objects as boxes with refcount badges, generations as colours, unreachable objects
 * greyed. `style` may restyle objects.
 */
export function snapshotToDot(s: HeapSnapshot, style?: (o: SnapshotObject) => DotStyle | null): string {
  const byId = new Map(s.objects.map((o) => [o.id, o]))
  const lines = ['digraph heap {', '  rankdir=LR; node [shape=box, style="rounded,filled", fontname="monospace", fontsize=10];']
  for (const r of s.roots) {
    const n = `root_${r.scope.replace(/\W/g, '_')}_${r.name}`
    lines.push(`  "${n}" [label="${esc(r.name)}", shape=plaintext, style="", fontcolor="#1d4ed8"];`)
    lines.push(`  "${n}" -> "o${r.id}";`)
  }
  for (const o of s.objects) {
    const st = style?.(o) ?? null
    const grey = st?.grey ?? o.unreachable
    const fill = st?.fill ?? (grey ? '#e5e7eb' : o.generation !== null ? GEN_COLORS[o.generation] ?? '#fff' : '#ffffff')
    const rc = o.immortal ? 'immortal' : `rc=${o.refcnt}`
    const note = st?.note ? `\\n${esc(st.note)}` : ''
    const font = grey ? 'fontcolor="#6b7280", ' : ''
    lines.push(`  "o${o.id}" [id="o${o.id}", label="${esc(o.type)}\\n${esc(o.repr)}\\n${rc}${note}", ${font}fillcolor="${fill}"];`)
  }
  for (const o of s.objects) {
    for (const r of o.referents) if (byId.has(r)) lines.push(`  "o${o.id}" -> "o${r}";`)
  }
  lines.push('}')
  return lines.join('\n')
}

function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
}

/** Collects the event timeline of a run. */
export class TraceRecorder {
  readonly events: TraceEvent[] = []
  private readonly kinds: Set<string> | null
  private readonly max: number
  truncated = false
  private stop: (() => void) | null = null
  constructor(
    private readonly interp: Interpreter,
    kinds: readonly TraceKind[] | null,
    max: number,
    private readonly onEvent: ((ev: TraceEvent) => void) | null = null,
  ) {
    this.kinds = kinds ? new Set(kinds) : null
    this.max = max
  }
  start(): void {
    const rt = this.interp.rt
    this.stop = rt.events.listen((ev) => this.record(ev))
  }
  end(): void {
    this.stop?.()
    this.stop = null
  }
  private record(ev: HeapEvent): void {
    const startup = this.interp.startup
    const kind: TraceKind = ev.kind === 'gc-phase' || ev.kind === 'gc-start' || ev.kind === 'gc-stop' ? 'gc' : (ev.kind as TraceKind)
    if (ev.kind === 'unsafe') return
    if (this.kinds !== null && !this.kinds.has(kind)) return
    if (this.events.length >= this.max && this.onEvent === null) {
      this.truncated = true
      return
    }
    const loc = this.interp.rt.location()
    if ('op' in ev) {
      if (startup !== null && startup.has(ev.op) && (ev.op.ob_flags & OB_IMMORTAL) === 0 && ev.op.ob_type.tp_flags & (1 << 9)) {
        /* interpreter-owned heap types are shown like any object */
      }
      this.push({
        seq: ev.seq,
        kind,
        file: loc?.filename ?? null,
        line: loc?.lineno ?? null,
        id: ev.op.ob_addr,
        type: ev.op.ob_type.tp_name,
        repr: kind === 'dealloc' || kind === 'free' ? undefined : safeRepr(this.interp.rt, ev.op),
        refcnt: ev.refcnt,
      })
    } else {
      this.push({ seq: ev.seq, kind, file: loc?.filename ?? null, line: loc?.lineno ?? null, phase: ev.phase, generation: ev.generation })
    }
  }

  private push(e: TraceEvent): void {
    if (this.onEvent !== null) this.onEvent(e)
    if (this.events.length < this.max) this.events.push(e)
    else this.truncated = true
  }
}

/** One line of the CLI's timeline. */
export function formatEvent(e: TraceEvent): string {
  const where = e.line !== null ? `${e.file ?? ''}:${e.line}` : ''
  if (e.kind === 'gc') return `${where.padEnd(14)} gc        ${e.phase ?? ''} (generation ${e.generation ?? '?'})`
  const obj = `${e.type ?? '?'} 0x${(e.id ?? 0).toString(16)}${e.repr ? ' ' + e.repr : ''}`
  return `${where.padEnd(14)} ${e.kind.padEnd(9)} ${obj}  refcnt=${e.refcnt ?? '?'}`
}

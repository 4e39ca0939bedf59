import { describe, expect, it } from 'vitest'
import { PyDict_SetItem, PyLong_FromNumber, Py_DECREF, Py_INCREF, type PyListObject, type PyObject, type PyTypeObject, type Runtime } from '@heap/core'
import { auditRefcounts, call, formatAudit, setattr } from '@heap/core/testing'
import { gc_collect } from '../src/index.js'
import { append, classWithDel, freed, list, plainClass, runtime } from './helpers.js'

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Kind = 'list' | 'dict' | 'instance' | 'finalizer'

interface Graph {
  nodes: PyObject[]
  kinds: Kind[]
  edges: number[][]
  held: boolean[]
}

/** Adds a reference from `from` to `to` the way each container stores one. */
function link(rt: Runtime, from: PyObject, kind: Kind, to: PyObject, slot: number): void {
  if (kind === 'list') append(from, to)
  else if (kind === 'dict') {
    const k = PyLong_FromNumber(rt, slot)
    PyDict_SetItem(from, k, to)
    Py_DECREF(k)
  } else setattr(from, `a${slot}`, to)
}

function build(rt: Runtime, rand: () => number, classes: Record<'instance' | 'finalizer', PyTypeObject>, finalizers: boolean): Graph {
  const n = 1 + Math.floor(rand() * 30)
  const nodes: PyObject[] = []
  const kinds: Kind[] = []
  for (let i = 0; i < n; i++) {
    const r = rand()
    const kind: Kind = r < 0.4 ? 'list' : r < 0.6 ? 'dict' : r < 0.9 || !finalizers ? 'instance' : 'finalizer'
    kinds.push(kind)
    nodes.push(kind === 'list' ? list(rt) : kind === 'dict' ? (call(rt.types.dict) as PyObject) : call(classes[kind]))
  }
  const edges: number[][] = nodes.map(() => [])
  const edgeCount = Math.floor(rand() * n * 2.5)
  for (let e = 0; e < edgeCount; e++) {
    const from = Math.floor(rand() * n)
    const to = Math.floor(rand() * n)
    link(rt, nodes[from]!, kinds[from]!, nodes[to]!, e)
    edges[from]!.push(to)
  }
  const held = nodes.map(() => rand() < 0.15)
  return { nodes, kinds, edges, held }
}

function closure(edges: number[][], start: number[]): Set<number> {
  const seen = new Set(start)
  const stack = [...start]
  while (stack.length > 0) {
    const i = stack.pop()!
    for (const j of edges[i]!) {
      if (!seen.has(j)) {
        seen.add(j)
        stack.push(j)
      }
    }
  }
  return seen
}

const PROFILES = ['3.8', '3.11', '3.12', '3.13', '3.14', 'legacy']
const GRAPHS_PER_PROFILE = Math.ceil(10_000 / PROFILES.length)

describe('collector against a reachability oracle', () => {
  it.each(PROFILES)(`%s: over ${GRAPHS_PER_PROFILE} random graphs, a full collection frees exactly the unreachable objects`, (profile) => {
    const rt = runtime(profile)
    const legacy = rt.profile.gc.finalizerPolicy === 'legacy-gc-garbage'
    let finalized = 0
    const classes = { instance: plainClass(rt, 'N'), finalizer: classWithDel(rt, 'F', () => finalized++) }
    for (let g = 0; g < GRAPHS_PER_PROFILE; g++) {
      const rand = rng(g * 7919 + profile.length * 104729)
      const { nodes, kinds, edges, held } = build(rt, rand, classes, true)
      nodes.forEach((op, i) => {
        if (!held[i]) Py_DECREF(op)
      })
      const reach = closure(edges, held.flatMap((h, i) => (h ? [i] : [])))
      const alreadyFreed = new Set(nodes.flatMap((op, i) => (freed(op) ? [i] : [])))
      // Legacy policy: garbage with a finalizer, and everything it reaches (K), is kept out of the collection. The
      // rest is cleared, which drops its references into K: what survives of K is what a cycle inside K still holds.
      const kept = legacy
        ? closure(edges, nodes.flatMap((_, i) => (!reach.has(i) && !alreadyFreed.has(i) && kinds[i] === 'finalizer' ? [i] : [])))
        : new Set<number>()
      const onCycle = [...kept].filter((i) => closure(edges, edges[i]!).has(i))
      const keptByFinalizers = closure(edges, onCycle)
      const survivors = new Set([...reach, ...keptByFinalizers])
      finalized = 0
      const collected = gc_collect(rt)
      if (g % 50 === 0) {
        // The refcount audit after a collection, with the test's own references as roots.
        const report = auditRefcounts(rt, [...nodes.filter((op, i) => held[i] && !freed(op)), classes.instance, classes.finalizer])
        expect(report.ok, `${profile} graph ${g}: ${formatAudit(report)}`).toBe(true)
      }
      // Safety and completeness.
      nodes.forEach((op, i) => {
        // The message (the whole graph) is built only for a failure: building it per node dominated the run time.
        if (freed(op) !== !survivors.has(i)) {
          expect.fail(`${profile} graph ${g} node ${i} (${kinds[i]}) freed=${freed(op)} ${JSON.stringify({ kinds, edges, held, survivors: [...survivors], alreadyFreed: [...alreadyFreed] })}`)
        }
      })
      // CPython's result counts every unreachable object, the uncollectable ones included (instance dicts are
      // separate objects before 3.11 and may add to it).
      const untrackedDict = (i: number): boolean => rt.profile.objects.dictTracking === 'lazy' && kinds[i] === 'dict' && edges[i]!.length === 0
      // Legacy: kept objects that the clearing frees by reference counting are not counted.
      const uncounted = (i: number): boolean => kept.has(i) && !keptByFinalizers.has(i)
      const unreachable = [...Array(nodes.length).keys()].filter((i) => !reach.has(i) && !alreadyFreed.has(i) && !untrackedDict(i) && !uncounted(i)).length
      // Instance dicts that exist as separate objects (always before 3.11; later when values cannot stay inline)
      // are unreachable objects too.
      const instances = [...Array(nodes.length).keys()].filter((i) => !reach.has(i) && !alreadyFreed.has(i) && kinds[i] !== 'list' && kinds[i] !== 'dict').length
      expect(collected, `${profile} graph ${g}`).toBeGreaterThanOrEqual(unreachable)
      expect(collected, `${profile} graph ${g}`).toBeLessThanOrEqual(unreachable + instances)
      if (!legacy) expect(finalized, `${profile} graph ${g}: finalizers`).toBe([...Array(nodes.length).keys()].filter((i) => !reach.has(i) && !alreadyFreed.has(i) && kinds[i] === 'finalizer').length)
      // Release everything: the test's references, and gc.garbage's.
      nodes.forEach((op, i) => {
        if (held[i]) Py_DECREF(op)
      })
      if (legacy) {
        // Break the kept cycles by hand (as 2.7 users had to), then empty gc.garbage.
        const kept = nodes.filter((op) => !freed(op))
        for (const op of kept) Py_INCREF(op)
        for (const op of kept) op.ob_type.tp_clear?.(op)
        for (const op of (rt.gc.garbage as PyListObject).ob_item.splice(0)) Py_DECREF(op)
        for (const op of kept) Py_DECREF(op)
      }
      gc_collect(rt)
      expect(nodes.every(freed), `${profile} graph ${g}: everything freed at the end`).toBe(true)
    }
    Py_DECREF(classes.instance)
    Py_DECREF(classes.finalizer)
    gc_collect(rt)
  }, 120_000)
})

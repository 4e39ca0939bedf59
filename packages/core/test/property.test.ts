/**
 * Property tests of the object model (fast-check): random graphs built by random operation sequences, checked
 * against an independent model of reference counting after every step.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  OB_FREED,
  PROFILES,
  PyDict_Clear,
  PyDict_New,
  PyDict_SetItem,
  PyFloat_FromDouble,
  PyList_Append,
  PyList_FromArray,
  PyList_New,
  PyLong_FromBigInt,
  PyLong_FromNumber,
  PyTuple_Pack,
  PyUnicode_FromString,
  Py_DECREF,
  Py_INCREF,
  _PyObject_SizeOf,
  createRuntime,
  list_clear,
  type PyObject,
  type Runtime,
} from '../src/index.js'
import { auditRefcounts, call, formatAudit, int } from '../src/testing.js'

const RUNS = Number(process.env.HEAP_PROPERTY_RUNS ?? 1000)

type Op =
  | { k: 'list' }
  | { k: 'dict' }
  | { k: 'atom'; float: boolean; v: number }
  | { k: 'tuple'; items: number[] }
  | { k: 'append'; to: number; item: number }
  | { k: 'setitem'; to: number; key: number; value: number }
  | { k: 'clear'; of: number }
  | { k: 'incref'; of: number }
  | { k: 'decref'; of: number }

const idx = fc.nat(1_000)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ k: 'list' }),
  fc.constant<Op>({ k: 'dict' }),
  fc.record({ k: fc.constant('atom' as const), float: fc.boolean(), v: fc.integer({ min: 1_000, max: 1_000_000 }) }),
  fc.record({ k: fc.constant('tuple' as const), items: fc.array(idx, { minLength: 1, maxLength: 3 }) }),
  fc.record({ k: fc.constant('append' as const), to: idx, item: idx }),
  fc.record({ k: fc.constant('append' as const), to: idx, item: idx }),
  fc.record({ k: fc.constant('setitem' as const), to: idx, key: fc.nat(5), value: idx }),
  fc.record({ k: fc.constant('clear' as const), of: idx }),
  fc.record({ k: fc.constant('incref' as const), of: idx }),
  fc.record({ k: fc.constant('decref' as const), of: idx }),
  fc.record({ k: fc.constant('decref' as const), of: idx }),
)

/**
 * The model: for each object the test made, the references the test holds, and its outgoing edges (a multiset for
 * lists and tuples, key → target for dicts). Expected refcount = handles + incoming edges from live objects; when it
 * reaches zero the object is freed and its edges are released, as `_Py_Dealloc` cascades.
 */
interface Node {
  op: PyObject
  kind: 'list' | 'dict' | 'tuple' | 'atom'
  handles: number
  edges: number[]
  dictEdges: Map<number, number>
  freed: boolean
}

class Model {
  readonly nodes: Node[] = []
  readonly keys: PyObject[]
  keysReleased = false
  constructor(readonly rt: Runtime) {
    // Dict keys: strings the test keeps alive for the whole run.
    this.keys = [0, 1, 2, 3, 4, 5].map((i) => PyUnicode_FromString(rt, `key_${i}_of_the_model`))
  }
  live(): number[] {
    const out: number[] = []
    this.nodes.forEach((n, i) => {
      if (!n.freed) out.push(i)
    })
    return out
  }
  pick(i: number, kinds?: readonly Node['kind'][]): number | null {
    const live = this.live().filter((j) => kinds === undefined || kinds.includes(this.nodes[j]!.kind))
    return live.length === 0 ? null : live[i % live.length]!
  }
  add(op: PyObject, kind: Node['kind'], edges: number[] = []): void {
    this.nodes.push({ op, kind, handles: 1, edges, dictEdges: new Map(), freed: false })
  }
  expectedCount(i: number): number {
    let n = this.nodes[i]!.handles
    for (const m of this.nodes) {
      if (m.freed) continue
      for (const e of m.edges) if (e === i) n++
      for (const e of m.dictEdges.values()) if (e === i) n++
    }
    return n
  }
  /** Frees, in the model, everything whose expected count dropped to zero. */
  cascade(): void {
    for (let changed = true; changed; ) {
      changed = false
      this.nodes.forEach((n, i) => {
        if (!n.freed && this.expectedCount(i) === 0) {
          n.freed = true
          changed = true
        }
      })
    }
  }
  apply(op: Op): void {
    const rt = this.rt
    switch (op.k) {
      case 'list':
        return this.add(PyList_New(rt, 0), 'list')
      case 'dict':
        return this.add(PyDict_New(rt), 'dict')
      case 'atom':
        return this.add(op.float ? PyFloat_FromDouble(rt, op.v + 0.5) : PyLong_FromNumber(rt, op.v), 'atom')
      case 'tuple': {
        const items = op.items.map((i) => this.pick(i)).filter((i): i is number => i !== null)
        if (items.length === 0) return // `()` is a shared singleton, not a new object
        return this.add(PyTuple_Pack(rt, items.map((i) => this.nodes[i]!.op)), 'tuple', items)
      }
      case 'append': {
        const to = this.pick(op.to, ['list'])
        const item = this.pick(op.item)
        if (to === null || item === null) return
        PyList_Append(this.nodes[to]!.op, this.nodes[item]!.op)
        this.nodes[to]!.edges.push(item)
        return
      }
      case 'setitem': {
        const to = this.pick(op.to, ['dict'])
        const value = this.pick(op.value)
        if (to === null || value === null) return
        const node = this.nodes[to]!
        PyDict_SetItem(node.op as never, this.keys[op.key]!, this.nodes[value]!.op)
        node.dictEdges.set(op.key, value)
        return this.cascade()
      }
      case 'clear': {
        const of = this.pick(op.of, ['list', 'dict'])
        if (of === null) return
        const node = this.nodes[of]!
        if (node.kind === 'list') list_clear(node.op)
        else PyDict_Clear(node.op as never)
        node.edges = []
        node.dictEdges.clear()
        return this.cascade()
      }
      case 'incref': {
        const of = this.pick(op.of)
        if (of === null) return
        Py_INCREF(this.nodes[of]!.op)
        this.nodes[of]!.handles++
        return
      }
      case 'decref': {
        const live = this.live().filter((j) => this.nodes[j]!.handles > 0)
        if (live.length === 0) return
        const of = live[op.of % live.length]!
        this.nodes[of]!.handles--
        Py_DECREF(this.nodes[of]!.op)
        return this.cascade()
      }
    }
  }
  /** Every invariant the model states, against the runtime; with `audit`, also the full-heap refcount audit. */
  check(audit: boolean): void {
    const addresses = new Map<number, number>()
    this.nodes.forEach((n, i) => {
      if (n.freed) {
        // A free list may have handed the very same object out again as a later node; otherwise it is marked freed.
        const reused = this.nodes.some((m, j) => j > i && !m.freed && m.op === n.op)
        expect(reused || (n.op.ob_flags & OB_FREED) !== 0, `object ${i} (${n.kind}) should be freed`).toBe(true)
        return
      }
      expect((n.op.ob_flags & OB_FREED) !== 0, `object ${i} (${n.kind}) is reachable but freed`).toBe(false)
      expect(n.op.ob_refcnt, `ob_refcnt of object ${i} (${n.kind})`).toBe(this.expectedCount(i))
      const other = addresses.get(n.op.ob_addr)
      expect(other, `objects ${other} and ${i} share address 0x${n.op.ob_addr.toString(16)}`).toBeUndefined()
      addresses.set(n.op.ob_addr, i)
    })
    if (!audit) return
    const held: PyObject[] = this.keysReleased ? [] : [...this.keys]
    for (const n of this.nodes) for (let h = 0; h < n.handles && !n.freed; h++) held.push(n.op)
    const report = auditRefcounts(this.rt, held)
    expect(report.ok, formatAudit(report)).toBe(true)
  }
  /** Releases every handle; what is left (cycles) stays, as after `gc.disable()`. */
  release(): void {
    for (const n of this.nodes) {
      while (n.handles > 0 && !n.freed) {
        n.handles--
        Py_DECREF(n.op)
        this.cascade()
      }
    }
    for (const k of this.keys) Py_DECREF(k)
    this.keysReleased = true
  }
}

describe('random graphs and refcount sequences (fast-check)', () => {
  it(`refcounts equal the model's after every step and the audit's; nothing reachable is freed (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROFILES.map((p) => p.id)), fc.array(opArb, { minLength: 1, maxLength: 40 }), (profile, ops) => {
        const rt = createRuntime({ profile })
        const model = new Model(rt)
        ops.forEach((op, i) => {
          model.apply(op)
          // The audit walks the whole heap (interpreter start-up included): every 8th step and the last.
          model.check(i % 8 === 7 || i === ops.length - 1)
        })
        model.release()
        // What the model frees at the end is freed; the survivors are the objects on reference cycles.
        model.check(true)
        expect(auditRefcounts(rt).ok).toBe(true)
      }),
      { numRuns: RUNS },
    )
  }, 300_000)
})

describe('sys.getsizeof matches CPython 3.11', () => {
  // The sizes CPython 3.11.7 printed for probes/size2.py, as recorded by the conformance recorder.
  const recording = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../conformance/expected/3.11/probes/size2.script.json', import.meta.url)), 'utf8'),
  ) as { stdout: string }
  const recorded = new Map(
    recording.stdout
      .split('\n')[0]!
      .replace(/^[\d.]+: /, '')
      .split('; ')
      .map((kv) => [kv.slice(0, kv.lastIndexOf('=')), Number(kv.slice(kv.lastIndexOf('=') + 1))] as const),
  )
  it('for the built-in objects core makes', () => {
    const rt = createRuntime({ profile: '3.11' })
    const T = rt.types
    const make: Record<string, () => PyObject> = {
      'object()': () => call(T.object),
      '0': () => PyLong_FromNumber(rt, 0),
      '1': () => PyLong_FromNumber(rt, 1),
      '-1': () => PyLong_FromNumber(rt, -1),
      '2**30-1': () => PyLong_FromNumber(rt, 2 ** 30 - 1),
      '2**30': () => PyLong_FromNumber(rt, 2 ** 30),
      '2**64': () => PyLong_FromBigInt(rt, 2n ** 64n),
      "''": () => PyUnicode_FromString(rt, ''),
      "'a'": () => PyUnicode_FromString(rt, 'a'),
      '[]': () => PyList_New(rt, 0),
      // A list display builds the list at its exact size (appending would over-allocate).
      '[1]': () => PyList_FromArray(rt, [rt.small_ints[1 + 5]!]),
      '()': () => PyTuple_Pack(rt, []),
      '(1,)': () => PyTuple_Pack(rt, [rt.small_ints[1 + 5]!]),
      '(1,2)': () => PyTuple_Pack(rt, [rt.small_ints[1 + 5]!, rt.small_ints[2 + 5]!]),
      '{}': () => PyDict_New(rt),
      'set()': () => call(T.set),
      'frozenset()': () => call(T.frozenset),
      None: () => (Py_INCREF(rt.None), rt.None),
      True: () => (Py_INCREF(rt.True), rt.True),
      False: () => (Py_INCREF(rt.False), rt.False),
      '1.0': () => PyFloat_FromDouble(rt, 1.0),
      "b''": () => call(T.bytes),
      'bytearray()': () => call(T.bytearray),
      'range(10)': () => {
        const ten = int(rt, 10)
        const r = call(T.range, ten)
        Py_DECREF(ten)
        return r
      },
    }
    const got: Record<string, number> = {}
    const want: Record<string, number> = {}
    for (const [name, f] of Object.entries(make)) {
      const o = f()
      got[name] = _PyObject_SizeOf(o)
      want[name] = recorded.get(name)!
      Py_DECREF(o)
    }
    expect(Object.values(want).every((v) => Number.isFinite(v))).toBe(true)
    expect(got).toEqual(want)
  })
})

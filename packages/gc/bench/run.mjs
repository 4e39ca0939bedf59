// Collector benchmarks: the same object graphs built under @heap/gc and under real CPython (python3), timing one
// full gc.collect() in each, in one run. Prints times, the ratio heap/CPython and the time per object at each size.
// Usage: node bench/run.mjs [--max 1000000] [--python python3]
import { execFileSync } from 'node:child_process'
import { createRuntime, PyList_New, PyList_Append, Py_DECREF, PyObject_CallArgs } from '@heap/core'
import { makeClass, setattr } from '@heap/core/testing'
import { installGC, gc_collect } from '../dist/index.js'

const args = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : dflt
}
const MAX = Number(opt('--max', '1000000'))
const PYTHON = opt('--python', 'python3')

function runtime() {
  const rt = createRuntime({ profile: '3.11' })
  installGC(rt)
  rt.gc.enabled = false
  gc_collect(rt)
  return rt
}

/** A ring of n instances (a.next = b …), dropped, then one full collection. Returns [ms, collected]. */
function heapRing(n) {
  const rt = runtime()
  const Node = makeClass(rt, 'Node', [], {})
  const first = PyObject_CallArgs(Node, [])
  let prev = first
  for (let i = 1; i < n; i++) {
    const cur = PyObject_CallArgs(Node, [])
    setattr(prev, 'next', cur)
    if (prev !== first) Py_DECREF(prev)
    prev = cur
  }
  setattr(prev, 'next', first)
  if (prev !== first) Py_DECREF(prev)
  Py_DECREF(first)
  const t0 = performance.now()
  const collected = gc_collect(rt)
  const ms = performance.now() - t0
  Py_DECREF(Node)
  return [ms, collected]
}

/** n live lists held by one list: a full collection that finds nothing. */
function heapLiveLists(n) {
  const rt = runtime()
  const holder = PyList_New(rt, 0)
  for (let i = 0; i < n; i++) {
    const l = PyList_New(rt, 0)
    PyList_Append(holder, l)
    Py_DECREF(l)
  }
  const t0 = performance.now()
  const collected = gc_collect(rt)
  const ms = performance.now() - t0
  Py_DECREF(holder)
  return [ms, collected]
}

const PY = `
import gc, sys, time
kind, n = sys.argv[1], int(sys.argv[2])
gc.disable(); gc.collect()
class Node: pass
if kind == 'ring':
    first = Node(); prev = first
    for i in range(1, n):
        cur = Node(); prev.next = cur; prev = cur
    prev.next = first
    del first, prev, cur
else:
    holder = [[] for i in range(n)]
t0 = time.perf_counter(); c = gc.collect(); t1 = time.perf_counter()
print((t1 - t0) * 1000, c)
`

function cpython(kind, n) {
  try {
    const out = execFileSync(PYTHON, ['-c', PY, kind, String(n)], { encoding: 'utf8' }).trim().split(' ')
    return [Number(out[0]), Number(out[1])]
  } catch {
    return null
  }
}

const pyVersion = (() => {
  try {
    return execFileSync(PYTHON, ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' }).trim()
  } catch {
    return 'unavailable'
  }
})()

console.log(`@heap/gc collector benchmark (profile 3.11) vs CPython ${pyVersion}; one full gc.collect()`)
console.log('program      objects   heap ms   CPython ms   ratio   heap ns/object   collected (heap / CPython)')
const sizes = []
for (let n = 10_000; n <= MAX; n *= 10) sizes.push(n)
if (!sizes.includes(300_000) && MAX >= 300_000) sizes.push(300_000)
sizes.sort((a, b) => a - b)
for (const [name, fn, kind] of [['ring', heapRing, 'ring'], ['live-lists', heapLiveLists, 'lists']]) {
  for (const n of sizes) {
    const [ms, c] = fn(n)
    const py = cpython(kind, n)
    const ratio = py ? (ms / py[0]).toFixed(2) + 'x' : 'n/a'
    console.log(
      `${name.padEnd(12)} ${String(n).padStart(8)} ${ms.toFixed(1).padStart(9)} ${(py ? py[0].toFixed(1) : 'n/a').padStart(12)} ${ratio.padStart(7)} ${((ms * 1e6) / n).toFixed(0).padStart(16)}   ${c} / ${py ? py[1] : 'n/a'}`,
    )
  }
}

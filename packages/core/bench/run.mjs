// Object-model benchmarks: refcount traffic, allocation and deallocation of small objects and containers, and a
// 1,000,000-deep deallocation cascade, each measured under @heap/core and, where Python has the same operation,
// under real CPython (python3) in the same run. Prints ops/s, the ratio heap/CPython (time per op) and the bytes of
// JS heap each live simulated object costs. A benchmark, not a test: nothing is asserted.
// Usage: node --expose-gc bench/run.mjs [--python python3] [--n 1000000]
import { execFileSync } from 'node:child_process'
import {
  createRuntime,
  PyDict_New,
  PyDict_SetItem,
  PyList_Append,
  PyList_New,
  PyLong_FromNumber,
  PyTuple_Pack,
  PyUnicode_FromString,
  Py_DECREF,
  Py_INCREF,
} from '../dist/index.js'

const args = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : dflt
}
const N = Number(opt('--n', '1000000'))
const PYTHON = opt('--python', 'python3')

const rt = createRuntime({ profile: '3.11' })

/** Best-of-3 time of `fn(n)` in ms. */
function best(fn, n) {
  let ms = Infinity
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now()
    fn(n)
    ms = Math.min(ms, performance.now() - t0)
  }
  return ms
}

/** Seconds per loop of a Python statement, from `timeit` (best of 3), or NaN without python. */
function cpython(setup, stmt, n) {
  try {
    const code = `import timeit; print(min(timeit.repeat(${JSON.stringify(stmt)}, setup=${JSON.stringify(setup)}, number=${n}, repeat=3)) / ${n})`
    return Number(execFileSync(PYTHON, ['-c', code], { encoding: 'utf8' }).trim())
  } catch {
    return NaN
  }
}

const cases = [
  {
    name: 'Py_INCREF + Py_DECREF',
    heap(n) {
      const op = PyLong_FromNumber(rt, 100_000)
      for (let i = 0; i < n; i++) {
        Py_INCREF(op)
        Py_DECREF(op)
      }
      Py_DECREF(op)
    },
    py: ['x = 100000', 'y = x; del y'],
  },
  {
    name: 'int alloc + dealloc',
    heap(n) {
      for (let i = 0; i < n; i++) Py_DECREF(PyLong_FromNumber(rt, 1000 + (i & 1023)))
    },
    py: ['i = 1000', 'i + 1'],
  },
  {
    name: 'str alloc + dealloc',
    heap(n) {
      for (let i = 0; i < n; i++) Py_DECREF(PyUnicode_FromString(rt, 'spam and eggs'))
    },
    py: ['s = "spam and eggs "', 's[:-1]'],
  },
  {
    name: 'tuple(2) alloc + dealloc',
    heap(n) {
      const a = PyLong_FromNumber(rt, 1000)
      for (let i = 0; i < n; i++) Py_DECREF(PyTuple_Pack(rt, [a, a]))
      Py_DECREF(a)
    },
    py: ['a = 1000', '(a, a)'],
  },
  {
    name: 'list alloc + 1 append + dealloc',
    heap(n) {
      const a = PyLong_FromNumber(rt, 1000)
      for (let i = 0; i < n; i++) {
        const l = PyList_New(rt, 0)
        PyList_Append(l, a)
        Py_DECREF(l)
      }
      Py_DECREF(a)
    },
    py: ['a = 1000', '[].append(a)'],
  },
  {
    name: 'dict alloc + 1 item + dealloc',
    heap(n) {
      const k = PyUnicode_FromString(rt, 'key')
      for (let i = 0; i < n; i++) {
        const d = PyDict_New(rt)
        PyDict_SetItem(d, k, k)
        Py_DECREF(d)
      }
      Py_DECREF(k)
    },
    py: ['k = "key"', '{k: k}'],
  },
]

console.log(`@heap/core vs CPython (${PYTHON}), n = ${N} per case, best of 3`)
console.log('case'.padEnd(34), 'heap ops/s'.padStart(14), 'cpython ops/s'.padStart(14), 'ratio'.padStart(8))
for (const c of cases) {
  const ms = best(c.heap, N)
  const heapOps = N / (ms / 1000)
  const perLoop = cpython(c.py[0], c.py[1], Math.min(N, 1_000_000))
  const pyOps = 1 / perLoop
  const ratio = Number.isFinite(pyOps) ? (pyOps / heapOps).toFixed(2) + 'x' : '-'
  console.log(c.name.padEnd(34), heapOps.toExponential(2).padStart(14), (Number.isFinite(pyOps) ? pyOps.toExponential(2) : '-').padStart(14), ratio.padStart(8))
}

// A chain of nested lists, freed from the top: the trashcan must keep the JS stack flat.
{
  const depth = N
  const build = () => {
    let inner = PyList_New(rt, 0)
    for (let i = 1; i < depth; i++) {
      const outer = PyList_New(rt, 0)
      PyList_Append(outer, inner)
      Py_DECREF(inner)
      inner = outer
    }
    return inner
  }
  const top = build()
  const t0 = performance.now()
  Py_DECREF(top)
  const ms = performance.now() - t0
  const py = cpython(`x = []\nfor _ in range(${depth}):\n    x = [x]`, 'del x', 1)
  const ratio = Number.isFinite(py) ? `, ratio ${(ms / (py * 1000)).toFixed(2)}x` : ''
  console.log(`${depth.toLocaleString('en')}-deep list cascade: dealloc ${ms.toFixed(0)} ms (CPython ${(py * 1000).toFixed(0)} ms${ratio})`)
}

// JS heap per live simulated object.
{
  const gc = globalThis.gc
  const count = 200_000
  const measure = (name, make) => {
    const rt = createRuntime({ profile: '3.11' })
    gc?.()
    const before = process.memoryUsage().heapUsed
    const live = new Array(count)
    for (let i = 0; i < count; i++) live[i] = make(rt, i)
    gc?.()
    const bytes = (process.memoryUsage().heapUsed - before) / count
    for (const op of live) Py_DECREF(op)
    console.log(`JS heap per live ${name}: ${bytes.toFixed(0)} bytes${gc ? '' : ' (run with --expose-gc for stable figures)'}`)
  }
  measure('int', (r, i) => PyLong_FromNumber(r, 1000 + i))
  measure('empty list', (r) => PyList_New(r, 0))
  measure('empty dict', (r) => PyDict_New(r))
}

// @heap/gc from Node ESM: the cycle collector on a @heap/core runtime.
import { PyList_Append, PyList_New, Py_DECREF, auditRefcounts, createRuntime } from '@heap/core'
import { gc_collect, gc_get_threshold, installGC } from '@heap/gc'
import * as internal from '@heap/gc/internal'
import { check, done, equal, ok, resolvesInstalled } from './util.mjs'

resolvesInstalled('@heap/gc')

ok('3.11: a two-list cycle survives refcounting; gc.collect() finds 2 objects, then 0', () => {
  const rt = createRuntime({ profile: '3.11' })
  installGC(rt)
  const a = PyList_New(rt, 0)
  const b = PyList_New(rt, 0)
  PyList_Append(a, b)
  PyList_Append(b, a)
  Py_DECREF(a)
  Py_DECREF(b)
  equal(a.ob_refcnt, 1, 'refcount of a list kept alive by the cycle')
  equal(gc_collect(rt), 2, 'gc.collect()')
  equal(a.ob_refcnt, 0, 'refcount after the collection')
  equal(gc_collect(rt), 0, 'second gc.collect()')
  equal(auditRefcounts(rt).differences.length, 0, 'refcount audit differences')
})

ok('gc.get_threshold() per version', () => {
  // python3.11 -c 'import gc; print(gc.get_threshold())' -> (700, 10, 10)
  equal(JSON.stringify(gc_get_threshold(createRuntime({ profile: '3.11' }))), '[700,10,10]', '3.11 thresholds')
  // 3.13.0 prints (2000, 10, 10)
  equal(JSON.stringify(gc_get_threshold(createRuntime({ profile: '3.13' }))), '[2000,10,10]', '3.13 thresholds')
})

ok('@heap/gc/internal loads', () => check(typeof internal.installGC === 'function', 'internal.installGC is not a function'))

done('@heap/gc')

import { describe, expect, it } from 'vitest'
import {
  PyList_Append,
  PyLong_FromNumber,
  PyTuple_FromArraySteal,
  PyUnicode_FromString,
  _PyObject_GC_IS_TRACKED,
  Py_DECREF,
  type PyListObject,
  type PyObject,
  type Runtime,
} from '@heap/core'
import { call, none, pyfunc, setattr } from '@heap/core/testing'
import {
  gc_collect,
  gc_get_count,
  gc_get_objects,
  gc_get_referents,
  gc_get_referrers,
  gc_get_stats,
  gc_is_finalized,
  gc_set_debug,
  gc_freeze,
  gc_get_freeze_count,
  gc_unfreeze,
  collectStepwise,
  observePhases,
} from '../src/index.js'
import { append, classWithDel, freed, list, runtime } from './helpers.js'

/** Two lists referring to each other, with no outside reference left. */
function twoListCycle(rt: Runtime): [PyObject, PyObject] {
  const a = list(rt)
  const b = list(rt)
  append(a, b)
  append(b, a)
  Py_DECREF(a)
  Py_DECREF(b)
  return [a, b]
}

describe('cycles of lists', () => {
  it('gc.collect() frees an unreachable two-list cycle and reports 2, then 0 (CPython 3.8–3.13)', () => {
    for (const profile of ['3.8', '3.11', '3.12', '3.13']) {
      const rt = runtime(profile)
      const [a, b] = twoListCycle(rt)
      expect(freed(a) || freed(b)).toBe(false)
      expect(gc_collect(rt)).toBe(2)
      expect(freed(a) && freed(b)).toBe(true)
      expect(gc_collect(rt)).toBe(0)
    }
  })

  it('objects reachable from outside survive, including the garbage-looking ones they reach', () => {
    const rt = runtime('3.11')
    const root = list(rt)
    const [a] = [list(rt)]
    const b = list(rt)
    append(a, b)
    append(b, a)
    append(root, a)
    Py_DECREF(a)
    Py_DECREF(b)
    expect(gc_collect(rt)).toBe(0)
    expect(freed(a) || freed(b)).toBe(false)
    // Survivors of a full collection stay in generation 2.
    expect(gc_get_objects(rt, 2)).toEqual(expect.arrayContaining([root, a, b]))
    Py_DECREF(root)
    expect(gc_collect(rt)).toBe(2)
    expect(freed(a) && freed(b)).toBe(true)
  })

  it('a self-referencing list is one unreachable object', () => {
    const rt = runtime('3.11')
    const a = list(rt)
    append(a, a)
    Py_DECREF(a)
    expect(gc_collect(rt)).toBe(1)
  })

  it('collecting generation 0 promotes survivors to generation 1', () => {
    const rt = runtime('3.11')
    const a = list(rt)
    expect(gc_get_objects(rt, 0)).toContain(a)
    gc_collect(rt, 0)
    expect(gc_get_objects(rt, 0)).not.toContain(a)
    expect(gc_get_objects(rt, 1)).toContain(a)
    gc_collect(rt, 1)
    expect(gc_get_objects(rt, 2)).toContain(a)
    Py_DECREF(a)
  })
})

describe('automatic collection', () => {
  it('allocating more containers than threshold 0 collects generation 0 (3.11: 700)', () => {
    const rt = runtime('3.11')
    rt.gc.enabled = true
    const [a, b] = twoListCycle(rt)
    const keep: PyObject[] = []
    for (let i = 0; i < 698; i++) keep.push(list(rt))
    expect(freed(a)).toBe(false)
    expect(gc_get_count(rt)[0]).toBe(700)
    // The 701st allocation crosses the threshold and runs the collection inside the allocation.
    keep.push(list(rt))
    expect(freed(a) && freed(b)).toBe(true)
    expect(gc_get_count(rt)).toEqual([0, 1, 0])
    expect(gc_get_stats(rt)[0]!.collections).toBe(1)
    expect(gc_get_stats(rt)[0]!.collected).toBe(2)
    for (const k of keep) Py_DECREF(k)
  })

  it('allocate-and-free churn never triggers a collection (free lists and deallocations keep count[0] down)', () => {
    const rt = runtime('3.11')
    rt.gc.enabled = true
    for (let i = 0; i < 5000; i++) Py_DECREF(list(rt))
    expect(gc_get_stats(rt)[0]!.collections).toBe(0)
    expect(gc_get_count(rt)[0]).toBeLessThanOrEqual(1)
  })

  it('3.12 schedules the collection for the eval breaker instead of running it inside the allocation', () => {
    const rt = runtime('3.12')
    rt.gc.enabled = true
    const keep: PyObject[] = []
    for (let i = 0; i < 705; i++) keep.push(list(rt))
    expect(rt.gc.scheduled).toBe(true)
    expect(gc_get_stats(rt)[0]!.collections).toBe(0)
    for (const k of keep) Py_DECREF(k)
  })
})

describe('finalizers (PEP 442)', () => {
  it('__del__ runs once for each object of a collected cycle, then the objects are freed', () => {
    const rt = runtime('3.11')
    const order: PyObject[] = []
    const A = classWithDel(rt, 'A', (self) => order.push(self))
    const a = call(A)
    const b = call(A)
    setattr(a, 'other', b)
    setattr(b, 'other', a)
    Py_DECREF(a)
    Py_DECREF(b)
    expect(order).toHaveLength(0)
    expect(gc_collect(rt)).toBe(2)
    expect(order).toHaveLength(2)
    expect(freed(a) && freed(b)).toBe(true)
    Py_DECREF(A)
    gc_collect(rt)
  })

  it('a resurrected object survives, is marked finalized, and its __del__ never runs again (3.9+ per object)', () => {
    const rt = runtime('3.11')
    const keep = list(rt)
    let calls = 0
    const A = classWithDel(rt, 'A', (self) => {
      calls++
      append(keep, self)
    })
    const a = call(A)
    const b = call(A)
    setattr(a, 'other', b)
    setattr(b, 'other', a)
    Py_DECREF(a)
    Py_DECREF(b)
    // CPython 3.11.7 prints 0 for this collection: resurrected objects are not counted.
    expect(gc_collect(rt)).toBe(0)
    expect(calls).toBe(2)
    expect(gc_is_finalized(a)).toBe(true)
    ;(keep as PyListObject).ob_item.splice(0).forEach((o) => Py_DECREF(o))
    // CPython 3.11.7: 2 — the cycle again, and no second __del__.
    expect(gc_collect(rt)).toBe(2)
    expect(calls).toBe(2)
    Py_DECREF(keep)
    Py_DECREF(A)
    gc_collect(rt)
  })

  it('3.8: one resurrection keeps the whole set, uncounted; later collection counts instance dicts too', () => {
    const rt = runtime('3.8')
    const keep = list(rt)
    const A = classWithDel(rt, 'A', (self) => append(keep, self))
    const a = call(A)
    const b = call(A)
    setattr(a, 'other', b)
    setattr(b, 'other', a)
    Py_DECREF(a)
    Py_DECREF(b)
    // CPython 3.8.18 prints 0 then 4.
    expect(gc_collect(rt)).toBe(0)
    ;(keep as PyListObject).ob_item.splice(0).forEach((o) => Py_DECREF(o))
    expect(gc_collect(rt)).toBe(4)
    Py_DECREF(keep)
    Py_DECREF(A)
    gc_collect(rt)
  })
})

describe('legacy finalizers (Python 2.7 policy)', () => {
  it('a cycle with __del__ is uncollectable and lands in gc.garbage', () => {
    const rt = runtime('legacy')
    let calls = 0
    const A = classWithDel(rt, 'A', () => calls++)
    const a = call(A)
    const b = call(A)
    setattr(a, 'other', b)
    setattr(b, 'other', a)
    Py_DECREF(a)
    Py_DECREF(b)
    const n = gc_collect(rt)
    expect(n).toBeGreaterThanOrEqual(2)
    expect(calls).toBe(0)
    const garbage = (rt.gc.garbage as PyListObject).ob_item
    expect(garbage).toEqual(expect.arrayContaining([a, b]))
    // Breaking the cycle by hand, as 2.7 users had to.
    setattr(a, 'other', null)
    garbage.splice(0).forEach((o) => Py_DECREF(o))
    expect(calls).toBe(2)
    Py_DECREF(A)
    gc_collect(rt)
  })
})

describe('debugging', () => {
  it('DEBUG_SAVEALL keeps the garbage in gc.garbage instead of freeing it', () => {
    const rt = runtime('3.11')
    gc_set_debug(rt, 32)
    const [a, b] = twoListCycle(rt)
    expect(gc_collect(rt)).toBe(2)
    const garbage = (rt.gc.garbage as PyListObject).ob_item
    expect(garbage).toEqual([a, b])
    expect(freed(a)).toBe(false)
    gc_set_debug(rt, 0)
    for (const o of garbage.splice(0)) Py_DECREF(o)
    expect(gc_collect(rt)).toBe(2)
  })

  it('DEBUG_STATS and DEBUG_COLLECTABLE write CPython’s lines to stderr', () => {
    const rt = runtime('3.11')
    let err = ''
    rt.hooks.writeStderr = (_rt, text) => {
      err += text
    }
    gc_set_debug(rt, 1 | 2)
    const [a] = twoListCycle(rt)
    gc_collect(rt)
    const lines = err.split('\n')
    expect(lines[0]).toBe('gc: collecting generation 2...')
    expect(lines[1]).toMatch(/^gc: objects in each generation: \d+ \d+ \d+$/)
    expect(lines).toContain(`gc: collectable <list 0x${a.ob_addr.toString(16)}>`)
    expect(lines.some((l) => /^gc: done, 2 unreachable, 0 uncollectable, \d+\.\d{4}s elapsed$/.test(l))).toBe(true)
  })
})

describe('introspection', () => {
  it('get_referents follows tp_traverse; get_referrers scans the tracked objects', () => {
    const rt = runtime('3.11')
    const a = list(rt)
    const b = list(rt)
    append(a, b)
    expect(gc_get_referents(rt, [a])).toEqual([b])
    expect(gc_get_referrers(rt, [b])).toEqual([a])
    Py_DECREF(a)
    Py_DECREF(b)
  })

  it('freeze moves every tracked object to the permanent generation, out of the collector’s reach', () => {
    const rt = runtime('3.11')
    const [a] = twoListCycle(rt)
    gc_freeze(rt)
    expect(gc_get_freeze_count(rt)).toBeGreaterThanOrEqual(2)
    expect(gc_collect(rt)).toBe(0)
    expect(freed(a)).toBe(false)
    gc_unfreeze(rt)
    expect(gc_collect(rt)).toBe(2)
  })

  it('tuples of atomic items are untracked by a collection; tuples holding containers stay tracked', () => {
    const rt = runtime('3.11')
    const atomic = PyTuple_FromArraySteal(rt, [PyLong_FromNumber(rt, 1000), PyUnicode_FromString(rt, 'x')])
    const holder = PyTuple_FromArraySteal(rt, [list(rt)])
    expect(_PyObject_GC_IS_TRACKED(atomic)).toBe(true)
    expect(_PyObject_GC_IS_TRACKED(holder)).toBe(true)
    gc_collect(rt, 0)
    expect(_PyObject_GC_IS_TRACKED(atomic)).toBe(false)
    expect(_PyObject_GC_IS_TRACKED(holder)).toBe(true)
    Py_DECREF(atomic)
    Py_DECREF(holder)
  })
})

describe('stepping', () => {
  it('collectStepwise yields CPython’s phases in order and really collects', () => {
    const rt = runtime('3.11')
    const pair = twoListCycle(rt)
    const phases: string[] = []
    const it = collectStepwise(rt)
    let r = it.next()
    while (!r.done) {
      phases.push(r.value.phase)
      if (r.value.phase === 'subtract_refs') {
        // Only references from inside the cycle: nothing left after subtracting them.
        expect(pair.map((o) => r.value.gcRefs!.get(o))).toEqual([0, 0])
      }
      r = it.next()
    }
    expect(r.value).toBe(2)
    expect(phases).toEqual(['start', 'update_refs', 'subtract_refs', 'move_unreachable', 'move_legacy_finalizers', 'finalize_garbage', 'delete_garbage', 'done'])
  })

  it('a phase observer sees every phase of gc.collect() and of automatic collections, with the reason, until removed', () => {
    for (const profile of ['3.11', '3.14']) {
      const rt = runtime(profile)
      const seen: string[] = []
      observePhases(rt, (view, reason) => seen.push(`${reason}:${view.phase}:${view.lists['unreachable']?.length ?? '-'}`))
      twoListCycle(rt)
      expect(gc_collect(rt)).toBe(2)
      expect(seen[0]).toBe('manual:start:-')
      expect(seen).toContain('manual:move_unreachable:2')
      expect(seen[seen.length - 1]).toBe('manual:done:-')
      seen.length = 0
      rt.gc.generations[0]!.count = rt.gc.generations[0]!.threshold + 1
      rt.hooks.collectGenerations(rt)
      expect(seen.filter((s) => s.endsWith(':start:-')).every((s) => s.startsWith('heap:'))).toBe(true)
      expect(seen.length).toBeGreaterThan(0)
      observePhases(rt, null)
      seen.length = 0
      twoListCycle(rt)
      expect(gc_collect(rt)).toBe(2)
      expect(seen).toEqual([])
    }
  })

  it('a gc.callbacks callback that allocates past the threshold does not start a nested collection', () => {
    for (const profile of ['3.8', '3.11', '3.12', '3.14']) {
      const rt = runtime(profile)
      rt.gc.enabled = true
      let calls = 0
      const kept: PyObject[] = []
      const cb = pyfunc(rt, 'cb', () => {
        calls++
        // Far more GC allocations than the threshold, from inside the collection.
        for (let i = 0; i < 50; i++) kept.push(list(rt))
        return none(rt)
      })
      PyList_Append(rt.gc.callbacks!, cb)
      Py_DECREF(cb)
      rt.gc.generations[0]!.threshold = 10
      expect(gc_collect(rt)).toBe(0)
      expect(calls).toBe(2) // start and stop, nothing nested
      rt.gc.enabled = false
      for (const op of kept) Py_DECREF(op)
    }
  })
})

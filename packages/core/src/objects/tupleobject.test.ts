import { describe, expect, it } from 'vitest'
import { Py_DECREF } from '../object/refcount.js'
import { Py_EQ, Py_LT } from '../object/type.js'
import type { PyObject } from '../object/object.js'
import { call, callv, construct, err, probeType, release, repr, runtime, scope } from './containers.testkit.js'
import { PyList_FromArraySteal } from './listobject.js'
import { PyObject_GetItem, PyObject_RichCompare } from './protocols.js'
import { PySlice_New } from './sliceobject.js'
import { PyObject_HashExact, PySequence_Tuple, PyTuple_FromArraySteal, tuple_sizeof, type PyTupleObject } from './tupleobject.js'
import { PyLong_FromNumber } from './longobject.js'

describe('tuple hash (xxHash, 3.8+)', () => {
  it('matches the values 3.8.18, 3.11.7, 3.12.1 and 3.13.0 print', () => {
    for (const prof of ['3.8', '3.11', '3.13']) {
      const rt = runtime(prof)
      const $ = scope(rt)
      expect(String(PyObject_HashExact($({ t: [1, 2] }))), prof).toBe('-3550055125485641917')
      expect(String(PyObject_HashExact($({ t: [1] }))), prof).toBe('-6644214454873602895')
      expect(String(PyObject_HashExact($({ t: [] }))), prof).toBe('5740354900026072187')
      expect(String(PyObject_HashExact($({ t: [{ t: [1, 2] }, 3] }))), prof).toBe('-333907151259015829')
      expect(String(PyObject_HashExact($({ t: [-1] }))), prof).toBe('8078679518589016365')
      $.done()
    }
  })

  it('hashes the items every time before 3.14 (no cache): __hash__ runs twice for hash(t); hash(t)', () => {
    const rt = runtime('3.11')
    const log: string[] = []
    const { make } = probeType(rt, log)
    const t = PyTuple_FromArraySteal(rt, [make(7)])
    PyObject_HashExact(t)
    PyObject_HashExact(t)
    expect(log).toEqual(['hash 7', 'hash 7'])
    const rt14 = runtime('3.14')
    const log14: string[] = []
    const p14 = probeType(rt14, log14)
    const t14 = PyTuple_FromArraySteal(rt14, [p14.make(7)])
    PyObject_HashExact(t14)
    PyObject_HashExact(t14)
    expect(log14).toEqual(['hash 7'])
    release(t, t14)
  })

  it('an unhashable item makes the tuple unhashable', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect(err(() => PyObject_HashExact($({ t: [[]] })))).toBe("TypeError: unhashable type: 'list'")
    $.done()
  })
})

describe('tuple behaviour', () => {
  it('repr: (), (1,), nested', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect(repr($({ t: [] }))).toBe('()')
    expect(repr($({ t: [1] }))).toBe('(1,)')
    expect(repr($({ t: [1, 'a', [2], { t: [] }] }))).toBe("(1, 'a', [2], ())")
    $.done()
  })

  it('sizes: () 40, (1,) 48, (1, 2) 56 (getsizeof, 3.8+)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const g = (o: PyObject): number => tuple_sizeof(o) + rt.profile.gc.gcHeadSize
    expect([g($({ t: [] })), g($({ t: [1] })), g($({ t: [1, 2] }))]).toEqual([40, 48, 56])
    $.done()
  })

  it('tuple(t) is t; tuple(list) copies; tuple(iterable) collects', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const t = $({ t: [1, 2] })
    const same = $.own(construct(rt, rt.types.tuple, t))
    expect(same).toBe(t)
    const fromList = $.own(construct(rt, rt.types.tuple, [1, 2, 3]))
    expect(repr(fromList)).toBe('(1, 2, 3)')
    const r = $.own(construct(rt, rt.types.range, 25))
    const big = $.own(PySequence_Tuple(r))
    expect((big as PyTupleObject).ob_item.length).toBe(25)
    const empty = $.own(construct(rt, rt.types.tuple, []))
    expect(empty).toBe(rt.empty_tuple)
    expect(err(() => construct(rt, rt.types.tuple, 1))).toBe("TypeError: 'int' object is not iterable")
    expect(err(() => construct(rt, rt.types.tuple, 1, 2))).toBe('TypeError: tuple expected at most 1 argument, got 2')
    $.done()
  })

  it('indexing, slicing, concatenation, repetition, membership', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const t = $({ t: [0, 1, 2, 3] })
    const sl = (a: number | null, b: number | null, c: number | null = null): PyObject => {
      const objs = [a, b, c].map((v) => (v === null ? null : $(v)))
      return $.own(PySlice_New(rt, objs[0]!, objs[1]!, objs[2]!))
    }
    expect(repr($.own(PyObject_GetItem(t, $(-1))))).toBe('3')
    expect(repr($.own(PyObject_GetItem(t, sl(1, 3))))).toBe('(1, 2)')
    expect(repr($.own(PyObject_GetItem(t, sl(null, null, -1))))).toBe('(3, 2, 1, 0)')
    expect($.own(PyObject_GetItem(t, sl(null, null)))).toBe(t)
    expect(repr($.own(rt.types.tuple.sq_concat!(t, $({ t: [9] }))))).toBe('(0, 1, 2, 3, 9)')
    expect(repr($.own(rt.types.tuple.sq_repeat!($({ t: [1, 2] }), 2)))).toBe('(1, 2, 1, 2)')
    expect($.own(rt.types.tuple.sq_repeat!(t, 1))).toBe(t)
    expect(rt.types.tuple.sq_contains!(t, $(2))).toBe(true)
    expect(err(() => PyObject_GetItem(t, $(4)))).toBe('IndexError: tuple index out of range')
    expect(err(() => rt.types.tuple.sq_concat!(t, $([1])))).toBe('TypeError: can only concatenate tuple (not "list") to tuple')
    expect(err(() => PyObject_GetItem(t, $('a')))).toBe('TypeError: tuple indices must be integers or slices, not str')
    expect(repr($.own(callv(t, 'index', 2)))).toBe('2')
    expect(repr($.own(callv(t, 'count', 2)))).toBe('1')
    expect(err(() => callv(t, 'index', 9))).toBe('ValueError: tuple.index(x): x not in tuple')
    expect(err(() => call(t, 'count'))).toBe('TypeError: tuple.count() takes exactly one argument (0 given)')
    $.done()
  })

  it('comparison is lexicographic, == stops at the first difference', () => {
    const rt = runtime('3.11')
    const log: string[] = []
    const { make } = probeType(rt, log)
    const a = PyTuple_FromArraySteal(rt, [make(1), make(2)])
    const b = PyTuple_FromArraySteal(rt, [make(1), make(3)])
    const lt = PyObject_RichCompare(a, b, Py_LT)
    expect(lt).toBe(rt.True)
    // __eq__ on each pair until one differs, then the operator itself on that pair.
    expect(log).toEqual(['eq 1 1', 'eq 2 3', 'lt 2 3'])
    log.length = 0
    const eq = PyObject_RichCompare(a, b, Py_EQ)
    expect(eq).toBe(rt.False)
    expect(log).toEqual(['eq 1 1', 'eq 2 3'])
    release(a, b, lt, eq)
  })

  it('releases items from the last to the first (order4.py: "t2 t1 t0 | tuple")', () => {
    const rt = runtime('3.8')
    const log: string[] = []
    const { make } = probeType(rt, log, { logDealloc: true })
    Py_DECREF(PyTuple_FromArraySteal(rt, [make(0), make(1), make(2)]))
    expect(log).toEqual(['del 2', 'del 1', 'del 0'])
  })

  it('tuple_iterator and its length hint', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const t = $({ t: [5, 6] })
    const it = $.own(rt.types.tuple.tp_iter!(t))
    expect(it.ob_type.tp_name).toBe('tuple_iterator')
    expect(repr($.own(it.ob_type.tp_iternext!(it)!))).toBe('5')
    expect(repr($.own(call(it, '__length_hint__')))).toBe('1')
    expect(repr($.own(it.ob_type.tp_iternext!(it)!))).toBe('6')
    expect(it.ob_type.tp_iternext!(it)).toBe(null)
    $.done()
  })

  it('x in tuple compares item == x on 3.9+ and x == item on 3.8', () => {
    for (const [prof, first] of [
      ['3.8', 'eq 9 1'],
      ['3.11', 'eq 1 9'],
    ] as const) {
      const rt = runtime(prof)
      const log: string[] = []
      const { make } = probeType(rt, log)
      const t = PyTuple_FromArraySteal(rt, [make(1)])
      const x = make(9)
      rt.types.tuple.sq_contains!(t, x)
      expect(log).toEqual([first])
      release(t, x)
    }
  })

  it('tuple(iterable) grows its pre-sized result by a quarter plus 10 and shrinks it at the end', () => {
    const rt = runtime('3.11')
    const l = PyList_FromArraySteal(rt, Array.from({ length: 30 }, (_, i) => PyLong_FromNumber(rt, i)))
    const it = rt.types.list.tp_iter!(l)
    // An iterator's length hint is its remaining length: the tuple is allocated once at 30 items.
    const t = PySequence_Tuple(it)
    expect((t as PyTupleObject).ob_item.length).toBe(30)
    expect(tuple_sizeof(t)).toBe(24 + 30 * 8)
    release(t, it, l)
  })
})

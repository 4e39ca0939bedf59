import { describe, expect, it } from 'vitest'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import type { PyObject } from '../object/object.js'
import type { Runtime } from '../runtime/runtime.js'
import { callable, call, callv, construct, err, probeType, py, release, repr, run, runv, runtime, scope, type Scope } from './containers.testkit.js'
import {
  PyList_Append,
  PyList_FromArraySteal,
  PyList_New,
  PySequence_List,
  _PyList_Extend,
  list_sizeof,
  type PyListObject,
} from './listobject.js'
import { PyLong_FromNumber, intValue } from './longobject.js'
import { PyObject_CallArgs, PyObject_GetItem, PyObject_RichCompare, PyObject_SetItem, PyObject_DelItem } from './protocols.js'
import { PySlice_New } from './sliceobject.js'
import { Py_LT } from '../object/type.js'

/** `sys.getsizeof` of a list: `__sizeof__` plus the GC header. */
function getsizeof(rt: Runtime, l: PyObject): number {
  return list_sizeof(l) + rt.profile.gc.gcHeadSize
}

function ints(op: PyObject): (number | bigint)[] {
  return (op as PyListObject).ob_item.map((o) => intValue(o))
}

function appendInts(rt: Runtime, l: PyObject, n: number): number[] {
  const sizes: number[] = []
  for (let i = 0; i < n; i++) {
    sizes.push(getsizeof(rt, l))
    const v = PyLong_FromNumber(rt, i)
    PyList_Append(l, v)
    Py_DECREF(v)
  }
  return sizes
}

describe('list memory layout', () => {
  it('over-allocates on append like 3.11 (3.11.7: 56, 88 x4, 120 x4, 184 x8, 248 x8, 312)', () => {
    const rt = runtime('3.11')
    const l = PyList_New(rt, 0)
    expect(appendInts(rt, l, 26)).toEqual([56, 88, 88, 88, 88, 120, 120, 120, 120, 184, 184, 184, 184, 184, 184, 184, 184, 248, 248, 248, 248, 248, 248, 248, 248, 312])
    Py_DECREF(l)
  })

  it('over-allocates on append like 3.8 (3.8.18: ... 184 x8, 256 x9, 336)', () => {
    const rt = runtime('3.8')
    const l = PyList_New(rt, 0)
    expect(appendInts(rt, l, 27).slice(8)).toEqual([120, 184, 184, 184, 184, 184, 184, 184, 184, 256, 256, 256, 256, 256, 256, 256, 256, 256, 336])
    Py_DECREF(l)
  })

  it('a displayed list is exact (3.8 BUILD_LIST: [1,2,3] is 80) or pre-sized to even (3.9+ LIST_EXTEND: 88)', () => {
    const rt8 = runtime('3.8')
    const l8 = py(rt8, [1, 2, 3])
    expect(getsizeof(rt8, l8)).toBe(80)
    const rt11 = runtime('3.11')
    const l11 = PyList_New(rt11, 0)
    const t = py(rt11, { t: [1, 2, 3] })
    _PyList_Extend(l11, t)
    expect(getsizeof(rt11, l11)).toBe(88)
    release(l8, l11, t)
  })

  it('extend sizes by profile (3.8.18 / 3.11.7 printed these getsizeof values)', () => {
    const cases: [string, (rt: Runtime) => PyObject, number, number][] = [
      // l = []; l.extend(range(3))
      ['ext range3', (rt) => extendNew(rt, [], construct(rt, rt.types.range, 3)), 104, 88],
      // l = []; l.extend(<iterator without length>)  (a generator in the probe; map here)
      ['ext gen3', (rt) => extendNew(rt, [], mapIdentity(rt, [0, 1, 2])), 104, 120],
      ['ext tup3', (rt) => extendNew(rt, [], py(rt, { t: [1, 2, 3] })), 104, 88],
      ['ext1 tup3', (rt) => extendNew(rt, [1], py(rt, { t: [1, 2, 3] })), 112, 120],
      ['ext1 range3', (rt) => extendNew(rt, [1], construct(rt, rt.types.range, 3)), 112, 120],
    ]
    for (const [name, make, want8, want11] of cases) {
      for (const [prof, want] of [['3.8', want8], ['3.11', want11]] as const) {
        const rt = runtime(prof)
        const l = make(rt)
        expect([name, prof, getsizeof(rt, l)]).toEqual([name, prof, want])
        Py_DECREF(l)
      }
    }
  })

  it('list(x) pre-sizes from len(): 3.8 exactly (list((1,2,3)) = 80), 3.11 rounded to even (88)', () => {
    for (const [prof, want3, want10] of [
      ['3.8', 80, 136],
      ['3.11', 88, 136],
    ] as const) {
      const rt = runtime(prof)
      const t = py(rt, { t: [1, 2, 3] })
      const r = construct(rt, rt.types.range, 10)
      const a = PyObject_CallArgs(rt.types.list, [t])
      const b = PyObject_CallArgs(rt.types.list, [r])
      expect([getsizeof(rt, a), getsizeof(rt, b)]).toEqual([want3, want10])
      release(t, r, a, b)
    }
  })

  it('3.13 copies sets and dicts with one list_resize (list({1: 2, 3: 4}) and list({1, 2, 3}): 72/88 on 3.11, 120 on 3.13)', () => {
    for (const [prof, wantDict, wantSet] of [
      ['3.11', 72, 88],
      ['3.13', 120, 120],
    ] as const) {
      const rt = runtime(prof)
      const $ = scope(rt)
      const d = $.own(construct(rt, rt.types.dict, [{ t: [1, 2] }, { t: [3, 4] }]))
      const s = $.own(construct(rt, rt.types.set, [1, 2, 3]))
      const ld = $.own(PyObject_CallArgs(rt.types.list, [d]))
      const ls = $.own(PyObject_CallArgs(rt.types.list, [s]))
      const li = $.own(PyObject_CallArgs(rt.types.list, [$.own(call(d, 'items'))]))
      expect([getsizeof(rt, ld), getsizeof(rt, ls)]).toEqual([wantDict, wantSet])
      expect([repr(ld), repr(ls), repr(li)]).toEqual(['[1, 3]', '[1, 2, 3]', '[(1, 2), (3, 4)]'])
      $.done()
    }
  })

  it('operations keep CPython sizes (3.8.18 / 3.11.7)', () => {
    // Each op returns a new reference (the list itself for the mutating ones).
    const same = (l: PyObject): PyObject => (Py_INCREF(l), l)
    const ops: [string, (rt: Runtime, l: PyObject, $: Scope) => PyObject, number, number][] = [
      ['insert', (_rt, l) => (runv(l, 'insert', 0, 1), same(l)), 200, 184],
      ['pop', (_rt, l) => (run(l, 'pop'), same(l)), 136, 136],
      ['pop6', (_rt, l) => { for (let i = 0; i < 6; i++) run(l, 'pop'); return same(l) }, 112, 120],
      ['assslice', (rt, l, $) => (PyObject_SetItem(l, $.own(slice(rt, 2, 4)), $([1, 2, 3, 4, 5])), same(l)), 216, 216],
      ['delslice', (rt, l, $) => (PyObject_DelItem(l, $.own(slice(rt, 2, 8))), same(l)), 112, 120],
      ['clear', (_rt, l) => (run(l, 'clear'), same(l)), 56, 56],
      ['imul', (rt, l) => rt.types.list.sq_inplace_repeat!(l, 2), 280, 216],
      ['imul0', (rt, l) => rt.types.list.sq_inplace_repeat!(l, 0), 56, 56],
      ['copy', (_rt, l) => call(l, 'copy'), 136, 136],
      ['slice', (rt, l, $) => PyObject_GetItem(l, $.own(slice(rt, 2, 5))), 80, 80],
      ['step', (rt, l, $) => PyObject_GetItem(l, $.own(slice(rt, null, null, 2))), 96, 96],
    ]
    for (const [name, op, want8, want11] of ops) {
      for (const [prof, want] of [['3.8', want8], ['3.11', want11]] as const) {
        const rt = runtime(prof)
        const r = construct(rt, rt.types.range, 10)
        const l = PyObject_CallArgs(rt.types.list, [r])
        Py_DECREF(r)
        const $ = scope(rt)
        const res = op(rt, l, $)
        expect([name, prof, getsizeof(rt, res)]).toEqual([name, prof, want])
        Py_DECREF(res)
        $.done()
        Py_DECREF(l)
      }
    }
  })

  it('sorted(range(10)) is 192 bytes on 3.8 and 136 on 3.11 (PySequence_List then sort)', () => {
    for (const [prof, want] of [
      ['3.8', 192],
      ['3.11', 136],
    ] as const) {
      const rt = runtime(prof)
      const r = construct(rt, rt.types.range, 10)
      const l = PySequence_List(r)
      run(l, 'sort')
      expect(getsizeof(rt, l)).toBe(want)
      release(r, l)
    }
  })

  it('the free list hands back the same object without touching gc count[0]; list() does not use it', () => {
    const rt = runtime('3.11')
    const a = PyList_New(rt, 0)
    const addr = a.ob_addr
    Py_DECREF(a)
    const count = rt.gc.generations[0]!.count
    const b = PyList_New(rt, 0)
    expect(b).toBe(a)
    expect(b.ob_addr).toBe(addr)
    expect(rt.gc.generations[0]!.count).toBe(count)
    // id(list()) == id(list()) is False on 3.8-3.13: list() allocates, the free list keeps the first one.
    const c = PyObject_CallArgs(rt.types.list, [])
    Py_DECREF(c)
    const d = PyObject_CallArgs(rt.types.list, [])
    expect(d.ob_addr).not.toBe(c.ob_addr)
    release(b, d)
  })

  it('3.8 list() asks len() twice (list___init__ then list_extend), 3.11 once', () => {
    for (const [prof, calls] of [
      ['3.8', 2],
      ['3.11', 1],
    ] as const) {
      const rt = runtime(prof)
      let n = 0
      const seq = seqType(rt, 3, () => n++)
      const l = PyObject_CallArgs(rt.types.list, [seq])
      expect(ints(l)).toEqual([0, 1, 2])
      expect(n).toBe(calls)
      release(l, seq)
    }
  })
})

describe('list deallocation', () => {
  it('releases items from the last to the first (order4.py: "l2 l1 l0 | list", nested "n3 n2 n1 n0")', () => {
    const rt = runtime('3.11')
    const log: string[] = []
    const { make } = probeType(rt, log, { logDealloc: true })
    const l = PyList_FromArraySteal(rt, [make(0), make(1), make(2)])
    Py_DECREF(l)
    const nested = PyList_FromArraySteal(rt, [make(10), PyList_FromArraySteal(rt, [make(11), make(12)]), make(13)])
    Py_DECREF(nested)
    expect(log).toEqual(['del 2', 'del 1', 'del 0', 'del 13', 'del 12', 'del 11', 'del 10'])
  })

  it('frees a deeply nested chain through the trashcan', () => {
    const rt = runtime('3.11')
    let l: PyObject = PyList_New(rt, 0)
    for (let i = 0; i < 20000; i++) l = PyList_FromArraySteal(rt, [l])
    Py_DECREF(l)
  })
})

describe('list behaviour', () => {
  it('repr, with the recursion guard', () => {
    const rt = runtime('3.11')
    const l = py(rt, [1, 'a', { t: [2] }, []])
    expect(repr(l)).toBe("[1, 'a', (2,), []]")
    const r = PyList_New(rt, 0)
    PyList_Append(r, r)
    expect(repr(r)).toBe('[[...]]')
    run(r, 'clear')
    release(l, r)
  })

  it('indexing, negative indexes and slices', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const l = $([0, 1, 2, 3, 4, 5])
    const get = (k: PyObject): string => {
      const v = PyObject_GetItem(l, k)
      const s = repr(v)
      Py_DECREF(v)
      return s
    }
    const sl = (a: number | null, b: number | null, c: number | null = null): PyObject => $.own(slice(rt, a, b, c))
    expect(get($(-1))).toBe('5')
    expect(get(sl(1, 4))).toBe('[1, 2, 3]')
    expect(get(sl(null, null, -2))).toBe('[5, 3, 1]')
    expect(get(sl(4, 1, -1))).toBe('[4, 3, 2]')
    PyObject_SetItem(l, sl(null, null, 2), $(['a', 'b', 'c']))
    expect(repr(l)).toBe("['a', 1, 'b', 3, 'c', 5]")
    PyObject_DelItem(l, sl(1, null, 2))
    expect(repr(l)).toBe("['a', 'b', 'c']")
    PyObject_SetItem(l, sl(1, 1), $([9, 8]))
    expect(repr(l)).toBe("['a', 9, 8, 'b', 'c']")
    PyObject_DelItem(l, $(-1))
    expect(repr(l)).toBe("['a', 9, 8, 'b']")
    PyObject_SetItem(l, sl(null, null, -1), l)
    expect(repr(l)).toBe("['b', 8, 9, 'a']")
    $.done()
  })

  it('messages (3.11.7)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const l = $([1, 2, 3])
    const e = $([])
    const sl = (a: number | null, b: number | null, c: number | null = null): PyObject => $.own(slice(rt, a, b, c))
    expect(err(() => call(e, 'pop'))).toBe('IndexError: pop from empty list')
    expect(err(() => callv(l, 'pop', 5))).toBe('IndexError: pop index out of range')
    expect(err(() => callv(l, 'remove', 7))).toBe('ValueError: list.remove(x): x not in list')
    expect(err(() => callv(l, 'index', 7))).toBe('ValueError: 7 is not in list')
    expect(err(() => PyObject_GetItem(l, $(5)))).toBe('IndexError: list index out of range')
    expect(err(() => PyObject_SetItem(l, $(5), rt.None))).toBe('IndexError: list assignment index out of range')
    expect(err(() => PyObject_DelItem(l, $(5)))).toBe('IndexError: list assignment index out of range')
    expect(err(() => PyObject_SetItem(l, sl(null, null, 2), $([1, 2, 3])))).toBe('ValueError: attempt to assign sequence of size 3 to extended slice of size 2')
    expect(err(() => PyObject_SetItem(l, sl(null, null, 2), $(5)))).toBe('TypeError: must assign iterable to extended slice')
    expect(err(() => PyObject_SetItem(l, sl(0, 1), $(5)))).toBe('TypeError: can only assign an iterable')
    expect(err(() => PyObject_GetItem(l, $('a')))).toBe('TypeError: list indices must be integers or slices, not str')
    expect(err(() => PyObject_GetItem(l, sl(null, null, 0)))).toBe('ValueError: slice step cannot be zero')
    expect(err(() => rt.types.list.sq_concat!(l, $({ t: [1] })))).toBe('TypeError: can only concatenate list (not "tuple") to list')
    expect(err(() => call(e, 'append'))).toBe('TypeError: list.append() takes exactly one argument (0 given)')
    expect(err(() => callv(e, 'insert', 1))).toBe('TypeError: insert expected 2 arguments, got 1')
    expect(err(() => callv(e, 'pop', 'a'))).toBe("TypeError: 'str' object cannot be interpreted as an integer")
    expect(err(() => callv(e, 'sort', 1))).toBe('TypeError: sort() takes no positional arguments')
    expect(err(() => construct(rt, rt.types.list, 1, 2))).toBe('TypeError: list expected at most 1 argument, got 2')
    expect(err(() => construct(rt, rt.types.list, 1))).toBe("TypeError: 'int' object is not iterable")
    expect(err(() => PyObject_GetItem(l, $(2n ** 70n)))).toBe("IndexError: cannot fit 'int' into an index-sized integer")
    expect(repr(l)).toBe('[1, 2, 3]')
    $.done()
  })

  it('messages that differ on 3.8 and 3.13', () => {
    const rt8 = runtime('3.8')
    const e8 = py(rt8, [])
    expect(err(() => call(e8, 'append'))).toBe('TypeError: append() takes exactly one argument (0 given)')
    const rt13 = runtime('3.13')
    const $ = scope(rt13)
    const l13 = $([1, 2])
    expect(err(() => PyObject_SetItem(l13, $.own(slice(rt13, 0, 1)), $(5)))).toBe('TypeError: must assign iterable to extended slice')
    $.done()
    release(e8)
  })

  it('methods: insert, pop, remove, index with bounds, count, reverse, copy, extend, clear', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const l = $([3, 1, 2, 1])
    runv(l, 'insert', -1, 9)
    runv(l, 'insert', 100, 7)
    expect(repr(l)).toBe('[3, 1, 2, 9, 1, 7]')
    expect(repr($.own(callv(l, 'index', 1, 2)))).toBe('4')
    expect(repr($.own(callv(l, 'count', 1)))).toBe('2')
    expect(err(() => callv(l, 'index', 1, 0, 1))).toBe('ValueError: 1 is not in list')
    expect(repr($.own(callv(l, 'pop', 0)))).toBe('3')
    runv(l, 'remove', 1)
    run(l, 'reverse')
    expect(repr(l)).toBe('[7, 1, 9, 2]')
    const c = $.own(call(l, 'copy'))
    run(l, 'extend', c)
    expect(repr(l)).toBe('[7, 1, 9, 2, 7, 1, 9, 2]')
    run(l, 'extend', l)
    expect((l as PyListObject).ob_item.length).toBe(16)
    run(l, 'clear')
    expect(repr(l)).toBe('[]')
    $.done()
  })

  it('comparisons, +, *, +=, *=, in', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const a = $([1, 2])
    const b = $([1, 3])
    expect($.own(PyObject_RichCompare(a, b, Py_LT))).toBe(rt.True)
    expect(repr($.own(rt.types.list.sq_concat!(a, b)))).toBe('[1, 2, 1, 3]')
    expect(repr($.own(rt.types.list.sq_repeat!(a, 3)))).toBe('[1, 2, 1, 2, 1, 2]')
    expect(repr($.own(rt.types.list.sq_repeat!(a, -1)))).toBe('[]')
    expect($.own(rt.types.list.sq_inplace_concat!(a, $({ t: [5, 6] })))).toBe(a)
    expect(repr(a)).toBe('[1, 2, 5, 6]')
    expect($.own(rt.types.list.sq_inplace_repeat!(a, 2))).toBe(a)
    expect(repr(a)).toBe('[1, 2, 5, 6, 1, 2, 5, 6]')
    expect(rt.types.list.sq_contains!(a, $(5))).toBe(true)
    expect(rt.types.list.sq_contains!(a, $(7))).toBe(false)
    $.done()
  })

  it('x in list compares item == x on 3.9+ and x == item on 3.8 (bpo-37648)', () => {
    for (const [prof, first] of [
      ['3.8', 'eq 9 1'],
      ['3.11', 'eq 1 9'],
    ] as const) {
      const rt = runtime(prof)
      const log: string[] = []
      const { make } = probeType(rt, log)
      const l = PyList_FromArraySteal(rt, [make(1), make(2)])
      const x = make(9)
      expect(rt.types.list.sq_contains!(l, x)).toBe(false)
      expect(log[0]).toBe(first)
      release(l, x)
    }
  })

  it('iterators: list_iterator and list_reverseiterator with __length_hint__', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const l = $([1, 2, 3])
    const it = $.own(rt.types.list.tp_iter!(l))
    expect(it.ob_type.tp_name).toBe('list_iterator')
    $.own(it.ob_type.tp_iternext!(it)!)
    expect(repr($.own(call(it, '__length_hint__')))).toBe('2')
    const rit = $.own(call(l, '__reversed__'))
    expect(rit.ob_type.tp_name).toBe('list_reverseiterator')
    const out: string[] = []
    for (let v = rit.ob_type.tp_iternext!(rit); v !== null; v = rit.ob_type.tp_iternext!(rit)) {
      out.push(repr(v))
      Py_DECREF(v)
    }
    expect(out).toEqual(['3', '2', '1'])
    $.done()
  })
})

describe('list.sort', () => {
  // The __lt__ calls CPython makes, summarised as [count, h] with h = fold(h*31 + a*1009 + b) mod 2**32 over the
  // (self, other) pairs; printed by 3.8.18, 3.11.7 and 3.13.0 for these inputs ([forward], [reverse=True]).
  const inputs: Record<string, number[]> = {
    mix: [3, 1, 2, 5, 4, 0],
    eqdesc: [3, 3, 2, 2, 1, 1, 0],
    dup: [2, 1, 2, 1, 2, 1],
    runs: [
      ...Array.from({ length: 40 }, (_, i) => i),
      ...Array.from({ length: 40 }, (_, i) => 40 - i),
      ...Array.from({ length: 20 }, (_, i) => i),
      ...Array<number>(30).fill(5),
      ...Array.from({ length: 34 }, (_, i) => 100 - 3 * i),
    ],
    // random.seed(7); [random.randrange(50) for _ in range(100)]; [random.randrange(1000) for _ in range(300)]
    r100: [20, 9, 25, 41, 3, 4, 34, 6, 23, 37, 3, 32, 13, 2, 5, 27, 26, 4, 15, 5, 35, 27, 3, 36, 7, 14, 40, 40, 37, 3, 36, 37, 25, 3, 14, 2, 35, 8, 18, 26, 9, 34, 7, 36, 19, 35, 43, 11, 6, 37, 36, 40, 12, 23, 6, 35, 45, 4, 36, 3, 39, 13, 31, 43, 34, 27, 49, 20, 29, 37, 29, 23, 19, 15, 11, 44, 49, 15, 5, 36, 19, 33, 31, 21, 46, 28, 18, 38, 4, 7, 32, 26, 10, 48, 21, 9, 31, 26, 2, 42],
    r300: [79, 782, 571, 586, 808, 896, 837, 321, 348, 711, 358, 608, 508, 593, 816, 467, 70, 860, 95, 967, 276, 485, 713, 680, 66, 62, 748, 718, 317, 662, 591, 697, 841, 456, 291, 733, 395, 908, 684, 355, 23, 963, 472, 363, 172, 625, 119, 505, 60, 223, 786, 294, 132, 756, 253, 407, 400, 938, 892, 508, 82, 170, 459, 411, 562, 284, 904, 140, 838, 440, 884, 563, 285, 723, 425, 367, 699, 905, 389, 980, 236, 154, 84, 180, 154, 237, 674, 238, 12, 496, 851, 603, 186, 269, 288, 4, 149, 429, 547, 378, 624, 579, 326, 975, 128, 707, 879, 527, 973, 632, 670, 692, 757, 55, 467, 921, 891, 798, 974, 895, 696, 817, 572, 401, 407, 408, 403, 106, 493, 649, 410, 63, 195, 68, 213, 451, 166, 112, 348, 615, 53, 104, 0, 580, 154, 549, 103, 971, 372, 628, 26, 72, 895, 212, 628, 385, 152, 649, 258, 978, 355, 616, 372, 485, 125, 118, 869, 499, 477, 491, 495, 319, 87, 147, 104, 767, 350, 758, 271, 490, 848, 708, 165, 528, 23, 210, 973, 974, 540, 370, 150, 706, 556, 936, 27, 776, 540, 305, 658, 884, 93, 712, 865, 267, 530, 375, 930, 171, 364, 790, 228, 545, 554, 797, 514, 337, 651, 228, 627, 830, 807, 776, 873, 199, 825, 245, 837, 410, 757, 822, 232, 204, 530, 504, 364, 748, 29, 28, 809, 286, 483, 265, 198, 709, 619, 979, 352, 457, 827, 959, 740, 357, 977, 997, 373, 82, 225, 104, 232, 481, 201, 345, 209, 494, 639, 921, 624, 860, 1, 490, 931, 668, 352, 818, 658, 86, 854, 676, 122, 931, 397, 801, 728, 768, 204, 489, 910, 182, 444, 808, 651, 340, 88, 820, 968, 994, 739, 405, 474, 411],
  }
  const expected: Record<string, Record<string, [[number, number], [number, number]]>> = {
    '3.8': {
      mix: [[11, 1861909810], [11, 2155313007]],
      eqdesc: [[15, 2522444374], [6, 4111951971]],
      dup: [[9, 810771026], [10, 40420976]],
      runs: [[638, 2304610799], [624, 2835670334]],
      r100: [[526, 3253394141], [528, 785945983]],
      r300: [[2096, 1078438503], [2079, 94082666]],
    },
    '3.11': {
      mix: [[11, 1861909810], [11, 2155313007]],
      eqdesc: [[15, 2522444374], [6, 4111951971]],
      dup: [[9, 810771026], [10, 40420976]],
      runs: [[638, 605337387], [624, 504357718]],
      r100: [[526, 3253394141], [528, 785945983]],
      r300: [[2096, 3119307633], [2079, 3426955958]],
    },
    '3.13': {
      mix: [[13, 1319739104], [12, 2861814928]],
      eqdesc: [[9, 4222353173], [6, 4111951971]],
      dup: [[11, 3140098992], [11, 1760109699]],
      runs: [[643, 208164304], [519, 3960770210]],
      r100: [[528, 1006780884], [532, 681929752]],
      r300: [[2105, 2111781787], [2090, 3160621467]],
    },
  }
  function fold(log: string[]): [number, number] {
    let h = 0
    for (const entry of log) {
      const [, a, b] = entry.split(' ')
      h = (h * 31 + Number(a) * 1009 + Number(b)) % 4294967296
    }
    return [log.length, h]
  }
  for (const prof of ['3.8', '3.11', '3.13']) {
    it(`calls __lt__ in CPython ${prof}'s order`, () => {
      const rt = runtime(prof)
      for (const [name, vals] of Object.entries(inputs)) {
        const got: [number, number][] = []
        for (const reverse of [false, true]) {
          const log: string[] = []
          const { make } = probeType(rt, log)
          const l = PyList_FromArraySteal(rt, vals.map(make))
          const kw = reverse ? [rt.True] : []
          const sort = rt.types.list.tp_methods.find((m) => m.ml_name === 'sort')!
          const kwnames = reverse ? py(rt, { t: ['reverse'] }) : null
          Py_DECREF(sort.ml_meth(l, kw, 0, 0, kwnames))
          if (kwnames !== null) Py_DECREF(kwnames)
          got.push(fold(log))
          const sorted = (l as PyListObject).ob_item.map((o) => (o as unknown as { v: number }).v)
          const want = [...vals].sort((a, b) => (reverse ? b - a : a - b))
          expect(sorted).toEqual(want)
          Py_DECREF(l)
        }
        expect([name, got]).toEqual([name, expected[prof]![name]])
      }
    })
  }

  it('is stable and applies key= once per item, in order', () => {
    const rt = runtime('3.11')
    const calls: string[] = []
    const key = callable(rt, ([x]) => {
      calls.push(repr(x!))
      const items = (x as unknown as { ob_item: PyObject[] }).ob_item
      Py_INCREF(items[0]!)
      return items[0]!
    })
    const l = py(rt, [{ t: [2, 'a'] }, { t: [1, 'b'] }, { t: [2, 'c'] }, { t: [1, 'd'] }])
    const sort = rt.types.list.tp_methods.find((m) => m.ml_name === 'sort')!
    const kwnames = py(rt, { t: ['key'] })
    Py_DECREF(sort.ml_meth(l, [key], 0, 0, kwnames))
    expect(repr(l)).toBe("[(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]")
    expect(calls).toEqual(["(2, 'a')", "(1, 'b')", "(2, 'c')", "(1, 'd')"])
    const kw2 = py(rt, { t: ['key', 'reverse'] })
    Py_DECREF(sort.ml_meth(l, [key, rt.True], 0, 0, kw2))
    expect(repr(l)).toBe("[(2, 'a'), (2, 'c'), (1, 'b'), (1, 'd')]")
    release(l, key, kwnames, kw2)
  })

  it('raises "list modified during sort" and keeps every item', () => {
    const rt = runtime('3.11')
    const log: string[] = []
    let target: PyObject | null = null
    const { make } = probeType(rt, log, {
      onCompare: () => {
        if (target !== null) {
          const extra = PyLong_FromNumber(rt, 99)
          PyList_Append(target, extra)
          Py_DECREF(extra)
        }
      },
    })
    const l = PyList_FromArraySteal(rt, [make(3), make(1), make(2)])
    target = l
    expect(err(() => call(l, 'sort'))).toBe('ValueError: list modified during sort')
    expect((l as PyListObject).ob_item.length).toBe(3)
    target = null
    Py_DECREF(l)
  })

  it("'<' not supported between instances of 'str' and 'int'", () => {
    const rt = runtime('3.11')
    const l = py(rt, [1, 'a'])
    expect(err(() => call(l, 'sort'))).toBe("TypeError: '<' not supported between instances of 'str' and 'int'")
    expect(repr(l)).toBe("[1, 'a']")
    Py_DECREF(l)
  })
})

/* helpers */

function slice(rt: Runtime, a: number | null, b: number | null, c: number | null = null): PyObject {
  const objs = [a, b, c].map((v) => (v === null ? null : PyLong_FromNumber(rt, v)))
  const s = PySlice_New(rt, objs[0]!, objs[1]!, objs[2]!)
  for (const o of objs) if (o !== null) Py_DECREF(o)
  return s
}

function extendNew(rt: Runtime, start: number[], iterable: PyObject): PyObject {
  const l = start.length === 0 ? PyList_New(rt, 0) : py(rt, start)
  _PyList_Extend(l, iterable)
  Py_DECREF(iterable)
  return l
}

/** `map(lambda x: x, values)`: an iterator without a length. */
function mapIdentity(rt: Runtime, values: number[]): PyObject {
  const f = callable(rt, ([x]) => {
    Py_INCREF(x!)
    return x!
  })
  const l = py(rt, values)
  const m = PyObject_CallArgs(rt.types.map, [f, l])
  release(f, l)
  return m
}

/** A sequence of length n (counting `len()` calls) whose items are 0..n-1. */
function seqType(rt: Runtime, n: number, onLen: () => void): PyObject {
  return sequenceType(rt)(n, onLen)
}

import { PyObject_Free, PyObject_Init } from '../object/alloc.js'
import { PyType_NewStatic, PyType_Ready } from './typeobject.js'
import { PyObject as PyObjectClass } from '../object/object.js'
import { PyErr_Format } from '../errors.js'

class SeqObj extends PyObjectClass {
  n = 0
  onLen: () => void = () => {}
}

function sequenceType(rt: Runtime): (n: number, onLen: () => void) => PyObject {
  const t = PyType_NewStatic(rt, 'Seq', {
    basicsize: 16,
    slots: {
      tp_dealloc: (op) => PyObject_Free(op),
      sq_length: (op) => {
        ;(op as SeqObj).onLen()
        return (op as SeqObj).n
      },
      sq_item: (op, i) => {
        if (i >= (op as SeqObj).n) throw PyErr_Format(rt, 'IndexError', 'index out of range')
        return PyLong_FromNumber(rt, i)
      },
    },
  })
  PyType_Ready(rt, t)
  return (n, onLen) => {
    const o = new SeqObj(t)
    o.n = n
    o.onLen = onLen
    return PyObject_Init(rt, o, 16)
  }
}

import { describe, expect, it } from 'vitest'
import type { PyObject } from '../object/object.js'
import { Py_EQ, Py_LT } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { call, callv, construct, err, repr, runtime, scope, type Scope } from './containers.testkit.js'
import { PyLong_FromBigInt } from './longobject.js'
import { PyObject_GetItem, PyObject_RichCompare } from './protocols.js'
import { PyObject_HashExact as PyObject_HashExactOrNull } from './tupleobject.js'
import { PySlice_New } from './sliceobject.js'

function sl($: Scope, rt: Runtime, a: number | null, b: number | null, c: number | null = null): PyObject {
  const objs = [a, b, c].map((v) => (v === null ? null : $(v)))
  return $.own(PySlice_New(rt, objs[0]!, objs[1]!, objs[2]!))
}

function list($: Scope, rt: Runtime, o: PyObject): string {
  return repr($.own(construct(rt, rt.types.list, o)))
}

describe('range (outputs of 3.8.18 = 3.11.7 = 3.12.1 = 3.13.0)', () => {
  it('repr, len, indexing, slicing, iteration', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const r = $.own(construct(rt, rt.types.range, 2, 20, 3))
    expect([repr(r), repr($.own(construct(rt, rt.types.range, 5))), repr($.own(construct(rt, rt.types.range, 0, 5, 1)))]).toEqual([
      'range(2, 20, 3)',
      'range(0, 5)',
      'range(0, 5)',
    ])
    expect(rt.types.range.sq_length!(r)).toBe(6)
    expect(repr($.own(PyObject_GetItem(r, $(1))))).toBe('5')
    expect(repr($.own(PyObject_GetItem(r, $(-1))))).toBe('17')
    expect(repr($.own(PyObject_GetItem(r, sl($, rt, 1, 3))))).toBe('range(5, 11, 3)')
    expect(repr($.own(PyObject_GetItem(r, sl($, rt, null, null, -1))))).toBe('range(17, -1, -3)')
    expect(repr($.own(PyObject_GetItem(r, sl($, rt, null, null, 2))))).toBe('range(2, 20, 6)')
    expect(list($, rt, r)).toBe('[2, 5, 8, 11, 14, 17]')
    const huge = $.own(construct(rt, rt.types.range, $.own(PyLong_FromBigInt(rt, 10n ** 20n))))
    expect(repr($.own(PyObject_GetItem(huge, $.own(PyLong_FromBigInt(rt, 10n ** 19n)))))).toBe('10000000000000000000')
    expect(err(() => rt.types.range.sq_length!(huge))).toBe('OverflowError: Python int too large to convert to C ssize_t')
    $.done()
  })

  it('membership, index, count, equality, truth, reversed', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const r = $.own(construct(rt, rt.types.range, 2, 20, 3))
    expect([rt.types.range.sq_contains!(r, $(5)), rt.types.range.sq_contains!(r, $(6))]).toEqual([true, false])
    expect(repr($.own(callv(r, 'index', 8)))).toBe('2')
    expect(repr($.own(callv(r, 'count', 8)))).toBe('1')
    expect(err(() => callv(r, 'index', 7))).toBe('ValueError: 7 is not in range')
    const eq = (a: PyObject, b: PyObject): PyObject => $.own(PyObject_RichCompare(a, b, Py_EQ))
    expect(eq($.own(construct(rt, rt.types.range, 0)), $.own(construct(rt, rt.types.range, 5, 5)))).toBe(rt.True)
    expect(eq($.own(construct(rt, rt.types.range, 1, 4)), $.own(construct(rt, rt.types.range, 1, 4, 1)))).toBe(rt.True)
    expect(eq($.own(construct(rt, rt.types.range, 3)), $([0, 1, 2]))).toBe(rt.False)
    expect([rt.types.range.nb_bool!($.own(construct(rt, rt.types.range, 0))), rt.types.range.nb_bool!(r)]).toEqual([0, 1])
    expect(list($, rt, $.own(construct(rt, rt.types.reversed, $.own(construct(rt, rt.types.range, 5)))))).toBe('[4, 3, 2, 1, 0]')
    expect(list($, rt, $.own(call($.own(construct(rt, rt.types.range, 1, 10, 4)), '__reversed__')))).toBe('[9, 5, 1]')
    $.done()
  })

  it('range_iterator, longrange_iterator and their sizes (48 before 3.12, 40 from 3.12)', () => {
    for (const [prof, size] of [
      ['3.8', 48],
      ['3.11', 48],
      ['3.12', 40],
    ] as const) {
      const rt = runtime(prof)
      const $ = scope(rt)
      const it = $.own(rt.types.range.tp_iter!($.own(construct(rt, rt.types.range, 5))))
      expect(it.ob_type.tp_name).toBe('range_iterator')
      expect(it.ob_type.tp_basicsize).toBe(size)
      $.own(it.ob_type.tp_iternext!(it)!)
      expect(repr($.own(call(it, '__length_hint__')))).toBe('4')
      const big = $.own(construct(rt, rt.types.range, $.own(PyLong_FromBigInt(rt, 2n ** 63n)), $.own(PyLong_FromBigInt(rt, 2n ** 63n + 2n))))
      const lit = $.own(rt.types.range.tp_iter!(big))
      expect(lit.ob_type.tp_name).toBe('longrange_iterator')
      expect(list($, rt, lit)).toBe('[9223372036854775808, 9223372036854775809]')
      expect(list($, rt, $.own(call(big, '__reversed__')))).toBe('[9223372036854775809, 9223372036854775808]')
      $.done()
    }
  })

  it('hash(range) hashes (len, start, step) with None for what does not matter', () => {
    for (const prof of ['3.8', '3.11', '3.13']) {
      const rt = runtime(prof)
      const $ = scope(rt)
      expect(String(PyObject_HashExactOrNull($.own(construct(rt, rt.types.range, 10))))).toBe('-7546101314042312252')
      expect(String(PyObject_HashExactOrNull($.own(construct(rt, rt.types.range, 1, 10, 3))))).toBe('-9160968616009628824')
      $.done()
    }
  })

  it('messages', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect(err(() => construct(rt, rt.types.range))).toBe('TypeError: range expected at least 1 argument, got 0')
    const rt8 = runtime('3.8')
    expect(err(() => construct(rt8, rt8.types.range))).toBe('TypeError: range expected 1 argument, got 0')
    expect(err(() => construct(rt, rt.types.range, 1, 2, 0))).toBe('ValueError: range() arg 3 must not be zero')
    expect(err(() => construct(rt, rt.types.range, 1, 2, 3, 4))).toBe('TypeError: range expected at most 3 arguments, got 4')
    expect(err(() => PyObject_GetItem($.own(construct(rt, rt.types.range, 5)), $(10)))).toBe('IndexError: range object index out of range')
    expect(err(() => PyObject_GetItem($.own(construct(rt, rt.types.range, 5)), $('a')))).toBe('TypeError: range indices must be integers or slices, not str')
    expect(err(() => PyObject_GetItem($.own(construct(rt, rt.types.range, 3)), sl($, rt, null, null, 0)))).toBe('ValueError: slice step cannot be zero')
    $.done()
  })
})

describe('slice', () => {
  it('repr, indices(), comparison, attributes (3.8.18 = 3.13.0)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const s = sl($, rt, 1, 10, 2)
    expect(repr(s)).toBe('slice(1, 10, 2)')
    expect(repr($.own(callv(s, 'indices', 5)))).toBe('(1, 5, 2)')
    expect(repr($.own(callv(sl($, rt, null, null), 'indices', 3)))).toBe('(0, 3, 1)')
    expect(repr($.own(callv(sl($, rt, -100, 100, -1), 'indices', 10)))).toBe('(-1, 9, -1)')
    expect(repr($.own(callv(sl($, rt, 5, null, -2), 'indices', 10)))).toBe('(5, -1, -2)')
    expect(repr(sl($, rt, null, null))).toBe('slice(None, None, None)')
    expect($.own(PyObject_RichCompare(sl($, rt, 1, 2), sl($, rt, 1, 2), Py_EQ))).toBe(rt.True)
    expect($.own(PyObject_RichCompare(sl($, rt, 1, 2), sl($, rt, 1, 3), Py_LT))).toBe(rt.True)
    expect(err(() => callv(sl($, rt, 1, null), 'indices', -1))).toBe('ValueError: length should not be negative')
    expect(err(() => callv(sl($, rt, 1, 2, 0), 'indices', 5))).toBe('ValueError: slice step cannot be zero')
    expect(err(() => construct(rt, rt.types.slice))).toBe('TypeError: slice expected at least 1 argument, got 0')
    $.done()
  })

  it('is unhashable before 3.12; 3.12+ hash: hash(slice(1, 2, 3)) == -2340833382717974474', () => {
    const rt11 = runtime('3.11')
    const $11 = scope(rt11)
    expect(err(() => PyObject_HashExactOrNull(sl($11, rt11, 1, 2, 3)))).toBe("TypeError: unhashable type: 'slice'")
    $11.done()
    const rt = runtime('3.12')
    const $ = scope(rt)
    expect(String(PyObject_HashExactOrNull(sl($, rt, 1, 2, 3)))).toBe('-2340833382717974474')
    $.done()
  })

  it('keeps one freed slice for reuse (slice_cache): the next slice has the same address', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const a = PySlice_New(rt, $(1), $(2), null)
    const addr = a.ob_addr
    const count = rt.gc.generations[0]!.count
    $.own(a)
    $.done()
    const b = PySlice_New(rt, null, null, null)
    expect(b.ob_addr).toBe(addr)
    expect(rt.gc.generations[0]!.count).toBe(count)
    $.own(b)
    $.done()
  })
})

import { describe, expect, it } from 'vitest'
import { Py_DECREF } from '../object/refcount.js'
import { Py_EQ, Py_LT } from '../object/type.js'
import type { PyObject } from '../object/object.js'
import type { Runtime } from '../runtime/runtime.js'
import { call, callable, callv, construct, err, makeClassLike, probeType, py, repr, run, runtime, scope, type JSValue, type Scope } from './containers.testkit.js'
import {
  PyDict_Clear,
  PyDict_DelItem,
  PyDict_New,
  PyDict_SetItem,
  _PyDict_FromItems,
  dict_sizeof,
  type PyDictObject,
} from './dictobject.js'
import { PyObject_GetItem, PyObject_GetIter, PyObject_RichCompare, PyObject_SetItem, binary_op } from './protocols.js'

/** `{k: v, ...}` built as the interpreter does for a display (PyDict_New + PyDict_SetItem). */
function dictOf($: Scope, rt: Runtime, pairs: [JSValue, JSValue][]): PyDictObject {
  const d = $.own(PyDict_New(rt))
  for (const [k, v] of pairs) PyDict_SetItem(d, $(k), $(v))
  return d
}

function getsizeof(rt: Runtime, d: PyObject): number {
  return dict_sizeof(d as PyDictObject) + rt.profile.gc.gcHeadSize
}

function referentsText(d: PyObject): string[] {
  const out: string[] = []
  d.ob_type.tp_traverse!(d, (o) => (out.push(repr(o)), 0), null)
  return out
}

describe('dict sizes', () => {
  // sys.getsizeof as printed by 3.8.18 and 3.11.7 (3.12.1 and 3.13.0 print the 3.11 values).
  const want: Record<string, Record<string, number>> = {
    '3.8': { empty: 64, str5: 232, str6: 360, str11: 640, int1: 232, int6: 360, int11: 640, mixconv: 232, del: 232, clear: 64, lit6: 360, lit6int: 360, kw: 232, fromkeys10: 360, copy: 360, dictd: 360, update: 360, copyAfterDel: 232, popitemIns: 360 },
    '3.11': { empty: 64, str5: 184, str6: 272, str11: 464, int1: 224, int6: 352, int11: 632, mixconv: 352, del: 184, clear: 64, lit6: 272, lit6int: 352, kw: 184, fromkeys10: 352, copy: 352, dictd: 352, update: 352, copyAfterDel: 352, popitemIns: 272 },
  }
  for (const prof of ['3.8', '3.11', '3.13']) {
    it(`matches CPython ${prof}`, () => {
      const rt = runtime(prof)
      const $ = scope(rt)
      const got: Record<string, number> = {}
      const strs = (n: number): [JSValue, JSValue][] => Array.from({ length: n }, (_, i) => [`k${i}`, i])
      const nums = (n: number): [JSValue, JSValue][] => Array.from({ length: n }, (_, i) => [i, i])
      got.empty = getsizeof(rt, $.own(PyDict_New(rt)))
      got.str5 = getsizeof(rt, dictOf($, rt, strs(5)))
      got.str6 = getsizeof(rt, dictOf($, rt, strs(6)))
      got.str11 = getsizeof(rt, dictOf($, rt, strs(11)))
      got.int1 = getsizeof(rt, dictOf($, rt, nums(1)))
      got.int6 = getsizeof(rt, dictOf($, rt, nums(6)))
      got.int11 = getsizeof(rt, dictOf($, rt, nums(11)))
      const mix = dictOf($, rt, [['a', 1]])
      PyDict_SetItem(mix, $(1), $(2))
      got.mixconv = getsizeof(rt, mix)
      const del = dictOf($, rt, [['a', 1], ['b', 2]])
      PyDict_DelItem(del, $('a'))
      got.del = getsizeof(rt, del)
      const cl = dictOf($, rt, [['a', 1]])
      PyDict_Clear(cl)
      got.clear = getsizeof(rt, cl)
      const keys6 = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => $(k))
      const vals6 = [1, 2, 3, 4, 5, 6].map((v) => $(v))
      got.lit6 = getsizeof(rt, $.own(_PyDict_FromItems(rt, keys6, vals6)))
      got.lit6int = getsizeof(rt, $.own(_PyDict_FromItems(rt, vals6, vals6)))
      // dict(a=1)
      const kwnames = $({ t: ['a'] })
      got.kw = getsizeof(rt, $.own(rt.types.type.tp_call!(rt.types.dict, [$(1)], 0, 0, kwnames)))
      const fk = $.own(callv(rt.types.dict, 'fromkeys', $.own(construct(rt, rt.types.range, 10))))
      got.fromkeys10 = getsizeof(rt, fk)
      const comp = dictOf($, rt, nums(10))
      got.copy = getsizeof(rt, $.own(call(comp, 'copy')))
      got.dictd = getsizeof(rt, $.own(construct(rt, rt.types.dict, comp)))
      const up = $.own(PyDict_New(rt))
      run(up, 'update', comp)
      got.update = getsizeof(rt, up)
      for (let i = 0; i < 8; i++) PyDict_DelItem(comp, $(i))
      const cad = $.own(call(comp, 'copy'))
      got.copyAfterDel = getsizeof(rt, cad)
      expect(repr(cad)).toBe('{8: 8, 9: 9}')
      const pi = dictOf($, rt, [['a', 1], ['b', 2], ['c', 3]])
      $.own(call(pi, 'popitem'))
      for (const k of ['x', 'y', 'z']) PyDict_SetItem(pi, $(k), $(1))
      got.popitemIns = getsizeof(rt, pi)
      expect(repr(pi)).toBe("{'a': 1, 'b': 2, 'x': 1, 'y': 1, 'z': 1}")
      expect(got).toEqual(want[prof === '3.13' ? '3.11' : prof])
      $.done()
    })
  }
})

describe('dict tracking and traversal', () => {
  it('dict() and {} start untracked; a value that may be tracked tracks them; subclass instances are tracked', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect($.own(construct(rt, rt.types.dict))._gc_next).toBe(null)
    const d = $.own(PyDict_New(rt))
    expect(d._gc_next).toBe(null)
    PyDict_SetItem(d, $('a'), $([]))
    expect(d._gc_next).not.toBe(null)
    const D = $.own(makeClassLike(rt, 'D', rt.types.dict))
    expect($.own(construct(rt, D))._gc_next).not.toBe(null)
    $.done()
  })

  it('gc.get_referents: str-only tables visit values only; general tables value then key', () => {
    for (const prof of ['3.8', '3.11']) {
      const rt = runtime(prof)
      const $ = scope(rt)
      expect(referentsText(dictOf($, rt, [['a', 1]]))).toEqual(['1'])
      expect(referentsText(dictOf($, rt, [[1, 'a']]))).toEqual(["'a'", '1'])
      // `1 in d` switches a 3.8 str-only table to the general lookup for good (3.8.18 then printed [1, 'a']).
      const d = dictOf($, rt, [['a', 1]])
      rt.types.dict.sq_contains!(d, $(1))
      expect(referentsText(d)).toEqual(prof === '3.8' ? ['1', "'a'"] : ['1'])
      $.done()
    }
  })
})

describe('dict behaviour', () => {
  it('repr, with the recursion guard', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect(repr(dictOf($, rt, [[1, 'a'], ['b', { t: [2] }]]))).toBe("{1: 'a', 'b': (2,)}")
    expect(repr($.own(PyDict_New(rt)))).toBe('{}')
    const r = dictOf($, rt, [])
    PyDict_SetItem(r, $(1), r)
    expect(repr(r)).toBe('{1: {...}}')
    PyDict_Clear(r)
    $.done()
  })

  it('KeyError carries the key; __missing__ on subclasses', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const d = dictOf($, rt, [[1, 2]])
    expect(err(() => PyObject_GetItem(d, $({ t: [1, 2] })))).toBe('KeyError: (1, 2)')
    expect(err(() => PyDict_DelItem(d, $(5)))).toBe('KeyError: 5')
    const missing = $.own(
      callable(rt, ([k]) => {
        const v = (k as unknown as { ob_ival: number }).ob_ival
        return py(rt, v * 2)
      }),
    )
    const D = $.own(makeClassLike(rt, 'D', rt.types.dict, { __missing__: missing }))
    const inst = $.own(construct(rt, D))
    expect(repr($.own(PyObject_GetItem(inst, $(21))))).toBe('42')
    $.done()
  })

  it('methods: get, setdefault, pop, popitem, update, fromkeys, copy, clear (3.11.7 outputs)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const d = dictOf($, rt, [[1, 'a'], [2, 'b'], [3, 'c']])
    expect(repr($.own(call(d, 'popitem')))).toBe("(3, 'c')")
    expect(repr(d)).toBe("{1: 'a', 2: 'b'}")
    expect(repr($.own(callv(d, 'setdefault', 9, 'z')))).toBe("'z'")
    expect(repr($.own(callv(d, 'setdefault', 9, 'q')))).toBe("'z'")
    expect(repr($.own(callv(d, 'pop', 9)))).toBe("'z'")
    expect(repr($.own(callv(d, 'pop', 9, 'dflt')))).toBe("'dflt'")
    expect(repr($.own(callv(d, 'get', 1)))).toBe("'a'")
    expect(repr($.own(callv(d, 'get', 7)))).toBe('None')
    expect(repr($.own(callv(rt.types.dict, 'fromkeys', [1, 2])))).toBe('{1: None, 2: None}')
    expect(repr($.own(callv(rt.types.dict, 'fromkeys', { t: [1] }, 0)))).toBe('{1: 0}')
    expect(repr($.own(construct(rt, rt.types.dict, [{ t: [1, 2] }, [3, 4]])))).toBe('{1: 2, 3: 4}')
    const withKw = $.own(rt.types.type.tp_call!(rt.types.dict, [$(dictOf($, rt, [[1, 2]])), $(3)], 0, 1, $({ t: ['x'] })))
    expect(repr(withKw)).toBe("{1: 2, 'x': 3}")
    const u = $.own(PyDict_New(rt))
    const upd = rt.types.dict.tp_methods.find((m) => m.ml_name === 'update')!
    $.own(upd.ml_meth(u, [$([{ t: ['k', 1] }]), $(2)], 0, 1, $({ t: ['z'] })))
    expect(repr(u)).toBe("{'k': 1, 'z': 2}")
    run(u, 'clear')
    expect(repr(u)).toBe('{}')
    $.done()
  })

  it('messages (3.11.7)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const e = $.own(PyDict_New(rt))
    expect(err(() => PyObject_GetItem(e, $(1)))).toBe('KeyError: 1')
    expect(err(() => callv(e, 'pop', 1))).toBe('KeyError: 1')
    expect(err(() => callv(e, 'pop', []))).toBe('KeyError: []')
    expect(err(() => call(e, 'popitem'))).toBe("KeyError: popitem(): dictionary is empty")
    expect(err(() => construct(rt, rt.types.dict, 1))).toBe("TypeError: 'int' object is not iterable")
    expect(err(() => construct(rt, rt.types.dict, [1]))).toBe('TypeError: cannot convert dictionary update sequence element #0 to a sequence')
    expect(err(() => construct(rt, rt.types.dict, [{ t: [1, 2, 3] }]))).toBe('ValueError: dictionary update sequence element #0 has length 3; 2 is required')
    expect(err(() => construct(rt, rt.types.dict, 1, 2))).toBe('TypeError: dict expected at most 1 argument, got 2')
    expect(err(() => call(e, 'get'))).toBe('TypeError: get expected at least 1 argument, got 0')
    expect(err(() => callv(e, 'keys', 1))).toBe('TypeError: dict.keys() takes no arguments (1 given)')
    expect(err(() => PyObject_SetItem(e, $([]), $(1)))).toBe("TypeError: unhashable type: 'list'")
    expect(err(() => binary_op(dictOf($, rt, [[1, 2]]), $(1), 'nb_or'))).toBe('TypeError: unsupported operand type(s) for |: \'dict\' and \'int\'')
    $.done()
  })

  it('| and |= exist from 3.9 (absent on 3.8)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const a = dictOf($, rt, [[1, 'a']])
    const b = dictOf($, rt, [[2, 'b'], [1, 'x']])
    expect(repr($.own(rt.types.dict.nb_or!(a, b)))).toBe("{1: 'x', 2: 'b'}")
    expect($.own(rt.types.dict.nb_inplace_or!(a, $([{ t: [3, 'c'] }])))).toBe(a)
    expect(repr(a)).toBe("{1: 'a', 3: 'c'}")
    expect(runtime('3.8').types.dict.nb_or).toBe(null)
    $.done()
  })

  it('equality compares values with ==; other comparisons are not supported', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect($.own(PyObject_RichCompare(dictOf($, rt, [[1, 2]]), dictOf($, rt, [[1, 2]]), Py_EQ))).toBe(rt.True)
    expect($.own(PyObject_RichCompare(dictOf($, rt, [[1, 2]]), dictOf($, rt, [[1, 3]]), Py_EQ))).toBe(rt.False)
    expect(err(() => PyObject_RichCompare(dictOf($, rt, []), dictOf($, rt, []), Py_LT))).toBe("TypeError: '<' not supported between instances of 'dict' and 'dict'")
    $.done()
  })

  it('releases entries in insertion order, key then value (order4.py: "d0 d1 d2 | dict")', () => {
    const rt = runtime('3.11')
    const log: string[] = []
    const { make } = probeType(rt, log, { logDealloc: true })
    const $ = scope(rt)
    const d = PyDict_New(rt)
    for (const [k, v] of [['a', 0], ['b', 1], ['c', 2]] as const) {
      const o = make(v)
      PyDict_SetItem(d, $(k), o)
      Py_DECREF(o)
    }
    $.done()
    Py_DECREF(d)
    expect(log).toEqual(['del 0', 'del 1', 'del 2'])
  })
})

describe('dict views and iterators', () => {
  it('repr, set operations, membership, comparisons, reversed (3.8.18 = 3.11.7 = 3.13.0)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const d = dictOf($, rt, [[1, 'a'], [2, 'b'], [3, 'c']])
    const keys = $.own(call(d, 'keys'))
    const values = $.own(call(d, 'values'))
    const items = $.own(call(d, 'items'))
    expect([repr(keys), repr(values), repr(items)]).toEqual(["dict_keys([1, 2, 3])", "dict_values(['a', 'b', 'c'])", "dict_items([(1, 'a'), (2, 'b'), (3, 'c')])"])
    const K = rt.types.dict_keys
    expect(repr($.own(K.nb_or!(keys, $.own(construct(rt, rt.types.set, [9, 1])))))).toBe('{1, 2, 3, 9}')
    expect(repr($.own(K.nb_and!(keys, $.own(construct(rt, rt.types.set, [2, 3, 4])))))).toBe('{2, 3}')
    expect(repr($.own(K.nb_subtract!(keys, $.own(construct(rt, rt.types.set, [1])))))).toBe('{2, 3}')
    expect(repr($.own(K.nb_xor!(keys, $.own(construct(rt, rt.types.set, [3, 4])))))).toBe('{1, 2, 4}')
    expect(repr($.own(K.nb_or!($.own(construct(rt, rt.types.set, [4, 5])), keys)))).toBe('{1, 2, 3, 4, 5}')
    const pairs = $.own(construct(rt, rt.types.set, [{ t: [1, 'a'] }, { t: [2, 'x'] }]))
    expect(repr($.own(rt.types.dict_items.nb_and!(items, pairs)))).toBe("{(1, 'a')}")
    expect(rt.types.dict_items.sq_contains!(items, $({ t: [1, 'a'] }))).toBe(true)
    expect(rt.types.dict_items.sq_contains!(items, $({ t: [1, 'x'] }))).toBe(false)
    expect($.own(PyObject_RichCompare(keys, $.own(construct(rt, rt.types.set, [1, 2, 3])), Py_EQ))).toBe(rt.True)
    expect($.own(PyObject_RichCompare(keys, $.own(construct(rt, rt.types.set, [1, 2, 3, 4])), Py_LT))).toBe(rt.True)
    expect(repr($.own(callv(keys, 'isdisjoint', [4, 5])))).toBe('True')
    expect(repr($.own(callv(keys, 'isdisjoint', [3])))).toBe('False')
    expect(repr($.own(construct(rt, rt.types.list, $.own(construct(rt, rt.types.reversed, d)))))).toBe('[3, 2, 1]')
    expect(repr($.own(construct(rt, rt.types.list, $.own(construct(rt, rt.types.reversed, values)))))).toBe("['c', 'b', 'a']")
    expect(repr($.own(construct(rt, rt.types.list, $.own(construct(rt, rt.types.reversed, items)))))).toBe("[(3, 'c'), (2, 'b'), (1, 'a')]")
    expect(repr($.own(call($.own(PyDict_New(rt)), 'keys')))).toBe('dict_keys([])')
    $.done()
  })

  it('"dictionary changed size during iteration" (and it stays that way)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const d = dictOf($, rt, [[1, 1]])
    const it = $.own(PyObject_GetIter(d))
    $.own(it.ob_type.tp_iternext!(it)!)
    PyDict_SetItem(d, $(2), $(2))
    expect(err(() => it.ob_type.tp_iternext!(it))).toBe('RuntimeError: dictionary changed size during iteration')
    PyDict_DelItem(d, $(2))
    expect(err(() => it.ob_type.tp_iternext!(it))).toBe('RuntimeError: dictionary changed size during iteration')
    $.done()
  })

  it('item iterators reuse their result tuple when it was released (id(b) == id(a) after del a)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const d = dictOf($, rt, [[1, 1], [2, 2]])
    const items = $.own(call(d, 'items'))
    const it = $.own(PyObject_GetIter(items))
    const a = it.ob_type.tp_iternext!(it)!
    const b = it.ob_type.tp_iternext!(it)!
    expect(a).not.toBe(b)
    Py_DECREF(a)
    Py_DECREF(b)
    const it2 = $.own(PyObject_GetIter(items))
    const c = it2.ob_type.tp_iternext!(it2)!
    Py_DECREF(c)
    const e = it2.ob_type.tp_iternext!(it2)!
    expect(e).toBe(c)
    expect(repr(e)).toBe('(2, 2)')
    Py_DECREF(e)
    $.done()
  })

  it('iterator and view sizes (3.8-3.13: views 40, iterators 72)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const d = $.own(PyDict_New(rt))
    const v = $.own(call(d, 'keys'))
    const it = $.own(PyObject_GetIter(d))
    expect([v.ob_type.tp_basicsize + 16, it.ob_type.tp_basicsize + 16]).toEqual([40, 72])
    $.done()
  })
})

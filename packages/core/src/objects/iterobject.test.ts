import { describe, expect, it } from 'vitest'
import { PyErr_Format } from '../errors.js'
import { PyObject_Free, PyObject_Init } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import type { PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { call, callable, construct, err, probeType, py, repr, runtime, scope, type Scope } from './containers.testkit.js'
import { PyCallIter_New, PySequence_Contains } from './iterobject.js'
import { PyList_FromArraySteal } from './listobject.js'
import { PyLong_FromBigInt, PyLong_FromNumber, intValue } from './longobject.js'
import { PyObject_GetIter } from './protocols.js'
import { PyType_NewStatic, PyType_Ready } from './typeobject.js'

function list($: Scope, rt: Runtime, o: PyObject): string {
  return repr($.own(construct(rt, rt.types.list, o)))
}

/** `class S: __len__ -> n; __getitem__(i) -> i * 10 until IndexError` (a sequence without __iter__). */
class SeqObj extends PyObject {
  n = 0
}
function seq(rt: Runtime, n: number): PyObject {
  let t = seqTypes.get(rt)
  if (t === undefined) {
    t = PyType_NewStatic(rt, 'S', {
      basicsize: 16,
      slots: {
        tp_dealloc: (op) => PyObject_Free(op),
        sq_length: (op) => (op as SeqObj).n,
        sq_item: (op, i) => {
          if (i >= (op as SeqObj).n) throw PyErr_Format(rt, 'IndexError', 'index out of range')
          return PyLong_FromNumber(rt, i * 10)
        },
      },
    })
    PyType_Ready(rt, t)
    seqTypes.set(rt, t)
  }
  const o = new SeqObj(t)
  o.n = n
  return PyObject_Init(rt, o, 16)
}
const seqTypes = new WeakMap<Runtime, PyTypeObject>()

describe('iterator and callable_iterator', () => {
  it('iterates a __getitem__ sequence until IndexError, with a length hint (3.8.18 = 3.13.0: [0, 10, 20], 3)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const s = $.own(seq(rt, 3))
    const it = $.own(PyObject_GetIter(s))
    expect(it.ob_type.tp_name).toBe('iterator')
    expect(repr($.own(call(it, '__length_hint__')))).toBe('3')
    expect(list($, rt, it)).toBe('[0, 10, 20]')
    expect(list($, rt, $.own(construct(rt, rt.types.reversed, s)))).toBe('[20, 10, 0]')
    $.done()
  })

  it('iter(callable, sentinel) stops at the sentinel and forgets the callable (list(iter(next, 3)) == [1, 2])', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const src = $.own(PyObject_GetIter($([1, 2, 3, 4])))
    const f = $.own(
      callable(rt, () => {
        const v = src.ob_type.tp_iternext!(src)
        if (v === null) throw PyErr_Format(rt, 'StopIteration', '')
        return v
      }),
    )
    const it = $.own(PyCallIter_New(rt, f, $(3)))
    expect(it.ob_type.tp_name).toBe('callable_iterator')
    expect(list($, rt, it)).toBe('[1, 2]')
    expect((it as unknown as { it_callable: PyObject | null }).it_callable).toBe(null)
    $.done()
  })

  it('x in <iterable without __contains__> searches by iteration (item == x on 3.9+, x == item on 3.8)', () => {
    for (const [prof, first] of [
      ['3.8', 'eq 9 1'],
      ['3.11', 'eq 1 9'],
    ] as const) {
      const rt = runtime(prof)
      const $ = scope(rt)
      const log: string[] = []
      const { make } = probeType(rt, log)
      const it = $.own(PyObject_GetIter($.own(PyList_FromArraySteal(rt, [make(1), make(2)]))))
      expect(PySequence_Contains(it, $.own(make(9)))).toBe(false)
      expect(log).toEqual([first, first.replace('1', '2')])
      expect(err(() => PySequence_Contains($(1), $(1)))).toBe("TypeError: argument of type 'int' is not iterable")
      $.done()
    }
  })
})

describe('enumerate and reversed', () => {
  it('enumerate(start=), with a big start; the result tuple is reused', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect(list($, rt, $.own(construct(rt, rt.types.enumerate, ['a', 'b'], 10)))).toBe("[(10, 'a'), (11, 'b')]")
    const e = $.own(construct(rt, rt.types.enumerate, [5, 6], $.own(PyLong_FromBigInt(rt, 2n ** 70n))))
    const first = e.ob_type.tp_iternext!(e)!
    expect(repr(first)).toBe('(1180591620717411303424, 5)')
    Py_DECREF(first)
    const second = e.ob_type.tp_iternext!(e)!
    expect(second).toBe(first)
    expect(repr(second)).toBe('(1180591620717411303425, 6)')
    Py_DECREF(second)
    $.done()
  })

  it('messages per profile', () => {
    const rt = runtime('3.11')
    const rt8 = runtime('3.8')
    const $ = scope(rt)
    const kw = (r: Runtime, name: string): PyObject => py(r, { t: [name] })
    expect(err(() => construct(rt, rt.types.enumerate))).toBe("TypeError: enumerate() missing required argument 'iterable'")
    expect(err(() => construct(rt8, rt8.types.enumerate))).toBe("TypeError: enumerate() missing required argument 'iterable' (pos 1)")
    const kx = $.own(kw(rt, 'x'))
    expect(err(() => rt.types.type.tp_call!(rt.types.enumerate, [$(1)], 0, 0, kx))).toBe("TypeError: 'x' is an invalid keyword argument for enumerate()")
    expect(err(() => construct(rt, rt.types.enumerate, [], 'a'))).toBe("TypeError: 'str' object cannot be interpreted as an integer")
    expect(err(() => construct(rt, rt.types.reversed, 1))).toBe("TypeError: 'int' object is not reversible")
    expect(err(() => construct(rt, rt.types.reversed))).toBe('TypeError: reversed expected 1 argument, got 0')
    $.done()
  })

  it('reversed() uses __reversed__ (list, dict) or __len__/__getitem__ (str-like sequences)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect($.own(construct(rt, rt.types.reversed, [1, 2])).ob_type.tp_name).toBe('list_reverseiterator')
    expect(list($, rt, $.own(construct(rt, rt.types.reversed, { t: [1, 2, 3] })))).toBe('[3, 2, 1]')
    expect($.own(construct(rt, rt.types.reversed, { t: [] })).ob_type.tp_name).toBe('reversed')
    $.done()
  })
})

describe('zip, map, filter', () => {
  it('results (3.8.18 = 3.13.0)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect(list($, rt, $.own(construct(rt, rt.types.zip, [1, 2], { t: ['a', 'b'] })))).toBe("[(1, 'a'), (2, 'b')]")
    expect(list($, rt, $.own(construct(rt, rt.types.zip)))).toBe('[]')
    const add = $.own(callable(rt, ([a, b]) => PyLong_FromNumber(rt, Number(intValue(a!)) + Number(intValue(b!)))))
    expect(list($, rt, $.own(construct(rt, rt.types.map, add, [1, 2], [10, 20, 30])))).toBe('[11, 22]')
    // filter(None, ...) keeps true items (lists here: their truth is their length).
    expect(list($, rt, $.own(construct(rt, rt.types.filter, rt.None, [[], [1], [], ['a']])))).toBe("[[1], ['a']]")
    const gt1 = $.own(
      callable(rt, ([x]) => {
        const r = Number(intValue(x!)) > 1 ? rt.True : rt.False
        Py_INCREF(r)
        return r
      }),
    )
    expect(list($, rt, $.own(construct(rt, rt.types.filter, gt1, [1, 2, 3])))).toBe('[2, 3]')
    $.done()
  })

  it('zip reuses its result tuple (3.8-3.13: id(b) == id(a) after del a)', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const z = $.own(construct(rt, rt.types.zip, [1, 2], [3, 4]))
    const a = z.ob_type.tp_iternext!(z)!
    Py_DECREF(a)
    const b = z.ob_type.tp_iternext!(z)!
    expect(b).toBe(a)
    expect(repr(b)).toBe('(2, 4)')
    Py_DECREF(b)
    $.done()
  })

  it('zip(strict=True) (3.10+) and its messages; 3.8 refuses keywords', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const strict = $({ t: ['strict'] })
    const zipStrict = (...args: PyObject[]): PyObject => rt.types.type.tp_call!(rt.types.zip, [...args, rt.True], 0, args.length, strict)
    expect(err(() => list($, rt, $.own(zipStrict($([1, 2]), $([1])))))).toBe('ValueError: zip() argument 2 is shorter than argument 1')
    expect(err(() => list($, rt, $.own(zipStrict($([1]), $([1, 2])))))).toBe('ValueError: zip() argument 2 is longer than argument 1')
    expect(err(() => list($, rt, $.own(zipStrict($([1]), $([1]), $([1, 2])))))).toBe('ValueError: zip() argument 3 is longer than arguments 1-2')
    expect(list($, rt, $.own(zipStrict($([1]), $([2]))))).toBe('[(1, 2)]')
    const x = $({ t: ['x'] })
    expect(err(() => rt.types.type.tp_call!(rt.types.zip, [$(1)], 0, 0, x))).toBe("TypeError: 'x' is an invalid keyword argument for zip()")
    const rt8 = runtime('3.8')
    const $8 = scope(rt8)
    expect(err(() => rt8.types.type.tp_call!(rt8.types.zip, [$8([1]), rt8.True], 0, 1, $8({ t: ['strict'] })))).toBe('TypeError: zip() takes no keyword arguments')
    const rt13 = runtime('3.13')
    const $13 = scope(rt13)
    expect(err(() => rt13.types.type.tp_call!(rt13.types.zip, [$13(1)], 0, 0, $13({ t: ['x'] })))).toBe("TypeError: zip() got an unexpected keyword argument 'x'")
    $.done()
    $8.done()
    $13.done()
  })

  it('messages', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    expect(err(() => construct(rt, rt.types.map))).toBe('TypeError: map() must have at least two arguments.')
    expect(err(() => construct(rt, rt.types.filter, 1))).toBe('TypeError: filter expected 2 arguments, got 1')
    expect(err(() => construct(rt, rt.types.filter, rt.None, 1))).toBe("TypeError: 'int' object is not iterable")
    expect(err(() => construct(rt, rt.types.zip, 1))).toBe("TypeError: 'int' object is not iterable")
    $.done()
  })

  it('sizes: enumerate 64 (3.8) / 72 (3.11); zip 56 / 64; reversed, map, iterator 48', () => {
    for (const [prof, e, z] of [
      ['3.8', 64, 56],
      ['3.11', 72, 64],
    ] as const) {
      const rt = runtime(prof)
      const T = rt.types
      const g = (t: PyTypeObject): number => t.tp_basicsize + rt.profile.gc.gcHeadSize
      expect([g(T.enumerate), g(T.zip), g(T.reversed), g(T.map), g(T.iterator)]).toEqual([e, z, 48, 48, 48])
    }
  })

  it('iterators are GC objects tracked from creation; items they hold are visited', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const it = $.own(construct(rt, rt.types.zip, [1]))
    expect(it._gc_next).not.toBe(null)
    const seen: string[] = []
    it.ob_type.tp_traverse!(it, (o) => (seen.push(o.ob_type.tp_name), 0), null)
    expect(seen).toEqual(['tuple', 'tuple'])
    $.done()
  })
})

import { describe, expect, it } from 'vitest'
import {
  PROFILES,
  PyErr,
  PyObject as PyObjectClass,
  PyObject_Init,
  PyType_NewStatic,
  PyType_Ready,
  Py_TPFLAGS_BASETYPE,
  PyErr_Format,
  PyTuple_Pack,
  Py_DECREF,
  Py_INCREF,
  _PyObject_GC_IS_TRACKED,
  _Py_Dealloc,
  createRuntime,
  type PyObject,
  type PyTypeObject,
  type Runtime,
} from '../../src/index.js'
import { _PyObject_SizeOf } from '../../src/objects/object-type.js'
import { auditExempt } from '../../src/testing.js'
import { PyInstanceObject } from '../../src/objects/instances.js'
import { call, collectAll, getattr, int, makeClass, none, norm, pyError, pyfunc, referents, repr, setattr, setattrSteal, str, text } from '../helpers/typesystem.js'

/** `class Track: def __init__(self, name): self.name = name; def __del__(self): out.append(self.name)` */
function trackClass(rt: Runtime, out: string[], withDel = true): PyTypeObject {
  const init = pyfunc(rt, '__init__', ([self, name]) => {
    setattr(self!, 'name', name!)
    return none(rt)
  })
  const del = pyfunc(rt, '__del__', ([self]) => {
    const n = getattr(self!, 'name')
    out.push(text(n))
    Py_DECREF(n)
    return none(rt)
  })
  const ns: Record<string, PyObject> = { __init__: init }
  if (withDel) ns['__del__'] = del
  const T = makeClass(rt, 'Track', [], ns)
  Py_DECREF(init)
  Py_DECREF(del)
  return T
}

function track(rt: Runtime, T: PyTypeObject, name: string): PyObject {
  const s = str(rt, name)
  try {
    return call(T, s)
  } finally {
    Py_DECREF(s)
  }
}

describe('instance attributes per profile', () => {
  for (const p of PROFILES) {
    // gc1.py "plain 2-cycle": 4 on 2.7 and 3.6–3.10 (instances + dicts), 2 on 3.11+;
    // after p.__dict__ and q.__dict__: 4 on 3.11/3.12, 2 on 3.13 and Pyodide 3.14.2.
    const old = p.id === 'legacy' || p.id === '3.8'
    const plain = old ? 4 : 2
    const materialised = old || p.id === '3.11' || p.id === '3.12' ? 4 : 2
    it(`a 2-cycle of instances collects ${plain}, ${materialised} after __dict__, on ${p.id}`, () => {
      const rt = createRuntime({ profile: p })
      collectAll(rt)
      const P = makeClass(rt, 'Plain', [], {})
      let a = call(P)
      let b = call(P)
      setattr(a, 'o', b)
      setattr(b, 'o', a)
      Py_DECREF(a)
      Py_DECREF(b)
      expect(collectAll(rt)).toBe(plain)
      a = call(P)
      b = call(P)
      setattr(a, 'o', b)
      setattr(b, 'o', a)
      Py_DECREF(getattr(a, '__dict__'))
      Py_DECREF(getattr(b, '__dict__'))
      Py_DECREF(a)
      Py_DECREF(b)
      expect(collectAll(rt)).toBe(materialised)
      Py_DECREF(P)
      collectAll(rt)
    })
  }

  it('gc2.py: one materialised dict is counted on 3.11/3.12, never on 3.13', () => {
    // gc2.py: "collect -> 3" (3.11.7, 3.12.1), "collect -> 2" (3.13.0); referents of p: ['dict', 'type'] vs ['Plain', 'type']
    for (const [pid, n, refs] of [
      ['3.11', 3, ['dict', 'type']],
      ['3.12', 3, ['dict', 'type']],
      ['3.13', 2, ['Plain', 'type']],
      ['3.8', 4, ['dict', 'type']],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      collectAll(rt)
      const P = makeClass(rt, 'Plain', [], {})
      const p = call(P)
      const q = call(P)
      setattr(p, 'o', q)
      setattr(q, 'o', p)
      const d = getattr(p, '__dict__')
      expect(_PyObject_GC_IS_TRACKED(d)).toBe(true)
      Py_DECREF(d)
      expect(referents(p).map((r) => r.ob_type.tp_name).sort()).toEqual(refs)
      Py_DECREF(p)
      Py_DECREF(q)
      expect(collectAll(rt)).toBe(n)
      Py_DECREF(P)
      collectAll(rt)
    }
  })

  it('gc3.py: a dict of atomic values is untracked; 3.13 keeps visiting the values', () => {
    // gc3.py: tracked dict: False; referents of p: ['dict', 'type'] (3.8–3.12) / ['int', 'type'] (3.13.0)
    for (const [pid, refs] of [
      ['3.8', ['dict', 'type']],
      ['3.12', ['dict', 'type']],
      ['3.13', ['int', 'type']],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const P = makeClass(rt, 'Plain', [], {})
      const p = call(P)
      setattrSteal(p, 'o', int(rt, 1))
      const d1 = getattr(p, '__dict__')
      const d2 = getattr(p, '__dict__')
      expect(d1).toBe(d2)
      expect(d1.ob_refcnt).toBe(3) // p, d1, d2 (getrefcount(p.__dict__) printed 2: p + the argument)
      expect(_PyObject_GC_IS_TRACKED(d1)).toBe(false)
      expect(referents(p).map((r) => r.ob_type.tp_name).sort()).toEqual(refs)
      for (const o of [d2, d1, p, P]) Py_DECREF(o)
      collectAll(rt)
    }
  })

  it('api1.py: get_referents(a) = values then type (3.11+), dict then type (≤3.10)', () => {
    for (const [pid, refs] of [
      // api1.py: ['dict', 'type'] (3.8.18), ['T', 'str', 'type'] (3.11.7, 3.12.1, 3.13.0)
      ['3.8', ['dict', 'type']],
      ['3.11', ['T', 'str', 'type']],
      ['3.12', ['T', 'str', 'type']],
      ['3.13', ['T', 'str', 'type']],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const T = makeClass(rt, 'T', [], {})
      const a = call(T)
      const b = call(T)
      setattrSteal(a, 'n', str(rt, 'a'))
      setattrSteal(b, 'n', str(rt, 'b'))
      setattr(a, 'o', b)
      expect(referents(a).map((r) => r.ob_type.tp_name).sort()).toEqual(refs)
      for (const o of [b, a, T]) Py_DECREF(o)
      collectAll(rt)
    }
  })

  it('order1.py case 5: a crowded class materialises B\'s dict (4); a fresh class does not (3)', () => {
    for (const pid of ['3.11', '3.12', '3.13', '3.14', '3.8']) {
      const rt = createRuntime({ profile: pid })
      const out: string[] = []
      collectAll(rt)
      const T = trackClass(rt, out)
      // Cases 1–4 of order1.py: 34 instances with name/other/next.
      const mk = (n: string): PyObject => track(rt, T, n)
      for (let round = 0; round < 2; round++) {
        const a = mk('a')
        const b = mk('b')
        setattr(a, 'other', b)
        setattr(b, 'other', a)
        Py_DECREF(a)
        Py_DECREF(b)
        collectAll(rt)
      }
      for (let round = 0; round < 3; round++) {
        const ring = Array.from({ length: 10 }, (_, i) => mk('r' + i))
        ring.forEach((r, i) => setattr(r, 'next', ring[(i + 1) % 10]!))
        ring.forEach((r) => Py_DECREF(r))
        collectAll(rt)
      }
      out.length = 0
      // Case 5
      const A = mk('A')
      const B = mk('B')
      setattr(A, 'o', B)
      setattr(B, 'o', A)
      const t = mk('tail')
      setattr(B, 'tail', t)
      for (const o of [A, B, t]) Py_DECREF(o)
      let garbage: string[] = []
      const n = collectAll(rt, (g) => (garbage = g.map((o) => o.ob_type.tp_name)))
      if (pid === '3.8') {
        // order3.py 3.8.18: 5 [A, B, dict(A), dict(B), tail]
        expect(n).toBe(5)
        expect(garbage).toEqual(['Track', 'Track', 'dict', 'dict', 'Track'])
      } else {
        // order3.py 3.11.7/3.12.1/3.13.0: 4 [A, B, tail, dict(B) ['name', 'o', 'tail']]
        expect(n).toBe(4)
        expect(garbage).toEqual(['Track', 'Track', 'Track', 'dict'])
      }
      // order1.py: __del__ order "A B tail"
      expect(out).toEqual(['A', 'B', 'tail'])
      Py_DECREF(T)
      collectAll(rt)

      // order2.py: the same objects of a fresh class: 3 on 3.11+ (['Track', 'Track', 'Track']), 5 on 3.8
      const T2 = trackClass(rt, out, false)
      const A2 = track(rt, T2, 'A')
      const B2 = track(rt, T2, 'B')
      setattr(A2, 'o', B2)
      setattr(B2, 'o', A2)
      const t2 = track(rt, T2, 'tail')
      setattr(B2, 'tail', t2)
      for (const o of [A2, B2, t2]) Py_DECREF(o)
      expect(collectAll(rt)).toBe(pid === '3.8' ? 5 : 3)
      Py_DECREF(T2)
      collectAll(rt)
    }
  })

  it('the shared keys hold 30 names; each new instance takes one slot while more than one is left', () => {
    // t2.py (3.11.7, 3.12.1, 3.13.0): 27 live instances + a 2-cycle with 'x' then 'o' -> 4; 26 instances -> 2;
    // one instance with 29 keys -> 4; with 28 keys -> 4 (the 2-cycle's 'x' takes the last slot, 'o' has none).
    for (const pid of ['3.11', '3.12', '3.13']) {
      const rt = createRuntime({ profile: pid })
      const cycle = (C: PyTypeObject): number => {
        const a = call(C)
        const b = call(C)
        setattr(a, 'x', a)
        setattr(a, 'o', b)
        setattr(b, 'o', a)
        setattr(b, 'x', b)
        Py_DECREF(a)
        Py_DECREF(b)
        return collectAll(rt)
      }
      for (const [n, expected] of [
        [27, 4],
        [26, 2],
        [25, 2],
      ] as const) {
        const B = makeClass(rt, 'B', [], {})
        const keep = Array.from({ length: n }, () => call(B))
        expect(cycle(B)).toBe(expected)
        keep.forEach((k) => Py_DECREF(k))
        Py_DECREF(B)
        collectAll(rt)
      }
      for (const [keys, expected] of [
        [29, 4],
        [28, 4],
      ] as const) {
        const K = makeClass(rt, 'K', [], {})
        const k = call(K)
        for (let i = 0; i < keys; i++) setattrSteal(k, 'a' + i, int(rt, i))
        expect(cycle(K)).toBe(expected)
        Py_DECREF(k)
        Py_DECREF(K)
        collectAll(rt)
      }
    }
  })

  it('deleting a missing attribute: messages per profile; it still takes a shared-keys slot (3.11+)', () => {
    // t3.py: del A().x -> "AttributeError: x" (3.8.18), "'A' object has no attribute 'x'" (3.11.7)
    for (const [pid, msg] of [
      ['3.8', 'AttributeError: x'],
      ['3.11', "AttributeError: 'A' object has no attribute 'x'"],
      ['3.13', "AttributeError: 'A' object has no attribute 'x'"],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const A = makeClass(rt, 'A', [], {})
      const a = call(A)
      expect(pyError(() => setattr(a, 'x', null))).toBe(msg)
      // python3.11: A().x -> AttributeError: 'A' object has no attribute 'x'
      expect(pyError(() => getattr(a, 'x'))).toBe("AttributeError: 'A' object has no attribute 'x'")
      Py_DECREF(a)
      Py_DECREF(A)
      collectAll(rt)
    }
    // t7.py (3.11.7, 3.12.1, 3.13.0): 28 keys on one instance, `del k.zz`, then a 2-cycle via 'o' -> 4
    const rt = createRuntime({ profile: '3.11' })
    const K = makeClass(rt, 'K', [], {})
    const k = call(K)
    for (let i = 0; i < 28; i++) setattrSteal(k, 'a' + i, int(rt, i))
    expect(pyError(() => setattr(k, 'zz', null))).toBe("AttributeError: 'K' object has no attribute 'zz'")
    const a = call(K)
    const b = call(K)
    setattr(a, 'o', b)
    setattr(b, 'o', a)
    Py_DECREF(a)
    Py_DECREF(b)
    expect(collectAll(rt)).toBe(4)
    Py_DECREF(k)
    Py_DECREF(K)
    collectAll(rt)
  })

  it('getsizeof of an instance and of its materialised __dict__', () => {
    // size2.py: Empty()=48, __dict__ (empty)=104 (3.8.18); 56 / 288 (3.11.7); 48 / 288 (3.12.1, 3.13.0);
    // "Empty() after __dict__ materialized" unchanged. i = Empty(); i2 = Empty(); dd = i2.__dict__
    for (const [pid, inst, dict] of [
      ['3.8', 48, 104],
      ['3.11', 56, 288],
      ['3.12', 48, 288],
      ['3.13', 48, 288],
      ['legacy', 64, -1],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const E = makeClass(rt, 'Empty', [], {})
      const i = call(E)
      const i2 = call(E)
      expect(_PyObject_SizeOf(i2)).toBe(inst)
      expect(inst).toBe(rt.sizeof.instance)
      const dd = getattr(i2, '__dict__')
      if (dict > 0) expect(_PyObject_SizeOf(dd)).toBe(dict)
      expect(_PyObject_SizeOf(i2)).toBe(inst)
      for (const o of [dd, i2, i, E]) Py_DECREF(o)
      collectAll(rt)
    }
  })

  it('3.11: the dict size follows the shared keys\' room', () => {
    // python3.11: class E: pass; e = E(); getsizeof(e.__dict__) -> 296; e2 = E(); e2.__dict__ -> 288 and e.__dict__ -> 288
    const rt = createRuntime({ profile: '3.11' })
    const E = makeClass(rt, 'E', [], {})
    const e = call(E)
    const d = getattr(e, '__dict__')
    expect(_PyObject_SizeOf(d)).toBe(296)
    const e2 = call(E)
    const d2 = getattr(e2, '__dict__')
    expect(_PyObject_SizeOf(d2)).toBe(288)
    expect(_PyObject_SizeOf(d)).toBe(288)
    for (const o of [d2, e2, d, e, E]) Py_DECREF(o)
    collectAll(rt)
  })

  it('3.8: a split instance dict is 104 bytes until the shared order is broken', () => {
    // python3.8: class H; h.b=1; h.a=2; h2.a=1; h2.b=2 -> getsizeof(h.__dict__) 272, getsizeof(h2.__dict__) 232
    const rt = createRuntime({ profile: '3.8' })
    const H = makeClass(rt, 'H', [], {})
    const h = call(H)
    setattrSteal(h, 'b', int(rt, 1))
    setattrSteal(h, 'a', int(rt, 2))
    const hd = getattr(h, '__dict__')
    expect(_PyObject_SizeOf(hd)).toBe(104)
    Py_DECREF(hd)
    Py_DECREF(h)
    Py_DECREF(H)
    collectAll(rt)
  })
})

describe('deallocation of instances', () => {
  it('order4.py: instance attributes are released in insertion order', () => {
    for (const pid of ['3.8', '3.11', '3.13']) {
      const rt = createRuntime({ profile: pid })
      const out: string[] = []
      const T = trackClass(rt, out)
      const O = makeClass(rt, 'O', [], {})
      const o = call(O)
      for (const [k, n] of [
        ['x', 'o0'],
        ['y', 'o1'],
        ['z', 'o2'],
      ] as const) {
        setattrSteal(o, k, track(rt, T, n))
      }
      Py_DECREF(o)
      // order4.py 3.6–3.13: "o0 o1 o2 | instance attributes"
      expect(out).toEqual(['o0', 'o1', 'o2'])
      Py_DECREF(O)
      Py_DECREF(T)
      collectAll(rt)
    }
  })

  it('fin3.py: __del__ runs once (PEP 442); every time under the legacy policy', () => {
    for (const [pid, calls] of [
      // fin3.py: "__del__ call #1" only (3.6–3.13); #1 #2 #3 on 2.7.18
      ['3.11', 1],
      ['3.8', 1],
      ['3.13', 1],
      ['legacy', 3],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const saved: PyObject[] = []
      let n = 0
      const del = pyfunc(rt, '__del__', ([self]) => {
        n++
        if (n < 3) {
          Py_INCREF(self!)
          saved.push(self!)
        }
        return none(rt)
      })
      const L = makeClass(rt, 'L', [], { __del__: del })
      const c = call(L)
      Py_DECREF(c) // resurrected by __del__
      expect(n).toBe(1)
      expect(saved.length).toBe(1)
      // del saved[:] (twice)
      for (let round = 0; round < 2; round++) {
        const s = saved.splice(0)
        s.forEach((x) => Py_DECREF(x))
      }
      expect(n).toBe(calls)
      Py_DECREF(L)
      Py_DECREF(del)
      collectAll(rt)
    }
  })

  it('exc1.py: an exception in __del__ goes to the unraisable hook with the object CPython reports', () => {
    for (const [pid, kind] of [
      // exc1.py: "Exception ignored in: <function Track.__del__ at 0x…>" (3.7–3.13);
      // "Exception ignored while calling deallocator <function …>:" (Pyodide 3.14.2); "<bound method Track.__del__ …>" (2.7)
      ['3.11', 'function'],
      ['3.14', 'message'],
      ['legacy', 'method'],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const reports: string[] = []
      rt.hooks.writeUnraisable = (_rt, exc, obj, msg) => {
        reports.push(`${exc.ob_type.tp_name}|${obj === null ? 'null' : obj.ob_type.tp_name}|${msg === null ? 'null' : norm(msg)}`)
      }
      const del = pyfunc(rt, '__del__', () => {
        throw PyErr_Format(rt, 'ValueError', 'boom from t')
      })
      const Track = makeClass(rt, 'Track', [], { __del__: del })
      const t = call(Track)
      Py_DECREF(t)
      expect(reports.length).toBe(1)
      if (kind === 'function') expect(reports[0]).toBe('ValueError|testfunction|null')
      if (kind === 'method') expect(reports[0]).toBe('ValueError|method|null')
      if (kind === 'message') expect(reports[0]).toBe('ValueError|null|Exception ignored while calling deallocator <function __del__ at 0xADDR>')
      Py_DECREF(Track)
      Py_DECREF(del)
      collectAll(rt)
    }
  })

  it('ct5.py: _Py_Dealloc on a live instance with __del__ is a fatal error', () => {
    for (const [pid, dump] of [
      // ct5.py: 3.11.7 "Objects/object.c:218: PyObject_CallFinalizerFromDealloc: Assertion failed: …", 3.13.0 ":503";
      // 3.8.18 "Fatal Python error: PyObject_CallFinalizerFromDealloc called on object with a non-zero refcount"
      ['3.11', 'Objects/object.c:218: PyObject_CallFinalizerFromDealloc: Assertion failed: PyObject_CallFinalizerFromDealloc called on object with a non-zero refcount'],
      ['3.13', 'Objects/object.c:503: PyObject_CallFinalizerFromDealloc: Assertion failed: PyObject_CallFinalizerFromDealloc called on object with a non-zero refcount'],
      ['3.8', null],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      auditExempt.add(rt)
      const stderr: string[] = []
      const fatal: string[] = []
      rt.hooks.writeStderr = (_rt, t) => void stderr.push(t)
      rt.hooks.fatalError = (_rt, func, msg) => {
        fatal.push(`${func}: ${msg}`)
        throw new Error('fatal')
      }
      const ran: string[] = []
      const del = pyfunc(rt, '__del__', () => (ran.push('ran'), none(rt)))
      const T = makeClass(rt, 'T', [], { __del__: del })
      const t = call(T)
      Py_INCREF(t)
      expect(() => _Py_Dealloc(t)).toThrow('fatal')
      expect(ran).toEqual([])
      if (dump === null) expect(fatal).toEqual(['null: PyObject_CallFinalizerFromDealloc called on object with a non-zero refcount'])
      else {
        expect(stderr.join('').split('\n')[0]).toBe(dump)
        expect(stderr.join('')).toContain('object refcount : 2\n')
        expect(stderr.join('')).toContain('object type name: T\n')
        expect(fatal).toEqual(['_PyObject_AssertFailed: _PyObject_AssertFailed'])
      }
    }
  })
})

describe('__slots__', () => {
  it('members, no __dict__, messages, sizes', () => {
    for (const [pid, getMissing, setMissing] of [
      // t3.py: Sl().a -> "'Sl' object has no attribute 'a'" (3.11.7) / "a" (3.8.18); Sl().b = 1 -> "'Sl' object has no attribute 'b'";
      // 3.13.0 adds " and no __dict__ for setting new attributes"
      ['3.11', "AttributeError: 'Sl' object has no attribute 'a'", "AttributeError: 'Sl' object has no attribute 'b'"],
      ['3.8', 'AttributeError: a', "AttributeError: 'Sl' object has no attribute 'b'"],
      ['3.13', "AttributeError: 'Sl' object has no attribute 'a'", "AttributeError: 'Sl' object has no attribute 'b' and no __dict__ for setting new attributes"],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const a = str(rt, 'a')
      const slots = PyTuple_Pack(rt, [a])
      Py_DECREF(a)
      const Sl = makeClass(rt, 'Sl', [], { __slots__: slots })
      Py_DECREF(slots)
      const member = getattr(Sl, 'a')
      expect(repr(member)).toBe("<member 'a' of 'Sl' objects>")
      Py_DECREF(member)
      const s = call(Sl)
      expect(pyError(() => getattr(s, 'a'))).toBe(getMissing)
      const one = int(rt, 1)
      expect(pyError(() => setattr(s, 'b', one))).toBe(setMissing)
      // t3.py: del Sl().a -> "AttributeError: a" on every version
      expect(pyError(() => setattr(s, 'a', null))).toBe('AttributeError: a')
      setattr(s, 'a', one)
      const v = getattr(s, 'a')
      expect(v).toBe(one)
      Py_DECREF(v)
      expect(pyError(() => getattr(s, '__dict__'))).toBe("AttributeError: 'Sl' object has no attribute '__dict__'")
      // t1.py: getsizeof(Sl()) with two slots is 48 everywhere; one slot: 40
      expect(_PyObject_SizeOf(s)).toBe(40)
      expect(s instanceof PyInstanceObject && s.ob_values === null).toBe(true)
      // A slot value participates in cycles: the instance visits it, the collector finds the instance.
      collectAll(rt)
      setattr(s, 'a', s)
      expect(referents(s)).toContain(s)
      Py_DECREF(s)
      expect(collectAll(rt)).toBe(1)
      Py_DECREF(one)
      Py_DECREF(Sl)
      collectAll(rt)
    }
  })

  it('slot errors', () => {
    const rt = createRuntime({ profile: '3.11' })
    const mk = (items: PyObject[], extra: Record<string, PyObject> = {}): string => {
      const t = PyTuple_Pack(rt, items)
      try {
        return pyError(() => makeClass(rt, 'S', [], { __slots__: t, ...extra }))
      } finally {
        Py_DECREF(t)
        items.forEach((i) => Py_DECREF(i))
      }
    }
    // t4.py (3.11.7)
    expect(mk([str(rt, '__dict__'), str(rt, '__dict__')])).toBe('TypeError: __dict__ slot disallowed: we already got one')
    const one = int(rt, 1)
    expect(mk([str(rt, 'a')], { a: one })).toBe("ValueError: 'a' in __slots__ conflicts with class variable")
    expect(mk([str(rt, '1a')])).toBe('TypeError: __slots__ must be identifiers')
    expect(mk([int(rt, 1)])).toBe("TypeError: __slots__ items must be strings, not 'int'")
    Py_DECREF(one)
    collectAll(rt)
  })

  it('getsizeof with __slots__ and __dict__/__weakref__ per profile layout', () => {
    // t1.py: SlW (a, __weakref__): 48 (3.8, 3.11), 56 (3.12, 3.13); SlD (a, __dict__): 48 (3.8), 56 (3.11+)
    for (const [pid, slw, sld] of [
      ['3.8', 48, 48],
      ['3.11', 48, 56],
      ['3.12', 56, 56],
      ['3.13', 56, 56],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const size = (names: string[]): number => {
        const items = names.map((n) => str(rt, n))
        const t = PyTuple_Pack(rt, items)
        items.forEach((i) => Py_DECREF(i))
        const C = makeClass(rt, 'C', [], { __slots__: t })
        Py_DECREF(t)
        const c = call(C)
        const s = _PyObject_SizeOf(c)
        Py_DECREF(c)
        Py_DECREF(C)
        return s
      }
      expect(size(['a', '__weakref__'])).toBe(slw)
      expect(size(['a', '__dict__'])).toBe(sld)
      collectAll(rt)
    }
  })
})

describe('object behaviour', () => {
  it('__class__ assignment', () => {
    for (const [pid, msg] of [
      // t3.py: A().__class__ = int -> 3.11.7 "…only supported for mutable types…", 3.8.18 "…only supported for heap types…"
      ['3.11', 'TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses'],
      ['3.8', 'TypeError: __class__ assignment only supported for heap types or ModuleType subclasses'],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const A = makeClass(rt, 'A', [], {})
      const B = makeClass(rt, 'B', [], {})
      const a = call(A)
      setattrSteal(a, 'x', int(rt, 5))
      expect(pyError(() => setattr(a, '__class__', rt.types.int))).toBe(msg)
      // python3.11: TypeError: can't delete __class__ attribute; __class__ must be set to a class, not 'int' object
      expect(pyError(() => setattr(a, '__class__', null))).toBe("TypeError: can't delete __class__ attribute")
      const one = int(rt, 1)
      expect(pyError(() => setattr(a, '__class__', one))).toBe("TypeError: __class__ must be set to a class, not 'int' object")
      setattr(a, '__class__', B)
      expect(a.ob_type).toBe(B)
      const x = getattr(a, 'x')
      expect(repr(x)).toBe('5')
      for (const o of [x, one, a, B, A]) Py_DECREF(o)
      collectAll(rt)
    }
  })

  it('object.__eq__ / __ne__ / __lt__ and __format__', () => {
    const rt = createRuntime({ profile: '3.11' })
    const eq = getattr(rt.types.object, '__eq__')
    const ne = getattr(rt.types.object, '__ne__')
    const lt = getattr(rt.types.object, '__lt__')
    const one = int(rt, 1)
    const two = int(rt, 2)
    // t3.py (3.11.7): object.__eq__(1, 1) True; (1, 2) NotImplemented; object.__lt__(1, 2) NotImplemented
    const show = (r: PyObject): string => {
      const s = repr(r)
      Py_DECREF(r)
      return s
    }
    expect(show(call(eq, one, one))).toBe('True')
    expect(show(call(eq, one, two))).toBe('NotImplemented')
    expect(show(call(lt, one, two))).toBe('NotImplemented')
    // __ne__ inverts __eq__ unless it is NotImplemented.
    const falseEq = pyfunc(rt, '__eq__', () => (Py_INCREF(rt.False), rt.False))
    const F = makeClass(rt, 'F', [], { __eq__: falseEq })
    const f1 = call(F)
    expect(show(call(ne, f1, one))).toBe('True')
    for (const o of [f1, F, falseEq]) Py_DECREF(o)
    const A = makeClass(rt, 'A', [], {})
    const a = call(A)
    const fmt = getattr(a, '__format__')
    const x = str(rt, 'x')
    // t3.py: format(A(), 'x') -> TypeError: unsupported format string passed to A.__format__
    expect(pyError(() => call(fmt, x))).toBe('TypeError: unsupported format string passed to A.__format__')
    for (const o of [x, fmt, a, A, two, one, lt, ne, eq]) Py_DECREF(o)
    collectAll(rt)
  })

  it('__sizeof__ of instances (without the GC header)', () => {
    // t3.py: A().__sizeof__() -> 32 (3.8.18), 24 (3.11.7), 16 (3.12.1, 3.13.0); object().__sizeof__() -> 16
    for (const [pid, n] of [
      ['3.8', 32],
      ['3.11', 24],
      ['3.12', 16],
      ['3.13', 16],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const A = makeClass(rt, 'A', [], {})
      const a = call(A)
      const m = getattr(a, '__sizeof__')
      const r = call(m)
      expect(repr(r)).toBe(String(n))
      for (const o of [r, m, a, A]) Py_DECREF(o)
      collectAll(rt)
    }
  })

  it('__weakref__ is None without weak references', () => {
    const rt = createRuntime({ profile: '3.11' })
    const A = makeClass(rt, 'A', [], {})
    const a = call(A)
    const w = getattr(a, '__weakref__')
    expect(w).toBe(rt.None)
    for (const o of [w, a, A]) Py_DECREF(o)
    collectAll(rt)
  })

  it('__dict__ assignment and deletion', () => {
    const rt = createRuntime({ profile: '3.12' })
    const A = makeClass(rt, 'A', [], {})
    const a = call(A)
    setattrSteal(a, 'x', int(rt, 1))
    const one = int(rt, 1)
    // t3.py: A().__dict__ = 1 -> TypeError: __dict__ must be set to a dictionary, not a 'int'
    expect(pyError(() => setattr(a, '__dict__', one))).toBe("TypeError: __dict__ must be set to a dictionary, not a 'int'")
    setattr(a, '__dict__', null)
    expect(pyError(() => getattr(a, 'x'))).toBe("AttributeError: 'A' object has no attribute 'x'")
    for (const o of [one, a, A]) Py_DECREF(o)
    collectAll(rt)
  })
})

void PyErr

describe('instances of heap subtypes of builtin types', () => {
  it('class P(property): a real __dict__ on every profile; sizes', () => {
    for (const [pid, size] of [
      // t10.py: getsizeof(P()) -> 88 (3.8.18), 104 (3.11.7), 96 (3.12.1, 3.13.0); a 2-cycle collects 4 everywhere
      ['3.8', 88],
      ['3.11', 104],
      ['3.12', 96],
      ['3.13', 96],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      collectAll(rt)
      const P = makeClass(rt, 'P', [rt.types.property], {})
      const a = call(P)
      const b = call(P)
      expect(_PyObject_SizeOf(a)).toBe(size)
      setattr(a, 'o', b)
      setattr(b, 'o', a)
      // t10.py: gc.get_referents(a) -> ['dict', 'type']
      expect(referents(a).map((r) => r.ob_type.tp_name).sort()).toEqual(['dict', 'type'])
      Py_DECREF(a)
      Py_DECREF(b)
      expect(collectAll(rt)).toBe(4)
      Py_DECREF(P)
      collectAll(rt)
    }
  })

  it('a base type whose tp_new allocates the subtype directly is repaired (GC header, type reference)', () => {
    for (const [pid, size] of [
      // t10.py: class I(int); getsizeof(I(5)) -> 44 (3.8.18, 3.11.7), 60 (3.12.1, 3.13.0) — the int's own size (28) plus headers
      ['3.8', 44],
      ['3.12', 60],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      // A non-GC static type (like int) whose tp_new ignores the subtype's layout.
      const Num = PyType_NewStatic(rt, 'Num', {
        basicsize: 24,
        itemsize: 4,
        flags: Py_TPFLAGS_BASETYPE,
        slots: {
          tp_new: (t) => PyObject_Init(rt, new PyObjectClass(t), 24),
          tp_dealloc: (op) => op.ob_type.tp_free!(op),
          tp_sizeof: () => 28,
        },
      })
      PyType_Ready(rt, Num)
      const I = makeClass(rt, 'I', [Num], {})
      expect(I.tp_basicsize).toBe(pid === '3.8' ? 32 : 24)
      const i = call(I)
      expect(_PyObject_GC_IS_TRACKED(i)).toBe(true)
      setattrSteal(i, 'x', int(rt, 1))
      expect(_PyObject_SizeOf(i)).toBe(size)
      expect(referents(i).map((r) => r.ob_type.tp_name).sort()).toEqual(['dict', 'type'])
      Py_DECREF(i)
      Py_DECREF(I)
      collectAll(rt)
    }
  })
})

describe('3.13 dicts that share inline values', () => {
  it('a kept __dict__ does not keep the cycle on 3.13 (it does on 3.12)', () => {
    // t11.py: p.o = q; q.o = p; d = p.__dict__; del p, q -> collect 2, referents(d) ['P'], del d -> 0 (3.13.0);
    // 0, ['P'], then 3 (3.12.1)
    for (const [pid, first, second] of [
      ['3.13', 2, 0],
      ['3.12', 0, 3],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      collectAll(rt)
      const P = makeClass(rt, 'P', [], {})
      const p = call(P)
      const q = call(P)
      setattr(p, 'o', q)
      setattr(q, 'o', p)
      const d = getattr(p, '__dict__')
      Py_DECREF(p)
      Py_DECREF(q)
      // 3.13: p and q are unreachable for the collector (d skips the values it shares with p).
      expect(collectAll(rt)).toBe(first)
      // The dict owns p's former values: q survives through it, and d visits it.
      // (str keys are not GC objects: CPython's dict_traverse skips them)
      expect(referents(d).map((r) => r.ob_type.tp_name).filter((n) => n !== 'str')).toEqual(['P'])
      Py_DECREF(d)
      expect(collectAll(rt)).toBe(second)
      Py_DECREF(P)
      collectAll(rt)
    }
  })

  it('a name that cannot join the shared keys makes the dict stop sharing (counted again)', () => {
    // t11.py (3.13.0): 29 keys on k; p.__dict__; p.o = q; q.o = p; del p, q -> 4
    const rt = createRuntime({ profile: '3.13' })
    collectAll(rt)
    const K = makeClass(rt, 'K', [], {})
    const k = call(K)
    for (let i = 0; i < 29; i++) setattrSteal(k, 'a' + i, int(rt, i))
    const p = call(K)
    const q = call(K)
    Py_DECREF(getattr(p, '__dict__'))
    setattr(p, 'o', q) // 'o' does not fit: p's dict becomes a combined table
    setattr(q, 'o', p)
    Py_DECREF(p)
    Py_DECREF(q)
    // p, q, and p's dict (q's own store also materialised a dict, as 'o' does not fit).
    expect(collectAll(rt)).toBe(4)
    Py_DECREF(k)
    Py_DECREF(K)
    collectAll(rt)
  })
})

describe('deep structures', () => {
  it('a long chain of instances is freed without exhausting the stack (trashcan)', () => {
    const rt = createRuntime({ profile: '3.11' })
    const N = makeClass(rt, 'N', [], {})
    let head = call(N)
    for (let i = 0; i < 100000; i++) {
      const n = call(N)
      setattr(n, 'next', head)
      Py_DECREF(head)
      head = n
    }
    Py_DECREF(head)
    expect(rt.trash_delete_later.length).toBe(0)
    Py_DECREF(N)
    collectAll(rt)
  })
})

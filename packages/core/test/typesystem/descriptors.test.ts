import { describe, expect, it } from 'vitest'
import {
  METH_CLASS,
  METH_NOARGS,
  METH_O,
  PyCFunction_NewEx,
  PyDict_GetItemStr,
  PyInstanceObject,
  PyMethod_New,
  PyType_NewStatic,
  PyType_Ready,
  Py_DECREF,
  Py_INCREF,
  _PyObject_GetMethod,
  createRuntime,
  type PyDictObject,
  type PyObject,
  type PyTypeObject,
  type Runtime,
} from '../../src/index.js'
import { PyUnicode_InternFromString } from '../../src/objects/unicodeobject.js'
import { object_dealloc } from '../../src/objects/instances.js'
import { call, collectAll, getattr, int, makeClass, none, norm, pyError, pyfunc, repr, setattr, str, text } from '../helpers/typesystem.js'

/** A static type `Box` with `append` (METH_O), `clear` (METH_NOARGS), `make` (METH_CLASS), `__len__`, a getset. */
function boxType(rt: Runtime): PyTypeObject {
  const Box = PyType_NewStatic(rt, 'Box', {
    basicsize: 24,
    slots: {
      tp_new: (t) => {
        const op = new PyInstanceObject(t)
        return op
      },
      sq_length: () => 7,
      tp_dealloc: object_dealloc,
      tp_methods: [
        { ml_name: 'append', ml_flags: METH_O, ml_meth: () => none(rt) },
        { ml_name: 'clear', ml_flags: METH_NOARGS, ml_meth: () => none(rt) },
        { ml_name: 'make', ml_flags: METH_CLASS | METH_NOARGS, ml_meth: (cls) => (Py_INCREF(cls), cls) },
      ],
      tp_getset: [{ name: 'ro', get: () => int(rt, 1), set: null }],
    },
  })
  PyType_Ready(rt, Box)
  return Box
}

function boxInstance(rt: Runtime, Box: PyTypeObject): PyObject {
  // A static instance for the tests (allocated like object(); freed by object_dealloc).
  const o = rt.types.object.tp_alloc!(Box, 0)
  return o
}

describe('method descriptors and builtin methods', () => {
  it('reprs, binding, qualnames', () => {
    const rt = createRuntime({ profile: '3.11' })
    const Box = boxType(rt)
    const b = boxInstance(rt, Box)
    const d = PyDict_GetItemStr(Box.tp_dict as PyDictObject, 'append')!
    // python3.11: <method 'append' of 'list' objects>, <built-in method append of list object at 0x7f…>
    expect(repr(d)).toBe("<method 'append' of 'Box' objects>")
    const bound = getattr(b, 'append')
    expect(norm(repr(bound))).toBe('<built-in method append of Box object at 0xADDR>')
    const q = getattr(bound, '__qualname__')
    expect(text(q)).toBe('Box.append')
    const self = getattr(bound, '__self__')
    expect(self).toBe(b)
    const objclass = getattr(d, '__objclass__')
    expect(objclass).toBe(Box)
    // python3.11: dict.fromkeys -> <built-in method fromkeys of type object at 0x…>
    const make = getattr(Box, 'make')
    expect(norm(repr(make))).toBe('<built-in method make of type object at 0xADDR>')
    const cm = PyDict_GetItemStr(Box.tp_dict as PyDictObject, 'make')!
    expect(repr(cm)).toBe("<method 'make' of 'Box' objects>")
    expect(repr(cm.ob_type)).toBe("<class 'classmethod_descriptor'>")
    const made = call(make)
    expect(made).toBe(Box)
    // [].append == [].append -> False (different m_self); the same object's methods compare equal
    const bound2 = getattr(b, 'append')
    const eq = bound.ob_type.tp_richcompare!(bound, bound2, 2)
    expect(eq).toBe(rt.True)
    for (const o of [eq, bound2, made, make, objclass, self, q, bound, b]) Py_DECREF(o)
    collectAll(rt)
  })

  it('calling an unbound method descriptor: argument checks per profile', () => {
    for (const [pid, noArgs, wrongArgs] of [
      // t3.py: list.append() / list.append([]) on 3.11.7 and 3.8.18
      ['3.11', 'TypeError: unbound method Box.append() needs an argument', 'TypeError: Box.append() takes exactly one argument (0 given)'],
      ['3.8', "TypeError: descriptor 'append' of 'Box' object needs an argument", 'TypeError: append() takes exactly one argument (0 given)'],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const Box = boxType(rt)
      const b = boxInstance(rt, Box)
      const d = PyDict_GetItemStr(Box.tp_dict as PyDictObject, 'append')!
      expect(pyError(() => call(d))).toBe(noArgs)
      expect(pyError(() => call(d, b))).toBe(wrongArgs)
      const one = int(rt, 1)
      const two = int(rt, 2)
      // python3.8/3.11: list.append(1, 2) -> descriptor 'append' for 'list' objects doesn't apply to a 'int' object
      expect(pyError(() => call(d, one, two))).toBe("TypeError: descriptor 'append' for 'Box' objects doesn't apply to a 'int' object")
      const r = call(d, b, one)
      expect(r).toBe(rt.None)
      // clear() takes no arguments: python3.11 "list.clear() takes no arguments (1 given)"
      const clear = getattr(b, 'clear')
      expect(pyError(() => call(clear, one))).toBe(pid === '3.8' ? 'TypeError: clear() takes no arguments (1 given)' : 'TypeError: Box.clear() takes no arguments (1 given)')
      for (const o of [clear, r, two, one, b]) Py_DECREF(o)
      collectAll(rt)
    }
  })

  it('builtin functions: <built-in function len>', () => {
    const rt = createRuntime({ profile: '3.11' })
    const lenDef = { ml_name: 'len', ml_flags: METH_O, ml_meth: () => int(rt, 0) }
    const f = PyCFunction_NewEx(rt, lenDef, null, null)
    expect(repr(f)).toBe('<built-in function len>')
    // len() -> TypeError: len() takes exactly one argument (0 given)
    expect(pyError(() => call(f))).toBe('TypeError: len() takes exactly one argument (0 given)')
    const self = getattr(f, '__self__')
    expect(self).toBe(rt.None)
    Py_DECREF(self)
    Py_DECREF(f)
  })
})

describe('slot wrappers', () => {
  it('object.__init__, method-wrapper, argument checks', () => {
    const rt = createRuntime({ profile: '3.11' })
    const init = getattr(rt.types.object, '__init__')
    // python3.11: <slot wrapper '__init__' of 'object' objects>
    expect(repr(init)).toBe("<slot wrapper '__init__' of 'object' objects>")
    const A = makeClass(rt, 'A', [], {})
    const a = call(A)
    const mw = getattr(a, '__init__')
    // python3.11: <method-wrapper '__init__' of A object at 0x7f…>
    expect(norm(repr(mw))).toBe('<method-wrapper \'__init__\' of A object at 0xADDR>')
    const r = call(mw)
    expect(r).toBe(rt.None)
    // python3.11: object.__init__() -> descriptor '__init__' of 'object' object needs an argument
    expect(pyError(() => call(init))).toBe("TypeError: descriptor '__init__' of 'object' object needs an argument")
    const Box = boxType(rt)
    const len = getattr(Box, '__len__')
    expect(repr(len)).toBe("<slot wrapper '__len__' of 'Box' objects>")
    const one = int(rt, 1)
    // python3.11: list.__len__(1) -> descriptor '__len__' requires a 'list' object but received a 'int'
    expect(pyError(() => call(len, one))).toBe("TypeError: descriptor '__len__' requires a 'Box' object but received a 'int'")
    const b = boxInstance(rt, Box)
    // python3.11: list.__len__([], 1) -> expected 0 arguments, got 1
    expect(pyError(() => call(len, b, one))).toBe('TypeError: expected 0 arguments, got 1')
    const seven = call(len, b)
    expect(repr(seven)).toBe('7')
    // object.__setattr__(type, …) refuses to bypass type's own __setattr__
    const osa = getattr(rt.types.object, '__setattr__')
    const x = str(rt, 'x')
    expect(pyError(() => call(osa, rt.types.int, x, one))).toBe("TypeError: can't apply this __setattr__ to type object")
    for (const o of [x, osa, seven, b, one, len, r, mw, a, A, init]) Py_DECREF(o)
    collectAll(rt)
  })
})

describe('getset and member descriptors', () => {
  it('<attribute …> and read-only getsets', () => {
    const rt = createRuntime({ profile: '3.11' })
    const A = makeClass(rt, 'A', [], {})
    const d = PyDict_GetItemStr(A.tp_dict as PyDictObject, '__dict__')!
    // python3.11: <attribute '__dict__' of 'A' objects>, type(A.__dict__['__dict__']) -> getset_descriptor
    expect(repr(d)).toBe("<attribute '__dict__' of 'A' objects>")
    expect(repr(d.ob_type)).toBe("<class 'getset_descriptor'>")
    const cls = PyDict_GetItemStr(rt.types.object.tp_dict as PyDictObject, '__class__')!
    expect(repr(cls)).toBe("<attribute '__class__' of 'object' objects>")
    const Box = boxType(rt)
    const b = boxInstance(rt, Box)
    const one = int(rt, 1)
    expect(pyError(() => setattr(b, 'ro', one))).toBe("AttributeError: attribute 'ro' of 'Box' objects is not writable")
    Py_DECREF(one)
    Py_DECREF(b)
    Py_DECREF(A)
    collectAll(rt)
  })
})

describe('bound methods', () => {
  it('repr, __func__, __self__, equality, calling', () => {
    const rt = createRuntime({ profile: '3.11' })
    const f = pyfunc(rt, 'A.f', ([self, x]) => {
      Py_INCREF(x ?? self!)
      return x ?? self!
    })
    const A = makeClass(rt, 'A', [], { f })
    const a = call(A)
    const m = getattr(a, 'f')
    // python3.11: <bound method A.f of <__main__.A object at 0x…>>
    expect(norm(repr(m))).toBe('<bound method A.f of <__main__.A object at 0xADDR>>')
    const fn = getattr(m, '__func__')
    expect(fn).toBe(f)
    const self = getattr(m, '__self__')
    expect(self).toBe(a)
    const m2 = getattr(a, 'f')
    // a.f == a.f -> True; a.f is a.f -> False (t5.py)
    expect(m2).not.toBe(m)
    const eq = m.ob_type.tp_richcompare!(m, m2, 2)
    expect(eq).toBe(rt.True)
    const b = call(A)
    const mb = getattr(b, 'f')
    const ne = m.ob_type.tp_richcompare!(m, mb, 2)
    expect(ne).toBe(rt.False)
    const r = call(m)
    expect(r).toBe(a)
    for (const o of [r, ne, mb, b, eq, m2, self, fn, m, a, A, f]) Py_DECREF(o)
    collectAll(rt)
  })

  it('the method free list (3.8) reuses the freed object; 3.11 has none', () => {
    for (const [pid, reused] of [
      ['3.8', true],
      ['3.11', false],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const f = pyfunc(rt, 'f', () => none(rt))
      const A = makeClass(rt, 'A', [], {})
      const a = call(A)
      const m1 = PyMethod_New(f, a)
      const before = rt.gc.generations[0]!.count
      Py_DECREF(m1)
      const m2 = PyMethod_New(f, a)
      expect(m2 === m1).toBe(reused)
      // Free lists bypass count[0]
      if (reused) expect(rt.gc.generations[0]!.count).toBe(before)
      for (const o of [m2, a, A, f]) Py_DECREF(o)
      collectAll(rt)
    }
  })

  it('_PyObject_GetMethod: an unbound function to call with self, or the bound attribute', () => {
    const rt = createRuntime({ profile: '3.11' })
    const f = pyfunc(rt, 'A.f', () => none(rt))
    const A = makeClass(rt, 'A', [], { f })
    const a = call(A)
    const name = PyUnicode_InternFromString(rt, 'f')
    const countBefore = rt.gc.generations[0]!.count
    const [m, unbound] = _PyObject_GetMethod(a, name)
    expect(unbound).toBe(true)
    expect(m).toBe(f)
    // No bound method was allocated.
    expect(rt.gc.generations[0]!.count).toBe(countBefore)
    Py_DECREF(m)
    // An instance attribute shadows the class function.
    const g = pyfunc(rt, 'g', () => none(rt))
    setattr(a, 'f', g)
    const [m2, unbound2] = _PyObject_GetMethod(a, name)
    expect(unbound2).toBe(false)
    expect(m2).toBe(g)
    for (const o of [m2, g, name, a, A, f]) Py_DECREF(o)
    collectAll(rt)
  })
})

describe('property', () => {
  it('getter, setter, deleter and messages per profile', () => {
    for (const [pid, noSet, noDel, noGet] of [
      // t3.py / t5.py on 3.11.7 and 3.8.18
      ['3.11', "AttributeError: property 'x' of 'P' object has no setter", "AttributeError: property 'x' of 'P' object has no deleter", "AttributeError: property 'y' of 'P' object has no getter"],
      ['3.8', "AttributeError: can't set attribute", "AttributeError: can't delete attribute", 'AttributeError: unreadable attribute'],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const getter = pyfunc(rt, 'x', () => int(rt, 1))
      const prop = call(rt.types.property, getter)
      const empty = call(rt.types.property)
      const P = makeClass(rt, 'P', [], { x: prop, y: empty })
      const p = call(P)
      const v = getattr(p, 'x')
      expect(repr(v)).toBe('1')
      const two = int(rt, 2)
      expect(pyError(() => setattr(p, 'x', two))).toBe(noSet)
      expect(pyError(() => setattr(p, 'x', null))).toBe(noDel)
      expect(pyError(() => getattr(p, 'y'))).toBe(noGet)
      // .setter() returns a copy with the setter.
      const stored: PyObject[] = []
      const setterF = pyfunc(rt, 'x', ([, val]) => {
        Py_INCREF(val!)
        stored.push(val!)
        return none(rt)
      })
      const setterMeth = getattr(prop, 'setter')
      const prop2 = call(setterMeth, setterF)
      expect(prop2).not.toBe(prop)
      setattr(P, 'x', prop2)
      setattr(p, 'x', two)
      expect(stored).toEqual([two])
      // Class access returns the property itself.
      const again = getattr(P, 'x')
      expect(again).toBe(prop2)
      expect(norm(repr(prop2))).toBe('<property object at 0xADDR>')
      for (const o of [...stored, again, prop2, setterMeth, setterF, two, v, p, P, empty, prop, getter]) Py_DECREF(o)
      collectAll(rt)
    }
  })
})

describe('super', () => {
  it('lookup after the class in the MRO, repr, errors', () => {
    for (const [pid, arg1, badObj] of [
      // t3.py: super(1) / super(A, 1) on 3.11.7, 3.8.18 and 3.13.0
      ['3.11', 'TypeError: super() argument 1 must be a type, not int', 'TypeError: super(type, obj): obj must be an instance or subtype of type'],
      ['3.8', 'TypeError: super() argument 1 must be type, not int', 'TypeError: super(type, obj): obj must be an instance or subtype of type'],
      ['3.13', 'TypeError: super() argument 1 must be a type, not int', 'TypeError: super(type, obj): obj (instance of int) is not an instance or subtype of type (A).'],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const fa = pyfunc(rt, 'A.f', () => str(rt, 'A.f'))
      const fb = pyfunc(rt, 'B.f', () => str(rt, 'B.f'))
      const A = makeClass(rt, 'A', [], { f: fa })
      const B = makeClass(rt, 'B', [A], { f: fb })
      const b = call(B)
      const s = call(rt.types.super, B, b)
      // python3.11: <super: <class 'A'>, <A object>>
      expect(repr(s)).toBe("<super: <class 'B'>, <B object>>")
      const m = getattr(s, 'f')
      const r = call(m)
      expect(text(r)).toBe('A.f')
      // super(A) is unbound: <super: <class 'A'>, NULL>
      const u = call(rt.types.super, A)
      expect(repr(u)).toBe("<super: <class 'A'>, NULL>")
      // super().__init__() reaches object.__init__
      const init = getattr(s, '__init__')
      expect(norm(repr(init))).toBe("<method-wrapper '__init__' of B object at 0xADDR>")
      const one = int(rt, 1)
      expect(pyError(() => call(rt.types.super, one))).toBe(arg1)
      expect(pyError(() => call(rt.types.super, A, one))).toBe(badObj)
      // super() without the interpreter's frame: RuntimeError: super(): no arguments
      expect(pyError(() => call(rt.types.super))).toBe('RuntimeError: super(): no arguments')
      expect(pyError(() => getattr(s, 'x'))).toBe("AttributeError: 'super' object has no attribute 'x'")
      for (const o of [one, init, u, r, m, s, b, B, A, fb, fa]) Py_DECREF(o)
      collectAll(rt)
    }
  })
})

describe('mappingproxy', () => {
  it('a read-only view of the class dict', () => {
    const rt = createRuntime({ profile: '3.11' })
    const one = int(rt, 1)
    const A = makeClass(rt, 'A', [], { x: one })
    const mp = getattr(A, '__dict__')
    expect(repr(mp.ob_type)).toBe("<class 'mappingproxy'>")
    expect((mp as unknown as { mapping: PyObject }).mapping).toBe(A.tp_dict)
    // Each access creates a new proxy (a GC object that keeps the dict alive).
    const mp2 = getattr(A, '__dict__')
    expect(mp2).not.toBe(mp)
    // python3.11: A.__dict__['x'] = 1 -> AttributeError: 'mappingproxy' object has no attribute '__setitem__'
    expect(pyError(() => getattr(mp, '__setitem__'))).toBe("AttributeError: 'mappingproxy' object has no attribute '__setitem__'")
    expect(mp.ob_type.mp_ass_subscript).toBeNull()
    for (const o of [mp2, mp, A, one]) Py_DECREF(o)
    collectAll(rt)
  })
})

void PyMethod_New

import { describe, expect, it } from 'vitest'
import { PROFILES, PyDict_New, type PyDictObject, type PyTupleObject, PyErr_Format, PyObject_Hash, Py_DECREF, Py_INCREF, PyObject_IsInstance, PyObject_IsSubclass, PyTuple_Pack, createRuntime, type PyObject } from '../../src/index.js'
import { _PyObject_SizeOf } from '../../src/objects/object-type.js'
import { call, collectAll, getattr, int, makeClass, none, norm, pyError, pyfunc, repr, setattr, str, text } from '../helpers/typesystem.js'

describe('classes: type(name, bases, dict)', () => {
  it('repr of classes and instances', () => {
    const rt = createRuntime({ profile: '3.11' })
    const A = makeClass(rt, 'A', [], {})
    const a = call(A)
    // python3.11: <class '__main__.A'>, <__main__.A object at 0x7f…>, <class 'int'>, <class 'type'>
    expect(repr(A)).toBe("<class '__main__.A'>")
    expect(norm(repr(a))).toBe('<__main__.A object at 0xADDR>')
    expect(repr(rt.types.int)).toBe("<class 'int'>")
    expect(repr(rt.types.type)).toBe("<class 'type'>")
    expect(repr(a)).toMatch(/^<__main__\.A object at 0x[0-9a-f]+>$/)
    Py_DECREF(a)
    Py_DECREF(A)
    collectAll(rt)
  })

  it('the class dict holds __module__, __dict__, __weakref__, __doc__ in CPython order', () => {
    const rt = createRuntime({ profile: '3.11' })
    const A = makeClass(rt, 'A', [], {})
    const d = getattr(A, '__dict__')
    // python3.11: mappingproxy({'__module__': '__main__', '__dict__': <attribute '__dict__' of 'A' objects>,
    //   '__weakref__': <attribute '__weakref__' of 'A' objects>, '__doc__': None})
    expect(repr(d.ob_type)).toBe("<class 'mappingproxy'>")
    const inner = (d as unknown as { mapping: PyDictObject }).mapping
    expect(inner).toBe(A.tp_dict)
    expect(dictKeys(inner)).toEqual(['__module__', '__dict__', '__weakref__', '__doc__'])
    const vals = inner.ma_values.filter((v) => v !== undefined).map((v) => repr(v!))
    expect(vals.slice(1)).toEqual(["<attribute '__dict__' of 'A' objects>", "<attribute '__weakref__' of 'A' objects>", 'None'])
    Py_DECREF(d)
    Py_DECREF(A)
    collectAll(rt)
  })

  for (const p of PROFILES) {
    // gc1.py `class C: pass; del C`: 6 on 2.7 and 3.6–3.13, 5 on Pyodide 3.14.2 (the collection untracks the bases tuple (object,) first).
    const expected = p.id === '3.14' ? 5 : 6
    it(`a class statement's cycle collects ${expected} objects on ${p.id}`, () => {
      const rt = createRuntime({ profile: p })
      collectAll(rt)
      const C = makeClass(rt, 'C', [], {})
      Py_DECREF(C)
      expect(collectAll(rt)).toBe(expected)
    })
  }

  it('__name__, __qualname__, __module__, __bases__, __base__, __mro__, __doc__', () => {
    const rt = createRuntime({ profile: '3.11' })
    const A = makeClass(rt, 'A', [], { __qualname__: 'Outer.A', __doc__: 'hi' })
    const B = makeClass(rt, 'B', [A], {})
    const show = (o: PyObject, n: string): string => {
      const v = getattr(o, n)
      const s = repr(v)
      Py_DECREF(v)
      return s
    }
    expect(show(A, '__name__')).toBe("'A'")
    expect(show(A, '__qualname__')).toBe("'Outer.A'")
    expect(show(A, '__module__')).toBe("'__main__'")
    expect(show(A, '__doc__')).toBe("'hi'")
    expect(show(B, '__doc__')).toBe('None')
    expect(show(B, '__bases__')).toBe("(<class '__main__.Outer.A'>,)")
    expect(show(B, '__base__')).toBe("<class '__main__.Outer.A'>")
    expect(show(B, '__mro__')).toBe("(<class '__main__.B'>, <class '__main__.Outer.A'>, <class 'object'>)")
    expect(show(rt.types.object, '__base__')).toBe('None')
    expect(show(rt.types.bool, '__mro__')).toBe("(<class 'bool'>, <class 'int'>, <class 'object'>)")
    // python3.11: "'__qualname__' in type('X', (), {'__qualname__': 'Y.X'}).__dict__" -> False
    expect(dictKeys(A.tp_dict as PyDictObject)).not.toContain('__qualname__')
    const z = str(rt, 'Z')
    setattr(A, '__name__', z)
    Py_DECREF(z)
    expect(show(A, '__name__')).toBe("'Z'")
    const one = int(rt, 1)
    // python3.11: TypeError: can only assign string to A.__name__, not 'int'
    expect(pyError(() => setattr(A, '__name__', one))).toBe("TypeError: can only assign string to Z.__name__, not 'int'")
    Py_DECREF(one)
    Py_DECREF(B)
    Py_DECREF(A)
    collectAll(rt)
  })

  it('C3 MRO and its errors', () => {
    const rt = createRuntime({ profile: '3.11' })
    const O = rt.types.object
    const A = makeClass(rt, 'A', [], {})
    const B = makeClass(rt, 'B', [A], {})
    const C = makeClass(rt, 'C', [A], {})
    const D = makeClass(rt, 'D', [B, C], {})
    const mro = getattr(D, '__mro__')
    expect((mro as PyTupleObject).ob_item).toEqual([D, B, C, A, O])
    Py_DECREF(mro)
    // python3.11: TypeError: duplicate base class A
    expect(pyError(() => makeClass(rt, 'x', [A, O, A], {}))).toBe('TypeError: duplicate base class A')
    // python3.11: "Cannot create a consistent method resolution\norder (MRO) for bases object, A"
    expect(pyError(() => makeClass(rt, 'X', [O, A], {}))).toBe('TypeError: Cannot create a consistent method resolution\norder (MRO) for bases object, A')
    // python3.11: TypeError: type 'bool' is not an acceptable base type
    expect(pyError(() => makeClass(rt, 'x', [rt.types.bool], {}))).toBe("TypeError: type 'bool' is not an acceptable base type")
    for (const t of [D, C, B, A]) Py_DECREF(t)
    collectAll(rt)
  })

  it('3.13 prints the MRO conflict on one line', () => {
    const rt = createRuntime({ profile: '3.13' })
    const A = makeClass(rt, 'A', [], {})
    // python3.13.0: Cannot create a consistent method resolution order (MRO) for bases object, A
    expect(pyError(() => makeClass(rt, 'X', [rt.types.object, A], {}))).toBe(
      'TypeError: Cannot create a consistent method resolution order (MRO) for bases object, A',
    )
    Py_DECREF(A)
    collectAll(rt)
  })

  it('type() argument errors', () => {
    const rt = createRuntime({ profile: '3.11' })
    const T = rt.types.type
    const one = int(rt, 1)
    const two = int(rt, 2)
    const s = str(rt, 'x')
    // python3.11 (t3.py): type(1,2) / type() -> "type() takes 1 or 3 arguments"
    expect(pyError(() => call(T, one, two))).toBe('TypeError: type() takes 1 or 3 arguments')
    expect(pyError(() => call(T))).toBe('TypeError: type() takes 1 or 3 arguments')
    // python3.11: type.__new__() argument 2 must be tuple, not int
    expect(pyError(() => call(T, s, two, one))).toBe('TypeError: type.__new__() argument 2 must be tuple, not int')
    // python3.11: type.__new__() argument 1 must be str, not int
    expect(pyError(() => call(T, one, rt.empty_tuple, one))).toBe('TypeError: type.__new__() argument 1 must be str, not int')
    const bad = PyTuple_Pack(rt, [one])
    // python3.11: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases
    const dict = PyDict_New(rt)
    expect(pyError(() => call(T, s, bad, dict))).toBe(
      'TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases',
    )
    // type(x) is the type
    const t1 = call(T, one)
    expect(t1).toBe(rt.types.int)
    for (const o of [t1, dict, bad, s, two, one]) Py_DECREF(o)
  })

  it('type attribute errors and immutability of builtins', () => {
    for (const [p, get, del, set] of [
      // python3.11 / 3.8 (t3.py)
      ['3.11', "AttributeError: type object 'A' has no attribute 'x'", "AttributeError: type object 'A' has no attribute 'x'", "TypeError: cannot set 'x' attribute of immutable type 'int'"],
      ['3.8', "AttributeError: type object 'A' has no attribute 'x'", 'AttributeError: x', "TypeError: can't set attributes of built-in/extension type 'int'"],
    ] as const) {
      const rt = createRuntime({ profile: p })
      const A = makeClass(rt, 'A', [], {})
      expect(pyError(() => getattr(A, 'x'))).toBe(get)
      expect(pyError(() => setattr(A, 'x', null))).toBe(del)
      const one = int(rt, 1)
      expect(pyError(() => setattr(rt.types.int, 'x', one))).toBe(set)
      Py_DECREF(one)
      Py_DECREF(A)
      collectAll(rt)
    }
  })
})

describe('slots from dunder methods', () => {
  it('__repr__, __eq__ (unhashable), __hash__, __len__, __bool__, __add__/__radd__, __getitem__', () => {
    const rt = createRuntime({ profile: '3.11' })
    const reprF = pyfunc(rt, '__repr__', () => str(rt, 'R!'))
    const eqF = pyfunc(rt, '__eq__', () => {
      Py_INCREF(rt.True)
      return rt.True
    })
    const lenF = pyfunc(rt, '__len__', () => int(rt, 3))
    const addF = pyfunc(rt, '__add__', ([, o]) => {
      Py_INCREF(o!)
      return o!
    })
    const raddF = pyfunc(rt, '__radd__', () => str(rt, 'radd'))
    const getitemF = pyfunc(rt, '__getitem__', ([, k]) => {
      Py_INCREF(k!)
      return k!
    })
    const A = makeClass(rt, 'A', [], { __repr__: reprF, __eq__: eqF, __len__: lenF, __add__: addF, __radd__: raddF, __getitem__: getitemF })
    const a = call(A)
    expect(repr(a)).toBe('R!')
    // `__eq__` without `__hash__` makes the class unhashable: __hash__ is None in its dict.
    // python3.11: type('E', (), {'__eq__': …}).__hash__ -> None; hash(E()) -> TypeError: unhashable type: 'E'
    const h = getattr(A, '__hash__')
    expect(h).toBe(rt.None)
    Py_DECREF(h)
    expect(A.tp_hash).toBeNull()
    expect(pyError(() => PyObject_Hash(a))).toBe("TypeError: unhashable type: 'A'")
    expect(A.sq_length!(a)).toBe(3)
    expect(A.mp_length!(a)).toBe(3)
    const one = int(rt, 1)
    const r1 = A.nb_add!(a, one)
    expect(r1).toBe(one)
    Py_DECREF(r1)
    const r2 = A.nb_add!(one, a)
    expect(text(r2)).toBe('radd')
    Py_DECREF(r2)
    const r3 = A.mp_subscript!(a, one)
    expect(r3).toBe(one)
    Py_DECREF(r3)
    const eq = A.tp_richcompare!(a, one, 2)
    expect(eq).toBe(rt.True)
    Py_DECREF(eq)
    // `<` is not defined: NotImplemented from the slot.
    const lt = A.tp_richcompare!(a, one, 0)
    expect(lt).toBe(rt.NotImplemented)
    Py_DECREF(lt)
    for (const o of [one, a, A, reprF, eqF, lenF, addF, raddF, getitemF]) Py_DECREF(o)
    collectAll(rt)
  })

  it('a subclass of a class keeps the wrapped C slot when nothing overrides it', () => {
    const rt = createRuntime({ profile: '3.11' })
    const A = makeClass(rt, 'A', [], {})
    expect(A.tp_repr).toBe(rt.types.object.tp_repr)
    expect(A.tp_getattro).toBe(rt.types.object.tp_getattro)
    expect(A.tp_hash).toBe(rt.types.object.tp_hash)
    // Assigning a dunder on the class updates the slot (update_slot), also in subclasses.
    const B = makeClass(rt, 'B', [A], {})
    const f = pyfunc(rt, '__repr__', () => str(rt, 'patched'))
    setattr(A, '__repr__', f)
    const b = call(B)
    expect(repr(b)).toBe('patched')
    setattr(A, '__repr__', null)
    expect(norm(repr(b))).toBe('<__main__.B object at 0xADDR>')
    for (const o of [b, f, B, A]) Py_DECREF(o)
    collectAll(rt)
  })

  it('__init__ must return None; object() takes no arguments', () => {
    const rt = createRuntime({ profile: '3.11' })
    const initF = pyfunc(rt, '__init__', () => int(rt, 1))
    const I = makeClass(rt, 'I', [], { __init__: initF })
    // python3.11: TypeError: __init__() should return None, not 'int'
    expect(pyError(() => call(I))).toBe("TypeError: __init__() should return None, not 'int'")
    const A = makeClass(rt, 'A', [], {})
    const one = int(rt, 1)
    // python3.11: A(1) -> TypeError: A() takes no arguments; object(1) -> object() takes no arguments
    expect(pyError(() => call(A, one))).toBe('TypeError: A() takes no arguments')
    expect(pyError(() => call(rt.types.object, one))).toBe('TypeError: object() takes no arguments')
    // python3.11: object.__init__(A(), 1) -> A.__init__() takes exactly one argument (the instance to initialize)
    const a = call(A)
    const oinit = getattr(rt.types.object, '__init__')
    expect(pyError(() => call(oinit, a, one))).toBe('TypeError: A.__init__() takes exactly one argument (the instance to initialize)')
    // python3.11: object.__new__(1) -> object.__new__(X): X is not a type object (int); object.__new__(int) -> not safe
    const onew = getattr(rt.types.object, '__new__')
    expect(pyError(() => call(onew, one))).toBe('TypeError: object.__new__(X): X is not a type object (int)')
    expect(pyError(() => call(onew, rt.types.int))).toBe('TypeError: object.__new__(int) is not safe, use int.__new__()')
    expect(pyError(() => call(onew))).toBe('TypeError: object.__new__(): not enough arguments')
    for (const o of [onew, oinit, a, one, A, I, initF]) Py_DECREF(o)
    collectAll(rt)
  })

  it('__getattr__ runs after a miss; __setattr__ and __delattr__ intercept stores', () => {
    const rt = createRuntime({ profile: '3.12' })
    const log: string[] = []
    const ga = pyfunc(rt, '__getattr__', ([, n]) => str(rt, 'computed ' + text(n!)))
    const sa = pyfunc(rt, '__setattr__', ([, n]) => {
      log.push('set ' + text(n!))
      return none(rt)
    })
    const A = makeClass(rt, 'A', [], { __getattr__: ga, __setattr__: sa, y: int(rt, 5) })
    const a = call(A)
    const v = getattr(a, 'x')
    expect(text(v)).toBe('computed x')
    const y = getattr(a, 'y')
    expect(repr(y)).toBe('5')
    const one = int(rt, 1)
    setattr(a, 'z', one)
    expect(log).toEqual(['set z'])
    for (const o of [one, y, v, a, A, sa, ga]) Py_DECREF(o)
    collectAll(rt)
  })
  it('result checks of the slot functions (t4.py, python3.11)', () => {
    const rt = createRuntime({ profile: '3.11' })
    const ret = (v: () => PyObject) => (name: string) => pyfunc(rt, name, () => v())
    const cases: [string, PyObject, () => unknown, string][] = []
    const mk = (cls: string, name: string, f: PyObject | null, op: (o: PyObject) => unknown, msg: string): void => {
      const C = makeClass(rt, cls, [], { [name]: f ?? rt.None })
      if (f !== null) Py_DECREF(f)
      const o = call(C)
      cases.push([cls, C, () => op(o), msg])
      cases.push([cls, o, () => 0, ''])
    }
    // bool(Bo()) -> TypeError: __bool__ should return bool, returned int
    mk('Bo', '__bool__', ret(() => int(rt, 1))('__bool__'), (o) => o.ob_type.nb_bool!(o), 'TypeError: __bool__ should return bool, returned int')
    // len(L()) with -1 -> ValueError: __len__() should return >= 0; with 'a' -> 'str' object cannot be interpreted as an integer
    mk('L', '__len__', ret(() => int(rt, -1))('__len__'), (o) => o.ob_type.sq_length!(o), 'ValueError: __len__() should return >= 0')
    mk('L2', '__len__', ret(() => str(rt, 'a'))('__len__'), (o) => o.ob_type.sq_length!(o), "TypeError: 'str' object cannot be interpreted as an integer")
    // hash(H()) with 'a' -> TypeError: __hash__ method should return an integer
    mk('H', '__hash__', ret(() => str(rt, 'a'))('__hash__'), (o) => PyObject_Hash(o), 'TypeError: __hash__ method should return an integer')
    // repr(R()) with 1 -> TypeError: __repr__ returned non-string (type int)
    mk('R', '__repr__', ret(() => int(rt, 1))('__repr__'), (o) => o.ob_type.tp_repr!(o), 'TypeError: __repr__ returned non-string (type int)')
    mk('S', '__str__', ret(() => int(rt, 1))('__str__'), (o) => o.ob_type.tp_str!(o), 'TypeError: __str__ returned non-string (type int)')
    // iter(It()) with __iter__ = None -> TypeError: 'It' object is not iterable
    mk('It', '__iter__', null, (o) => o.ob_type.tp_iter!(o), "TypeError: 'It' object is not iterable")
    // 1 in C() with __contains__ = None -> TypeError: 'C' object is not a container
    const one = int(rt, 1)
    mk('C', '__contains__', null, (o) => o.ob_type.sq_contains!(o, one), "TypeError: 'C' object is not a container")
    for (const [, , run, msg] of cases) if (msg !== '') expect(pyError(run)).toBe(msg)
    // hash(H()) with __hash__ returning -1 -> -2 (t4.py)
    const m1 = pyfunc(rt, '__hash__', () => int(rt, -1))
    const H2 = makeClass(rt, 'H2', [], { __hash__: m1 })
    const h2 = call(H2)
    expect(PyObject_Hash(h2)).toBe(-2)
    for (const o of [h2, H2, m1]) Py_DECREF(o)
    for (const [, o] of cases.reverse()) Py_DECREF(o)
    Py_DECREF(one)
    collectAll(rt)
  })
})

describe('descriptor precedence and user-defined __new__ / __call__', () => {
  it('a data descriptor beats the instance dict; the instance dict beats a non-data descriptor', () => {
    for (const pid of ['3.8', '3.11', '3.13']) {
      const rt = createRuntime({ profile: pid })
      const setLog: string[] = []
      const get = pyfunc(rt, '__get__', () => str(rt, 'from descriptor'))
      const set = pyfunc(rt, '__set__', ([, , v]) => {
        setLog.push(repr(v!))
        return none(rt)
      })
      const Data = makeClass(rt, 'Data', [], { __get__: get, __set__: set })
      const NonData = makeClass(rt, 'NonData', [], { __get__: get })
      const d = call(Data)
      const nd = call(NonData)
      const A = makeClass(rt, 'A', [], { x: d, y: nd })
      const a = call(A)
      const five = int(rt, 5)
      setattr(a, 'x', five) // goes to Data.__set__
      setattr(a, 'y', five) // stored in the instance
      expect(setLog).toEqual(['5'])
      const x = getattr(a, 'x')
      const y = getattr(a, 'y')
      expect(text(x)).toBe('from descriptor')
      expect(y).toBe(five)
      // On the class, descriptors are bound with no instance: __get__(None, A).
      const cx = getattr(A, 'x')
      expect(text(cx)).toBe('from descriptor')
      for (const o of [cx, y, x, five, a, A, nd, d, NonData, Data, set, get]) Py_DECREF(o)
      collectAll(rt)
    }
  })

  it('__new__ defined in the class; instances called through __call__', () => {
    const rt = createRuntime({ profile: '3.11' })
    const seen: string[] = []
    const onew = getattr(rt.types.object, '__new__')
    const newF = pyfunc(rt, '__new__', ([cls, ...rest]) => {
      seen.push(`new with ${rest.length} args`)
      return call(onew, cls!)
    })
    const callF = pyfunc(rt, '__call__', ([, arg]) => {
      Py_INCREF(arg!)
      return arg!
    })
    const A = makeClass(rt, 'A', [], { __new__: newF, __call__: callF })
    const one = int(rt, 1)
    // A(1): __new__ gets the argument; object.__init__ accepts it because __new__ is overridden.
    const a = call(A, one)
    expect(seen).toEqual(['new with 1 args'])
    expect(a.ob_type).toBe(A)
    const r = call(a, one)
    expect(r).toBe(one)
    // python3.11: object.__new__(B, 1) with B defining __init__ is allowed; A() with no __init__ but __new__: fine
    for (const o of [r, a, one, A, callF, newF, onew]) Py_DECREF(o)
    collectAll(rt)
  })
})

describe('__set_name__, __init_subclass__, metaclasses, __classcell__', () => {
  it('__set_name__ is called with the class and the name', () => {
    const rt = createRuntime({ profile: '3.11' })
    const seen: string[] = []
    const sn = pyfunc(rt, '__set_name__', ([, owner, name]) => {
      seen.push(`${(owner as unknown as { tp_name: string }).tp_name}.${text(name!)}`)
      return none(rt)
    })
    const D = makeClass(rt, 'D', [], { __set_name__: sn })
    const d = call(D)
    const X = makeClass(rt, 'X', [], { a: d })
    // python3.11 (t4.py): set_name X a
    expect(seen).toEqual(['X.a'])
    for (const o of [X, d, D, sn]) Py_DECREF(o)
    collectAll(rt)
  })

  it('an error in __set_name__: wrapped in RuntimeError on 3.11, raised as is on 3.12', () => {
    for (const [p, msg] of [
      // python3.11 / 3.12.1 (t5.py)
      ['3.11', "RuntimeError: Error calling __set_name__ on 'D' instance 'a' in 'X'"],
      ['3.12', 'ValueError: boom'],
    ] as const) {
      const rt = createRuntime({ profile: p })
      const sn = pyfunc(rt, '__set_name__', () => {
        throw PyErr_Format(rt, 'ValueError', 'boom')
      })
      const D = makeClass(rt, 'D', [], { __set_name__: sn })
      const d = call(D)
      // (the key's repr comes from str.__repr__)
      const got = pyError(() => makeClass(rt, 'X', [], { a: d }))
      expect(got.startsWith(msg.split("'a'")[0]!) && got.endsWith(msg.split("'a'")[1] ?? '')).toBe(true)
      for (const o of [d, D, sn]) Py_DECREF(o)
      collectAll(rt)
    }
  })

  it('__init_subclass__ of object takes no keyword arguments', () => {
    const rt = createRuntime({ profile: '3.11' })
    const A = makeClass(rt, 'A', [], {})
    const one = int(rt, 1)
    // python3.11: X.__init_subclass__() takes no keyword arguments; python3.8: __init_subclass__() takes …
    expect(pyError(() => makeClass(rt, 'X', [A], {}, rt.types.type, { foo: one }))).toBe('TypeError: X.__init_subclass__() takes no keyword arguments')
    const rt8 = createRuntime({ profile: '3.8' })
    const one8 = int(rt8, 1)
    expect(pyError(() => makeClass(rt8, 'X', [], {}, rt8.types.type, { foo: one8 }))).toBe('TypeError: __init_subclass__() takes no keyword arguments')
    Py_DECREF(one8)
    Py_DECREF(one)
    Py_DECREF(A)
    collectAll(rt)
    collectAll(rt8)
  })

  it('a metaclass: the class is an instance of it; its instances are classes', () => {
    const rt = createRuntime({ profile: '3.11' })
    const M = makeClass(rt, 'M', [rt.types.type], {})
    const C = makeClass(rt, 'C', [], {}, M as never)
    expect(C.ob_type).toBe(M)
    expect(repr(C)).toBe("<class '__main__.C'>")
    expect(PyObject_IsInstance(C, M)).toBe(true)
    const c = call(C)
    expect(PyObject_IsInstance(c, C)).toBe(true)
    expect(PyObject_IsSubclass(C, rt.types.object)).toBe(true)
    Py_DECREF(c)
    Py_DECREF(C)
    Py_DECREF(M)
    collectAll(rt)
  })

})

describe('calls with keyword arguments', () => {
  it('A(1, k=2) reaches __init__ with the keyword; super(B, self).__init__ chains', () => {
    const rt = createRuntime({ profile: '3.11' })
    const log: string[] = []
    const initA = pyfunc(rt, 'A.__init__', (args, kw) => {
      log.push(`A.__init__ ${args.length - 1} positional, k=${kw['k'] ? repr(kw['k']) : '-'}`)
      return none(rt)
    })
    const A = makeClass(rt, 'A', [], { __init__: initA })
    let Bref: PyObject | null = null
    const initB = pyfunc(rt, 'B.__init__', ([self, ...rest], kw) => {
      log.push('B.__init__')
      const s = call(rt.types.super, Bref!, self!)
      const init = getattr(s, '__init__')
      const k = str(rt, 'k')
      const kn = PyTuple_Pack(rt, [k])
      Py_DECREF(k)
      const r = init.ob_type.tp_call!(init, [...rest, kw['k']!], 0, rest.length, kn)
      for (const o of [kn, init, s]) Py_DECREF(o)
      return r
    })
    const B = makeClass(rt, 'B', [A], { __init__: initB })
    Bref = B
    const one = int(rt, 1)
    const two = int(rt, 2)
    const k = str(rt, 'k')
    const kn = PyTuple_Pack(rt, [k])
    const b = B.ob_type.tp_call!(B, [one, two], 0, 1, kn)
    expect(log).toEqual(['B.__init__', 'A.__init__ 1 positional, k=2'])
    for (const o of [b, kn, k, two, one, B, initB, A, initA]) Py_DECREF(o)
    collectAll(rt)
  })
})

describe('abstract classes', () => {
  it('instantiating a class with __abstractmethods__ fails (messages per profile)', () => {
    for (const [pid, two, one] of [
      // t9.py (abc.ABC subclasses with f, g / with f)
      ['3.8', "TypeError: Can't instantiate abstract class A with abstract methods f, g", "TypeError: Can't instantiate abstract class A with abstract methods f"],
      ['3.11', "TypeError: Can't instantiate abstract class A with abstract methods f, g", "TypeError: Can't instantiate abstract class A with abstract method f"],
      ['3.12', "TypeError: Can't instantiate abstract class A without an implementation for abstract methods 'f', 'g'", "TypeError: Can't instantiate abstract class A without an implementation for abstract method 'f'"],
    ] as const) {
      const rt = createRuntime({ profile: pid })
      const A = makeClass(rt, 'A', [], {})
      const g = str(rt, 'g')
      const f = str(rt, 'f')
      const both = PyTuple_Pack(rt, [g, f])
      setattr(A, '__abstractmethods__', both)
      expect(pyError(() => call(A))).toBe(two)
      const onlyF = PyTuple_Pack(rt, [f])
      setattr(A, '__abstractmethods__', onlyF)
      expect(pyError(() => call(A))).toBe(one)
      setattr(A, '__abstractmethods__', null)
      const a = call(A)
      for (const o of [a, onlyF, both, f, g, A]) Py_DECREF(o)
      collectAll(rt)
    }
  })
})

describe('isinstance / issubclass', () => {
  it('messages per profile', () => {
    for (const [p, inst, sub] of [
      // python3.11 and 3.8 (t3.py, t4.py)
      ['3.11', 'TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union', 'TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union'],
      ['3.8', 'TypeError: isinstance() arg 2 must be a type or tuple of types', 'TypeError: issubclass() arg 2 must be a class or tuple of classes'],
    ] as const) {
      const rt = createRuntime({ profile: p })
      const one = int(rt, 1)
      const two = int(rt, 2)
      expect(pyError(() => PyObject_IsInstance(one, two))).toBe(inst)
      expect(pyError(() => PyObject_IsSubclass(rt.types.int, one))).toBe(sub)
      expect(pyError(() => PyObject_IsSubclass(one, rt.types.int))).toBe('TypeError: issubclass() arg 1 must be a class')
      const tup = PyTuple_Pack(rt, [rt.types.str, rt.types.int])
      expect(PyObject_IsInstance(one, tup)).toBe(true)
      expect(PyObject_IsInstance(one, rt.types.bool)).toBe(false)
      expect(PyObject_IsSubclass(rt.types.bool, rt.types.int)).toBe(true)
      for (const o of [tup, two, one]) Py_DECREF(o)
    }
  })
})

describe('sizes of type objects', () => {
  it('getsizeof(class) and type.__basicsize__ per profile', () => {
    // size2.py "type=": 1064 (3.8.18), 1688 (3.11.7), 1704 (3.12.1), 1712 (3.13.0); type.__basicsize__ 880/904/920/928 (t5.py)
    for (const [p, size, basic, slotted] of [
      ['3.8', 1064, 880, 896],
      ['3.11', 1688, 904, 920],
      ['3.12', 1704, 920, 936],
      ['3.13', 1712, 928, 944],
    ] as const) {
      const rt = createRuntime({ profile: p })
      const E = makeClass(rt, 'Empty', [], {})
      expect(_PyObject_SizeOf(E)).toBe(size)
      const b = getattr(rt.types.type, '__basicsize__')
      expect(repr(b)).toBe(String(basic))
      Py_DECREF(b)
      // t5.py: class S: __slots__ = ('a', 'b') -> 896 / 920 / 936 / 944 (no shared keys)
      const slots = PyTuple_Pack(rt, [str(rt, 'a'), str(rt, 'b')].map((s) => (Py_DECREF(s), s)))
      const S = makeClass(rt, 'S', [], { __slots__: slots })
      expect(_PyObject_SizeOf(S)).toBe(slotted)
      for (const o of [S, slots, E]) Py_DECREF(o)
      collectAll(rt)
    }
  })
})


function dictKeys(d: PyDictObject): string[] {
  return d.ma_keys.filter((k) => k !== undefined).map((k) => text(k!))
}

/**
 * Exception behaviour (Objects/exceptions.c) as Python code sees it. Arguments are exceptions, tuples and types
 * where a repr is involved, so that these tests do not depend on the number and text modules' reprs.
 * Expected values come from CPython 3.8.18, 3.11.7, 3.12.1, 3.13.0 and Pyodide 3.14.2 runs of the same calls.
 */
import { describe, expect, it } from 'vitest'
import {
  PyErr_Format,
  PyErr_NewInstance,
  PyErr_SetObject,
  PyDict_GetItemStr,
  PyTuple_FromArraySteal,
  Py_DECREF,
  Py_INCREF,
  Py_TPFLAGS_HEAPTYPE,
  _PyExc_GetField,
  _PyObject_GC_IS_TRACKED,
  cpython314,
  createRuntime,
  extendProfile,
  makeSyntaxErrorObject,
  type PyBaseExceptionObject,
  type PyDictObject,
  type PyObject,
  type PyTupleObject,
  type PyTypeObject,
  type PyUnicodeErrorObject,
  type Runtime,
} from '../../src/index.js'
import { call, collectAll, getattr, int, makeClass, pyError, pyfunc, referents, repr, setattr, str, text } from '../helpers/typesystem.js'

const PROFILES = ['3.8', '3.11', '3.12', '3.13', '3.14'] as const

function exc(rt: Runtime, name: string): PyTypeObject {
  const t = rt.exc[name]
  if (t === undefined) throw new Error(`no ${name}`)
  return t
}

/** `E(*args)` (borrowed args; a new reference). */
function make(rt: Runtime, name: string, ...args: PyObject[]): PyObject {
  return call(exc(rt, name), ...args)
}

/** `E(*args, **kw)`. */
function makeKw(rt: Runtime, name: string, args: PyObject[], kw: Record<string, PyObject>): PyObject {
  const t = exc(rt, name)
  const names = Object.keys(kw).map((k) => str(rt, k))
  const kn = PyTuple_FromArraySteal(rt, names)
  try {
    return t.ob_type.tp_call!(t, [...args, ...Object.values(kw)], 0, args.length, kn)
  } finally {
    Py_DECREF(kn)
  }
}

function strText(o: PyObject): string {
  const f = o.ob_type.tp_str!
  const r = f(o)
  const s = text(r)
  Py_DECREF(r)
  return s
}

function argsOf(e: PyObject): readonly PyObject[] {
  return ((e as PyBaseExceptionObject).args as PyTupleObject).ob_item
}

/** A group as `message[member, …]` (leaves by type name). */
function shape(e: PyObject): string {
  const excs = _PyExc_GetField(e, 'excs')
  if (excs === null) return e.ob_type.tp_name
  return `${text(_PyExc_GetField(e, 'msg')!)}[${(excs as PyTupleObject).ob_item.map(shape).join(', ')}]`
}

function release(...objs: PyObject[]): void {
  for (const o of objs) Py_DECREF(o)
}

describe('BaseException', () => {
  it('keeps the arguments; str() is empty, the argument, or the args tuple; repr() per version', () => {
    for (const pid of [...PROFILES, 'legacy'] as const) {
      const rt = createRuntime({ profile: pid })
      const k = make(rt, 'KeyError')
      const i = make(rt, 'IndexError')
      const none = make(rt, 'ValueError')
      const one = make(rt, 'ValueError', k)
      const two = make(rt, 'ValueError', k, i)
      const s = str(rt, 'message')
      const msg = make(rt, 'RuntimeError', s)
      expect(argsOf(none)).toEqual([])
      expect(argsOf(two)).toEqual([k, i])
      expect(strText(none)).toBe('')
      expect(strText(one)).toBe('') // str(KeyError())
      expect(strText(two)).toBe('(KeyError(), IndexError())')
      // str() of a single str argument is that object.
      const r = msg.ob_type.tp_str!(msg)
      expect(r).toBe(s)
      Py_DECREF(r)
      expect(repr(none)).toBe('ValueError()')
      expect(repr(two)).toBe('ValueError(KeyError(), IndexError())')
      // python2.7: ValueError(KeyError(),); python3: ValueError(KeyError())
      expect(repr(one)).toBe(pid === 'legacy' ? 'ValueError(KeyError(),)' : 'ValueError(KeyError())')
      release(k, i, none, one, two, s, msg)
    }
  })

  it('refuses keyword arguments in __init__ (a subclass __init__ may take them)', () => {
    const rt = createRuntime({ profile: '3.11' })
    const v = int(rt, 1)
    expect(pyError(() => makeKw(rt, 'ValueError', [], { x: v }))).toBe('TypeError: ValueError() takes no keyword arguments')
    expect(pyError(() => makeKw(rt, 'KeyError', [v], { k: v }))).toBe('TypeError: KeyError() takes no keyword arguments')
    const init = pyfunc(rt, 'Loose.__init__', () => (Py_INCREF(rt.None), rt.None))
    const Loose = makeClass(rt, 'Loose', [exc(rt, 'ValueError')], { __init__: init })
    const names = PyTuple_FromArraySteal(rt, [str(rt, 'x')])
    const l = Loose.ob_type.tp_call!(Loose, [v, v], 0, 1, names)
    expect(argsOf(l)).toEqual([v]) // __new__ keeps the positional arguments
    release(names, l, Loose, init, v)
    collectAll(rt)
  })

  it('args: assigning converts to a tuple, deleting is refused', () => {
    const rt = createRuntime({ profile: '3.12' })
    const e = make(rt, 'ValueError')
    const k = make(rt, 'KeyError')
    const lst = call(rt.types.list)
    const items = PyTuple_FromArraySteal(rt, [(Py_INCREF(k), k)])
    setattr(e, 'args', items)
    const got = getattr(e, 'args')
    expect(got).toBe(items)
    Py_DECREF(got)
    setattr(e, 'args', lst)
    expect(argsOf(e)).toEqual([])
    expect(pyError(() => setattr(e, 'args', null))).toBe('TypeError: args may not be deleted')
    const three = int(rt, 3)
    expect(pyError(() => setattr(e, 'args', three))).toBe("TypeError: 'int' object is not iterable")
    release(items, e, k, lst, three)
  })

  it('__traceback__, __context__, __cause__ and __suppress_context__ check what they are given', () => {
    const rt = createRuntime({ profile: '3.11' })
    const e = make(rt, 'ValueError')
    const k = make(rt, 'KeyError')
    const one = int(rt, 1)
    expect(pyError(() => setattr(e, '__traceback__', one))).toBe('TypeError: __traceback__ must be a traceback or None')
    expect(pyError(() => setattr(e, '__traceback__', null))).toBe('TypeError: __traceback__ may not be deleted')
    expect(pyError(() => setattr(e, '__context__', one))).toBe('TypeError: exception context must be None or derive from BaseException')
    expect(pyError(() => setattr(e, '__cause__', one))).toBe('TypeError: exception cause must be None or derive from BaseException')
    expect(pyError(() => setattr(e, '__cause__', null))).toBe('TypeError: __cause__ may not be deleted')
    setattr(e, '__context__', k)
    expect((e as PyBaseExceptionObject).context).toBe(k)
    expect((e as PyBaseExceptionObject).suppress_context).toBe(false)
    // Setting __cause__, even to None, suppresses the context.
    setattr(e, '__cause__', rt.None)
    expect((e as PyBaseExceptionObject).suppress_context).toBe(true)
    expect(pyError(() => setattr(e, '__suppress_context__', one))).toBe('TypeError: attribute value type must be bool')
    expect(pyError(() => setattr(e, '__suppress_context__', null))).toBe("TypeError: can't delete numeric/char attribute")
    setattr(e, '__suppress_context__', rt.False)
    expect((e as PyBaseExceptionObject).suppress_context).toBe(false)
    const wt = getattr(e, 'with_traceback')
    const same = call(wt, rt.None)
    expect(same).toBe(e)
    release(same, wt, e, k, one)
  })

  it('__reduce__ and __setstate__', () => {
    const rt = createRuntime({ profile: '3.13' })
    const k = make(rt, 'KeyError')
    const e = make(rt, 'ValueError', k)
    const reduce = getattr(e, '__reduce__')
    const r1 = call(reduce)
    expect((r1 as PyTupleObject).ob_item).toEqual([exc(rt, 'ValueError'), (e as PyBaseExceptionObject).args])
    setattr(e, 'x', k)
    const r2 = call(reduce)
    expect((r2 as PyTupleObject).ob_item[2]).toBe((e as PyBaseExceptionObject).dict)
    const setstate = getattr(e, '__setstate__')
    expect(pyError(() => call(setstate, k))).toBe('TypeError: state is not a dictionary')
    const d = call(rt.types.dict)
    rt.types.dict.mp_ass_subscript!(d, str(rt, 'y'), k)
    Py_DECREF(call(setstate, d))
    expect(PyDict_GetItemStr((e as PyBaseExceptionObject).dict as PyDictObject, 'y')).toBe(k)
    release(r1, r2, reduce, setstate, d, e, k)
  })

  it('exceptions made by PyErr_Format / PyErr_SetObject go through the type (tp_new, tp_init)', () => {
    const rt = createRuntime({ profile: '3.11' })
    const k = make(rt, 'IndexError')
    const err = PyErr_SetObject(rt, exc(rt, 'SystemExit'), k)
    expect(_PyExc_GetField(err.exc, 'code')).toBe(k)
    const e2 = PyErr_Format(rt, 'KeyError', 'm')
    expect(_PyObject_GC_IS_TRACKED(e2.exc)).toBe(true)
    expect(argsOf(e2.exc).length).toBe(1)
    release(err.exc, e2.exc, k)
  })
})

describe('subclass fields', () => {
  it('SystemExit.code and StopIteration.value; members read NULL as None', () => {
    const rt = createRuntime({ profile: '3.11' })
    const a = make(rt, 'KeyError')
    const b = make(rt, 'IndexError')
    const s0 = make(rt, 'SystemExit')
    const s1 = make(rt, 'SystemExit', a)
    const s2 = make(rt, 'SystemExit', a, b)
    for (const [s, want] of [
      [s0, rt.None],
      [s1, a],
      [s2, (s2 as PyBaseExceptionObject).args!],
    ] as const) {
      const c = getattr(s, 'code')
      expect(c).toBe(want)
      Py_DECREF(c)
    }
    setattr(s1, 'code', null)
    const c = getattr(s1, 'code')
    expect(c).toBe(rt.None)
    const st = make(rt, 'StopIteration')
    const v = getattr(st, 'value')
    expect(v).toBe(rt.None)
    const descr = PyDict_GetItemStr(exc(rt, 'SystemExit').tp_dict as PyDictObject, 'code')!
    expect(descr.ob_type.tp_name).toBe('member_descriptor')
    release(c, v, st, s0, s1, s2, a, b)
  })

  it('KeyError.__str__ is the repr of a single key', () => {
    const rt = createRuntime({ profile: '3.12' })
    const inner = make(rt, 'KeyError')
    const k = make(rt, 'KeyError', inner)
    expect(strText(k)).toBe('KeyError()')
    release(k, inner)
  })

  it('OSError picks the subclass of a known errno (Linux numbers; Emscripten on wasm32) and keeps two args', () => {
    const wasm = extendProfile(cpython314, { pointerSize: 4 })
    for (const [profile, enoent, eacces] of [
      ['3.11', 2, 13],
      ['3.8', 2, 13],
      [wasm, 44, 2],
    ] as const) {
      const rt = createRuntime({ profile })
      const no = int(rt, enoent)
      const acc = int(rt, eacces)
      const msg = str(rt, 'x')
      const e1 = make(rt, 'OSError', no, msg)
      const e2 = make(rt, 'OSError', acc, msg, msg)
      const e3 = make(rt, 'OSError', msg, msg)
      expect(e1.ob_type.tp_name).toBe('FileNotFoundError')
      expect(e2.ob_type.tp_name).toBe('PermissionError')
      expect(e3.ob_type.tp_name).toBe('OSError')
      expect(argsOf(e2)).toEqual([acc, msg])
      expect(_PyExc_GetField(e2, 'filename')).toBe(msg)
      // Subclasses are not remapped.
      const e4 = make(rt, 'FileExistsError', no, msg)
      expect(e4.ob_type.tp_name).toBe('FileExistsError')
      expect(strText(e3)).toBe('[Errno x] x')
      release(e1, e2, e3, e4, no, acc, msg)
    }
  })

  it('BlockingIOError keeps a numeric third argument as characters_written', () => {
    const rt = createRuntime({ profile: '3.11' })
    const n = int(rt, 11)
    const five = int(rt, 5)
    const msg = str(rt, 'w')
    const b = make(rt, 'BlockingIOError', n, msg, five)
    const w = getattr(b, 'characters_written')
    expect((w as unknown as { ob_ival: number }).ob_ival).toBe(5)
    expect(argsOf(b).length).toBe(3)
    const o = make(rt, 'OSError', n, msg)
    expect(pyError(() => getattr(o, 'characters_written'))).toBe('AttributeError: characters_written')
    release(w, b, o, n, five, msg)
  })

  it('ImportError, NameError and AttributeError keywords per version', () => {
    const messages: Record<string, string> = {
      '3.8': "TypeError: 'x' is an invalid keyword argument for ImportError()",
      '3.11': "TypeError: 'x' is an invalid keyword argument for ImportError()",
      '3.13': "TypeError: ImportError() got an unexpected keyword argument 'x'",
    }
    for (const pid of ['3.8', '3.11', '3.13'] as const) {
      const rt = createRuntime({ profile: pid })
      const v = str(rt, 'nm')
      const e = makeKw(rt, 'ModuleNotFoundError', [v], { name: v })
      expect(_PyExc_GetField(e, 'name')).toBe(v)
      expect(_PyExc_GetField(e, 'msg')).toBe(v)
      expect(pyError(() => makeKw(rt, 'ModuleNotFoundError', [], { x: v }))).toBe(messages[pid])
      if (pid === '3.8') {
        expect(pyError(() => makeKw(rt, 'NameError', [], { name: v }))).toBe('TypeError: NameError() takes no keyword arguments')
      } else {
        const n = makeKw(rt, 'UnboundLocalError', [], { name: v })
        expect(_PyExc_GetField(n, 'name')).toBe(v)
        Py_DECREF(n)
      }
      release(e, v)
    }
  })

  it('SyntaxError: the location tuple fills the fields (four items on 3.8); str() with file and line', () => {
    for (const pid of ['3.8', '3.11', '3.14'] as const) {
      const rt = createRuntime({ profile: pid })
      const info = { type: 'IndentationError', msg: 'bad', filename: '/a/f.py', lineno: 3, offset: 4, text: 'x', end_lineno: 3, end_offset: 5 }
      const e = makeSyntaxErrorObject(rt, info)
      expect(e.ob_type.tp_name).toBe('IndentationError')
      const loc = argsOf(e)[1] as PyTupleObject
      expect(loc.ob_item.length).toBe(pid === '3.8' ? 4 : 6)
      expect(strText(e)).toBe('bad (f.py, line 3)')
      expect(text(_PyExc_GetField(e, 'filename')!)).toBe('/a/f.py')
      const msg = str(rt, 'm')
      const one = int(rt, 1)
      const short = PyTuple_FromArraySteal(rt, [(Py_INCREF(one), one), (Py_INCREF(one), one), (Py_INCREF(one), one)])
      expect(pyError(() => make(rt, 'SyntaxError', msg, short))).toBe(pid === '3.8' ? 'IndexError: tuple index out of range' : 'TypeError: function takes at least 4 arguments (3 given)')
      release(e, msg, one, short)
    }
  })

  it('Unicode errors keep start and end as numbers and format their message', () => {
    const rt = createRuntime({ profile: '3.11' })
    const enc = str(rt, 'ascii')
    const obj = str(rt, 'a\u00e9b')
    const one = int(rt, 1)
    const two = int(rt, 2)
    const reason = str(rt, 'ordinal not in range(128)')
    const e = make(rt, 'UnicodeEncodeError', enc, obj, one, two, reason)
    expect((e as PyUnicodeErrorObject).start).toBe(1)
    expect((e as PyUnicodeErrorObject).end).toBe(2)
    expect(strText(e)).toBe("'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)")
    const three = int(rt, 3)
    setattr(e, 'end', three)
    expect(strText(e)).toBe("'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)")
    expect(pyError(() => setattr(e, 'start', enc))).toBe('TypeError: an integer is required')
    expect(pyError(() => make(rt, 'UnicodeEncodeError', enc))).toBe('TypeError: function takes exactly 5 arguments (1 given)')
    expect(pyError(() => make(rt, 'UnicodeEncodeError', one, obj, one, two, reason))).toBe('TypeError: argument 1 must be str, not int')
    const t = make(rt, 'UnicodeTranslateError', obj, one, two, reason)
    const encoding = getattr(t, 'encoding')
    expect(encoding).toBe(rt.None)
    // The GC sees the object fields only (encoding, object, reason), then the base fields.
    expect(referents(e)).toEqual([enc, obj, reason, (e as PyBaseExceptionObject).args])
    release(encoding, t, e, enc, obj, one, two, three, reason)
  })
})

describe('the GC and instance layout', () => {
  it('sizes follow the profile: BaseException struct plus the fields of each type', () => {
    const sizes: Record<string, Record<string, number>> = {
      // __basicsize__ printed by each version (3.14: Pyodide, wasm32)
      '3.8': { BaseException: 64, OSError: 104, SyntaxError: 112, ImportError: 88, NameError: 64, UnicodeDecodeError: 104 },
      '3.11': { BaseException: 72, OSError: 112, SyntaxError: 136, ImportError: 96, NameError: 80, UnicodeDecodeError: 112 },
      '3.12': { BaseException: 72, OSError: 112, SyntaxError: 136, ImportError: 104, NameError: 80, UnicodeDecodeError: 112 },
      wasm: { BaseException: 36, OSError: 56, SyntaxError: 72, ImportError: 52, NameError: 40, UnicodeDecodeError: 56 },
      legacy: { BaseException: 40, OSError: 64, SyntaxError: 88, ImportError: 40, NameError: 40, UnicodeDecodeError: 80 },
    }
    for (const [pid, want] of Object.entries(sizes)) {
      const rt = createRuntime({ profile: pid === 'wasm' ? extendProfile(cpython314, { pointerSize: 4 }) : pid })
      for (const [name, size] of Object.entries(want)) expect([pid, name, exc(rt, name).tp_basicsize]).toEqual([pid, name, size])
    }
  })

  it('tp_traverse visits the subclass fields first, then dict, args, traceback, cause, context', () => {
    const rt = createRuntime({ profile: '3.11' })
    const k = make(rt, 'KeyError')
    const c = make(rt, 'IndexError')
    const s = make(rt, 'SystemExit', k)
    setattr(s, '__cause__', c)
    setattr(s, '__context__', k)
    const args = (s as PyBaseExceptionObject).args!
    expect(referents(s)).toEqual([k, args, c, k])
    const st = make(rt, 'StopIteration')
    expect(referents(st)).toEqual([rt.None, rt.empty_tuple])
    release(s, st, k, c)
  })

  it('a context cycle is garbage; a user subclass instance visits its type', () => {
    for (const pid of PROFILES) {
      const rt = createRuntime({ profile: pid })
      const a = make(rt, 'ValueError')
      const b = make(rt, 'TypeError')
      setattr(a, '__context__', b)
      setattr(b, '__context__', a)
      release(a, b)
      expect(collectAll(rt)).toBe(2)
      const E = makeClass(rt, 'E', [exc(rt, 'Exception')], {})
      const e = call(E)
      expect((E.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0).toBe(true)
      expect(referents(e)).toEqual([E, rt.empty_tuple])
      setattr(e, 'me', e)
      Py_DECREF(e)
      expect(collectAll(rt)).toBe(2) // the instance and its __dict__
      Py_DECREF(E)
      collectAll(rt)
    }
  })

  it('a subclass with __init__ calling BaseException.__init__', () => {
    const rt = createRuntime({ profile: '3.13' })
    const base = exc(rt, 'Exception')
    const init = pyfunc(rt, 'AppError.__init__', (args) => {
      const [self, code] = args as [PyObject, PyObject]
      const baseInit = getattr(base, '__init__')
      Py_DECREF(call(baseInit, self, code))
      Py_DECREF(baseInit)
      setattr(self, 'code', code)
      Py_INCREF(rt.None)
      return rt.None
    })
    const AppError = makeClass(rt, 'AppError', [base], { __init__: init })
    const k = make(rt, 'KeyError')
    const e = call(AppError, k)
    expect(argsOf(e)).toEqual([k])
    expect(repr(e)).toBe('AppError(KeyError())')
    expect(PyDict_GetItemStr((e as PyBaseExceptionObject).dict as PyDictObject, 'code')).toBe(k)
    release(e, k, AppError, init)
    collectAll(rt)
  })
})

describe('notes and availability per version', () => {
  it('add_note (3.11+) keeps __notes__ in the instance dict; non-str notes are refused per version', () => {
    const messages: Record<string, string> = {
      '3.11': "TypeError: note must be a str, not 'int'",
      '3.13': "TypeError: note must be a str, not 'int'",
      '3.14': 'TypeError: add_note() argument must be str, not int',
    }
    for (const pid of ['3.11', '3.13', '3.14'] as const) {
      const rt = createRuntime({ profile: pid })
      const e = make(rt, 'ValueError')
      const add = getattr(e, 'add_note')
      const note = str(rt, 'n')
      Py_DECREF(call(add, note))
      const notes = PyDict_GetItemStr((e as PyBaseExceptionObject).dict as PyDictObject, '__notes__')!
      expect((notes as unknown as { ob_item: PyObject[] }).ob_item).toEqual([note])
      const one = int(rt, 1)
      expect(pyError(() => call(add, one))).toBe(messages[pid])
      release(add, e, note, one)
    }
    const rt38 = createRuntime({ profile: '3.8' })
    const e = make(rt38, 'ValueError')
    expect(pyError(() => getattr(e, 'add_note'))).toBe("AttributeError: 'ValueError' object has no attribute 'add_note'")
    Py_DECREF(e)
  })

  it('only the types of the version exist', () => {
    const has = (pid: string, n: string): boolean => createRuntime({ profile: pid }).exc[n] !== undefined
    expect([has('3.8', 'EncodingWarning'), has('3.8', 'ExceptionGroup'), has('3.11', 'ExceptionGroup'), has('3.12', 'PythonFinalizationError'), has('3.13', 'PythonFinalizationError')]).toEqual([
      false,
      false,
      true,
      false,
      true,
    ])
  })
})

describe('exception groups', () => {
  it('BaseExceptionGroup becomes ExceptionGroup (a heap type) when every member is an Exception', () => {
    const rt = createRuntime({ profile: '3.11' })
    const msg = str(rt, 'm')
    const v = make(rt, 'ValueError')
    const ki = make(rt, 'KeyboardInterrupt')
    const l1 = PyTuple_FromArraySteal(rt, [(Py_INCREF(v), v)])
    const l2 = PyTuple_FromArraySteal(rt, [(Py_INCREF(ki), ki)])
    const g1 = make(rt, 'BaseExceptionGroup', msg, l1)
    const g2 = make(rt, 'BaseExceptionGroup', msg, l2)
    const EG = exc(rt, 'ExceptionGroup')
    expect(g1.ob_type).toBe(EG)
    expect(g2.ob_type).toBe(exc(rt, 'BaseExceptionGroup'))
    expect((EG.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0).toBe(true)
    expect(text(PyDict_GetItemStr(EG.tp_dict as PyDictObject, '__module__')!)).toBe('builtins')
    expect(EG.tp_basicsize).toBe(96) // 3.11: BaseExceptionGroup (88) and a weakref slot
    expect(strText(g1)).toBe('m (1 sub-exception)')
    expect(argsOf(g1)).toEqual([msg, l1])
    expect(pyError(() => make(rt, 'ExceptionGroup', msg, l2))).toBe('TypeError: Cannot nest BaseExceptions in an ExceptionGroup')
    const empty = call(rt.types.list)
    expect(pyError(() => make(rt, 'ExceptionGroup', msg, empty))).toBe('ValueError: second argument (exceptions) must be a non-empty sequence')
    expect(pyError(() => make(rt, 'ExceptionGroup', v, l1))).toBe('TypeError: BaseExceptionGroup.__new__() argument 1 must be str, not ValueError')
    expect(pyError(() => make(rt, 'ExceptionGroup', msg))).toBe('TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)')
    expect(pyError(() => setattr(g1, 'message', msg))).toBe('AttributeError: readonly attribute')
    release(g1, g2, l1, l2, v, ki, msg, empty)
  })

  it('split and subgroup keep the nesting, derive copies the message; the parts get the traceback, cause and notes', () => {
    const rt = createRuntime({ profile: '3.12' })
    const msg = str(rt, 'outer')
    const imsg = str(rt, 'inner')
    const a = make(rt, 'ValueError')
    const b = make(rt, 'TypeError')
    const c = make(rt, 'ValueError')
    const innerList = PyTuple_FromArraySteal(rt, [(Py_INCREF(b), b), (Py_INCREF(c), c)])
    const inner = make(rt, 'ExceptionGroup', imsg, innerList)
    const outerList = PyTuple_FromArraySteal(rt, [(Py_INCREF(a), a), (Py_INCREF(inner), inner)])
    const outer = make(rt, 'ExceptionGroup', msg, outerList)
    const cause = make(rt, 'KeyError')
    setattr(outer, '__cause__', cause)
    const split = getattr(outer, 'split')
    const parts = call(split, exc(rt, 'ValueError')) as PyTupleObject
    const [match, rest] = parts.ob_item as [PyObject, PyObject]
    expect(shape(match)).toBe('outer[ValueError, inner[ValueError]]')
    expect(shape(rest)).toBe('outer[inner[TypeError]]')
    expect((match as PyBaseExceptionObject).cause).toBe(cause)
    expect((rest as PyBaseExceptionObject).suppress_context).toBe(true)
    const sub = getattr(outer, 'subgroup')
    const none = call(sub, exc(rt, 'KeyError'))
    expect(none).toBe(rt.None)
    const one = int(rt, 1)
    expect(pyError(() => call(split, one))).toBe('TypeError: expected a function, exception type or tuple of exception types')
    release(none, parts, split, sub, outer, outerList, inner, innerList, a, b, c, cause, msg, imsg, one)
    collectAll(rt)
  })

  it('PyErr_NewInstance builds groups like a call', () => {
    const rt = createRuntime({ profile: '3.13' })
    const v = make(rt, 'ValueError')
    const l = PyTuple_FromArraySteal(rt, [(Py_INCREF(v), v)])
    const g = PyErr_NewInstance(rt, exc(rt, 'BaseExceptionGroup'), ['m', l])
    expect(g.ob_type.tp_name).toBe('ExceptionGroup')
    release(g, l, v)
  })
})

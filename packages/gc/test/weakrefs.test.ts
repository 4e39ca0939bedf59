import { describe, expect, it } from 'vitest'
import { PyWeakref_GetObject, PyWeakref_NewRef, Py_DECREF, type PyObject } from '@heap/core'
import { call, none, pyfunc, setattr } from '@heap/core/testing'
import { gc_collect } from '../src/index.js'
import { freed, plainClass, runtime } from './helpers.js'

describe('weak references to garbage', () => {
  it('a reachable weakref to a collected object is cleared and its callback runs with the weakref', () => {
    const rt = runtime('3.11')
    const A = plainClass(rt, 'A')
    const seen: PyObject[] = []
    const cb = pyfunc(rt, 'cb', (args) => {
      seen.push(args[0]!)
      // Inside the callback the weakref is already dead.
      expect(PyWeakref_GetObject(args[0]!)).toBe(rt.None)
      return none(rt)
    })
    const a = call(A)
    const b = call(A)
    setattr(a, 'other', b)
    setattr(b, 'other', a)
    const w = PyWeakref_NewRef(a, cb)
    Py_DECREF(a)
    Py_DECREF(b)
    expect(PyWeakref_GetObject(w)).toBe(a)
    expect(gc_collect(rt)).toBe(2)
    expect(seen).toEqual([w])
    expect(freed(a)).toBe(true)
    expect(PyWeakref_GetObject(w)).toBe(rt.None)
    Py_DECREF(w)
    Py_DECREF(cb)
    Py_DECREF(A)
    gc_collect(rt)
  })

  it('a weakref that is itself part of the garbage never calls back', () => {
    const rt = runtime('3.11')
    const A = plainClass(rt, 'A')
    let calls = 0
    const cb = pyfunc(rt, 'cb', () => {
      calls++
      return none(rt)
    })
    const a = call(A)
    const b = call(A)
    setattr(a, 'other', b)
    setattr(b, 'other', a)
    const w = PyWeakref_NewRef(b, cb)
    setattr(a, 'ref', w)
    Py_DECREF(w)
    Py_DECREF(a)
    Py_DECREF(b)
    // a, b and the weakref: 3 objects.
    expect(gc_collect(rt)).toBe(3)
    expect(calls).toBe(0)
    Py_DECREF(cb)
    Py_DECREF(A)
    gc_collect(rt)
  })
})

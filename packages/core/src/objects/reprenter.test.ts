import { describe, expect, it } from 'vitest'
import { _Py_Dealloc } from '../object/refcount.js'
import { PyDict_GetItemStr, PyDict_New, PyDict_SetItem, type PyDictObject } from './dictobject.js'
import { repr, runtime, scope } from './containers.testkit.js'
import { PyThreadState_GetDict, Py_ReprEnter, Py_ReprLeave } from './reprenter.js'
import type { PyListObject } from './listobject.js'

describe('Py_ReprEnter / Py_ReprLeave', () => {
  it('keeps the objects being repr\'d in the thread-state dict under "Py_Repr", and forgets them after', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const l = $([1])
    expect(Py_ReprEnter(l)).toBe(false)
    expect(Py_ReprEnter(l)).toBe(true)
    const list = PyDict_GetItemStr(PyThreadState_GetDict(rt), 'Py_Repr') as PyListObject
    expect(list.ob_item).toEqual([l])
    Py_ReprLeave(l)
    expect(list.ob_item).toEqual([])
    $.done()
  })

  it("a freed dict's memory becomes the thread-state dict (ct1.py on 3.8-3.13 printed {'Py_Repr': [{...}, [...]]})", () => {
    // d = {'a': [1]}; _Py_Dealloc(d); print(d)
    const rt = runtime('3.8')
    const $ = scope(rt)
    const d = PyDict_New(rt) as PyDictObject
    PyDict_SetItem(d, $('a'), $([1]))
    $.done()
    _Py_Dealloc(d)
    // `print(d)` reads the dangling reference: the dict free list handed the same memory to the thread state.
    expect(repr(d)).toBe("{'Py_Repr': [{...}, [...]]}")
    expect(PyThreadState_GetDict(rt)).toBe(d)
  })
})

import { describe, expect, it } from 'vitest'
import {
  OB_FREED,
  PROFILES,
  Py_DECREF,
  PyDict_GetItemStr,
  PyDict_New,
  PyDict_SetItem,
  PyLong_FromNumber,
  PyTuple_Pack,
  PyUnicode_FromString,
  createRuntime,
  gc_list_size,
} from '../src/index.js'
import { auditRefcounts } from '../src/testing.js'

describe('runtime bootstrap', () => {
  for (const p of PROFILES) {
    it(`creates a clean runtime for ${p.id}`, () => {
      const rt = createRuntime({ profile: p })
      expect(rt.types.int.tp_name).toBe('int')
      const report = auditRefcounts(rt)
      expect(report.differences).toEqual([])
    })
  }

  it('small ints are shared; others are not', () => {
    const rt = createRuntime({ profile: '3.8' })
    const a = PyLong_FromNumber(rt, 256)
    const b = PyLong_FromNumber(rt, 256)
    const c = PyLong_FromNumber(rt, 257)
    const d = PyLong_FromNumber(rt, 257)
    expect(a).toBe(b)
    expect(c).not.toBe(d)
    for (const o of [a, b, c, d]) Py_DECREF(o)
  })

  it('a dict owns its keys and values; freeing it releases them', () => {
    const rt = createRuntime({ profile: '3.11' })
    const d = PyDict_New(rt)
    const k = PyUnicode_FromString(rt, 'answer')
    const v = PyLong_FromNumber(rt, 4200)
    PyDict_SetItem(d, k, v)
    expect(v.ob_refcnt).toBe(2)
    expect(PyDict_GetItemStr(d, 'answer')).toBe(v)
    Py_DECREF(k)
    Py_DECREF(v)
    expect(v.ob_refcnt).toBe(1)
    Py_DECREF(d)
    // Freed: pymalloc keeps its free-list link in the block's first word, which is where ob_refcnt was.
    expect(v.ob_flags & OB_FREED).toBe(OB_FREED)
  })

  it('runtime tuples are tracked in generation 0', () => {
    const rt = createRuntime({ profile: '3.11' })
    const before = gc_list_size(rt.gc.gen(0))
    const x = PyLong_FromNumber(rt, 1000)
    const t = PyTuple_Pack(rt, [x])
    expect(gc_list_size(rt.gc.gen(0))).toBe(before + 1)
    Py_DECREF(x)
    Py_DECREF(t)
    expect(gc_list_size(rt.gc.gen(0))).toBe(before)
  })
})

import { describe, expect, it } from 'vitest'
import { OB_FREED, PyList_Append, PyList_New, PyLong_FromNumber, Py_DECREF, Py_INCREF, _PyObject_ResolveFreed, _Py_Dealloc, type PyObject } from '@heap/core'
import { hazardReport, formatHazardReport, readBytes, writeBytes, writeInt } from '../src/index.js'
import { SimulatedCrash, runtime, word } from './helpers.js'

describe('object headers in the simulated memory', () => {
  it('a list: word 0 is the refcount, word 1 the type pointer, word 2 ob_size (ct2.py on 3.8–3.13)', () => {
    for (const profile of ['3.8', '3.11', '3.12', '3.13']) {
      const rt = runtime(profile)
      const x = PyList_New(rt, 0)
      for (const v of [1, 2, 3]) {
        const i = PyLong_FromNumber(rt, v)
        PyList_Append(x, i)
        Py_DECREF(i)
      }
      const raw = readBytes(rt, x.ob_addr, 24)
      expect(word(raw, 0)).toBe(1n)
      expect(word(raw, 1)).toBe(BigInt(rt.types.list.ob_addr))
      expect(word(raw, 2)).toBe(3n)
      Py_DECREF(x)
    }
  })

  it('immortal objects read as CPython stores them: 3.12 None is ffffffff00000000; 3.11 small ints count from 999999999', () => {
    const rt12 = runtime('3.12')
    const none12 = readBytes(rt12, rt12.None.ob_addr, 8)
    expect(Buffer.from(none12).toString('hex')).toBe('ffffffff00000000')
    const rt11 = runtime('3.11')
    const one = rt11.small_ints[6]!
    expect(word(readBytes(rt11, one.ob_addr, 8), 0)).toBeGreaterThanOrEqual(999_999_999n)
  })

  it('a GC object is preceded by its GC head: the words before it link it into generation 0', () => {
    const rt = runtime('3.11')
    const a = PyList_New(rt, 0)
    const b = PyList_New(rt, 0)
    const head = readBytes(rt, b.ob_addr - 16, 16)
    // _gc_prev of b points at a's GC head (the list is appended at the tail).
    expect(word(head, 1) & ~3n).toBe(BigInt(a.ob_addr - 16))
    Py_DECREF(a)
    Py_DECREF(b)
  })

  it('writing the refcount word changes the object; writing 0 then releasing a reference frees it early', () => {
    const rt = runtime('3.11')
    const x = PyList_New(rt, 0)
    Py_INCREF(x)
    writeInt(rt, x.ob_addr, 8, 0n)
    expect(x.ob_refcnt).toBe(0)
    Py_INCREF(x)
    Py_DECREF(x)
    expect((x.ob_flags & OB_FREED) !== 0).toBe(true)
    expect(formatHazardReport(hazardReport(rt))).toMatch(/refcount-write .*overwritten: 2 → 0/)
  })

  it('reading unmapped memory (string_at(0)) is a simulated segmentation fault', () => {
    const rt = runtime('3.11')
    expect(() => readBytes(rt, 0, 1)).toThrow(SimulatedCrash)
    expect(() => writeBytes(rt, 16, new Uint8Array(1))).toThrow(SimulatedCrash)
  })
})

describe('dangling references', () => {
  it('after a forced dealloc, the name reaches whatever reuses the memory, or crashes if nothing does', () => {
    const rt = runtime('3.11')
    const big = PyLong_FromNumber(rt, 10 ** 12)
    Py_INCREF(big) // a second "name"
    _Py_Dealloc(big)
    expect((big.ob_flags & OB_FREED) !== 0).toBe(true)
    // The freed block is linked into pymalloc's free list: the count now reads as that link, never reaching 0.
    expect(big.ob_refcnt).toBeGreaterThan(2 ** 31)
    expect(() => _PyObject_ResolveFreed(big)).toThrow(SimulatedCrash)
    const reuse = PyLong_FromNumber(rt, 10 ** 13)
    expect(reuse.ob_addr).toBe(big.ob_addr)
    expect(_PyObject_ResolveFreed(big)).toBe(reuse)
    expect(formatHazardReport(hazardReport(rt))).toMatch(/alias .*now reaches the int/)
    Py_DECREF(reuse)
  })

  it('a second _Py_Dealloc is a double free: recorded; 3.13 crashes at once, 3.11 at exit', () => {
    const rt11 = runtime('3.11')
    const x = PyList_New(rt11, 0)
    _Py_Dealloc(x)
    _Py_Dealloc(x)
    expect(hazardReport(rt11).corrupted).toMatch(/deallocated a second time/)
    const rt13 = runtime('3.13')
    const y: PyObject = PyList_New(rt13, 0)
    _Py_Dealloc(y)
    expect(() => _Py_Dealloc(y)).toThrow(SimulatedCrash)
  })
})

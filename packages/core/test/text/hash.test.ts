import { describe, expect, it } from 'vitest'
import { Py_DECREF } from '../../src/object/refcount.js'
import { _PyBytes_FromOwned } from '../../src/objects/bytesobject.js'
import { repr, runtime, scope } from '../../src/objects/containers.testkit.js'
import { extendProfile } from '../../src/profiles/define.js'
import { getProfile } from '../../src/profiles/index.js'
import { createRuntime } from '../../src/runtime/bootstrap.js'
import { PySet_New, set_add } from '../../src/objects/setobject.js'
import { PyObject_HashExact } from '../../src/objects/tupleobject.js'
import { PyUnicode_FromString } from '../../src/objects/unicodeobject.js'

/** `hash()` values printed by CPython with PYTHONHASHSEED=0 (3.14: wasm32 Pyodide). */
const EXPECTED: Record<string, { a: bigint; abe: bigint; euro: bigint; bytesAbc: bigint }> = {
  '3.8': { a: -7583489610679606711n, abe: -7653826570351737587n, euro: -7838577127164893040n, bytesAbc: 4596069200710135518n },
  '3.11': { a: 4644417185603328019n, abe: -5450453019029469821n, euro: -5529981157763016009n, bytesAbc: -4594863902769663758n },
  '3.13': { a: 4644417185603328019n, abe: -5450453019029469821n, euro: -5529981157763016009n, bytesAbc: -4594863902769663758n },
}

describe('str and bytes hashes', () => {
  it('are the exact CPython values per profile (SipHash-2-4, SipHash-1-3)', () => {
    for (const [profile, want] of Object.entries(EXPECTED)) {
      const rt = runtime(profile)
      const h = (s: string): bigint => {
        const o = PyUnicode_FromString(rt, s)
        const v = BigInt(PyObject_HashExact(o))
        Py_DECREF(o)
        return v
      }
      expect([h('a'), h('ab\xe9'), h('\u20ac'), h('')]).toEqual([want.a, want.abe, want.euro, 0n])
      const b = _PyBytes_FromOwned(rt, new Uint8Array([97, 98, 99]))
      expect(BigInt(PyObject_HashExact(b))).toBe(want.bytesAbc)
      Py_DECREF(b)
    }
  })

  it('are 32-bit FNV values on wasm32 3.14', () => {
    const rt = createRuntime({ profile: extendProfile(getProfile('3.14'), { pointerSize: 4 }) })
    const h = (s: string): number => {
      const o = PyUnicode_FromString(rt, s)
      const v = Number(PyObject_HashExact(o))
      Py_DECREF(o)
      return v
    }
    expect([h('a'), h('ab\xe9'), h('\u20ac'), h('')]).toEqual([-468864544, -1600925655, 1059883814, 0])
    const b = _PyBytes_FromOwned(rt, new Uint8Array([97, 98, 99]))
    expect(PyObject_HashExact(b)).toBe(-1600925533)
    Py_DECREF(b)
  })

  it('are equal for equal str and bytes built in different ways', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const pairs: [string, string][] = [['abc', 'ab' + 'c'], ['é€😀', 'é' + '€😀'], ['x'.repeat(50), 'xx'.repeat(25)]]
    for (const [x, y] of pairs) expect(PyObject_HashExact($(x))).toEqual(PyObject_HashExact($(y)))
    const b1 = $.own(_PyBytes_FromOwned(rt, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])))
    const b2 = $.own(_PyBytes_FromOwned(rt, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9])))
    expect(PyObject_HashExact(b1)).toEqual(PyObject_HashExact(b2))
    $.done()
  })

  it('order a set of strings as CPython 3.11 does', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const s = $.own(PySet_New(rt, null))
    for (const w of ['apple', 'banana', 'cherry', 'date']) Py_DECREF(set_add(s, $(w)))
    expect(repr(s)).toBe("{'banana', 'date', 'apple', 'cherry'}")
    const t = $.own(PySet_New(rt, null))
    for (const w of ['a', 'b', 'c']) Py_DECREF(set_add(t, $(w)))
    expect(repr(t)).toBe("{'c', 'a', 'b'}")
    $.done()
  })
})

import { describe, expect, it } from 'vitest'
import type { PyObject } from '../../src/object/object.js'
import { Py_DECREF } from '../../src/object/refcount.js'
import { PyByteArray_Resize, bytearray_sizeof, byteArrayData, type PyByteArrayObject } from '../../src/objects/bytearrayobject.js'
import { PyBytes_AsUint8Array, PyBytes_FromUint8Array, bytesReprText } from '../../src/objects/bytesobject.js'
import { call, callv, construct, err, py, repr, runtime, scope } from '../../src/objects/containers.testkit.js'
import { encodeText, decodeBytes } from '../../src/objects/codecs.js'
import { PyLong_FromNumber } from '../../src/objects/longobject.js'
import { PyObject_GetItem } from '../../src/objects/protocols.js'

const bytes = (...v: number[]): Uint8Array => Uint8Array.from(v)

describe('bytes', () => {
  it('shares the empty and one-byte objects, static or cached per profile', () => {
    for (const profile of ['3.8', '3.11', '3.12']) {
      const rt = runtime(profile)
      const a = PyBytes_FromUint8Array(rt, bytes(120))
      const b = PyBytes_FromUint8Array(rt, bytes(120))
      const e1 = PyBytes_FromUint8Array(rt, bytes())
      const e2 = PyBytes_FromUint8Array(rt, bytes())
      expect(a).toBe(b)
      expect(e1).toBe(e2)
      expect(e1).toBe(rt.empty_bytes)
      const two = PyBytes_FromUint8Array(rt, bytes(1, 2))
      const two2 = PyBytes_FromUint8Array(rt, bytes(1, 2))
      expect(two).not.toBe(two2)
      for (const o of [a, b, e1, e2, two, two2]) Py_DECREF(o)
    }
  })

  it('repr, items, slices and methods', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const b = $.own(PyBytes_FromUint8Array(rt, new TextEncoder().encode("it's \"q\"\n\x00é")))
    expect(repr(b)).toBe("b'it\\'s \"q\"\\n\\x00\\xc3\\xa9'")
    expect(bytesReprText(bytes(39))).toBe('"\'"')
    const i = $.own(PyObject_GetItem(b, $(-1)))
    expect(repr(i)).toBe('169')
    expect(repr($.own(callv(b, 'split', $.own(PyBytes_FromUint8Array(rt, bytes(32))))))).toBe("[b\"it's\", b'\"q\"\\n\\x00\\xc3\\xa9']")
    expect(repr($.own(call(b, 'hex')))).toBe("'69742773202271220a00c3a9'")
    expect(repr($.own(callv(b, 'decode')))).toBe('\'it\\\'s "q"\\n\\x00é\'')
    expect(err(() => PyObject_GetItem(b, $(20)))).toBe('IndexError: index out of range')
    expect(err(() => callv(b, 'find', 'x'))).toBe("TypeError: argument should be integer or bytes-like object, not 'str'")
    expect(PyBytes_AsUint8Array(b)!.length).toBe(12)
    $.done()
  })
})

describe('bytearray', () => {
  it('over-allocates as PyByteArray_Resize does (getsizeof after each append)', () => {
    const rt = runtime('3.11')
    const ba = construct(rt, rt.types.bytearray)
    const sizes: number[] = []
    for (let k = 0; k < 20; k++) {
      const one = PyLong_FromNumber(rt, 1)
      Py_DECREF(call(ba, 'append', one))
      Py_DECREF(one)
      sizes.push(bytearray_sizeof(ba))
    }
    // Recorded from CPython 3.11 (sys.getsizeof of a bytearray is not GC-tracked: no header).
    expect(sizes).toEqual([58, 61, 61, 61, 64, 64, 64, 68, 68, 68, 68, 75, 75, 75, 75, 75, 75, 75, 83, 83])
    PyByteArray_Resize(ba, 0)
    expect(bytearray_sizeof(ba)).toBe(57)
    Py_DECREF(ba)
  })

  it('deleting from the front advances the start; mutation methods and errors', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const ba = $.own(construct(rt, rt.types.bytearray, $.own(PyBytes_FromUint8Array(rt, new TextEncoder().encode('abcdefghij'))))) as PyByteArrayObject
    expect(bytearray_sizeof(ba)).toBe(67)
    ba.ob_type.mp_ass_subscript!(ba, $(0), null)
    expect([ba.ob_start, bytearray_sizeof(ba)]).toEqual([1, 67])
    Py_DECREF(callv(ba, 'append', 1))
    expect(bytearray_sizeof(ba)).toBe(73)
    expect(repr(ba)).toBe("bytearray(b'bcdefghij\\x01')")
    Py_DECREF(callv(ba, 'insert', 0, 65))
    Py_DECREF(callv(ba, 'remove', 1))
    expect(Array.from(byteArrayData(ba), (c) => String.fromCharCode(c)).join('')).toBe('Abcdefghij')
    expect(err(() => callv(ba, 'append', 300))).toBe('ValueError: byte must be in range(0, 256)')
    expect(err(() => callv(ba, 'remove', 9))).toBe('ValueError: value not found in bytearray')
    expect(err(() => callv($.own(construct(rt, rt.types.bytearray)), 'pop'))).toBe('IndexError: pop from empty bytearray')
    expect(repr($.own(construct(rt, rt.types.bytearray, $.own(PyBytes_FromUint8Array(rt, bytes(39))))))).toBe('bytearray(b"\\\'")')
    void py
    $.done()
  })
})

describe('codecs', () => {
  it('encode and decode with CPython error ranges and handlers', () => {
    const rt = runtime('3.11')
    const msg = (f: () => unknown): string => {
      try {
        f()
      } catch (e) {
        const exc = (e as { exc: PyObject }).exc
        const s = exc.ob_type.tp_str!(exc)
        const t = (s as unknown as { value: string }).value
        Py_DECREF(s)
        Py_DECREF(exc)
        return t
      }
      return 'no error'
    }
    expect(msg(() => encodeText(rt, 'a€€b', 'latin-1', 'strict'))).toBe("'latin-1' codec can't encode characters in position 1-2: ordinal not in range(256)")
    expect(msg(() => encodeText(rt, 'é', 'ascii', 'strict'))).toBe("'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)")
    expect(msg(() => decodeBytes(rt, bytes(0xe2, 0x82), 'utf-8', 'strict'))).toBe("'utf-8' codec can't decode bytes in position 0-1: unexpected end of data")
    expect(msg(() => decodeBytes(rt, bytes(0xed, 0xa0, 0x80), 'utf-8', 'strict'))).toBe("'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte")
    expect(decodeBytes(rt, bytes(97, 0xff, 0xfe, 98), 'utf-8', 'replace')).toBe('a\ufffd\ufffdb')
    expect(Array.from(encodeText(rt, 'é€', 'ascii', 'xmlcharrefreplace'), (c) => String.fromCharCode(c)).join('')).toBe('&#233;&#8364;')
    expect(err(() => encodeText(rt, 'x', 'nope', 'strict'))).toBe('LookupError: unknown encoding: nope')
  })
})

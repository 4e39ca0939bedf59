import { describe, expect, it } from 'vitest'
import type { PyObject } from '../../src/object/object.js'
import { Py_DECREF, Py_INCREF } from '../../src/object/refcount.js'
import { call, callv, err, py, repr, runtime, scope } from '../../src/objects/containers.testkit.js'
import { PyLong_FromNumber } from '../../src/objects/longobject.js'
import { PyObject_GetItem, PyObject_Str } from '../../src/objects/protocols.js'
import { PySlice_New } from '../../src/objects/sliceobject.js'
import { PyObject_ASCII, unicodeReprText } from '../../src/objects/unicode-type.js'
import { PyUnicode_FromString, type PyUnicodeObject } from '../../src/objects/unicodeobject.js'

const text = (o: PyObject): string => (o as PyUnicodeObject).value

/** A deterministic pseudo-random generator (xorshift32). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x / 0x100000000
  }
}

const ALPHABET = ['a', 'Z', ' ', "'", '"', '\\', '\n', '\t', '\r', '\x00', '\x7f', '\x9f', 'é', '\xa0', '\xad', 'Ω', 'ж', 'ש', '中', '\u2028', '\ufeff', '😀', '𝄞', '\u{1f972}', '\u{e0001}', '\u{10ffff}']

function randomText(r: () => number, max = 12): string {
  const n = Math.floor(r() * max)
  let s = ''
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)]
  return s
}

/**
 * Decodes a Python str literal as `repr()` writes it (quotes, \\ \' \" \t \n \r \xHH \uHHHH \UHHHHHHHH). A test
 * oracle independent of the simulator's parser.
 */
function decodeLiteral(lit: string): string {
  const q = lit[0]!
  expect(q === "'" || q === '"').toBe(true)
  expect(lit[lit.length - 1]).toBe(q)
  const body = lit.slice(1, -1)
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c === q) throw new Error(`unescaped quote in ${lit}`)
    if (c !== '\\') {
      out += c
      continue
    }
    const e = body[++i]!
    if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + n), 16))
      i += n
    } else out += ({ t: '\t', n: '\n', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e]!
  }
  return out
}

describe('str repr', () => {
  it('round-trips through a literal decoder for random text (all profiles)', () => {
    for (const profile of ['3.8', '3.11', '3.14']) {
      const rt = runtime(profile)
      const r = rng(12345)
      for (let k = 0; k < 400; k++) {
        const s = randomText(r)
        const o = PyUnicode_FromString(rt, s)
        const lit = repr(o)
        expect(decodeLiteral(lit)).toBe(s)
        const a = PyObject_ASCII(o)
        expect(/^[\x20-\x7e]*$/.test(text(a))).toBe(true)
        expect(decodeLiteral(text(a))).toBe(s)
        Py_DECREF(a)
        Py_DECREF(o)
      }
    }
  })

  it('chooses quotes and escapes as CPython', () => {
    const rt = runtime('3.11')
    expect(unicodeReprText(rt, "it's")).toBe('"it\'s"')
    expect(unicodeReprText(rt, 'both \' and "')).toBe("'both \\' and \"'")
    expect(unicodeReprText(rt, 'a\tb\n\x00\x7f\x9f\xa0\xad\u2028\ufeff')).toBe("'a\\tb\\n\\x00\\x7f\\x9f\\xa0\\xad\\u2028\\ufeff'")
    expect(unicodeReprText(rt, 'café Ωж中 😀')).toBe("'café Ωж中 😀'")
    expect(unicodeReprText(rt, '\u{e0001}\u{10ffff}\ud800')).toBe("'\\U000e0001\\U0010ffff\\ud800'")
  })

  it('escapes characters newer than the profile Unicode version', () => {
    // U+1F972 (smiling face with tear) is Unicode 13.0: unassigned for 3.8 (12.1), printable from 3.11 (14.0).
    expect(unicodeReprText(runtime('3.8'), '\u{1f972}')).toBe("'\\U0001f972'")
    expect(unicodeReprText(runtime('3.11'), '\u{1f972}')).toBe("'\u{1f972}'")
  })
})

/** Python slicing of a list of code points (the reference). */
function refSlice(cps: string[], start: number | null, stop: number | null, step: number): string {
  const n = cps.length
  const norm = (v: number | null, def: number, lo: number, hi: number): number => {
    if (v === null) return def
    if (v < 0) v += n
    return Math.min(Math.max(v, lo), hi)
  }
  let out = ''
  if (step > 0) {
    const a = norm(start, 0, 0, n)
    const b = norm(stop, n, 0, n)
    for (let i = a; i < b; i += step) out += cps[i]
  } else {
    const a = norm(start, n - 1, -1, n - 1)
    const b = norm(stop, -1, -1, n - 1)
    for (let i = a; i > b; i += step) out += cps[i]
  }
  return out
}

describe('str indexing and slicing', () => {
  it('matches a code-point reference for random text with astral characters', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const r = rng(777)
    const none = rt.None
    for (let k = 0; k < 500; k++) {
      const s = randomText(r, 10)
      const cps = Array.from(s)
      const o = $(s)
      const pick = (): number | null => (r() < 0.2 ? null : Math.floor(r() * 26) - 13)
      const start = pick()
      const stop = pick()
      const step = [1, 2, 3, -1, -2, -3][Math.floor(r() * 6)]!
      const objs = [start, stop, step].map((v) => (v === null ? (Py_INCREF(none), none) : PyLong_FromNumber(rt, v)))
      const sl = PySlice_New(rt, objs[0]!, objs[1]!, objs[2]!)
      objs.forEach((x) => Py_DECREF(x))
      const res = PyObject_GetItem(o, sl)
      expect(text(res)).toBe(refSlice(cps, start, stop, step))
      Py_DECREF(res)
      Py_DECREF(sl)
      for (let i = -cps.length; i < cps.length; i++) {
        const idx = PyLong_FromNumber(rt, i)
        const ch = PyObject_GetItem(o, idx)
        expect(text(ch)).toBe(cps[(i + cps.length) % cps.length])
        Py_DECREF(ch)
        Py_DECREF(idx)
      }
      expect(callLen(o)).toBe(cps.length)
    }
    const o = $('abc')
    expect(err(() => PyObject_GetItem(o, $(3)))).toBe('IndexError: string index out of range')
    expect(err(() => PyObject_GetItem(o, $('x')))).toBe("TypeError: string indices must be integers, not 'str'")
    $.done()
  })
})

function callLen(o: PyObject): number {
  return o.ob_type.sq_length!(o)
}

describe('str methods', () => {
  it('split, join, strip, replace, find and padding behave as CPython', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const s = $('  a,b,,c  ')
    expect(repr($.own(callv(s, 'split', ',')))).toBe("['  a', 'b', '', 'c  ']")
    expect(repr($.own(call(s, 'split')))).toBe("['a,b,,c']")
    expect(repr($.own(callv($('a b  c d'), 'rsplit', ' ', 1)))).toBe("['a b  c', 'd']")
    expect(repr($.own(call(s, 'strip')))).toBe("'a,b,,c'")
    expect(repr($.own(callv($('-'), 'join', ['x', 'y', 'z'])))).toBe("'x-y-z'")
    expect(repr($.own(callv($('aaa'), 'replace', '', '-')))).toBe("'-a-a-a-'")
    expect(repr($.own(callv($('a😀b😀'), 'find', 'b')))).toBe('2')
    expect(repr($.own(callv($('a😀b😀'), 'rfind', '😀')))).toBe('3')
    expect(repr($.own(callv($('a😀b😀'), 'count', '')))).toBe('5')
    expect(repr($.own(callv($('ab'), 'center', 7, '*')))).toBe("'***ab**'")
    expect(repr($.own(callv($('-42'), 'zfill', 6)))).toBe("'-00042'")
    expect(repr($.own(callv($('straße ǆ ΣΑΣ'), 'upper')))).toBe("'STRASSE Ǆ ΣΑΣ'")
    expect(repr($.own(callv($('ΣΑΣ ΑΣ'), 'lower')))).toBe("'σας ας'")
    expect(repr($.own(callv($('ǆemal ﬁne'), 'title')))).toBe("'ǅemal Fine'")
    expect(err(() => callv($('abc'), 'index', 'z'))).toBe('ValueError: substring not found')
    expect(err(() => callv($('abc'), 'split', ''))).toBe('ValueError: empty separator')
    expect(err(() => callv($('-'), 'join', ['a', 1]))).toBe('TypeError: sequence item 1: expected str instance, int found')
    $.done()
  })

  it('argument errors follow the profile', () => {
    const $8 = scope(runtime('3.8'))
    const $13 = scope(runtime('3.13'))
    expect(err(() => callv($8('abc'), 'find', 1))).toBe('TypeError: must be str, not int')
    expect(err(() => callv($13('abc'), 'find', 1))).toBe('TypeError: find() argument 1 must be str, not int')
    expect(err(() => callv($8('abc'), 'find', 'a', 1, 2, 3))).toBe('TypeError: find() takes at most 3 arguments (4 given)')
    expect(err(() => callv($13('abc'), 'find', 'a', 1, 2, 3))).toBe('TypeError: find expected at most 3 arguments, got 4')
    expect(err(() => callv($8('a'), 'expandtabs', 'x'))).toBe('TypeError: an integer is required (got type str)')
    expect(err(() => callv($13('a'), 'expandtabs', 'x'))).toBe("TypeError: 'str' object cannot be interpreted as an integer")
    $8.done()
    $13.done()
  })

  it('%-formatting converts and reports errors as CPython', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const fmt = (f: string, args: PyObject): string => {
      const r = rt.types.str.nb_remainder!($(f), args)
      const s = text(r)
      Py_DECREF(r)
      return s
    }
    expect(fmt('%s|%r|%5s|%-4s|%.2s', $.own(py(rt, { t: ['a', 'b', 'c', 'd', 'xyz'] })))).toBe("a|'b'|    c|d   |xy")
    expect(fmt('%d|%5d|%-5d|%05d|%+d|%x|%#X|%#o|%c', $.own(py(rt, { t: [42, 42, 42, -42, 7, 255, 255, 8, 0x20ac] })))).toBe('42|   42|42   |-0042|+7|ff|0XFF|0o10|€')
    const d = $.own(py(rt, { t: [] }))
    expect(err(() => fmt('%d', $.own(py(rt, { t: ['x'] }))))).toBe('TypeError: %d format: a real number is required, not str')
    expect(err(() => fmt('%d %d', $.own(py(rt, { t: [1] }))))).toBe('TypeError: not enough arguments for format string')
    expect(err(() => fmt('%d', $.own(py(rt, { t: [1, 2] }))))).toBe('TypeError: not all arguments converted during string formatting')
    expect(err(() => fmt('%z', $.own(py(rt, { t: [1] }))))).toBe("ValueError: unsupported format character 'z' (0x7a) at index 1")
    expect(fmt('100%%', d)).toBe('100%')
    $.done()
  })

  it('str() of an exact str is the object itself', () => {
    const rt = runtime('3.11')
    const $ = scope(rt)
    const s = $('abc')
    const same = PyObject_Str(s)
    expect(same).toBe(s)
    Py_DECREF(same)
    $.done()
  })
})

/**
 * Text conversions shared by the number and text types: the format-spec mini-language (`format()`, f-strings,
 * `__format__`), `PyOS_double_to_string`, and `PyObject_Format`.
 * CONTRACT (numbers owner implements; text types call): signatures below are stable.
 * @cpython Python/formatter_unicode.c
 * @cpython Python/pystrtod.c#PyOS_double_to_string
 */
import type { PyObject } from '../object/object.js'
import type { Runtime } from '../runtime/runtime.js'

/** `PyOS_double_to_string` flags. */
export const Py_DTSF_SIGN = 0x01
export const Py_DTSF_ADD_DOT_0 = 0x02
export const Py_DTSF_ALT = 0x04

/**
 * `PyOS_double_to_string(v, code, precision, flags)`: code 'r' (shortest round-trip, repr), 'e'/'E', 'f'/'F',
 * 'g'/'G'. Infinities and NaN print as `inf`/`nan` (upper case for upper-case codes).
 */
export function PyOS_double_to_string(v: number, code: 'r' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G', precision: number, flags: number): string {
  void v, code, precision, flags
  throw new Error('PyOS_double_to_string: not implemented yet')
}

/** `str.__format__`: the format-spec mini-language applied to text. Throws PyErr (ValueError) on a bad spec. */
export function formatStrSpec(rt: Runtime, value: string, spec: string): string {
  void rt, value, spec
  throw new Error('formatStrSpec: not implemented yet')
}

/**
 * `PyObject_Format(obj, spec)`: `type(obj).__format__(obj, spec)`; `spec` null means ''. Returns a new reference
 * to a str. An empty spec on an exact str or int returns `str(obj)` directly, as CPython does.
 * @cpython Objects/abstract.c#PyObject_Format
 */
export function PyObject_Format(obj: PyObject, spec: PyObject | null): PyObject {
  void obj, spec
  throw new Error('PyObject_Format: not implemented yet')
}

/**
 * Small helpers shared by the type-system modules (descriptors, slots, instances, type objects): message templates,
 * `%p` addresses, names of types as CPython prints them, and AttributeError construction.
 */
import { PyErr, PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { Py_TPFLAGS_HEAPTYPE, Py_TPFLAGS_LONG_SUBCLASS, Py_TPFLAGS_TYPE_SUBCLASS, Py_TPFLAGS_UNICODE_SUBCLASS, type PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import type { PyBaseExceptionObject } from './exceptions.js'
import { PyDict_GetItemStr, type PyDictObject } from './dictobject.js'
import { PyUnicode_FromString, type PyUnicodeObject } from './unicodeobject.js'

/** Fills `{key}` placeholders of a profile message template. */
export function fmt(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? vars[k]! : m))
}

/** `%p` as CPython prints it: lowercase hex with a 0x prefix. */
export function addrHex(op: PyObject): string {
  return '0x' + op.ob_addr.toString(16)
}

/** `%.Ns`: C's precision-limited string. */
export function trunc(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) : s
}

/** The text of a str object. */
export function strValue(op: PyObject): string {
  return (op as PyUnicodeObject).value
}

/** `PyUnicode_Check`. */
export function PyUnicode_Check(op: PyObject): boolean {
  return (op.ob_type.tp_flags & Py_TPFLAGS_UNICODE_SUBCLASS) !== 0
}

/** `PyLong_Check`. */
export function PyLong_Check(op: PyObject): boolean {
  return (op.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) !== 0
}

/** `PyType_Check`: the object is a type (its type derives from `type`). */
export function PyType_Check(op: PyObject): boolean {
  return (op.ob_type.tp_flags & Py_TPFLAGS_TYPE_SUBCLASS) !== 0
}

/** Whether `t` was created by a class statement or `type(name, bases, dict)`. */
export function isHeapType(t: PyTypeObject): boolean {
  return (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0
}

/** A new str reference for a JS string. */
export function newStr(rt: Runtime, s: string): PyObject {
  return PyUnicode_FromString(rt, s)
}

/** `None` with a new reference. */
export function newNone(rt: Runtime): PyObject {
  Py_INCREF(rt.None)
  return rt.None
}

/** `True`/`False` with a new reference. */
export function newBool(rt: Runtime, v: boolean): PyObject {
  const r = v ? rt.True : rt.False
  Py_INCREF(r)
  return r
}

/** `type.__qualname__` as a JS string. @cpython Objects/typeobject.c#type_qualname */
export function typeQualname(t: PyTypeObject): string {
  return t.tp_qualname
}

/**
 * `type.__module__`: heap types read `__module__` from their dict (a borrowed object, possibly not a str); static
 * types derive it from the dotted `tp_name` ('builtins' otherwise). Returns the JS text, or null when the heap type's
 * `__module__` is missing or not a str.
 * @cpython Objects/typeobject.c#type_module
 */
export function typeModuleName(t: PyTypeObject): string | null {
  if (isHeapType(t)) {
    const d = t.tp_dict as PyDictObject | null
    const m = d !== null ? PyDict_GetItemStr(d, '__module__') : null
    return m !== null && PyUnicode_Check(m) ? strValue(m) : null
  }
  if (t.tp_module !== null) return t.tp_module
  const dot = t.tp_name.lastIndexOf('.')
  return dot >= 0 ? t.tp_name.slice(0, dot) : 'builtins'
}

/**
 * Sets `name` and `obj` on an AttributeError (3.10+, where tracebacks suggest names), as
 * `set_attribute_error_context` does.
 * @cpython Objects/object.c#set_attribute_error_context
 */
export function setAttributeErrorContext(rt: Runtime, err: PyErr, obj: PyObject, name: PyObject): void {
  if (rt.profile.output.nameErrorHints === 'none') return
  const e = err.exc as PyBaseExceptionObject
  if (e.fields === null || e.fields === undefined) e.fields = {}
  const f = e.fields
  if ((f['name'] ?? null) !== null || (f['obj'] ?? null) !== null) return
  Py_INCREF(name)
  Py_INCREF(obj)
  f['name'] = name
  f['obj'] = obj
}

/** An AttributeError "'T' object has no attribute 'x'" with its name/obj context. */
export function noAttributeError(rt: Runtime, obj: PyObject, name: PyObject): PyErr {
  const err = PyErr_Format(rt, 'AttributeError', `'${trunc(obj.ob_type.tp_name, 50)}' object has no attribute '${strValue(name)}'`)
  setAttributeErrorContext(rt, err, obj, name)
  return err
}

/** Releases a caught PyErr (the exception is swallowed). */
export function dropErr(err: PyErr): void {
  Py_DECREF(err.exc)
}

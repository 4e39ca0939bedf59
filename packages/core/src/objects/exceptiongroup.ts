/**
 * `BaseExceptionGroup` and `ExceptionGroup` (3.11+): the constructor's checks (and its choice of ExceptionGroup when
 * every member is an Exception), `message`, `exceptions`, `derive`, `split` and `subgroup`.
 * @cpython Objects/exceptions.c#BaseExceptionGroup_new
 */
import { PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, Py_XDECREF } from '../object/refcount.js'
import { METH_O, PyType_IsSubtype, type PyMemberDef, type PyMethodDef, type PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import {
  BaseException_init,
  BaseException_new,
  PyException_SetCause,
  PyException_SetContext,
  PyException_SetTraceback,
  PyExceptionClass_Check,
  PyExceptionInstance_Check,
  noKeywords,
  objectMember,
  _PyExc_GetField,
  _PyExc_SetField,
  type PyBaseExceptionObject,
} from './exceptions-base.js'
import { PyDict_New, PyDict_SetItem } from './dictobject.js'
import { PyList_Append, PyList_New, PySequence_List, type PyListObject } from './listobject.js'
import { _PyObject_LookupAttrStr } from './object-type.js'
import { PyObject_CallArgs, PyObject_IsTrue, PyObject_SetAttr, PyObject_Str } from './protocols.js'
import { PySequence_Tuple, PyTuple_Pack, type PyTupleObject } from './tupleobject.js'
import { PyObject_IsInstance, PyObject_IsSubclass } from './typeobject.js'
import { PyType_Check, PyUnicode_Check, fmt, newNone, newStr, strValue } from './type-util.js'
import { PyUnicode_InternFromString } from './unicodeobject.js'

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

function isGroup(rt: Runtime, op: PyObject): boolean {
  const g = rt.exc['BaseExceptionGroup']
  return g !== undefined && PyObject_IsInstance(op, g)
}

/** `PySequence_Check`: indexable and not a mapping. */
function PySequence_Check(o: PyObject): boolean {
  const rt = rtOf(o)
  if ((o.ob_type.tp_flags & (1 << 29)) !== 0) return false
  return o.ob_type.sq_item !== null || o.ob_type === rt.types.list || o.ob_type === rt.types.tuple
}

/**
 * `BaseExceptionGroup(message, exceptions)`: a str and a non-empty sequence of exception instances. BaseExceptionGroup
 * itself returns an ExceptionGroup when no member is a BaseException-only exception.
 * @cpython Objects/exceptions.c#BaseExceptionGroup_new
 */
export function BaseExceptionGroup_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const a = (args as PyTupleObject).ob_item
  if (a.length !== 2) throw PyErr_Format(rt, 'TypeError', `BaseExceptionGroup.__new__() takes exactly 2 arguments (${a.length} given)`)
  const [message, seq] = a as [PyObject, PyObject]
  if (!PyUnicode_Check(message)) throw PyErr_Format(rt, 'TypeError', `BaseExceptionGroup.__new__() argument 1 must be str, not ${message.ob_type.tp_name}`)
  if (!PySequence_Check(seq)) throw PyErr_Format(rt, 'TypeError', 'second argument (exceptions) must be a sequence')
  const excs = PySequence_Tuple(seq)
  try {
    const items = (excs as PyTupleObject).ob_item
    if (items.length === 0) throw PyErr_Format(rt, 'ValueError', 'second argument (exceptions) must be a non-empty sequence')
    let nestedBase = false
    const exception = rt.exc['Exception']!
    items.forEach((exc, i) => {
      if (!PyExceptionInstance_Check(exc)) throw PyErr_Format(rt, 'ValueError', `Item ${i} of second argument (exceptions) is not an exception`)
      if (!PyObject_IsInstance(exc, exception)) nestedBase = true
    })
    let cls = type
    const eg = rt.exc['ExceptionGroup']
    if (cls === eg) {
      if (nestedBase) throw PyErr_Format(rt, 'TypeError', 'Cannot nest BaseExceptions in an ExceptionGroup')
    } else if (cls === rt.exc['BaseExceptionGroup']) {
      if (!nestedBase && eg !== undefined) cls = eg
    } else if (nestedBase && PyObject_IsSubclass(cls, exception)) {
      throw PyErr_Format(rt, 'TypeError', `Cannot nest BaseExceptions in '${cls.tp_name}'`)
    }
    const self = BaseException_new(cls, args, kwds)
    _PyExc_SetField(self, 'msg', message)
    _PyExc_SetField(self, 'excs', excs)
    return self
  } finally {
    Py_DECREF(excs)
  }
}

/** @cpython Objects/exceptions.c#BaseExceptionGroup_init */
export function BaseExceptionGroup_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  noKeywords(rtOf(self), self.ob_type.tp_name, kwds)
  BaseException_init(self, args, kwds)
}

/** `message (N sub-exceptions)`. @cpython Objects/exceptions.c#BaseExceptionGroup_str */
export function BaseExceptionGroup_str(self: PyObject): PyObject {
  const rt = rtOf(self)
  const msg = _PyExc_GetField(self, 'msg') ?? rt.None
  const excs = _PyExc_GetField(self, 'excs')
  const n = excs !== null ? (excs as PyTupleObject).ob_item.length : 0
  const m = PyObject_Str(msg)
  const text = strValue(m)
  Py_DECREF(m)
  return newStr(rt, `${text} (${n} sub-exception${n > 1 ? 's' : ''})`)
}

/** A group with the same message over `excs`. @cpython Objects/exceptions.c#BaseExceptionGroup_derive_impl */
function BaseExceptionGroup_derive(self: PyObject, excs: PyObject): PyObject {
  const rt = rtOf(self)
  return PyObject_CallArgs(rt.exc['BaseExceptionGroup']!, [_PyExc_GetField(self, 'msg') ?? rt.None, excs])
}

/**
 * `exceptiongroup_subset`: `orig.derive(excs)` with orig's traceback, context, cause and a copy of its notes; null for
 * no exceptions.
 */
function exceptiongroup_subset(orig: PyObject, excs: PyListObject): PyObject | null {
  const rt = rtOf(orig)
  if (excs.ob_item.length === 0) return null
  const derive = _PyObject_LookupAttrStr(orig, 'derive')
  if (derive === null) throw PyErr_Format(rt, 'AttributeError', `'${orig.ob_type.tp_name}' object has no attribute 'derive'`)
  let eg: PyObject
  try {
    eg = PyObject_CallArgs(derive, [excs])
  } finally {
    Py_DECREF(derive)
  }
  try {
    if (!isGroup(rt, eg)) throw PyErr_Format(rt, 'TypeError', 'derive must return an instance of BaseExceptionGroup')
    const o = orig as PyBaseExceptionObject
    if (o.traceback !== null) PyException_SetTraceback(eg, o.traceback)
    if (o.context !== null) Py_INCREF(o.context)
    PyException_SetContext(eg, o.context)
    if (o.cause !== null) Py_INCREF(o.cause)
    PyException_SetCause(eg, o.cause)
    const notes = _PyObject_LookupAttrStr(orig, '__notes__')
    if (notes !== null) {
      try {
        if (PySequence_Check(notes)) {
          const copy = PySequence_List(notes)
          const key = PyUnicode_InternFromString(rt, '__notes__')
          try {
            PyObject_SetAttr(eg, key, copy)
          } finally {
            Py_DECREF(key)
            Py_DECREF(copy)
          }
        }
      } finally {
        Py_DECREF(notes)
      }
    }
    return eg
  } catch (e) {
    Py_DECREF(eg)
    throw e
  }
}

type Matcher = { kind: 'type'; value: PyObject } | { kind: 'predicate'; value: PyObject }

/** @cpython Objects/exceptions.c#get_matcher_type */
function get_matcher_type(rt: Runtime, value: PyObject): Matcher {
  if (value.ob_type.tp_call !== null && !PyType_Check(value)) return { kind: 'predicate', value }
  if (PyExceptionClass_Check(value)) return { kind: 'type', value }
  if (value.ob_type === rt.types.tuple && (value as PyTupleObject).ob_item.every((t) => PyExceptionClass_Check(t))) return { kind: 'type', value }
  throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.excGroupMatcher, {}))
}

function matches(exc: PyObject, m: Matcher): boolean {
  if (m.kind === 'type') {
    const types = m.value.ob_type === rtOf(exc).types.tuple ? (m.value as PyTupleObject).ob_item : [m.value]
    return types.some((t) => PyType_IsSubtype(exc.ob_type, t as PyTypeObject))
  }
  const r = PyObject_CallArgs(m.value, [exc])
  try {
    return PyObject_IsTrue(r)
  } finally {
    Py_DECREF(r)
  }
}

/** `[match, rest]` (new references or null). @cpython Objects/exceptions.c#exceptiongroup_split_recursive */
function split_recursive(exc: PyObject, m: Matcher, constructRest: boolean): [PyObject | null, PyObject | null] {
  const rt = rtOf(exc)
  if (matches(exc, m)) {
    Py_INCREF(exc)
    return [exc, null]
  }
  if (!isGroup(rt, exc)) {
    if (!constructRest) return [null, null]
    Py_INCREF(exc)
    return [null, exc]
  }
  const matchList = PyList_New(rt, 0)
  const restList = constructRest ? PyList_New(rt, 0) : null
  try {
    for (const e of (_PyExc_GetField(exc, 'excs') as PyTupleObject).ob_item) {
      const [rm, rr] = split_recursive(e, m, constructRest)
      if (rm !== null) {
        PyList_Append(matchList, rm)
        Py_DECREF(rm)
      }
      if (rr !== null) {
        PyList_Append(restList!, rr)
        Py_DECREF(rr)
      }
    }
    const match = exceptiongroup_subset(exc, matchList)
    let rest: PyObject | null = null
    if (restList !== null) {
      try {
        rest = exceptiongroup_subset(exc, restList)
      } catch (e) {
        Py_XDECREF(match)
        throw e
      }
    }
    return [match, rest]
  } finally {
    Py_DECREF(matchList)
    Py_XDECREF(restList)
  }
}

/** `(match, rest)`. @cpython Objects/exceptions.c#BaseExceptionGroup_split_impl */
function BaseExceptionGroup_split(self: PyObject, matcher: PyObject): PyObject {
  const rt = rtOf(self)
  const [match, rest] = split_recursive(self, get_matcher_type(rt, matcher), true)
  try {
    return PyTuple_Pack(rt, [match ?? rt.None, rest ?? rt.None])
  } finally {
    Py_XDECREF(match)
    Py_XDECREF(rest)
  }
}

/** @cpython Objects/exceptions.c#BaseExceptionGroup_subgroup_impl */
function BaseExceptionGroup_subgroup(self: PyObject, matcher: PyObject): PyObject {
  const rt = rtOf(self)
  const [match] = split_recursive(self, get_matcher_type(rt, matcher), false)
  return match ?? newNone(rt)
}

export const exceptionGroupMethods: readonly PyMethodDef[] = [
  { ml_name: 'derive', ml_meth: (self, a, s) => BaseExceptionGroup_derive(self, a[s]!), ml_flags: METH_O },
  { ml_name: 'split', ml_meth: (self, a, s) => BaseExceptionGroup_split(self, a[s]!), ml_flags: METH_O },
  { ml_name: 'subgroup', ml_meth: (self, a, s) => BaseExceptionGroup_subgroup(self, a[s]!), ml_flags: METH_O },
]

export const exceptionGroupMembers: readonly PyMemberDef[] = [
  objectMember('message', 'msg', 'exception message', true),
  objectMember('exceptions', 'excs', 'nested exceptions', true),
]

/**
 * `create_exception_group_class`: ExceptionGroup is a heap type, `PyErr_NewException("builtins.ExceptionGroup",
 * (BaseExceptionGroup, Exception))`. A new reference.
 * @cpython Objects/exceptions.c#create_exception_group_class
 */
export function _PyExc_CreateExceptionGroupClass(rt: Runtime): PyTypeObject {
  const name = newStr(rt, 'ExceptionGroup')
  const bases = PyTuple_Pack(rt, [rt.exc['BaseExceptionGroup']!, rt.exc['Exception']!])
  const dict = PyDict_New(rt)
  const modKey = PyUnicode_InternFromString(rt, '__module__')
  const mod = PyUnicode_InternFromString(rt, 'builtins')
  try {
    PyDict_SetItem(dict, modKey, mod)
    return PyObject_CallArgs(rt.types.type, [name, bases, dict]) as PyTypeObject
  } finally {
    Py_DECREF(modKey)
    Py_DECREF(mod)
    Py_DECREF(dict)
    Py_DECREF(bases)
    Py_DECREF(name)
  }
}

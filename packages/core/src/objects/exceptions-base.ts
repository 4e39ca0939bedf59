/**
 * Exception instances and `BaseException`'s behaviour: construction (`args`), `str()` and `repr()`, the `args`,
 * `__traceback__`, `__context__`, `__cause__`, `__suppress_context__` and `__dict__` attributes, `with_traceback`,
 * `add_note`, pickling support, and the deallocation / GC slots every exception type builds from its fields.
 * @cpython Objects/exceptions.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, Py_XDECREF } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import {
  METH_NOARGS,
  METH_O,
  Py_TPFLAGS_BASE_EXC_SUBCLASS,
  Py_TPFLAGS_READY,
  type PyGetSetDef,
  type PyMemberDef,
  type PyMethodDef,
  type PyTypeObject,
  type visitproc,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyDict_Next, type PyDictObject } from './dictobject.js'
import { PyObject_GenericGetDict, PyObject_GenericSetDict } from './instances.js'
import { PyList_Append, PyList_Check, PyList_New, PyNumber_AsSsize_t } from './listobject.js'
import { PyLong_FromNumber } from './longobject.js'
import { _PyObject_LookupAttrStr } from './object-type.js'
import { PyObject_SetAttr, PyObject_Str, PyObject_Vectorcall, reprText } from './protocols.js'
import { PyTraceBack_Check } from './tracebackobject.js'
import { PySequence_Tuple, PyTuple_Pack, type PyTupleObject } from './tupleobject.js'
import { PyUnicode_Check, fmt, newBool, newNone, newStr } from './type-util.js'
import { PyUnicode_FromString, PyUnicode_InternFromString } from './unicodeobject.js'

export class PyBaseExceptionObject extends PyObject {
  /** Instance `__dict__` (created on demand). */
  dict: PyObject | null = null
  args: PyObject | null = null
  /** The 3.11+ `notes` slot (CPython keeps `__notes__` in the instance dict; the slot stays empty). */
  notes: PyObject | null = null
  traceback: PyObject | null = null
  context: PyObject | null = null
  cause: PyObject | null = null
  suppress_context = false
  /**
   * The object fields a subclass's struct adds (SystemExit.code, StopIteration.value, OSError.errno …), owned;
   * a missing or null entry is a NULL field. Only the fields the profile declares for the type are used.
   */
  fields: Record<string, PyObject | null> | null = null
  /**
   * NON-CPYTHON: raised by C code with a message (`PyErr_Format`) and not caught by any handler yet. CPython keeps
   * such an exception unnormalized (the value is the bare message) until a handler needs the instance; 2.7's
   * `PyErr_WriteUnraisable` shows that value.
   */
  unnormalized = false
}

/** `PyOSErrorObject`: also `written` (`characters_written` of BlockingIOError, -1 when unset). */
export class PyOSErrorObject extends PyBaseExceptionObject {
  written = -1
}

/** `PyUnicodeErrorObject`: also the `start` and `end` positions (`Py_ssize_t`). */
export class PyUnicodeErrorObject extends PyBaseExceptionObject {
  start = 0
  end = 0
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** `PyExceptionInstance_Check`. */
export function PyExceptionInstance_Check(op: PyObject): boolean {
  return (op.ob_type.tp_flags & Py_TPFLAGS_BASE_EXC_SUBCLASS) !== 0
}

/** `PyExceptionClass_Check`: a type deriving from BaseException. */
export function PyExceptionClass_Check(op: PyObject): boolean {
  const t = op as PyTypeObject
  return (op.ob_type.tp_flags & (1 << 31)) !== 0 && (t.tp_flags & Py_TPFLAGS_BASE_EXC_SUBCLASS) !== 0
}

/** `_PyType_Name`: the part of `tp_name` after the last dot. */
export function _PyType_Name(t: PyTypeObject): string {
  const dot = t.tp_name.lastIndexOf('.')
  return dot >= 0 ? t.tp_name.slice(dot + 1) : t.tp_name
}

// ---------------------------------------------------------------------------------------------------------------
// Subclass fields
// ---------------------------------------------------------------------------------------------------------------

/** The instance struct of an exception type: which object fields it adds, in `tp_traverse` / `tp_clear` order. */
export interface ExceptionStore {
  /** The fields the profile declares for this struct (`profile.objects.exceptions.fields[name]`). */
  readonly declared: readonly string[]
  /** The object fields, in the order CPython's traverse and clear functions visit them. */
  readonly visit: readonly string[]
}

const stores = new WeakMap<PyTypeObject, ExceptionStore>()

export function _PyExc_SetStore(t: PyTypeObject, store: ExceptionStore): void {
  stores.set(t, store)
}

/** The struct of an exception type's instances (its nearest base that declares one), or null for plain ones. */
export function _PyExc_StoreOf(t: PyTypeObject): ExceptionStore | null {
  for (let b: PyTypeObject | null = t; b !== null; b = b.tp_base) {
    const s = stores.get(b)
    if (s !== undefined) return s
  }
  return null
}

/** Whether instances of `t` have the field `name` in this profile (`SystemExit.code`, `NameError.name` …). */
export function _PyExc_HasField(t: PyTypeObject, name: string): boolean {
  const s = _PyExc_StoreOf(t)
  return s !== null && s.declared.includes(name)
}

/** A field's value (borrowed), or null when the field is NULL. */
export function _PyExc_GetField(exc: PyObject, name: string): PyObject | null {
  const f = (exc as PyBaseExceptionObject).fields
  return f === null ? null : (f[name] ?? null)
}

/** `Py_XSETREF` of a field: stores `value` (a reference the caller gives away; null clears) and releases the old one. */
export function _PyExc_SetFieldSteal(exc: PyObject, name: string, value: PyObject | null): void {
  const e = exc as PyBaseExceptionObject
  if (e.fields === null) {
    if (value === null) return
    e.fields = {}
  }
  const old = e.fields[name] ?? null
  e.fields[name] = value
  Py_XDECREF(old)
}

/**
 * Sets a field when the exception's type has it in this profile (`NameError.name` exists from 3.10 on); otherwise
 * releases `value`. The caller gives its reference away.
 */
export function PyException_SetFieldIfPresent(exc: PyObject, name: string, value: PyObject): void {
  if (_PyExc_HasField(exc.ob_type, name)) _PyExc_SetFieldSteal(exc, name, value)
  else Py_DECREF(value)
}

/** `Py_XSETREF` of a field to a borrowed value. */
export function _PyExc_SetField(exc: PyObject, name: string, value: PyObject | null): void {
  if (value !== null) Py_INCREF(value)
  _PyExc_SetFieldSteal(exc, name, value)
}

// ---------------------------------------------------------------------------------------------------------------
// GC slots
// ---------------------------------------------------------------------------------------------------------------

/** @cpython Objects/exceptions.c#BaseException_traverse */
export function BaseException_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const op = self as PyBaseExceptionObject
  let r: number
  if (op.dict !== null && (r = visit(op.dict, arg))) return r
  if (op.args !== null && (r = visit(op.args, arg))) return r
  if (op.notes !== null && (r = visit(op.notes, arg))) return r
  if (op.traceback !== null && (r = visit(op.traceback, arg))) return r
  if (op.cause !== null && (r = visit(op.cause, arg))) return r
  if (op.context !== null && (r = visit(op.context, arg))) return r
  return 0
}

/** @cpython Objects/exceptions.c#BaseException_clear */
export function BaseException_clear(self: PyObject): number {
  const op = self as PyBaseExceptionObject
  clearSlot(op, 'dict')
  clearSlot(op, 'args')
  clearSlot(op, 'notes')
  clearSlot(op, 'traceback')
  clearSlot(op, 'cause')
  clearSlot(op, 'context')
  return 0
}

function clearSlot(op: PyBaseExceptionObject, k: 'dict' | 'args' | 'notes' | 'traceback' | 'cause' | 'context'): void {
  const v = op[k]
  if (v !== null) {
    op[k] = null
    Py_DECREF(v)
  }
}

/** @cpython Objects/exceptions.c#BaseException_dealloc */
export function BaseException_dealloc(self: PyObject): void {
  deallocWith(self, BaseException_clear)
}

function deallocWith(self: PyObject, clear: (self: PyObject) => number): void {
  if (self._gc_next !== null) _PyObject_GC_UNTRACK(self)
  if (!Py_TRASHCAN_BEGIN(self)) return
  clear(self)
  PyObject_GC_Del(self)
  Py_TRASHCAN_END(self)
}

/** The traverse, clear and dealloc slots of a struct with extra fields (`StopIteration_traverse` …). */
export function storeSlots(store: ExceptionStore): Pick<PyTypeObject, 'tp_traverse' | 'tp_clear' | 'tp_dealloc'> {
  const names = store.visit.filter((n) => store.declared.includes(n))
  const traverse = (self: PyObject, visit: visitproc, arg: unknown): number => {
    const f = (self as PyBaseExceptionObject).fields
    if (f !== null) {
      for (const n of names) {
        const v = f[n]
        if (v !== null && v !== undefined) {
          const r = visit(v, arg)
          if (r) return r
        }
      }
    }
    return BaseException_traverse(self, visit, arg)
  }
  const clear = (self: PyObject): number => {
    const e = self as PyBaseExceptionObject
    const f = e.fields
    if (f !== null) {
      for (const n of names) {
        const v = f[n]
        if (v !== null && v !== undefined) {
          f[n] = null
          Py_DECREF(v)
        }
      }
    }
    return BaseException_clear(self)
  }
  return { tp_traverse: traverse, tp_clear: clear, tp_dealloc: (self) => deallocWith(self, clear) }
}

// ---------------------------------------------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------------------------------------------

/** `_PyArg_NoKeywords`: "ValueError() takes no keyword arguments". */
export function noKeywords(rt: Runtime, name: string, kwds: PyObject | null): void {
  if (kwds !== null && (kwds as PyDictObject).ma_used > 0) throw PyErr_Format(rt, 'TypeError', `${name}() takes no keyword arguments`)
}

/**
 * Binds a constructor's keyword-only arguments (`ImportError(name=…, path=…)`), as `PyArg_ParseTupleAndKeywords` with
 * an empty tuple does: one borrowed value (or null) per accepted name; `fname` names the function in errors.
 */
export function parseKeywords(rt: Runtime, fname: string, kwds: PyObject | null, accepted: readonly string[]): (PyObject | null)[] {
  const out: (PyObject | null)[] = accepted.map(() => null)
  if (kwds === null) return out
  const d = kwds as PyDictObject
  for (let i = PyDict_Next(d, 0); i >= 0; i = PyDict_Next(d, i + 1)) {
    const k = d.ma_keys[i]!
    const name = PyUnicode_Check(k) ? (k as unknown as { value: string }).value : ''
    const ix = accepted.indexOf(name)
    if (ix < 0) throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.excBadKeyword, { name, type: fname }))
    out[ix] = d.ma_values[i]!
  }
  return out
}

/**
 * `BaseException_new`: allocates through the type (so subclasses get their size, GC header and heap-type fields) and
 * keeps the arguments tuple; keyword arguments are left to `__init__`.
 * @cpython Objects/exceptions.c#BaseException_new
 */
export function BaseException_new(type: PyTypeObject, args: PyObject, _kwds: PyObject | null): PyObject {
  const self = type.tp_alloc!(type, 0) as PyBaseExceptionObject
  Py_INCREF(args)
  self.args = args
  return self
}

/** @cpython Objects/exceptions.c#BaseException_init */
export function BaseException_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  noKeywords(rtOf(self), self.ob_type.tp_name, kwds)
  setArgs(self as PyBaseExceptionObject, args)
}

/** Replaces `args` with a borrowed tuple. */
export function setArgs(e: PyBaseExceptionObject, args: PyObject): void {
  Py_INCREF(args)
  const old = e.args
  e.args = args
  Py_XDECREF(old)
}

/** The items of `args` (empty when unset). */
export function argItems(e: PyObject): readonly PyObject[] {
  const a = (e as PyBaseExceptionObject).args
  return a === null ? [] : (a as PyTupleObject).ob_item
}

/**
 * A new exception instance, made by calling the type as `PyErr_SetString` / `PyErr_SetObject` do (`tp_new`, then
 * `tp_init`): JS strings become str objects. A new reference.
 * @cpython Python/errors.c#_PyErr_CreateException
 */
export function newException(rt: Runtime, type: PyTypeObject, args: readonly (PyObject | string)[]): PyObject {
  const items = args.map((a) => (typeof a === 'string' ? PyUnicode_FromString(rt, a) : (Py_INCREF(a), a)))
  try {
    if ((type.tp_flags & Py_TPFLAGS_READY) === 0) throw new Error(`exception type ${type.tp_name} used before the runtime is ready`)
    return PyObject_Vectorcall(type, items, 0, items.length, null)
  } finally {
    for (const a of items) Py_DECREF(a)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// str / repr
// ---------------------------------------------------------------------------------------------------------------

/** `''` for no arguments, `str(arg)` for one, `str(args)` for several. @cpython Objects/exceptions.c#BaseException_str */
export function BaseException_str(self: PyObject): PyObject {
  const e = self as PyBaseExceptionObject
  const items = argItems(e)
  if (items.length === 0) return newStr(rtOf(self), '')
  if (items.length === 1) return PyObject_Str(items[0]!)
  return PyObject_Str(e.args!)
}

/** `Name(arg)` or `Name(args...)` (2.7: the name and the repr of the args tuple). @cpython Objects/exceptions.c#BaseException_repr */
export function BaseException_repr(self: PyObject): PyObject {
  const rt = rtOf(self)
  const e = self as PyBaseExceptionObject
  const name = _PyType_Name(self.ob_type)
  const items = argItems(e)
  if (items.length === 1 && rt.profile.objects.exceptions.reprOneArg === 'call') return newStr(rt, `${name}(${reprText(items[0]!)})`)
  if (e.args === null) return newStr(rt, `${name}()`)
  return newStr(rt, name + reprText(e.args))
}

// ---------------------------------------------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------------------------------------------

/** `(type, args)` or `(type, args, __dict__)`. @cpython Objects/exceptions.c#BaseException___reduce___impl */
function BaseException_reduce(self: PyObject): PyObject {
  const e = self as PyBaseExceptionObject
  const rt = rtOf(self)
  const args = e.args ?? rt.None
  return PyTuple_Pack(rt, e.dict !== null ? [self.ob_type, args, e.dict] : [self.ob_type, args])
}

/** Sets every item of a state dict as an attribute. @cpython Objects/exceptions.c#BaseException___setstate___impl */
export function BaseException_setstate(self: PyObject, state: PyObject): PyObject {
  const rt = rtOf(self)
  if (state !== rt.None) {
    if ((state.ob_type.tp_flags & (1 << 29)) === 0) throw PyErr_Format(rt, 'TypeError', 'state is not a dictionary')
    const d = state as PyDictObject
    for (let i = PyDict_Next(d, 0); i >= 0; i = PyDict_Next(d, i + 1)) {
      const k = d.ma_keys[i]!
      const v = d.ma_values[i]!
      Py_INCREF(k)
      Py_INCREF(v)
      try {
        PyObject_SetAttr(self, k, v)
      } finally {
        Py_DECREF(v)
        Py_DECREF(k)
      }
    }
  }
  return newNone(rt)
}

/** @cpython Objects/exceptions.c#BaseException_with_traceback_impl */
function BaseException_with_traceback(self: PyObject, tb: PyObject): PyObject {
  setTraceback(self as PyBaseExceptionObject, tb)
  Py_INCREF(self)
  return self
}

/** Appends a str to `__notes__`, creating the list. @cpython Objects/exceptions.c#BaseException_add_note_impl */
function BaseException_add_note(self: PyObject, note: PyObject): PyObject {
  const rt = rtOf(self)
  if (!PyUnicode_Check(note)) throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.excNoteNotStr, { type: note.ob_type.tp_name }))
  let notes = _PyObject_LookupAttrStr(self, '__notes__')
  if (notes === null) {
    notes = PyList_New(rt, 0)
    const key = PyUnicode_InternFromString(rt, '__notes__')
    try {
      PyObject_SetAttr(self, key, notes)
    } catch (e) {
      Py_DECREF(notes)
      throw e
    } finally {
      Py_DECREF(key)
    }
  } else if (!PyList_Check(notes)) {
    Py_DECREF(notes)
    throw PyErr_Format(rt, 'TypeError', 'Cannot add note: __notes__ is not a list')
  }
  try {
    PyList_Append(notes, note)
  } finally {
    Py_DECREF(notes)
  }
  return newNone(rt)
}

/** The methods of `BaseException` (`add_note` only where the profile has notes). */
export function baseExceptionMethods(rt: Runtime): PyMethodDef[] {
  const defs: PyMethodDef[] = [
    { ml_name: '__reduce__', ml_meth: (self) => BaseException_reduce(self), ml_flags: METH_NOARGS },
    { ml_name: '__setstate__', ml_meth: (self, a, s) => BaseException_setstate(self, a[s]!), ml_flags: METH_O },
    {
      ml_name: 'with_traceback',
      ml_meth: (self, a, s) => BaseException_with_traceback(self, a[s]!),
      ml_flags: METH_O,
      ml_doc: 'Set self.__traceback__ to tb and return self.',
    },
  ]
  if (rt.profile.objects.exceptions.notes) {
    defs.push({ ml_name: 'add_note', ml_meth: (self, a, s) => BaseException_add_note(self, a[s]!), ml_flags: METH_O, ml_doc: 'Add a note to the exception' })
  }
  return defs
}

// ---------------------------------------------------------------------------------------------------------------
// Attributes
// ---------------------------------------------------------------------------------------------------------------

function noneIfNull(rt: Runtime, v: PyObject | null): PyObject {
  const r = v ?? rt.None
  Py_INCREF(r)
  return r
}

function setTraceback(e: PyBaseExceptionObject, value: PyObject | null): void {
  const rt = rtOf(e)
  if (value === null) throw PyErr_Format(rt, 'TypeError', '__traceback__ may not be deleted')
  let tb: PyObject | null
  if (PyTraceBack_Check(value)) tb = value
  else if (value === rt.None) tb = null
  else throw PyErr_Format(rt, 'TypeError', '__traceback__ must be a traceback or None')
  if (tb !== null) Py_INCREF(tb)
  const old = e.traceback
  e.traceback = tb
  Py_XDECREF(old)
}

/** `__context__` / `__cause__` setter: None clears; anything else must be an exception instance. */
function chainValue(rt: Runtime, value: PyObject | null, attr: string, what: string): PyObject | null {
  if (value === null) throw PyErr_Format(rt, 'TypeError', `${attr} may not be deleted`)
  if (value === rt.None) return null
  if (!PyExceptionInstance_Check(value)) throw PyErr_Format(rt, 'TypeError', `exception ${what} must be None or derive from BaseException`)
  Py_INCREF(value)
  return value
}

/** `PyException_SetContext`: steals `context`. */
export function PyException_SetContext(exc: PyObject, context: PyObject | null): void {
  const e = exc as PyBaseExceptionObject
  const old = e.context
  e.context = context
  Py_XDECREF(old)
}

/** `PyException_SetCause`: steals `cause`; the context is suppressed from now on. */
export function PyException_SetCause(exc: PyObject, cause: PyObject | null): void {
  const e = exc as PyBaseExceptionObject
  e.suppress_context = true
  const old = e.cause
  e.cause = cause
  Py_XDECREF(old)
}

/** `PyException_SetTraceback`: a traceback or None (borrowed). */
export function PyException_SetTraceback(exc: PyObject, tb: PyObject): void {
  setTraceback(exc as PyBaseExceptionObject, tb)
}

export const baseExceptionGetset: readonly PyGetSetDef[] = [
  { name: '__dict__', get: (self) => PyObject_GenericGetDict(self), set: (self, v) => PyObject_GenericSetDict(self, v) },
  {
    name: 'args',
    get: (self) => noneIfNull(rtOf(self), (self as PyBaseExceptionObject).args),
    set: (self, value) => {
      if (value === null) throw PyErr_Format(rtOf(self), 'TypeError', 'args may not be deleted')
      const seq = PySequence_Tuple(value)
      setArgs(self as PyBaseExceptionObject, seq)
      Py_DECREF(seq)
    },
  },
  {
    name: '__traceback__',
    get: (self) => noneIfNull(rtOf(self), (self as PyBaseExceptionObject).traceback),
    set: (self, value) => setTraceback(self as PyBaseExceptionObject, value),
  },
  {
    name: '__context__',
    get: (self) => noneIfNull(rtOf(self), (self as PyBaseExceptionObject).context),
    set: (self, value) => PyException_SetContext(self, chainValue(rtOf(self), value, '__context__', 'context')),
  },
  {
    name: '__cause__',
    get: (self) => noneIfNull(rtOf(self), (self as PyBaseExceptionObject).cause),
    set: (self, value) => PyException_SetCause(self, chainValue(rtOf(self), value, '__cause__', 'cause')),
  },
]

// ---------------------------------------------------------------------------------------------------------------
// Members (T_OBJECT, T_BOOL, T_PYSSIZET struct fields)
// ---------------------------------------------------------------------------------------------------------------

/** A `T_OBJECT` member over a field: NULL reads as None; deleting makes it NULL again. */
export function objectMember(name: string, field: string, doc: string, readonly = false): PyMemberDef {
  return {
    name,
    index: -1,
    readonly,
    doc,
    get: (self) => noneIfNull(rtOf(self), _PyExc_GetField(self, field)),
    set: (self, value) => _PyExc_SetField(self, field, value),
  }
}

/** A `T_PYSSIZET` member over a JS number. */
export function ssizeMember<T extends PyObject>(name: string, get: (self: T) => number, set: (self: T, v: number) => void, doc: string): PyMemberDef {
  return {
    name,
    index: -1,
    readonly: false,
    doc,
    get: (self) => PyLong_FromNumber(rtOf(self), get(self as T)),
    set: (self, value) => {
      const rt = rtOf(self)
      if (value === null) throw PyErr_Format(rt, 'TypeError', "can't delete numeric/char attribute")
      if ((value.ob_type.tp_flags & (1 << 24)) === 0) throw PyErr_Format(rt, 'TypeError', 'an integer is required')
      set(self as T, PyNumber_AsSsize_t(rt, value, 'OverflowError'))
    },
  }
}

/** `__suppress_context__` (`T_BOOL`). */
export const suppressContextMember: PyMemberDef = {
  name: '__suppress_context__',
  index: -1,
  readonly: false,
  get: (self) => newBool(rtOf(self), (self as PyBaseExceptionObject).suppress_context),
  set: (self, value) => {
    const rt = rtOf(self)
    if (value === null) throw PyErr_Format(rt, 'TypeError', "can't delete numeric/char attribute")
    if (value.ob_type !== rt.types.bool) throw PyErr_Format(rt, 'TypeError', 'attribute value type must be bool')
    ;(self as PyBaseExceptionObject).suppress_context = value === rt.True
  },
}

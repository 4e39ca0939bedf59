/**
 * The slot table (`slotdefs`): which dunder method corresponds to which type slot. It works in both directions:
 * - static types get a `wrapper_descriptor` in their dict for every slot they define (`add_operators`), so
 *   `int.__add__` and `object.__init__` exist;
 * - heap types get a slot function that looks the dunder method up on the type and calls it
 *   (`fixup_slot_dispatchers`, `update_slot` after `C.__eq__ = …`), so `a + b` calls `A.__add__`.
 * Slot functions look methods up on the type and call plain functions with self prepended, without allocating a bound
 * method (`lookup_maybe_method`, `vectorcall_method`).
 * @cpython Objects/typeobject.c#slotdefs
 */
import { PyErr, PyErr_Format, PyErr_NewInstance } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import {
  Py_EQ,
  Py_GE,
  Py_GT,
  Py_LE,
  Py_LT,
  Py_NE,
  Py_TPFLAGS_METHOD_DESCRIPTOR,
  PyType_IsSubtype,
  type PyTypeObject,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { PyDescr_NewWrapper, PyWrapperDescrObject } from './descrobject.js'
import { PyDict_GetItemStr, PyDict_New, PyDict_SetItem, type PyDictObject } from './dictobject.js'
import { PyLong_FromNumber, intValue, long_hash, type PyLongObject } from './longobject.js'
import { PyCFunctionObject } from './methodobject.js'
import { PyObject_GenericGetAttr, _PyObject_GenericGetAttrWithDict } from './object-type.js'
import {
  PyObject_GetIter,
  PyObject_IsTrue,
  PyObject_RichCompareBool,
  PyObject_Vectorcall,
  errMatches,
  notImplemented,
} from './protocols.js'
import { PyTuple_FromArraySteal, type PyTupleObject } from './tupleobject.js'
import { _PyType_Lookup, tp_new_wrapper_meth } from './typeobject.js'
import { PyLong_Check, PyUnicode_Check, dropErr, newBool, newNone, trunc } from './type-util.js'
import { PyUnicode_FromString, PyUnicode_InternFromString, type PyUnicodeObject } from './unicodeobject.js'

/** The type slots the table can fill. */
export type SlotField =
  | 'tp_repr'
  | 'tp_hash'
  | 'tp_call'
  | 'tp_str'
  | 'tp_getattro'
  | 'tp_setattro'
  | 'tp_richcompare'
  | 'tp_iter'
  | 'tp_iternext'
  | 'tp_descr_get'
  | 'tp_descr_set'
  | 'tp_init'
  | 'tp_new'
  | 'tp_finalize'
  | 'nb_add'
  | 'nb_subtract'
  | 'nb_multiply'
  | 'nb_remainder'
  | 'nb_divmod'
  | 'nb_power'
  | 'nb_negative'
  | 'nb_positive'
  | 'nb_absolute'
  | 'nb_bool'
  | 'nb_invert'
  | 'nb_lshift'
  | 'nb_rshift'
  | 'nb_and'
  | 'nb_xor'
  | 'nb_or'
  | 'nb_int'
  | 'nb_float'
  | 'nb_inplace_add'
  | 'nb_inplace_subtract'
  | 'nb_inplace_multiply'
  | 'nb_inplace_remainder'
  | 'nb_inplace_power'
  | 'nb_inplace_lshift'
  | 'nb_inplace_rshift'
  | 'nb_inplace_and'
  | 'nb_inplace_xor'
  | 'nb_inplace_or'
  | 'nb_floor_divide'
  | 'nb_true_divide'
  | 'nb_inplace_floor_divide'
  | 'nb_inplace_true_divide'
  | 'nb_index'
  | 'nb_matrix_multiply'
  | 'nb_inplace_matrix_multiply'
  | 'mp_length'
  | 'mp_subscript'
  | 'mp_ass_subscript'
  | 'sq_length'
  | 'sq_concat'
  | 'sq_repeat'
  | 'sq_item'
  | 'sq_ass_item'
  | 'sq_contains'
  | 'sq_inplace_concat'
  | 'sq_inplace_repeat'

/** A wrapper: calls the wrapped C slot function with Python-level arguments (vectorcall convention). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WrapperFunc = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null, wrapped: any) => PyObject

/** `slotdef` / `wrapperbase`. */
export interface SlotDef {
  readonly name: string
  readonly slot: SlotField
  /** The heap-type dispatcher installed in the slot (`slot_nb_add`), or null. */
  readonly heapSlot: unknown
  readonly wrapper: WrapperFunc | null
  readonly doc: string
  readonly keywords: boolean
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

function kwCount(kwnames: PyObject | null): number {
  return kwnames === null ? 0 : (kwnames as PyTupleObject).ob_item.length
}

// ---------------------------------------------------------------------------------------------------------------
// Method lookup for slot functions
// ---------------------------------------------------------------------------------------------------------------

/** Set by `lookup_maybe_method`: whether the result must be called with self prepended. */
let lastUnbound = false

/**
 * `lookup_maybe_method`: `name` looked up on `type(self)`; a function-like result (METHOD_DESCRIPTOR) is returned
 * unbound (`lastUnbound` = true), other descriptors are bound. A new reference, or null when absent.
 * @cpython Objects/typeobject.c#lookup_maybe_method
 */
export function lookup_maybe_method(self: PyObject, name: string): PyObject | null {
  const type = self.ob_type
  const res = _PyType_Lookup(type, name)
  if (res === null) {
    lastUnbound = false
    return null
  }
  if ((res.ob_type.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) !== 0) {
    lastUnbound = true
    Py_INCREF(res)
    return res
  }
  lastUnbound = false
  const f = res.ob_type.tp_descr_get
  if (f === null) {
    Py_INCREF(res)
    return res
  }
  return f(res, self, type)
}

/** `lookup_method`: like `lookup_maybe_method`, AttributeError(name) when absent. */
function lookup_method(self: PyObject, name: string): PyObject {
  const res = lookup_maybe_method(self, name)
  if (res === null) throw PyErr_Format(rtOf(self), 'AttributeError', name)
  return res
}

/** Calls a looked-up method: with self prepended when unbound. Borrowed arguments; `rest` excludes self. */
function call_unbound(unbound: boolean, func: PyObject, self: PyObject, rest: readonly PyObject[]): PyObject {
  if (unbound) {
    const n = rest.length
    const stack = new Array<PyObject>(n + 1)
    stack[0] = self
    for (let i = 0; i < n; i++) stack[i + 1] = rest[i]!
    return PyObject_Vectorcall(func, stack, 0, n + 1, null)
  }
  return PyObject_Vectorcall(func, rest, 0, rest.length, null)
}

/** `vectorcall_method`: calls `type(self).name(self, *rest)`; AttributeError when absent. @cpython Objects/typeobject.c#vectorcall_method */
export function vectorcall_method(name: string, self: PyObject, rest: readonly PyObject[]): PyObject {
  const func = lookup_method(self, name)
  const unbound = lastUnbound
  try {
    return call_unbound(unbound, func, self, rest)
  } finally {
    Py_DECREF(func)
  }
}

/** `vectorcall_maybe`: NotImplemented when the method is absent. @cpython Objects/typeobject.c#vectorcall_maybe */
function vectorcall_maybe(name: string, self: PyObject, rest: readonly PyObject[]): PyObject {
  const func = lookup_maybe_method(self, name)
  if (func === null) return notImplemented(rtOf(self))
  const unbound = lastUnbound
  try {
    return call_unbound(unbound, func, self, rest)
  } finally {
    Py_DECREF(func)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Index conversions
// ---------------------------------------------------------------------------------------------------------------

const SSIZE_MAX = 2n ** 63n - 1n

/** `PyNumber_Index` (minimal): an int, or the result of `__index__`. A new reference. */
export function numberIndex(rt: Runtime, o: PyObject): PyObject {
  if (PyLong_Check(o)) {
    Py_INCREF(o)
    return o
  }
  const f = o.ob_type.nb_index
  if (f === null) throw PyErr_Format(rt, 'TypeError', `'${trunc(o.ob_type.tp_name, 200)}' object cannot be interpreted as an integer`)
  const r = f(o)
  if (!PyLong_Check(r)) {
    const tn = r.ob_type.tp_name
    Py_DECREF(r)
    throw PyErr_Format(rt, 'TypeError', `__index__ returned non-int (type ${trunc(tn, 200)})`)
  }
  return r
}

/**
 * `PyNumber_AsSsize_t`: an index-sized integer; with `overflow` an OverflowError beyond ±2**63, else clipped.
 * @cpython Objects/abstract.c#PyNumber_AsSsize_t
 */
export function numberAsSsize(rt: Runtime, o: PyObject, overflow: boolean): number {
  const r = numberIndex(rt, o)
  const v = intValue(r)
  const tn = o.ob_type.tp_name
  Py_DECREF(r)
  if (typeof v === 'number') return v
  if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) {
    if (overflow) throw PyErr_Format(rt, 'OverflowError', `cannot fit '${trunc(tn, 200)}' into an index-sized integer`)
    return v > 0n ? Number(SSIZE_MAX) : -Number(SSIZE_MAX) - 1
  }
  return Number(v)
}

// ---------------------------------------------------------------------------------------------------------------
// Wrappers (Python-level calls of C slots)
// ---------------------------------------------------------------------------------------------------------------

function check_num_args(rt: Runtime, nargs: number, n: number): void {
  if (nargs !== n) throw PyErr_Format(rt, 'TypeError', `expected ${n} argument${n === 1 ? '' : 's'}, got ${nargs}`)
}

function unpack_range(rt: Runtime, nargs: number, min: number, max: number): void {
  if (nargs < min) throw PyErr_Format(rt, 'TypeError', `expected ${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}, got ${nargs}`)
  if (nargs > max) throw PyErr_Format(rt, 'TypeError', `expected ${min === max ? '' : 'at most '}${max} argument${max === 1 ? '' : 's'}, got ${nargs}`)
}

const wrap_unaryfunc: WrapperFunc = (self, _a, _s, nargs, _k, wrapped) => {
  check_num_args(rtOf(self), nargs, 0)
  return wrapped(self)
}

const wrap_binaryfunc: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  check_num_args(rtOf(self), nargs, 1)
  return wrapped(self, args[start]!)
}

const wrap_binaryfunc_l = wrap_binaryfunc

const wrap_binaryfunc_r: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  check_num_args(rtOf(self), nargs, 1)
  return wrapped(args[start]!, self)
}

const wrap_ternaryfunc: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  unpack_range(rt, nargs, 1, 2)
  return wrapped(self, args[start]!, nargs > 1 ? args[start + 1]! : rt.None)
}

const wrap_ternaryfunc_r: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  unpack_range(rt, nargs, 1, 2)
  return wrapped(args[start]!, self, nargs > 1 ? args[start + 1]! : rt.None)
}

const wrap_inquirypred: WrapperFunc = (self, _a, _s, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 0)
  return newBool(rt, wrapped(self) !== 0)
}

const wrap_lenfunc: WrapperFunc = (self, _a, _s, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 0)
  return PyLong_FromNumber(rt, wrapped(self))
}

const wrap_hashfunc: WrapperFunc = (self, _a, _s, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 0)
  return PyLong_FromNumber(rt, wrapped(self))
}

const wrap_indexargfunc: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 1)
  return wrapped(self, numberAsSsize(rt, args[start]!, true))
}

/** `getindex`: a negative index counts from the end when the type has a length. */
function getindex(rt: Runtime, self: PyObject, arg: PyObject): number {
  let i = numberAsSsize(rt, arg, true)
  if (i < 0) {
    const len = self.ob_type.sq_length
    if (len !== null) i += len(self)
  }
  return i
}

const wrap_sq_item: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 1)
  return wrapped(self, getindex(rt, self, args[start]!))
}

const wrap_sq_setitem: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 2)
  wrapped(self, getindex(rt, self, args[start]!), args[start + 1]!)
  return newNone(rt)
}

const wrap_sq_delitem: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 1)
  wrapped(self, getindex(rt, self, args[start]!), null)
  return newNone(rt)
}

const wrap_objobjproc: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 1)
  return newBool(rt, !!wrapped(self, args[start]!))
}

const wrap_objobjargproc: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 2)
  wrapped(self, args[start]!, args[start + 1]!)
  return newNone(rt)
}

const wrap_delitem: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 1)
  wrapped(self, args[start]!, null)
  return newNone(rt)
}

/**
 * `hackcheck`: refuses `object.__setattr__(x, …)` when a C type between x's type and the wrapped function overrides
 * `tp_setattro` ("can't apply this __setattr__ to type object").
 * @cpython Objects/typeobject.c#hackcheck
 */
function hackcheck(self: PyObject, func: unknown, what: string): void {
  const type = self.ob_type
  const mro = type.tp_mro as PyTupleObject | null
  if (mro === null) return
  let defining: PyTypeObject = type
  for (let i = mro.ob_item.length - 1; i >= 0; i--) {
    const base = mro.ob_item[i] as PyTypeObject
    if (base.tp_setattro === slot_tp_setattro) continue
    if (base.tp_setattro === type.tp_setattro) {
      defining = base
      break
    }
  }
  for (let base: PyTypeObject | null = defining; base !== null; base = base.tp_base) {
    if (base.tp_setattro === func) break
    if (base.tp_setattro !== slot_tp_setattro) {
      throw PyErr_Format(rtOf(self), 'TypeError', `can't apply this ${what} to ${type.tp_name} object`)
    }
  }
}

const wrap_setattr: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 2)
  hackcheck(self, wrapped, '__setattr__')
  wrapped(self, args[start]!, args[start + 1]!)
  return newNone(rt)
}

const wrap_delattr: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 1)
  hackcheck(self, wrapped, '__delattr__')
  wrapped(self, args[start]!, null)
  return newNone(rt)
}

function richcmp(op: number): WrapperFunc {
  return (self, args, start, nargs, _k, wrapped) => {
    check_num_args(rtOf(self), nargs, 1)
    return wrapped(self, args[start]!, op)
  }
}

const wrap_next: WrapperFunc = (self, _a, _s, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 0)
  const r = wrapped(self) as PyObject | null
  if (r === null) throw new PyErr(PyErr_NewInstance(rt, rt.exc['StopIteration']!, []))
  return r
}

const wrap_descr_get: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  unpack_range(rt, nargs, 1, 2)
  let obj: PyObject | null = args[start]!
  let type: PyObject | null = nargs > 1 ? args[start + 1]! : null
  if (obj === rt.None) obj = null
  if (type === rt.None) type = null
  if (obj === null && type === null) throw PyErr_Format(rt, 'TypeError', '__get__(None, None) is invalid')
  return wrapped(self, obj, type)
}

const wrap_descr_set: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 2)
  wrapped(self, args[start]!, args[start + 1]!)
  return newNone(rt)
}

const wrap_descr_delete: WrapperFunc = (self, args, start, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 1)
  wrapped(self, args[start]!, null)
  return newNone(rt)
}

/** Builds the `(args, kwargs)` pair of the tuple/dict calling convention from a vectorcall. */
export function argsTupleAndDict(rt: Runtime, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): [PyObject, PyObject | null] {
  const tuple = argsTuple(rt, args, start, nargs)
  return [tuple, argsDict(rt, args, start, nargs, kwnames)]
}

/** The positional part of `argsTupleAndDict`: a new tuple of `args[start .. start+nargs)`. */
export function argsTuple(rt: Runtime, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const items = new Array<PyObject>(nargs)
  for (let i = 0; i < nargs; i++) {
    const v = args[start + i]!
    Py_INCREF(v)
    items[i] = v
  }
  return PyTuple_FromArraySteal(rt, items)
}

/** The keyword part of `argsTupleAndDict`: a new dict of the keyword arguments, or null when there are none. */
export function argsDict(rt: Runtime, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject | null {
  const nkw = kwCount(kwnames)
  if (nkw === 0) return null
  const d = PyDict_New(rt)
  const names = (kwnames as PyTupleObject).ob_item
  for (let i = 0; i < nkw; i++) PyDict_SetItem(d, names[i]!, args[start + nargs + i]!)
  return d
}

const wrap_init: WrapperFunc = (self, args, start, nargs, kwnames, wrapped) => {
  const rt = rtOf(self)
  const [t, d] = argsTupleAndDict(rt, args, start, nargs, kwnames)
  try {
    wrapped(self, t, d)
  } finally {
    Py_DECREF(t)
    if (d !== null) Py_DECREF(d)
  }
  return newNone(rt)
}

const wrap_call: WrapperFunc = (self, args, start, nargs, kwnames, wrapped) => wrapped(self, args, start, nargs, kwnames)

const wrap_del: WrapperFunc = (self, _a, _s, nargs, _k, wrapped) => {
  const rt = rtOf(self)
  check_num_args(rt, nargs, 0)
  wrapped(self)
  return newNone(rt)
}

// ---------------------------------------------------------------------------------------------------------------
// Heap-type slot functions
// ---------------------------------------------------------------------------------------------------------------

/** @cpython Objects/typeobject.c#slot_tp_repr */
export function slot_tp_repr(self: PyObject): PyObject {
  const func = lookup_maybe_method(self, '__repr__')
  const rt = rtOf(self)
  if (func === null) {
    return PyUnicode_FromString(rt, `<${self.ob_type.tp_name} object at 0x${self.ob_addr.toString(16)}>`)
  }
  const unbound = lastUnbound
  let res: PyObject
  try {
    res = call_unbound(unbound, func, self, [])
  } finally {
    Py_DECREF(func)
  }
  return checkStr(rt, res, '__repr__')
}

function checkStr(rt: Runtime, res: PyObject, what: string): PyObject {
  if (!PyUnicode_Check(res)) {
    const tn = res.ob_type.tp_name
    Py_DECREF(res)
    throw PyErr_Format(rt, 'TypeError', `${what} returned non-string (type ${trunc(tn, 200)})`)
  }
  return res
}

/** @cpython Objects/typeobject.c#slot_tp_str */
export function slot_tp_str(self: PyObject): PyObject {
  return checkStr(rtOf(self), vectorcall_method('__str__', self, []), '__str__')
}

/** @cpython Objects/typeobject.c#slot_tp_hash */
export function slot_tp_hash(self: PyObject): number {
  const rt = rtOf(self)
  const func = lookup_maybe_method(self, '__hash__')
  if (func === null || func === rt.None) {
    if (func !== null) Py_DECREF(func)
    throw PyErr_Format(rt, 'TypeError', `unhashable type: '${trunc(self.ob_type.tp_name, 200)}'`)
  }
  const unbound = lastUnbound
  let res: PyObject
  try {
    res = call_unbound(unbound, func, self, [])
  } finally {
    Py_DECREF(func)
  }
  if (!PyLong_Check(res)) {
    Py_DECREF(res)
    throw PyErr_Format(rt, 'TypeError', '__hash__ method should return an integer')
  }
  const v = intValue(res)
  let h: number
  if (typeof v === 'number' && Math.abs(v) <= Number.MAX_SAFE_INTEGER) h = v
  else if (typeof v === 'bigint' && v <= SSIZE_MAX && v >= -SSIZE_MAX - 1n) h = Number(v)
  else h = long_hash(res)
  Py_DECREF(res)
  return h === -1 ? -2 : h
}

/** @cpython Objects/typeobject.c#slot_tp_call */
export function slot_tp_call(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const func = lookup_method(self, '__call__')
  const unbound = lastUnbound
  try {
    if (!unbound) return PyObject_Vectorcall(func, args, start, nargs, kwnames)
    const total = nargs + kwCount(kwnames)
    const stack = new Array<PyObject>(total + 1)
    stack[0] = self
    for (let i = 0; i < total; i++) stack[i + 1] = args[start + i]!
    return PyObject_Vectorcall(func, stack, 0, nargs + 1, kwnames)
  } finally {
    Py_DECREF(func)
  }
}

/** `__getattribute__` defined in Python. @cpython Objects/typeobject.c#slot_tp_getattro */
export function slot_tp_getattro(self: PyObject, name: PyObject): PyObject {
  return vectorcall_method('__getattribute__', self, [name])
}

function call_attribute(self: PyObject, attr: PyObject, name: PyObject): PyObject {
  const f = attr.ob_type.tp_descr_get
  if (f === null) return PyObject_Vectorcall(attr, [name], 0, 1, null)
  const bound = f(attr, self, self.ob_type)
  try {
    return PyObject_Vectorcall(bound, [name], 0, 1, null)
  } finally {
    Py_DECREF(bound)
  }
}

/**
 * `__getattr__` defined in Python: `__getattribute__` first; an AttributeError calls `__getattr__`. The generic
 * `__getattribute__` reports a miss without creating the exception.
 * DEVIATION(cpython): 3.11 and earlier create (and discard) the AttributeError before calling `__getattr__`.
 * @cpython Objects/typeobject.c#slot_tp_getattr_hook
 */
export function slot_tp_getattr_hook(self: PyObject, name: PyObject): PyObject {
  const tp = self.ob_type
  const getattr = _PyType_Lookup(tp, '__getattr__')
  if (getattr === null) {
    tp.tp_getattro = slot_tp_getattro
    return slot_tp_getattro(self, name)
  }
  Py_INCREF(getattr)
  try {
    const getattribute = _PyType_Lookup(tp, '__getattribute__')
    let res: PyObject | null
    if (getattribute === null || (getattribute instanceof PyWrapperDescrObject && getattribute.d_wrapped === PyObject_GenericGetAttr)) {
      res = _PyObject_GenericGetAttrWithDict(self, name, null, true)
    } else {
      Py_INCREF(getattribute)
      try {
        res = call_attribute(self, getattribute, name)
      } catch (e) {
        if (!errMatches(e, 'AttributeError')) throw e
        dropErr(e)
        res = null
      } finally {
        Py_DECREF(getattribute)
      }
    }
    if (res !== null) return res
    return call_attribute(self, getattr, name)
  } finally {
    Py_DECREF(getattr)
  }
}

/** @cpython Objects/typeobject.c#slot_tp_setattro */
export function slot_tp_setattro(self: PyObject, name: PyObject, value: PyObject | null): void {
  const r = value === null ? vectorcall_method('__delattr__', self, [name]) : vectorcall_method('__setattr__', self, [name, value])
  Py_DECREF(r)
}

const richcmpNames = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__']

/** @cpython Objects/typeobject.c#slot_tp_richcompare */
export function slot_tp_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  const func = lookup_maybe_method(self, richcmpNames[op]!)
  if (func === null) return notImplemented(rtOf(self))
  const unbound = lastUnbound
  try {
    return call_unbound(unbound, func, self, [other])
  } finally {
    Py_DECREF(func)
  }
}

/** Sequence iteration over `__getitem__` (`PySeqIter_New`), provided by the iterators module. */
let seqIterNew: ((rt: Runtime, seq: PyObject) => PyObject) | null = null
export function _setSeqIterNew(f: (rt: Runtime, seq: PyObject) => PyObject): void {
  seqIterNew = f
}

/** @cpython Objects/typeobject.c#slot_tp_iter */
export function slot_tp_iter(self: PyObject): PyObject {
  const rt = rtOf(self)
  let func = lookup_maybe_method(self, '__iter__')
  if (func === rt.None) {
    Py_DECREF(func)
    throw PyErr_Format(rt, 'TypeError', `'${trunc(self.ob_type.tp_name, 200)}' object is not iterable`)
  }
  if (func !== null) {
    const unbound = lastUnbound
    try {
      return call_unbound(unbound, func, self, [])
    } finally {
      Py_DECREF(func)
    }
  }
  func = lookup_maybe_method(self, '__getitem__')
  if (func === null) throw PyErr_Format(rt, 'TypeError', `'${trunc(self.ob_type.tp_name, 200)}' object is not iterable`)
  Py_DECREF(func)
  if (seqIterNew !== null) return seqIterNew(rt, self)
  const it = rt.types['iterator']
  if (it?.tp_new) return it.tp_new(it, self, null)
  throw PyErr_Format(rt, 'TypeError', `'${trunc(self.ob_type.tp_name, 200)}' object is not iterable`)
}

/** `__next__`: StopIteration ends the iteration (null), as `tp_iternext` reports it. @cpython Objects/typeobject.c#slot_tp_iternext */
export function slot_tp_iternext(self: PyObject): PyObject | null {
  try {
    return vectorcall_method('__next__', self, [])
  } catch (e) {
    if (errMatches(e, 'StopIteration')) {
      dropErr(e)
      return null
    }
    throw e
  }
}

/** @cpython Objects/typeobject.c#slot_tp_descr_get */
export function slot_tp_descr_get(self: PyObject, obj: PyObject | null, type: PyObject | null): PyObject {
  const rt = rtOf(self)
  const get = _PyType_Lookup(self.ob_type, '__get__')
  if (get === null) {
    Py_INCREF(self)
    return self
  }
  Py_INCREF(get)
  try {
    return PyObject_Vectorcall(get, [self, obj ?? rt.None, type ?? rt.None], 0, 3, null)
  } finally {
    Py_DECREF(get)
  }
}

/** @cpython Objects/typeobject.c#slot_tp_descr_set */
export function slot_tp_descr_set(self: PyObject, target: PyObject, value: PyObject | null): void {
  const r = value === null ? vectorcall_method('__delete__', self, [target]) : vectorcall_method('__set__', self, [target, value])
  Py_DECREF(r)
}

/** @cpython Objects/typeobject.c#slot_tp_init */
export function slot_tp_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  const meth = lookup_method(self, '__init__')
  const unbound = lastUnbound
  let res: PyObject
  try {
    res = callWithTupleDict(rt, meth, unbound ? self : null, args, kwds)
  } finally {
    Py_DECREF(meth)
  }
  if (res !== rt.None) {
    const tn = res.ob_type.tp_name
    Py_DECREF(res)
    throw PyErr_Format(rt, 'TypeError', `__init__() should return None, not '${trunc(tn, 200)}'`)
  }
  Py_DECREF(res)
}

/** Calls `func(first?, *args, **kwds)` with `args` a tuple and `kwds` a dict (or null). */
export function callWithTupleDict(rt: Runtime, func: PyObject, first: PyObject | null, args: PyObject, kwds: PyObject | null): PyObject {
  const items = (args as PyTupleObject).ob_item
  const skip = first !== null ? 1 : 0
  const npos = items.length + skip
  const stack: PyObject[] = new Array(npos)
  if (first !== null) stack[0] = first
  for (let i = 0; i < items.length; i++) stack[i + skip] = items[i]!
  let kwnames: PyObject | null = null
  if (kwds !== null) {
    const d = kwds as PyDictObject
    const names: PyObject[] = []
    for (let i = 0; i < d.ma_keys.length; i++) {
      const k = d.ma_keys[i]
      if (k === undefined) continue
      Py_INCREF(k)
      names.push(k)
      stack.push(d.ma_values[i]!)
    }
    if (names.length > 0) kwnames = PyTuple_FromArraySteal(rt, names)
  }
  try {
    return PyObject_Vectorcall(func, stack, 0, npos, kwnames)
  } finally {
    if (kwnames !== null) Py_DECREF(kwnames)
  }
}

/** @cpython Objects/typeobject.c#slot_tp_new */
export function slot_tp_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const name = PyUnicode_InternFromString(rt, '__new__')
  let func: PyObject
  try {
    func = type.ob_type.tp_getattro!(type, name)
  } finally {
    Py_DECREF(name)
  }
  try {
    return callWithTupleDict(rt, func, type, args, kwds)
  } finally {
    Py_DECREF(func)
  }
}

/**
 * `__del__` as `tp_finalize` (PEP 442) or `tp_del` (the legacy policy). An exception goes to the unraisable hook with
 * the object CPython reports: the `__del__` function (3.7–3.13), a message naming it (3.14), the bound method (2.7).
 * @cpython Objects/typeobject.c#slot_tp_finalize
 */
export function slot_tp_finalize(self: PyObject): void {
  const rt = rtOf(self)
  const legacy = rt.profile.output.unraisableFormat === 'legacy-one-line'
  let del = lookup_maybe_method(self, '__del__')
  if (del === null) return
  let unbound = lastUnbound
  if (legacy && unbound) {
    // 2.7 binds the method before calling it; errors name the bound method.
    const f = del.ob_type.tp_descr_get
    if (f !== null) {
      const bound = f(del, self, self.ob_type)
      Py_DECREF(del)
      del = bound
      unbound = false
    }
  }
  try {
    const res = call_unbound(unbound, del, self, [])
    Py_DECREF(res)
  } catch (e) {
    if (!(e instanceof PyErr)) throw e
    try {
      if (rt.profile.output.unraisableFormat === 'ignored-while-calling') {
        const repr = rt.profile.messages.unraisableDel
        const text = repr.replace('{obj}', reprOf(del))
        rt.hooks.writeUnraisable(rt, e.exc, null, text)
      } else rt.hooks.writeUnraisable(rt, e.exc, del, null)
    } finally {
      Py_DECREF(e.exc)
    }
  } finally {
    Py_DECREF(del)
  }
}

function reprOf(op: PyObject): string {
  const f = op.ob_type.tp_repr
  if (f === null) return `<${op.ob_type.tp_name} object>`
  const r = f(op)
  const s = (r as PyUnicodeObject).value
  Py_DECREF(r)
  return s
}

/** @cpython Objects/typeobject.c#slot_nb_bool */
export function slot_nb_bool(self: PyObject): number {
  const rt = rtOf(self)
  let usingLen = false
  let func = lookup_maybe_method(self, '__bool__')
  if (func === null) {
    func = lookup_maybe_method(self, '__len__')
    if (func === null) return 1
    usingLen = true
  }
  const unbound = lastUnbound
  let value: PyObject
  try {
    value = call_unbound(unbound, func, self, [])
  } finally {
    Py_DECREF(func)
  }
  try {
    if (usingLen) return PyObject_IsTrue(value) ? 1 : 0
    if (value === rt.True || value === rt.False) return value === rt.True ? 1 : 0
    throw PyErr_Format(rt, 'TypeError', `__bool__ should return bool, returned ${trunc(value.ob_type.tp_name, 200)}`)
  } finally {
    Py_DECREF(value)
  }
}

/** `__len__` for both `mp_length` and `sq_length`. @cpython Objects/typeobject.c#slot_sq_length */
export function slot_sq_length(self: PyObject): number {
  const rt = rtOf(self)
  const res = vectorcall_method('__len__', self, [])
  let len: number
  try {
    len = numberAsSsize(rt, res, true)
  } finally {
    Py_DECREF(res)
  }
  if (len < 0) throw PyErr_Format(rt, 'ValueError', '__len__() should return >= 0')
  return len
}

export const slot_mp_length = (self: PyObject): number => slot_sq_length(self)

/** @cpython Objects/typeobject.c#slot_sq_item */
export function slot_sq_item(self: PyObject, i: number): PyObject {
  const rt = rtOf(self)
  const ival = PyLong_FromNumber(rt, i)
  try {
    return vectorcall_method('__getitem__', self, [ival])
  } finally {
    Py_DECREF(ival)
  }
}

/** @cpython Objects/typeobject.c#slot_mp_subscript */
export function slot_mp_subscript(self: PyObject, key: PyObject): PyObject {
  return vectorcall_method('__getitem__', self, [key])
}

/** @cpython Objects/typeobject.c#slot_sq_ass_item */
export function slot_sq_ass_item(self: PyObject, i: number, value: PyObject | null): void {
  const rt = rtOf(self)
  const ival = PyLong_FromNumber(rt, i)
  try {
    const r = value === null ? vectorcall_method('__delitem__', self, [ival]) : vectorcall_method('__setitem__', self, [ival, value])
    Py_DECREF(r)
  } finally {
    Py_DECREF(ival)
  }
}

/** @cpython Objects/typeobject.c#slot_mp_ass_subscript */
export function slot_mp_ass_subscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  const r = value === null ? vectorcall_method('__delitem__', self, [key]) : vectorcall_method('__setitem__', self, [key, value])
  Py_DECREF(r)
}

/** @cpython Objects/typeobject.c#slot_sq_contains */
export function slot_sq_contains(self: PyObject, value: PyObject): boolean {
  const rt = rtOf(self)
  const func = lookup_maybe_method(self, '__contains__')
  if (func === rt.None) {
    Py_DECREF(func)
    throw PyErr_Format(rt, 'TypeError', `'${trunc(self.ob_type.tp_name, 200)}' object is not a container`)
  }
  if (func !== null) {
    const unbound = lastUnbound
    let res: PyObject
    try {
      res = call_unbound(unbound, func, self, [value])
    } finally {
      Py_DECREF(func)
    }
    try {
      return PyObject_IsTrue(res)
    } finally {
      Py_DECREF(res)
    }
  }
  // _PySequence_IterSearch
  const it = PyObject_GetIter(self)
  try {
    for (;;) {
      const item = it.ob_type.tp_iternext!(it)
      if (item === null) return false
      try {
        if (PyObject_RichCompareBool(item, value, Py_EQ)) return true
      } finally {
        Py_DECREF(item)
      }
    }
  } finally {
    Py_DECREF(it)
  }
}

function unarySlot(name: string): (self: PyObject) => PyObject {
  return (self) => vectorcall_method(name, self, [])
}

export const slot_nb_negative = unarySlot('__neg__')
export const slot_nb_positive = unarySlot('__pos__')
export const slot_nb_absolute = unarySlot('__abs__')
export const slot_nb_invert = unarySlot('__invert__')
export const slot_nb_int = unarySlot('__int__')
export const slot_nb_float = unarySlot('__float__')
export const slot_nb_index = unarySlot('__index__')

/** Is `type(right).name` a different attribute than `type(left).name`? @cpython Objects/typeobject.c#method_is_overloaded */
function method_is_overloaded(left: PyTypeObject, right: PyTypeObject, name: string): boolean {
  const b = _PyType_Lookup(right, name)
  if (b === null) return false
  const a = _PyType_Lookup(left, name)
  if (a === null) return true
  return a !== b
}

/**
 * `SLOT1BINFULL`: the binary dispatcher of a heap type — the reflected method of a subclass on the right goes first,
 * then the left operand's method, then the right operand's reflected method.
 * @cpython Objects/typeobject.c#SLOT1BINFULL
 */
function binarySlot(slot: SlotField, op: string, rop: string): (self: PyObject, other: PyObject) => PyObject {
  const fn = (self: PyObject, other: PyObject): PyObject => {
    const rt = rtOf(self)
    const NI = rt.NotImplemented
    let doOther = self.ob_type !== other.ob_type && (other.ob_type as unknown as Record<string, unknown>)[slot] === fn
    if ((self.ob_type as unknown as Record<string, unknown>)[slot] === fn) {
      if (doOther && PyType_IsSubtype(other.ob_type, self.ob_type)) {
        if (method_is_overloaded(self.ob_type, other.ob_type, rop)) {
          const r = vectorcall_maybe(rop, other, [self])
          if (r !== NI) return r
          Py_DECREF(r)
          doOther = false
        }
      }
      const r = vectorcall_maybe(op, self, [other])
      if (r !== NI || other.ob_type === self.ob_type) return r
      Py_DECREF(r)
    }
    if (doOther) return vectorcall_maybe(rop, other, [self])
    return notImplemented(rt)
  }
  return fn
}

export const slot_nb_add = binarySlot('nb_add', '__add__', '__radd__')
export const slot_nb_subtract = binarySlot('nb_subtract', '__sub__', '__rsub__')
export const slot_nb_multiply = binarySlot('nb_multiply', '__mul__', '__rmul__')
export const slot_nb_remainder = binarySlot('nb_remainder', '__mod__', '__rmod__')
export const slot_nb_divmod = binarySlot('nb_divmod', '__divmod__', '__rdivmod__')
export const slot_nb_lshift = binarySlot('nb_lshift', '__lshift__', '__rlshift__')
export const slot_nb_rshift = binarySlot('nb_rshift', '__rshift__', '__rrshift__')
export const slot_nb_and = binarySlot('nb_and', '__and__', '__rand__')
export const slot_nb_xor = binarySlot('nb_xor', '__xor__', '__rxor__')
export const slot_nb_or = binarySlot('nb_or', '__or__', '__ror__')
export const slot_nb_floor_divide = binarySlot('nb_floor_divide', '__floordiv__', '__rfloordiv__')
export const slot_nb_true_divide = binarySlot('nb_true_divide', '__truediv__', '__rtruediv__')
export const slot_nb_matrix_multiply = binarySlot('nb_matrix_multiply', '__matmul__', '__rmatmul__')

/** @cpython Objects/typeobject.c#slot_nb_power */
export function slot_nb_power(self: PyObject, other: PyObject, modulus: PyObject): PyObject {
  const rt = rtOf(self)
  if (modulus === rt.None) return slot_nb_power_binary_dispatch(self, other)
  if (self.ob_type.nb_power === slot_nb_power) return vectorcall_method('__pow__', self, [other, modulus])
  return notImplemented(rt)
}

/** The binary dispatcher compares slots with `slot_nb_power` itself, not with the inner binary function. */
function slot_nb_power_binary_dispatch(self: PyObject, other: PyObject): PyObject {
  const rt = rtOf(self)
  const NI = rt.NotImplemented
  let doOther = self.ob_type !== other.ob_type && other.ob_type.nb_power === slot_nb_power
  if (self.ob_type.nb_power === slot_nb_power) {
    if (doOther && PyType_IsSubtype(other.ob_type, self.ob_type) && method_is_overloaded(self.ob_type, other.ob_type, '__rpow__')) {
      const r = vectorcall_maybe('__rpow__', other, [self])
      if (r !== NI) return r
      Py_DECREF(r)
      doOther = false
    }
    const r = vectorcall_maybe('__pow__', self, [other])
    if (r !== NI || other.ob_type === self.ob_type) return r
    Py_DECREF(r)
  }
  if (doOther) return vectorcall_maybe('__rpow__', other, [self])
  return notImplemented(rt)
}

function inplaceSlot(name: string): (self: PyObject, other: PyObject) => PyObject {
  return (self, other) => vectorcall_method(name, self, [other])
}

export const slot_nb_inplace_add = inplaceSlot('__iadd__')
export const slot_nb_inplace_subtract = inplaceSlot('__isub__')
export const slot_nb_inplace_multiply = inplaceSlot('__imul__')
export const slot_nb_inplace_remainder = inplaceSlot('__imod__')
export const slot_nb_inplace_lshift = inplaceSlot('__ilshift__')
export const slot_nb_inplace_rshift = inplaceSlot('__irshift__')
export const slot_nb_inplace_and = inplaceSlot('__iand__')
export const slot_nb_inplace_xor = inplaceSlot('__ixor__')
export const slot_nb_inplace_or = inplaceSlot('__ior__')
export const slot_nb_inplace_floor_divide = inplaceSlot('__ifloordiv__')
export const slot_nb_inplace_true_divide = inplaceSlot('__itruediv__')
export const slot_nb_inplace_matrix_multiply = inplaceSlot('__imatmul__')
export function slot_nb_inplace_power(self: PyObject, other: PyObject, _mod: PyObject): PyObject {
  return vectorcall_method('__ipow__', self, [other])
}

// ---------------------------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------------------------

function def(name: string, slot: SlotField, heapSlot: unknown, wrapper: WrapperFunc | null, doc: string, keywords = false): SlotDef {
  return { name, slot, heapSlot, wrapper, doc, keywords }
}

function binDoc(op: string): string {
  return `Return self${op}value.`
}
function rbinDoc(op: string): string {
  return `Return value${op}self.`
}

/** `slotdefs`, in CPython's order (which is the order of the wrappers in a static type's dict). */
export const slotdefs: readonly SlotDef[] = [
  def('__repr__', 'tp_repr', slot_tp_repr, wrap_unaryfunc, 'Return repr(self).'),
  def('__hash__', 'tp_hash', slot_tp_hash, wrap_hashfunc, 'Return hash(self).'),
  def('__call__', 'tp_call', slot_tp_call, wrap_call, 'Call self as a function.', true),
  def('__str__', 'tp_str', slot_tp_str, wrap_unaryfunc, 'Return str(self).'),
  def('__getattribute__', 'tp_getattro', slot_tp_getattr_hook, wrap_binaryfunc, 'Return getattr(self, name).'),
  def('__getattr__', 'tp_getattro', slot_tp_getattr_hook, null, ''),
  def('__setattr__', 'tp_setattro', slot_tp_setattro, wrap_setattr, 'Implement setattr(self, name, value).'),
  def('__delattr__', 'tp_setattro', slot_tp_setattro, wrap_delattr, 'Implement delattr(self, name).'),
  def('__lt__', 'tp_richcompare', slot_tp_richcompare, richcmp(Py_LT), 'Return self<value.'),
  def('__le__', 'tp_richcompare', slot_tp_richcompare, richcmp(Py_LE), 'Return self<=value.'),
  def('__eq__', 'tp_richcompare', slot_tp_richcompare, richcmp(Py_EQ), 'Return self==value.'),
  def('__ne__', 'tp_richcompare', slot_tp_richcompare, richcmp(Py_NE), 'Return self!=value.'),
  def('__gt__', 'tp_richcompare', slot_tp_richcompare, richcmp(Py_GT), 'Return self>value.'),
  def('__ge__', 'tp_richcompare', slot_tp_richcompare, richcmp(Py_GE), 'Return self>=value.'),
  def('__iter__', 'tp_iter', slot_tp_iter, wrap_unaryfunc, 'Implement iter(self).'),
  def('__next__', 'tp_iternext', slot_tp_iternext, wrap_next, 'Implement next(self).'),
  def('__get__', 'tp_descr_get', slot_tp_descr_get, wrap_descr_get, 'Return an attribute of instance, which is of type owner.'),
  def('__set__', 'tp_descr_set', slot_tp_descr_set, wrap_descr_set, 'Set an attribute of instance to value.'),
  def('__delete__', 'tp_descr_set', slot_tp_descr_set, wrap_descr_delete, 'Delete an attribute of instance.'),
  def('__init__', 'tp_init', slot_tp_init, wrap_init, 'Initialize self.  See help(type(self)) for accurate signature.', true),
  def('__new__', 'tp_new', slot_tp_new, null, 'Create and return new object.  See help(type) for accurate signature.'),
  def('__del__', 'tp_finalize', slot_tp_finalize, wrap_del, 'Called when the instance is about to be destroyed.'),
  def('__add__', 'nb_add', slot_nb_add, wrap_binaryfunc_l, binDoc('+')),
  def('__radd__', 'nb_add', slot_nb_add, wrap_binaryfunc_r, rbinDoc('+')),
  def('__sub__', 'nb_subtract', slot_nb_subtract, wrap_binaryfunc_l, binDoc('-')),
  def('__rsub__', 'nb_subtract', slot_nb_subtract, wrap_binaryfunc_r, rbinDoc('-')),
  def('__mul__', 'nb_multiply', slot_nb_multiply, wrap_binaryfunc_l, binDoc('*')),
  def('__rmul__', 'nb_multiply', slot_nb_multiply, wrap_binaryfunc_r, rbinDoc('*')),
  def('__mod__', 'nb_remainder', slot_nb_remainder, wrap_binaryfunc_l, binDoc('%')),
  def('__rmod__', 'nb_remainder', slot_nb_remainder, wrap_binaryfunc_r, rbinDoc('%')),
  def('__divmod__', 'nb_divmod', slot_nb_divmod, wrap_binaryfunc_l, 'Return divmod(self, value).'),
  def('__rdivmod__', 'nb_divmod', slot_nb_divmod, wrap_binaryfunc_r, 'Return divmod(value, self).'),
  def('__pow__', 'nb_power', slot_nb_power, wrap_ternaryfunc, 'Return pow(self, value, mod).'),
  def('__rpow__', 'nb_power', slot_nb_power, wrap_ternaryfunc_r, 'Return pow(value, self, mod).'),
  def('__neg__', 'nb_negative', slot_nb_negative, wrap_unaryfunc, '-self'),
  def('__pos__', 'nb_positive', slot_nb_positive, wrap_unaryfunc, '+self'),
  def('__abs__', 'nb_absolute', slot_nb_absolute, wrap_unaryfunc, 'abs(self)'),
  def('__bool__', 'nb_bool', slot_nb_bool, wrap_inquirypred, 'True if self else False'),
  def('__invert__', 'nb_invert', slot_nb_invert, wrap_unaryfunc, '~self'),
  def('__lshift__', 'nb_lshift', slot_nb_lshift, wrap_binaryfunc_l, binDoc('<<')),
  def('__rlshift__', 'nb_lshift', slot_nb_lshift, wrap_binaryfunc_r, rbinDoc('<<')),
  def('__rshift__', 'nb_rshift', slot_nb_rshift, wrap_binaryfunc_l, binDoc('>>')),
  def('__rrshift__', 'nb_rshift', slot_nb_rshift, wrap_binaryfunc_r, rbinDoc('>>')),
  def('__and__', 'nb_and', slot_nb_and, wrap_binaryfunc_l, binDoc('&')),
  def('__rand__', 'nb_and', slot_nb_and, wrap_binaryfunc_r, rbinDoc('&')),
  def('__xor__', 'nb_xor', slot_nb_xor, wrap_binaryfunc_l, binDoc('^')),
  def('__rxor__', 'nb_xor', slot_nb_xor, wrap_binaryfunc_r, rbinDoc('^')),
  def('__or__', 'nb_or', slot_nb_or, wrap_binaryfunc_l, binDoc('|')),
  def('__ror__', 'nb_or', slot_nb_or, wrap_binaryfunc_r, rbinDoc('|')),
  def('__int__', 'nb_int', slot_nb_int, wrap_unaryfunc, 'int(self)'),
  def('__float__', 'nb_float', slot_nb_float, wrap_unaryfunc, 'float(self)'),
  def('__iadd__', 'nb_inplace_add', slot_nb_inplace_add, wrap_binaryfunc, 'Return self+=value.'),
  def('__isub__', 'nb_inplace_subtract', slot_nb_inplace_subtract, wrap_binaryfunc, 'Return self-=value.'),
  def('__imul__', 'nb_inplace_multiply', slot_nb_inplace_multiply, wrap_binaryfunc, 'Return self*=value.'),
  def('__imod__', 'nb_inplace_remainder', slot_nb_inplace_remainder, wrap_binaryfunc, 'Return self%=value.'),
  def('__ipow__', 'nb_inplace_power', slot_nb_inplace_power, wrap_ternaryfunc, 'Return self**=value.'),
  def('__ilshift__', 'nb_inplace_lshift', slot_nb_inplace_lshift, wrap_binaryfunc, 'Return self<<=value.'),
  def('__irshift__', 'nb_inplace_rshift', slot_nb_inplace_rshift, wrap_binaryfunc, 'Return self>>=value.'),
  def('__iand__', 'nb_inplace_and', slot_nb_inplace_and, wrap_binaryfunc, 'Return self&=value.'),
  def('__ixor__', 'nb_inplace_xor', slot_nb_inplace_xor, wrap_binaryfunc, 'Return self^=value.'),
  def('__ior__', 'nb_inplace_or', slot_nb_inplace_or, wrap_binaryfunc, 'Return self|=value.'),
  def('__floordiv__', 'nb_floor_divide', slot_nb_floor_divide, wrap_binaryfunc_l, binDoc('//')),
  def('__rfloordiv__', 'nb_floor_divide', slot_nb_floor_divide, wrap_binaryfunc_r, rbinDoc('//')),
  def('__truediv__', 'nb_true_divide', slot_nb_true_divide, wrap_binaryfunc_l, binDoc('/')),
  def('__rtruediv__', 'nb_true_divide', slot_nb_true_divide, wrap_binaryfunc_r, rbinDoc('/')),
  def('__ifloordiv__', 'nb_inplace_floor_divide', slot_nb_inplace_floor_divide, wrap_binaryfunc, 'Return self//=value.'),
  def('__itruediv__', 'nb_inplace_true_divide', slot_nb_inplace_true_divide, wrap_binaryfunc, 'Return self/=value.'),
  def('__index__', 'nb_index', slot_nb_index, wrap_unaryfunc, 'Return self converted to an integer, if self is suitable for use as an index into a list.'),
  def('__matmul__', 'nb_matrix_multiply', slot_nb_matrix_multiply, wrap_binaryfunc_l, binDoc('@')),
  def('__rmatmul__', 'nb_matrix_multiply', slot_nb_matrix_multiply, wrap_binaryfunc_r, rbinDoc('@')),
  def('__imatmul__', 'nb_inplace_matrix_multiply', slot_nb_inplace_matrix_multiply, wrap_binaryfunc, 'Return self@=value.'),
  def('__len__', 'mp_length', slot_mp_length, wrap_lenfunc, 'Return len(self).'),
  def('__getitem__', 'mp_subscript', slot_mp_subscript, wrap_binaryfunc, 'Return self[key].'),
  def('__setitem__', 'mp_ass_subscript', slot_mp_ass_subscript, wrap_objobjargproc, 'Set self[key] to value.'),
  def('__delitem__', 'mp_ass_subscript', slot_mp_ass_subscript, wrap_delitem, 'Delete self[key].'),
  def('__len__', 'sq_length', slot_sq_length, wrap_lenfunc, 'Return len(self).'),
  def('__add__', 'sq_concat', null, wrap_binaryfunc, 'Return self+value.'),
  def('__mul__', 'sq_repeat', null, wrap_indexargfunc, 'Return self*value.'),
  def('__rmul__', 'sq_repeat', null, wrap_indexargfunc, 'Return value*self.'),
  def('__getitem__', 'sq_item', slot_sq_item, wrap_sq_item, 'Return self[key].'),
  def('__setitem__', 'sq_ass_item', slot_sq_ass_item, wrap_sq_setitem, 'Set self[key] to value.'),
  def('__delitem__', 'sq_ass_item', slot_sq_ass_item, wrap_sq_delitem, 'Delete self[key].'),
  def('__contains__', 'sq_contains', slot_sq_contains, wrap_objobjproc, 'Return bool(key in self).'),
  def('__iadd__', 'sq_inplace_concat', null, wrap_binaryfunc, 'Implement self+=value.'),
  def('__imul__', 'sq_inplace_repeat', null, wrap_indexargfunc, 'Implement self*=value.'),
]

/** The field `__del__` fills: `tp_finalize` (PEP 442) or `tp_del` (the legacy policy). */
function slotField(rt: Runtime, d: SlotDef): keyof PyTypeObject {
  if (d.slot === 'tp_finalize' && rt.profile.gc.finalizerPolicy === 'legacy-gc-garbage') return 'tp_del'
  return d.slot
}

/** Groups of consecutive slotdefs that fill the same slot (`__add__`/`__radd__`, the six comparisons …). */
const slotGroups: SlotDef[][] = (() => {
  const groups: SlotDef[][] = []
  for (const d of slotdefs) {
    const last = groups[groups.length - 1]
    if (last !== undefined && last[0]!.slot === d.slot) last.push(d)
    else groups.push([d])
  }
  return groups
})()

/** The slot names each dunder name belongs to (for `update_slot`). */
const groupsByName: Map<string, SlotDef[][]> = (() => {
  const m = new Map<string, SlotDef[][]>()
  for (const g of slotGroups) {
    for (const d of g) {
      let l = m.get(d.name)
      if (!l) m.set(d.name, (l = []))
      if (!l.includes(g)) l.push(g)
    }
  }
  return m
})()

/** Whether `name` is one of the slot dunder names. */
export function isSlotName(name: string): boolean {
  return groupsByName.has(name)
}

/**
 * `add_operators`: a wrapper descriptor in the type's dict for every slot the type defines itself (run by
 * `PyType_Ready` before inheritance). A null `tp_hash` with `__hash__` absent stays for `type_ready_set_hash`.
 * @cpython Objects/typeobject.c#add_operators
 */
export function add_operators(rt: Runtime, type: PyTypeObject): void {
  const dict = type.tp_dict as PyDictObject
  const t = type as unknown as Record<string, unknown>
  for (const d of slotdefs) {
    if (d.wrapper === null) continue
    const field = d.slot === 'tp_finalize' ? 'tp_finalize' : d.slot
    const fn = t[field]
    if (fn === null || fn === undefined) continue
    if (PyDict_GetItemStr(dict, d.name) !== null) continue
    const descr = PyDescr_NewWrapper(rt, type, d, fn)
    const key = PyUnicode_InternFromString(rt, d.name)
    PyDict_SetItem(dict, key, descr)
    Py_DECREF(key)
    Py_DECREF(descr)
  }
}

/**
 * `update_one_slot`: chooses what fills one slot of a heap type from what the MRO defines for its names: the wrapped
 * C function when every name resolves to a matching slot wrapper (a subclass of list keeps `list`'s `sq_length`),
 * the generic dispatcher when any name is defined in Python, null when none is defined, and null for `__hash__ = None`.
 * @cpython Objects/typeobject.c#update_one_slot
 */
function update_one_slot(rt: Runtime, type: PyTypeObject, group: readonly SlotDef[]): void {
  const field = slotField(rt, group[0]!)
  let generic: unknown = null
  let specific: unknown = null
  let useGeneric = false
  for (const p of group) {
    const descr = _PyType_Lookup(type, p.name)
    if (descr === null) continue
    if (descr instanceof PyWrapperDescrObject && descr.d_base.name === p.name) {
      generic = p.heapSlot
      if ((specific === null || specific === descr.d_wrapped) && descr.d_base.wrapper === p.wrapper && PyType_IsSubtype(type, descr.d_type)) {
        specific = descr.d_wrapped
      } else useGeneric = true
    } else if (descr instanceof PyCFunctionObject && descr.m_ml === tp_new_wrapper_meth && field === 'tp_new') {
      specific = type.tp_new
    } else if (descr === rt.None && field === 'tp_hash') {
      specific = HASH_NOT_IMPLEMENTED
    } else {
      useGeneric = true
      generic = p.heapSlot
    }
  }
  let value = specific !== null && !useGeneric ? specific : generic
  if (value === HASH_NOT_IMPLEMENTED) value = null
  ;(type as unknown as Record<string, unknown>)[field] = value
}

/** Marks `__hash__ = None` while choosing the slot; the slot itself is left null (unhashable). */
const HASH_NOT_IMPLEMENTED = { unhashable: true }

/** `fixup_slot_dispatchers`: every slot of a new heap type. @cpython Objects/typeobject.c#fixup_slot_dispatchers */
export function fixup_slot_dispatchers(rt: Runtime, type: PyTypeObject): void {
  for (const g of slotGroups) update_one_slot(rt, type, g)
}

/**
 * `update_slot`: after `C.name = …` or `del C.name`, re-chooses the slots of that name in C and in the subclasses
 * that do not define it themselves.
 * @cpython Objects/typeobject.c#update_slot
 */
export function update_slot(rt: Runtime, type: PyTypeObject, name: string): void {
  const groups = groupsByName.get(name)
  if (groups === undefined) return
  const visit = (t: PyTypeObject, top: boolean): void => {
    if (!top) {
      const d = t.tp_dict as PyDictObject | null
      if (d !== null && PyDict_GetItemStr(d, name) !== null) return
    }
    for (const g of groups) update_one_slot(rt, t, g)
    for (const sub of t.tp_subclasses) visit(sub as PyTypeObject, false)
  }
  visit(type, true)
}

export type { PyLongObject }

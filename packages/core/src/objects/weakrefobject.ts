/**
 * Weak references: `weakref.ref` (and its subclasses), `weakref.proxy` and the callable proxy.
 *
 * Each referent's weakrefs form a doubly linked list (`wr_prev`/`wr_next`) whose head CPython keeps at
 * `tp_weaklistoffset` inside the referent; here the head lives in `rt.weakrefs` (referent → head). The list keeps
 * CPython's order: the shared callback-less `ref` first, then the shared callback-less proxy, then every other weakref,
 * each new one inserted right after those two (so among them the newest comes first). That order is the order in
 * which `PyObject_ClearWeakRefs` calls the callbacks.
 * A weakref borrows its referent: `wr_object` is `None` once the referent is gone.
 * @cpython Objects/weakrefobject.c
 */
import { PyErr, PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_IS_TRACKED, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF, Py_XDECREF } from '../object/refcount.js'
import {
  METH_NOARGS,
  Py_EQ,
  Py_NE,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  PyType_IsSubtype,
  type PyTypeObject,
  type binaryfunc,
  type unaryfunc,
  type visitproc,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { registerFactory } from './descrobject.js'
import { checkPositional, noKwargs } from './getargs.js'
import { PySequence_Contains } from './iterobject.js'
import { PyList_FromArraySteal } from './listobject.js'
import { _PyObject_LookupAttrStr, _PyObject_LookupSpecial } from './object-type.js'
import {
  PyObject_DelItem,
  PyObject_GetAttr,
  PyObject_GetItem,
  PyObject_GetIter,
  PyObject_Hash,
  PyObject_IsTrue,
  PyObject_RichCompare,
  PyObject_SetAttr,
  PyObject_SetItem,
  PyObject_Size,
  PyObject_Str,
  PyObject_Vectorcall,
  binary_iop,
  binary_op,
  notImplemented,
  reprText,
  type BinarySlot,
} from './protocols.js'
import { PyTuple_FromArraySteal, type PyTupleObject } from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'
import { PyUnicode_Check, addrHex, fmt, newBool, newNone, newStr, strValue } from './type-util.js'

/** `PyWeakReference`: also the layout of proxies. */
export class PyWeakReference extends PyObject {
  /** Borrowed; `None` once the referent is gone. */
  wr_object: PyObject
  /** Owned, or null. */
  wr_callback: PyObject | null
  /** The referent's hash once computed, else -1. */
  hash: number
  wr_prev: PyWeakReference | null
  wr_next: PyWeakReference | null
  constructor(type: PyTypeObject, ob: PyObject) {
    super(type)
    this.wr_object = ob
    this.wr_callback = null
    this.hash = -1
    this.wr_prev = null
    this.wr_next = null
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** `_PyType_SUPPORTS_WEAKREFS`. */
export function _PyType_SUPPORTS_WEAKREFS(t: PyTypeObject): boolean {
  return t.tp_weaklist
}

/** `PyWeakref_CheckRef`: a `weakref.ref` or subclass instance. */
export function PyWeakref_CheckRef(op: PyObject): boolean {
  const t = rtOf(op).types.weakref
  return t !== undefined && (op.ob_type === t || PyType_IsSubtype(op.ob_type, t))
}

/** `PyWeakref_CheckRefExact`. */
export function PyWeakref_CheckRefExact(op: PyObject): boolean {
  return op.ob_type === rtOf(op).types.weakref
}

/** `PyWeakref_CheckProxy`: a proxy or callable proxy. */
export function PyWeakref_CheckProxy(op: PyObject): boolean {
  const T = rtOf(op).types
  return op.ob_type === T.weakproxy || op.ob_type === T.weakcallableproxy
}

/** `PyWeakref_Check`: any weak reference object. */
export function PyWeakref_Check(op: PyObject): boolean {
  return PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op)
}

/** The head of `op`'s weakref list (`*GET_WEAKREFS_LISTPTR(op)`), or null. */
function listHead(rt: Runtime, op: PyObject): PyWeakReference | null {
  return (rt.weakrefs.get(op) as PyWeakReference | undefined) ?? null
}

function setListHead(rt: Runtime, op: PyObject, head: PyWeakReference | null): void {
  if (head === null) rt.weakrefs.delete(op)
  else rt.weakrefs.set(op, head)
}

/** `_PyWeakref_GetWeakrefCount` of an object's list: how many weak references point to `op`. */
export function _PyWeakref_GetWeakrefCount(op: PyObject): number {
  let n = 0
  for (let w = listHead(rtOf(op), op); w !== null; w = w.wr_next) n++
  return n
}

/** `_weakref.getweakrefs(op)`: a new list of the weak references to `op`, in list order. */
export function _weakref_getweakrefs(op: PyObject): PyObject {
  const rt = rtOf(op)
  const items: PyObject[] = []
  for (let w = listHead(rt, op); w !== null; w = w.wr_next) {
    Py_INCREF(w)
    items.push(w)
  }
  return PyList_FromArraySteal(rt, items)
}

/**
 * `_PyWeakref_GET_REF`: the referent as a new reference, or null when it is gone (or being destroyed).
 * @cpython Include/internal/pycore_weakref.h#_PyWeakref_GET_REF
 */
export function _PyWeakref_GET_REF(ref: PyObject): PyObject | null {
  const wr = ref as PyWeakReference
  const obj = wr.wr_object
  if (obj === rtOf(ref).None || obj.ob_refcnt === 0) return null
  Py_INCREF(obj)
  return obj
}

/** `PyWeakref_GetObject`: the referent (borrowed), or None. */
export function PyWeakref_GetObject(ref: PyObject): PyObject {
  const wr = ref as PyWeakReference
  return wr.wr_object.ob_refcnt === 0 ? rtOf(ref).None : wr.wr_object
}

/**
 * `clear_weakref`: unlinks the weakref from its referent's list, forgets the referent and releases the callback.
 * The only place that removes a weakref from a list.
 * @cpython Objects/weakrefobject.c#clear_weakref
 */
function clear_weakref(self: PyWeakReference): void {
  const rt = rtOf(self)
  const callback = self.wr_callback
  const obj = self.wr_object
  if (obj !== rt.None) {
    if (listHead(rt, obj) === self) setListHead(rt, obj, self.wr_next)
    self.wr_object = rt.None
    if (self.wr_prev !== null) self.wr_prev.wr_next = self.wr_next
    if (self.wr_next !== null) self.wr_next.wr_prev = self.wr_prev
    self.wr_prev = null
    self.wr_next = null
  }
  if (callback !== null) {
    self.wr_callback = null
    Py_DECREF(callback)
  }
}

/**
 * `_PyWeakref_ClearRef`: the collector's clear — the weakref stops referring to its object, but keeps its callback
 * (uncalled); the weakref's deallocator releases it later.
 * @cpython Objects/weakrefobject.c#_PyWeakref_ClearRef
 */
export function _PyWeakref_ClearRef(ref: PyObject): void {
  const self = ref as PyWeakReference
  const callback = self.wr_callback
  self.wr_callback = null
  clear_weakref(self)
  self.wr_callback = callback
}

/** Clears every weakref to `obj` without calling any callback (`_PyWeakref_ClearWeakRefsExceptCallbacks`). */
export function _PyWeakref_ClearWeakRefsExceptCallbacks(obj: PyObject): void {
  const rt = rtOf(obj)
  for (let w = listHead(rt, obj); w !== null; w = listHead(rt, obj)) _PyWeakref_ClearRef(w)
}

/** @cpython Objects/weakrefobject.c#weakref_dealloc */
export function weakref_dealloc(self: PyObject): void {
  if (_PyObject_GC_IS_TRACKED(self)) _PyObject_GC_UNTRACK(self)
  clear_weakref(self as PyWeakReference)
  PyObject_GC_Del(self)
}

/** @cpython Objects/weakrefobject.c#proxy_dealloc */
function proxy_dealloc(self: PyObject): void {
  if (_PyObject_GC_IS_TRACKED(self)) _PyObject_GC_UNTRACK(self)
  clear_weakref(self as PyWeakReference)
  PyObject_GC_Del(self)
}

/** Visits the callback only: the referent is borrowed. @cpython Objects/weakrefobject.c#gc_traverse */
export function weakref_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const cb = (self as PyWeakReference).wr_callback
  return cb !== null ? visit(cb, arg) : 0
}

/** @cpython Objects/weakrefobject.c#gc_clear */
export function weakref_clear(self: PyObject): number {
  clear_weakref(self as PyWeakReference)
  return 0
}

/** Calling a weakref: the referent, or None when it is gone. @cpython Objects/weakrefobject.c#weakref_vectorcall */
function weakref_call(self: PyObject, _args: readonly PyObject[], _start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const rt = rtOf(self)
  noKwargs(rt, 'weakref', kwnames)
  if (nargs !== 0) throw PyErr_Format(rt, 'TypeError', fmt(rt.profile.messages.weakrefCallArgs, { n: String(nargs) }))
  return _PyWeakref_GET_REF(self) ?? newNone(rt)
}

/** The referent's hash, computed once. @cpython Objects/weakrefobject.c#weakref_hash */
function weakref_hash(self: PyObject): number {
  const wr = self as PyWeakReference
  if (wr.hash !== -1) return wr.hash
  const obj = _PyWeakref_GET_REF(self)
  if (obj === null) throw PyErr_Format(rtOf(self), 'TypeError', 'weak object has gone away')
  try {
    wr.hash = PyObject_Hash(obj)
  } finally {
    Py_DECREF(obj)
  }
  return wr.hash
}

/** @cpython Objects/weakrefobject.c#weakref_repr */
function weakref_repr(self: PyObject): PyObject {
  const rt = rtOf(self)
  const obj = _PyWeakref_GET_REF(self)
  if (obj === null) return newStr(rt, `<weakref at ${addrHex(self)}; dead>`)
  let name: PyObject | null = null
  try {
    name = rt.profile.objects.runtimeObjects.weakrefReprName === 'special' ? _PyObject_LookupSpecial(obj, '__name__') : _PyObject_LookupAttrStr(obj, '__name__')
    const head = `<weakref at ${addrHex(self)}; to '${obj.ob_type.tp_name}' at ${addrHex(obj)}`
    return newStr(rt, name === null || !PyUnicode_Check(name) ? `${head}>` : `${head} (${strValue(name)})>`)
  } finally {
    Py_XDECREF(name)
    Py_DECREF(obj)
  }
}

/**
 * Equality only: two live weakrefs are equal when their referents are; otherwise only identity counts.
 * @cpython Objects/weakrefobject.c#weakref_richcompare
 */
function weakref_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  const rt = rtOf(self)
  if ((op !== Py_EQ && op !== Py_NE) || !PyWeakref_CheckRef(self) || !PyWeakref_CheckRef(other)) return notImplemented(rt)
  const obj = _PyWeakref_GET_REF(self)
  const otherObj = _PyWeakref_GET_REF(other)
  if (obj === null || otherObj === null) {
    Py_XDECREF(obj)
    Py_XDECREF(otherObj)
    const same = self === other
    return newBool(rt, op === Py_EQ ? same : !same)
  }
  try {
    return PyObject_RichCompare(obj, otherObj, op)
  } finally {
    Py_DECREF(obj)
    Py_DECREF(otherObj)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Creating weak references
// ---------------------------------------------------------------------------------------------------------------

/** The shared callback-less `ref` and proxy at the head of a list (either may be null). @cpython Objects/weakrefobject.c#get_basic_refs */
function get_basic_refs(head: PyWeakReference | null): [PyWeakReference | null, PyWeakReference | null] {
  let ref: PyWeakReference | null = null
  let proxy: PyWeakReference | null = null
  if (head !== null && head.wr_callback === null) {
    if (PyWeakref_CheckRefExact(head)) {
      ref = head
      head = head.wr_next
    }
    if (head !== null && head.wr_callback === null && PyWeakref_CheckProxy(head)) proxy = head
  }
  return [ref, proxy]
}

/** @cpython Objects/weakrefobject.c#insert_after */
function insert_after(newref: PyWeakReference, prev: PyWeakReference): void {
  newref.wr_prev = prev
  newref.wr_next = prev.wr_next
  if (prev.wr_next !== null) prev.wr_next.wr_prev = newref
  prev.wr_next = newref
}

/** @cpython Objects/weakrefobject.c#insert_head */
function insert_head(rt: Runtime, newref: PyWeakReference, ob: PyObject): void {
  const next = listHead(rt, ob)
  newref.wr_prev = null
  newref.wr_next = next
  if (next !== null) next.wr_prev = newref
  setListHead(rt, ob, newref)
}

type WeakrefKind = 'ref' | 'proxy'

/** Allocates a weakref object for `ob` (GC-allocated; tracked). May run a collection. */
type WeakrefAlloc = (rt: Runtime, type: PyTypeObject, ob: PyObject, callback: PyObject | null) => PyWeakReference

/** `new_weakref`: an exact `weakref.ref` (the proxy allocator retypes it). @cpython Objects/weakrefobject.c#new_weakref */
function new_weakref(rt: Runtime, type: PyTypeObject, ob: PyObject, callback: PyObject | null): PyWeakReference {
  const wr = PyObject_GC_Init(rt, new PyWeakReference(type, ob), type.tp_basicsize)
  init_weakref(wr, ob, callback)
  _PyObject_GC_TRACK(wr)
  return wr
}

/** A subclass instance through the type's allocator (tracked by it). @cpython Objects/weakrefobject.c#allocate_ref_subtype */
function allocate_ref_subtype(_rt: Runtime, type: PyTypeObject, ob: PyObject, callback: PyObject | null): PyWeakReference {
  const wr = type.tp_alloc!(type, 0) as PyWeakReference
  init_weakref(wr, ob, callback)
  return wr
}

/** @cpython Objects/weakrefobject.c#init_weakref */
function init_weakref(self: PyWeakReference, ob: PyObject, callback: PyObject | null): void {
  self.hash = -1
  self.wr_object = ob
  self.wr_prev = null
  self.wr_next = null
  if (callback !== null) Py_INCREF(callback)
  self.wr_callback = callback
}

/**
 * `get_or_create_weakref`: reuses the shared callback-less ref (or proxy) when one exists, otherwise allocates one
 * and links it where it belongs: a basic ref at the head, a basic proxy after the basic ref, anything else after
 * the basic proxy (or ref). The basic refs are looked up again after the allocation, which may have run a collection.
 * @cpython Objects/weakrefobject.c#get_or_create_weakref
 */
function get_or_create_weakref(rt: Runtime, type: PyTypeObject, kind: WeakrefKind, allocate: WeakrefAlloc, ob: PyObject, callbackIn: PyObject | null): PyWeakReference {
  if (!_PyType_SUPPORTS_WEAKREFS(ob.ob_type)) {
    throw PyErr_Format(rt, 'TypeError', `cannot create weak reference to '${ob.ob_type.tp_name}' object`)
  }
  const callback = callbackIn === rt.None ? null : callbackIn
  const reuse = (): PyWeakReference | null => {
    if (callback !== null) return null
    const [ref, proxy] = get_basic_refs(listHead(rt, ob))
    const cand = type === rt.types.weakref ? ref : kind === 'proxy' ? proxy : null
    if (cand !== null) Py_INCREF(cand)
    return cand
  }
  const existing = reuse()
  if (existing !== null) return existing
  const newref = allocate(rt, type, ob, callback)
  const again = reuse()
  if (again !== null) {
    Py_DECREF(newref)
    return again
  }
  const [ref, proxy] = get_basic_refs(listHead(rt, ob))
  let prev: PyWeakReference | null
  if (newref.wr_callback === null && PyWeakref_CheckRefExact(newref)) prev = null
  else if (newref.wr_callback === null && PyWeakref_CheckProxy(newref)) prev = ref
  else prev = proxy === null ? ref : proxy
  if (prev === null) insert_head(rt, newref, ob)
  else insert_after(newref, prev)
  return newref
}

/**
 * `PyWeakref_NewRef`: a weak reference to `ob` (new reference); a callback-less request returns the shared one.
 * @cpython Objects/weakrefobject.c#PyWeakref_NewRef
 */
export function PyWeakref_NewRef(ob: PyObject, callback: PyObject | null): PyObject {
  const rt = rtOf(ob)
  return get_or_create_weakref(rt, rt.types.weakref, 'ref', new_weakref, ob, callback)
}

/** `allocate_proxy`: a callable proxy when the referent is callable. */
function allocate_proxy(rt: Runtime, _type: PyTypeObject, ob: PyObject, callback: PyObject | null): PyWeakReference {
  const T = rt.types
  return new_weakref(rt, ob.ob_type.tp_call !== null ? T.weakcallableproxy : T.weakproxy, ob, callback)
}

/** `PyWeakref_NewProxy` (`weakref.proxy(ob[, callback])`). @cpython Objects/weakrefobject.c#PyWeakref_NewProxy */
export function PyWeakref_NewProxy(ob: PyObject, callback: PyObject | null): PyObject {
  const rt = rtOf(ob)
  return get_or_create_weakref(rt, rt.types.weakproxy, 'proxy', allocate_proxy, ob, callback)
}

function tupleItems(args: PyObject): PyObject[] {
  return (args as PyTupleObject).ob_item
}

/** `weakref.ref.__new__(type, ob[, callback])`. @cpython Objects/weakrefobject.c#weakref___new__ */
function weakref___new__(type: PyTypeObject, args: PyObject, _kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const items = tupleItems(args)
  checkPositional(rt, '__new__', items.length, 1, 2)
  const allocate = type === rt.types.weakref ? new_weakref : allocate_ref_subtype
  return get_or_create_weakref(rt, type, 'ref', allocate, items[0]!, items[1] ?? null)
}

/** @cpython Objects/weakrefobject.c#weakref___init__ */
function weakref___init__(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const rt = rtOf(self)
  if (kwds !== null && (kwds as unknown as { ma_used: number }).ma_used > 0) {
    throw PyErr_Format(rt, 'TypeError', 'ref() takes no keyword arguments')
  }
  checkPositional(rt, '__init__', tupleItems(args).length, 1, 2)
}

// ---------------------------------------------------------------------------------------------------------------
// Clearing: the referent is being destroyed
// ---------------------------------------------------------------------------------------------------------------

/**
 * `handle_callback`: calls `callback(ref)`; an exception is reported as unraisable (about the callback).
 * @cpython Objects/weakrefobject.c#handle_callback
 */
function handle_callback(rt: Runtime, ref: PyObject, callback: PyObject): void {
  try {
    Py_DECREF(PyObject_Vectorcall(callback, [ref], 0, 1, null))
  } catch (e) {
    if (!(e instanceof PyErr)) throw e
    try {
      // A whole header with {obj} (3.14), or absent.
      const msg = rt.profile.messages['weakrefCallbackUnraisable'] ?? null
      if (msg !== null) rt.hooks.writeUnraisable(rt, e.exc, null, msg.replace('{obj}', reprText(callback)))
      else rt.hooks.writeUnraisable(rt, e.exc, callback, null)
    } finally {
      Py_DECREF(e.exc)
    }
  }
}

/**
 * `PyObject_ClearWeakRefs`: called by the deallocator of a dying object. The callback-less basic ref and proxy at
 * the head are cleared first; then every remaining weakref is cleared and, once all are, the callbacks run in list
 * order (each with its weakref, kept alive by a temporary tuple). A single remaining weakref skips the tuple.
 * @cpython Objects/weakrefobject.c#PyObject_ClearWeakRefs
 */
export function PyObject_ClearWeakRefs(object: PyObject): void {
  const rt = rtOf(object)
  if (!_PyType_SUPPORTS_WEAKREFS(object.ob_type)) return
  let head = listHead(rt, object)
  if (head !== null && head.wr_callback === null) {
    clear_weakref(head)
    head = listHead(rt, object)
    if (head !== null && head.wr_callback === null) clear_weakref(head)
  }
  let current = listHead(rt, object)
  if (current === null) return
  let count = 0
  for (let w: PyWeakReference | null = current; w !== null; w = w.wr_next) count++
  if (count === 1) {
    const callback = current.wr_callback
    current.wr_callback = null
    clear_weakref(current)
    if (callback !== null) {
      if (current.ob_refcnt > 0) handle_callback(rt, current, callback)
      Py_DECREF(callback)
    }
    return
  }
  // The tuple (allocated first, as CPython's PyTuple_New) keeps each weakref alive with its callback until every
  // callback ran. Slots stay None where CPython leaves NULL (no callback, or a weakref that is itself dying).
  const fill = new Array<PyObject>(count * 2)
  for (let i = 0; i < fill.length; i++) {
    Py_INCREF(rt.None)
    fill[i] = rt.None
  }
  const tuple = PyTuple_FromArraySteal(rt, fill)
  if (!_PyObject_GC_IS_TRACKED(tuple)) _PyObject_GC_TRACK(tuple)
  const items = tuple.ob_item
  for (let i = 0; i < count && current !== null; i++) {
    const cur: PyWeakReference = current
    const next: PyWeakReference | null = cur.wr_next
    if (cur.ob_refcnt > 0) {
      Py_INCREF(cur)
      items[i * 2] = cur
      Py_DECREF(rt.None)
      if (cur.wr_callback !== null) {
        items[i * 2 + 1] = cur.wr_callback
        Py_DECREF(rt.None)
      }
    } else Py_XDECREF(cur.wr_callback)
    cur.wr_callback = null
    clear_weakref(cur)
    current = next
  }
  try {
    for (let i = 0; i < count; i++) {
      const callback = items[i * 2 + 1]!
      if (callback !== rt.None) handle_callback(rt, items[i * 2]!, callback)
    }
  } finally {
    Py_DECREF(tuple)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Proxies
// ---------------------------------------------------------------------------------------------------------------

/** The live referent of a proxy (new reference), or ReferenceError. @cpython Objects/weakrefobject.c#proxy_check_ref */
function proxyReferent(proxy: PyObject): PyObject {
  const obj = _PyWeakref_GET_REF(proxy)
  if (obj === null) throw PyErr_Format(rtOf(proxy), 'ReferenceError', 'weakly-referenced object no longer exists')
  return obj
}

/** `UNWRAP`: a proxy operand becomes its referent (new reference); any other operand is INCREF'd. */
function unwrap(o: PyObject): PyObject {
  if (PyWeakref_CheckProxy(o)) return proxyReferent(o)
  Py_INCREF(o)
  return o
}

function wrapUnary(fn: (o: PyObject) => PyObject): unaryfunc {
  return (proxy) => {
    const o = unwrap(proxy)
    try {
      return fn(o)
    } finally {
      Py_DECREF(o)
    }
  }
}

function wrapBinary(fn: (a: PyObject, b: PyObject) => PyObject): binaryfunc {
  return (x, y) => {
    const a = unwrap(x)
    let b: PyObject
    try {
      b = unwrap(y)
    } catch (e) {
      Py_DECREF(a)
      throw e
    }
    try {
      return fn(a, b)
    } finally {
      Py_DECREF(a)
      Py_DECREF(b)
    }
  }
}

/** The unary number protocol with CPython's error (`PyNumber_Negative` …). */
function unaryNumber(slot: 'nb_negative' | 'nb_positive' | 'nb_absolute' | 'nb_invert' | 'nb_int' | 'nb_float' | 'nb_index', what: string): (o: PyObject) => PyObject {
  return (o) => {
    const f = o.ob_type[slot]
    if (f === null) throw PyErr_Format(rtOf(o), 'TypeError', `${what}: '${o.ob_type.tp_name}'`)
    return f(o)
  }
}

const binarySlots: readonly [keyof PyTypeObject & `nb_${string}`, BinarySlot][] = [
  ['nb_add', 'nb_add'],
  ['nb_subtract', 'nb_subtract'],
  ['nb_multiply', 'nb_multiply'],
  ['nb_remainder', 'nb_remainder'],
  ['nb_divmod', 'nb_divmod'],
  ['nb_lshift', 'nb_lshift'],
  ['nb_rshift', 'nb_rshift'],
  ['nb_and', 'nb_and'],
  ['nb_xor', 'nb_xor'],
  ['nb_or', 'nb_or'],
  ['nb_floor_divide', 'nb_floor_divide'],
  ['nb_true_divide', 'nb_true_divide'],
  ['nb_matrix_multiply', 'nb_matrix_multiply'],
]

function proxySlots(): Partial<PyTypeObject> {
  const slots: Record<string, unknown> = {
    tp_dealloc: proxy_dealloc,
    tp_traverse: weakref_traverse,
    tp_clear: weakref_clear,
    tp_repr: proxy_repr,
    tp_str: wrapUnary(PyObject_Str),
    tp_getattro: wrapBinary(PyObject_GetAttr),
    tp_setattro: proxy_setattr,
    tp_richcompare: proxy_richcompare,
    tp_iter: proxy_iter,
    tp_iternext: proxy_iternext,
    nb_bool: proxy_bool,
    nb_negative: wrapUnary(unaryNumber('nb_negative', 'bad operand type for unary -')),
    nb_positive: wrapUnary(unaryNumber('nb_positive', 'bad operand type for unary +')),
    nb_absolute: wrapUnary(unaryNumber('nb_absolute', 'bad operand type for abs()')),
    nb_invert: wrapUnary(unaryNumber('nb_invert', 'bad operand type for unary ~')),
    nb_int: wrapUnary(unaryNumber('nb_int', "int() argument must be a string, a bytes-like object or a real number, not")),
    nb_float: wrapUnary(unaryNumber('nb_float', 'must be real number, not')),
    nb_index: wrapUnary(unaryNumber('nb_index', 'object cannot be interpreted as an integer')),
    nb_power: (a: PyObject, b: PyObject, c: PyObject) => {
      const x = unwrap(a)
      const y = unwrap(b)
      try {
        const f = x.ob_type.nb_power ?? y.ob_type.nb_power
        if (f === null) throw PyErr_Format(rtOf(x), 'TypeError', `unsupported operand type(s) for ** or pow(): '${x.ob_type.tp_name}' and '${y.ob_type.tp_name}'`)
        return f(x, y, c)
      } finally {
        Py_DECREF(x)
        Py_DECREF(y)
      }
    },
    sq_length: proxy_length,
    mp_length: proxy_length,
    sq_contains: proxy_contains,
    mp_subscript: wrapBinary(PyObject_GetItem),
    mp_ass_subscript: proxy_setitem,
    tp_methods: [
      { ml_name: '__bytes__', ml_flags: METH_NOARGS, ml_meth: proxyMethod('__bytes__') },
      { ml_name: '__reversed__', ml_flags: METH_NOARGS, ml_meth: proxyMethod('__reversed__') },
    ],
  }
  for (const [slot, op] of binarySlots) {
    slots[slot] = wrapBinary((a, b) => binary_op(a, b, op))
    const islot = ('nb_inplace_' + slot.slice(3)) as keyof PyTypeObject & `nb_inplace_${string}`
    if (slot !== 'nb_divmod') slots[islot] = wrapBinary((a, b) => binary_iop(a, b, islot, op))
  }
  return slots as Partial<PyTypeObject>
}

/** @cpython Objects/weakrefobject.c#proxy_repr */
function proxy_repr(proxy: PyObject): PyObject {
  const rt = rtOf(proxy)
  const wr = proxy as PyWeakReference
  if (rt.profile.objects.runtimeObjects.proxyRepr === 'quoted') {
    const obj = _PyWeakref_GET_REF(proxy)
    if (obj === null) return newStr(rt, `<weakproxy at ${addrHex(proxy)}; dead>`)
    Py_DECREF(obj)
    return newStr(rt, `<weakproxy at ${addrHex(proxy)}; to '${obj.ob_type.tp_name}' at ${addrHex(obj)}>`)
  }
  // ≤3.12 print the referent field as it is: None's type and address once the referent is gone.
  const obj = wr.wr_object
  return newStr(rt, `<weakproxy at ${addrHex(proxy)} to ${obj.ob_type.tp_name} at ${addrHex(obj)}>`)
}

/** @cpython Objects/weakrefobject.c#proxy_setattr */
function proxy_setattr(proxy: PyObject, name: PyObject, value: PyObject | null): void {
  const obj = proxyReferent(proxy)
  try {
    PyObject_SetAttr(obj, name, value)
  } finally {
    Py_DECREF(obj)
  }
}

/** @cpython Objects/weakrefobject.c#proxy_richcompare */
function proxy_richcompare(proxy: PyObject, v: PyObject, op: number): PyObject {
  return wrapBinary((a, b) => PyObject_RichCompare(a, b, op))(proxy, v)
}

/** @cpython Objects/weakrefobject.c#proxy_bool */
function proxy_bool(proxy: PyObject): number {
  const obj = proxyReferent(proxy)
  try {
    return PyObject_IsTrue(obj) ? 1 : 0
  } finally {
    Py_DECREF(obj)
  }
}

/** @cpython Objects/weakrefobject.c#proxy_length */
function proxy_length(proxy: PyObject): number {
  const obj = proxyReferent(proxy)
  try {
    return PyObject_Size(obj)
  } finally {
    Py_DECREF(obj)
  }
}

/** @cpython Objects/weakrefobject.c#proxy_contains */
function proxy_contains(proxy: PyObject, value: PyObject): boolean {
  const obj = proxyReferent(proxy)
  try {
    return PySequence_Contains(obj, value)
  } finally {
    Py_DECREF(obj)
  }
}

/** @cpython Objects/weakrefobject.c#proxy_setitem */
function proxy_setitem(proxy: PyObject, key: PyObject, value: PyObject | null): void {
  const obj = proxyReferent(proxy)
  try {
    if (value === null) PyObject_DelItem(obj, key)
    else PyObject_SetItem(obj, key, value)
  } finally {
    Py_DECREF(obj)
  }
}

/** @cpython Objects/weakrefobject.c#proxy_iter */
function proxy_iter(proxy: PyObject): PyObject {
  const obj = proxyReferent(proxy)
  try {
    return PyObject_GetIter(obj)
  } finally {
    Py_DECREF(obj)
  }
}

/** @cpython Objects/weakrefobject.c#proxy_iternext */
function proxy_iternext(proxy: PyObject): PyObject | null {
  const obj = proxyReferent(proxy)
  try {
    const next = obj.ob_type.tp_iternext
    if (next === null) {
      throw PyErr_Format(rtOf(obj), 'TypeError', `Weakref proxy referenced a non-iterator '${obj.ob_type.tp_name.slice(0, 200)}' object`)
    }
    return next(obj)
  } finally {
    Py_DECREF(obj)
  }
}

/** @cpython Objects/weakrefobject.c#proxy_call */
function proxy_call(proxy: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const obj = proxyReferent(proxy)
  try {
    return PyObject_Vectorcall(obj, args, start, nargs, kwnames)
  } finally {
    Py_DECREF(obj)
  }
}

/** `WRAP_METHOD`: `proxy.__bytes__()` / `__reversed__()` call the referent's method. */
function proxyMethod(name: string) {
  return (self: PyObject): PyObject => {
    const obj = unwrap(self)
    try {
      const rt = rtOf(obj)
      const m = _PyObject_LookupAttrStr(obj, name)
      if (m === null) throw PyErr_Format(rt, 'AttributeError', `'${obj.ob_type.tp_name}' object has no attribute '${name}'`)
      try {
        return PyObject_Vectorcall(m, [], 0, 0, null)
      } finally {
        Py_DECREF(m)
      }
    } finally {
      Py_DECREF(obj)
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------

/** Creates `weakref.ref`, `weakref.ProxyType` and `weakref.CallableProxyType`; installs `rt.clearWeakRefs`. */
export function _PyWeakref_InitTypes(rt: Runtime): void {
  const T = rt.types
  const [refName, proxyName, callableName] = rt.profile.objects.runtimeObjects.weakrefTypeNames
  const basicsize = rt.sizeof.weakref - rt.profile.gc.gcHeadSize
  T.weakref = PyType_NewStatic(rt, refName, {
    basicsize,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    slots: {
      tp_dealloc: weakref_dealloc,
      tp_free: PyObject_GC_Del,
      tp_traverse: weakref_traverse,
      tp_clear: weakref_clear,
      tp_call: weakref_call,
      tp_hash: weakref_hash,
      tp_repr: weakref_repr,
      tp_richcompare: weakref_richcompare,
      tp_new: weakref___new__,
      tp_init: weakref___init__,
      tp_getset: [
        {
          name: '__callback__',
          get: (self) => {
            const cb = (self as PyWeakReference).wr_callback
            return cb !== null ? (Py_INCREF(cb), cb) : newNone(rtOf(self))
          },
          set: readonlyAttribute,
        },
      ],
    },
  })
  registerFactory(T.weakref, (t) => new PyWeakReference(t, rt.None))
  T.weakproxy = PyType_NewStatic(rt, proxyName, { basicsize, flags: Py_TPFLAGS_HAVE_GC, slots: proxySlots() })
  T.weakcallableproxy = PyType_NewStatic(rt, callableName, {
    basicsize,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: { ...proxySlots(), tp_call: proxy_call },
  })
  rt.clearWeakRefs = PyObject_ClearWeakRefs
}

/**
 * DEVIATION(cpython): read-only members of static types are getset descriptors here (core's member descriptors
 * address `__slots__` only); the error is the member's "readonly attribute".
 */
export function readonlyAttribute(self: PyObject): void {
  throw PyErr_Format(rtOf(self), 'AttributeError', 'readonly attribute')
}

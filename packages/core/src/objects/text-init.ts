/**
 * Creates the behaviour of str, bytes and bytearray and their iterators: slots, method tables, the exact hashes,
 * the bytes caches, and the hooks the text modules use to reach each other.
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_Init } from '../object/alloc.js'
import { OB_STATIC, type PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import {
  METH_CLASS,
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  METH_STATIC,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  type PyMethodDef,
  type PyTypeObject,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import {
  PyByteArrayObject,
  byteArrayFromLatin1,
  bytearray_alloc,
  bytearray_append,
  bytearray_ass_item,
  bytearray_ass_subscript,
  bytearray_clear,
  bytearray_concat,
  bytearray_copy,
  bytearray_dealloc,
  bytearray_extend,
  bytearray_iconcat,
  bytearray_init_impl,
  bytearray_insert,
  bytearray_irepeat,
  bytearray_item,
  bytearray_iter,
  bytearray_length,
  bytearray_pop,
  bytearray_remove,
  bytearray_repeat,
  bytearray_repr,
  bytearray_reverse,
  bytearray_richcompare,
  bytearray_sizeof,
  bytearray_subscript,
  byteArrayData,
} from './bytearrayobject.js'
import { bytesMethods, fromHex, makeTransTable, type BytesKind } from './bytes-methods.js'
import {
  PyBytesObject,
  _PyBytes_FromOwned,
  _PyBytes_InitStatic,
  _PyBytes_SetEncodeHook,
  _PyBytes_SetStrFactory,
  bufferOf,
  bytesFormatChar,
  bytesFormatOperand,
  bytesFromLatin1,
  bytes___bytes__,
  bytes_concat,
  bytes_contains,
  bytes_dealloc,
  bytes_getnewargs,
  bytes_hash,
  bytes_hash_exact,
  bytes_item,
  bytes_iter,
  bytes_length,
  bytes_new_impl,
  bytes_repeat,
  bytes_repr,
  bytes_richcompare,
  bytes_sizeof,
  bytes_subscript,
  bytesContains,
  bytesiter_dealloc,
  bytesiter_len,
  bytesiter_next,
  bytesiter_traverse,
  latin1,
} from './bytesobject.js'
import { _PyCodecs_SetBytesFactory, decodeBytes, encodeText } from './codecs.js'
import { registerFactory } from './descrobject.js'
import { formatStrSpec } from './formatting.js'
import { PyLong_FromNumber } from './longobject.js'
import { PyType_GenericAllocObject } from './instances.js'
import { PyDict_New, PyDict_SetItem } from './dictobject.js'
import { notImplemented } from './protocols.js'
import { _PyHash_RegisterExact, type PyTupleObject } from './tupleobject.js'
import { PyUnicode_Check } from './type-util.js'
import { PyType_NewStatic } from './typeobject.js'
import { _PyFormat_SetBytesKeyFactory, buildFormat, percentFormat, PyUnicode_Format } from './unicode-format.js'
import { _PyUnicode_SetBytesFactory, clinicArgs, strMethods } from './unicode-methods.js'
import {
  _PyUnicode_SetDecodeHook,
  _PyUnicode_SetFormatHook,
  _PyUnicode_SetFormatSpecHook,
  unicode___format__,
  unicode_concat,
  unicode_contains,
  unicode_getitem,
  unicode_getnewargs,
  unicode_iter,
  unicode_length,
  unicode_mod,
  unicode_new,
  unicode_repeat,
  unicode_repr,
  unicode_richcompare,
  unicode_str,
  unicode_subscript,
  unicodeiter_dealloc,
  unicodeiter_len,
  unicodeiter_next,
  unicodeiter_traverse,
} from './unicode-type.js'
import { PyUnicodeObject, PyUnicode_FromString, unicode_hash, unicode_hash_exact } from './unicodeobject.js'

type Meth = PyMethodDef['ml_meth']

type MethKind = 'noargs' | 'o' | 'fast' | 'fastkw' | 'static' | 'classO'

function flagsOf(kind: MethKind): number {
  switch (kind) {
    case 'noargs':
      return METH_NOARGS
    case 'o':
      return METH_O
    case 'fast':
      return METH_FASTCALL
    case 'fastkw':
      return METH_FASTCALL | METH_KEYWORDS
    case 'static':
      return METH_FASTCALL | METH_STATIC
    case 'classO':
      return METH_O | METH_CLASS
  }
}

function def(name: string, fn: Meth, kind: MethKind): PyMethodDef {
  return { ml_name: name, ml_meth: fn, ml_flags: flagsOf(kind) }
}

/** The vectorcall arguments of `tp_new(type, args, kwds)` as one array and the keyword names. */
function unpackNewArgs(args: PyObject, kwds: PyObject | null): [PyObject[], string[]] {
  const items = (args as PyTupleObject).ob_item.slice()
  const names: string[] = []
  if (kwds !== null) {
    const d = kwds as unknown as { ma_keys: (PyObject | undefined)[]; ma_values: (PyObject | undefined)[] }
    for (let i = 0; i < d.ma_keys.length; i++) {
      const k = d.ma_keys[i]
      if (k === undefined) continue
      names.push((k as PyUnicodeObject).value)
      items.push(d.ma_values[i]!)
    }
  }
  return [items, names]
}

function strOrNull(rt: Runtime, fname: string, o: PyObject | null, argName: string): string | null {
  if (o === null) return null
  if (!PyUnicode_Check(o)) throw PyErr_Format(rt, 'TypeError', `${fname}() argument '${argName}' must be str, not ${o.ob_type.tp_name}`)
  return (o as PyUnicodeObject).value
}

/** Creates str/bytes/bytearray behaviour (slots, methods). */
export function _PyText_Init(rt: Runtime): void {
  _PyHash_RegisterExact(unicode_hash, unicode_hash_exact)
  _PyHash_RegisterExact(bytes_hash, bytes_hash_exact)
  _PyUnicode_SetFormatHook(PyUnicode_Format)
  _PyUnicode_SetFormatSpecHook(formatStrSpec)
  _PyUnicode_SetDecodeHook((rt2, obj, enc, err) => {
    if (PyUnicode_Check(obj)) throw PyErr_Format(rt2, 'TypeError', 'decoding str is not supported')
    const b = bufferOf(obj)
    if (b === null) throw PyErr_Format(rt2, 'TypeError', `decoding to str: need a bytes-like object, ${obj.ob_type.tp_name} found`)
    return PyUnicode_FromString(rt2, decodeBytes(rt2, b, enc ?? 'utf-8', err ?? 'strict'))
  })
  _PyUnicode_SetBytesFactory(_PyBytes_FromOwned)
  _PyCodecs_SetBytesFactory((rt2, b) => _PyBytes_FromOwned(rt2, b.slice()))
  _PyBytes_SetStrFactory(PyUnicode_FromString)
  _PyBytes_SetEncodeHook(encodeText)
  _PyFormat_SetBytesKeyFactory(bytesFromLatin1)
  _PyBytes_InitStatic(rt)
  rt.auditRoots.push((visit) => {
    // The interpreter's references to the bytes caches (heap objects on profiles without static ones).
    const heap = (op: PyObject | undefined): void => {
      if (op !== undefined && (op.ob_flags & OB_STATIC) === 0) visit(op)
    }
    for (const op of rt.bytes_characters) heap(op)
    heap(rt.empty_bytes as PyObject | undefined)
  })
  initStr(rt)
  initBytes(rt)
  initByteArray(rt)
}

function iterType(rt: Runtime, name: string, next: (self: PyObject) => PyObject | null, dealloc: (self: PyObject) => void, traverse: PyTypeObject['tp_traverse'], len: Meth): PyTypeObject {
  return PyType_NewStatic(rt, name, {
    basicsize: 4 * rt.profile.pointerSize,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: {
      tp_dealloc: dealloc,
      tp_traverse: traverse,
      tp_iter: (self: PyObject) => {
        Py_INCREF(self)
        return self
      },
      tp_iternext: next,
      tp_methods: [{ ml_name: '__length_hint__', ml_meth: len, ml_flags: METH_NOARGS, ml_doc: 'Private method returning an estimate of len(list(it)).' }],
    },
  })
}

function initStr(rt: Runtime): void {
  const T = rt.types
  const t = T.str
  const methods: PyMethodDef[] = strMethods(rt).map((m) => def(m.name, m.fn, m.kind))
  const formatMeth: Meth = (self, args, start, nargs, kwnames) => {
    const pos = args.slice(start, start + nargs)
    const kw = kwnames !== null && (kwnames as PyTupleObject).ob_item.length > 0 ? newKwDict(rt, kwnames, args, start + nargs) : null
    try {
      return PyUnicode_FromString(rt, buildFormat(rt, (self as PyUnicodeObject).value, pos, kw, false))
    } finally {
      if (kw !== null) Py_DECREF(kw)
    }
  }
  const formatMapMeth: Meth = (self, args, start) => PyUnicode_FromString(rt, buildFormat(rt, (self as PyUnicodeObject).value, [], args[start]!, true))
  methods.push(
    def('format', formatMeth, 'fastkw'),
    def('format_map', formatMapMeth, 'o'),
    def('__format__', (self, args, start) => unicode___format__(self, args[start]!), 'o'),
    def('__getnewargs__', (self) => unicode_getnewargs(self), 'noargs'),
  )
  Object.assign(t, {
    tp_repr: unicode_repr,
    tp_str: unicode_str,
    tp_richcompare: unicode_richcompare,
    tp_iter: unicode_iter,
    tp_new: (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
      const [items, names] = unpackNewArgs(args, kwds)
      return unicode_new(type, items, names)
    },
    nb_remainder: unicode_mod,
    sq_length: unicode_length,
    sq_concat: unicode_concat,
    sq_repeat: unicode_repeat,
    sq_item: unicode_getitem,
    sq_contains: unicode_contains,
    mp_length: unicode_length,
    mp_subscript: unicode_subscript,
    tp_methods: methods,
  } satisfies Partial<PyTypeObject>)
  registerFactory(t, (type) => new PyUnicodeObject(type, '', 1, true, 0))
  T.str_iterator = iterType(rt, 'str_iterator', unicodeiter_next, unicodeiter_dealloc, unicodeiter_traverse, (self) => unicodeiter_len(self))
  if (rt.profile.objects.text.asciiIterator) {
    T.str_ascii_iterator = iterType(rt, 'str_ascii_iterator', unicodeiter_next, unicodeiter_dealloc, unicodeiter_traverse, (self) => unicodeiter_len(self))
  }
}

function newKwDict(rt: Runtime, kwnames: PyObject, args: readonly PyObject[], at: number): PyObject {
  const names = (kwnames as PyTupleObject).ob_item
  const d = PyDict_New(rt)
  for (let i = 0; i < names.length; i++) PyDict_SetItem(d, names[i]!, args[at + i]!)
  return d
}


function bytesNewArgs(rt: Runtime, fname: string, args: PyObject, kwds: PyObject | null): [PyObject | null, string | null, string | null] {
  const [items, names] = unpackNewArgs(args, kwds)
  const nargs = items.length - names.length
  const kwn = names.length > 0 ? { ob_item: names.map((n) => PyUnicode_FromString(rt, n)) } : null
  try {
    const [x, e, r] = clinicArgs(rt, fname, items, 0, nargs, kwn as unknown as PyObject | null, ['source', 'encoding', 'errors'], 0)
    return [x, strOrNull(rt, fname, e, 'encoding'), strOrNull(rt, fname, r, 'errors')]
  } finally {
    if (kwn !== null) for (const k of kwn.ob_item) Py_DECREF(k)
  }
}

function initBytes(rt: Runtime): void {
  const T = rt.types
  const t = T.bytes
  const kind: BytesKind = {
    name: 'bytes',
    make: (self, s) => {
      if (self.ob_type === rt.types.bytes && latin1((self as PyBytesObject).ob_sval) === s) {
        Py_INCREF(self)
        return self
      }
      return bytesFromLatin1(rt, s)
    },
  }
  const methods: PyMethodDef[] = []
  methods.push(def('__getnewargs__', (self) => bytes_getnewargs(self), 'noargs'))
  if (rt.profile.objects.text.bytesDunderBytes) methods.push(def('__bytes__', (self) => bytes___bytes__(self), 'noargs'))
  for (const m of bytesMethods(rt, kind)) methods.push(def(m.name, m.fn, m.kind))
  methods.push(
    def('fromhex', (type, args, start) => {
      const data = fromHex(rt, args[start]!)
      const b = _PyBytes_FromOwned(rt, data)
      if (type === rt.types.bytes) return b
      try {
        return (type as PyTypeObject).tp_call!(type, [b], 0, 1, null)
      } finally {
        Py_DECREF(b)
      }
    }, 'classO'),
    def('maketrans', (_t, args, start, nargs) => {
      if (nargs !== 2) throw PyErr_Format(rt, 'TypeError', `maketrans expected 2 arguments, got ${nargs}`)
      return _PyBytes_FromOwned(rt, makeTransTable(rt, args[start]!, args[start + 1]!))
    }, 'static'),
  )
  Object.assign(t, {
    tp_dealloc: bytes_dealloc,
    tp_repr: bytes_repr,
    tp_str: bytes_repr,
    tp_hash: bytes_hash,
    tp_richcompare: bytes_richcompare,
    tp_iter: bytes_iter,
    tp_sizeof: (op: PyObject) => bytes_sizeof(rt, (op as PyBytesObject).ob_sval.length),
    tp_new: (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
      const [x, e, r] = bytesNewArgs(rt, 'bytes', args, kwds)
      return bytes_new_impl(type, x, e, r)
    },
    nb_remainder: (v: PyObject, w: PyObject) => {
      if (!(v instanceof PyBytesObject)) return notImplemented(rt)
      return bytesFromLatin1(rt, percentFormat(rt, latin1(v.ob_sval), w, { bytesOf: bytesFormatOperand, byteOf: bytesFormatChar }))
    },
    sq_length: bytes_length,
    sq_concat: bytes_concat,
    sq_repeat: bytes_repeat,
    sq_item: bytes_item,
    sq_contains: bytes_contains,
    mp_length: bytes_length,
    mp_subscript: bytes_subscript,
    tp_methods: methods,
  } satisfies Partial<PyTypeObject>)
  registerFactory(t, (type) => new PyBytesObject(type, new Uint8Array(0)))
  T.bytes_iterator = iterType(rt, 'bytes_iterator', bytesiter_next, bytesiter_dealloc, bytesiter_traverse, (self) => bytesiter_len(self))
}

function initByteArray(rt: Runtime): void {
  const T = rt.types
  const kind: BytesKind = { name: 'bytearray', make: (_self, s) => byteArrayFromLatin1(rt, s) }
  const methods: PyMethodDef[] = [
    def('__alloc__', (self) => bytearray_alloc(self), 'noargs'),
    def('__sizeof__', (self) => intObj(rt, bytearray_sizeof(self)), 'noargs'),
    def('append', (self, args, start) => bytearray_append(self, args[start]!), 'o'),
    def('clear', (self) => bytearray_clear(self), 'noargs'),
    def('copy', (self) => bytearray_copy(self), 'noargs'),
    def('extend', (self, args, start) => bytearray_extend(self, args[start]!), 'o'),
    def('insert', (self, args, start, nargs) => {
      if (nargs !== 2) throw PyErr_Format(rt, 'TypeError', `insert expected 2 arguments, got ${nargs}`)
      return bytearray_insert(self, args, start)
    }, 'fast'),
    def('pop', (self, args, start, nargs) => {
      if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `pop expected at most 1 argument, got ${nargs}`)
      return bytearray_pop(self, args, start, nargs)
    }, 'fast'),
    def('remove', (self, args, start) => bytearray_remove(self, args[start]!), 'o'),
    def('reverse', (self) => bytearray_reverse(self), 'noargs'),
  ]
  for (const m of bytesMethods(rt, kind)) methods.push(def(m.name, m.fn, m.kind))
  methods.push(
    def('fromhex', (type, args, start) => {
      const data = fromHex(rt, args[start]!)
      const b = byteArrayFromLatin1(rt, latin1(data))
      if (type === rt.types.bytearray) return b
      try {
        return (type as PyTypeObject).tp_call!(type, [b], 0, 1, null)
      } finally {
        Py_DECREF(b)
      }
    }, 'classO'),
    def('maketrans', (_t, args, start, nargs) => {
      if (nargs !== 2) throw PyErr_Format(rt, 'TypeError', `maketrans expected 2 arguments, got ${nargs}`)
      return _PyBytes_FromOwned(rt, makeTransTable(rt, args[start]!, args[start + 1]!))
    }, 'static'),
  )
  T.bytearray = PyType_NewStatic(rt, 'bytearray', {
    basicsize: rt.sizeof.bytearray,
    flags: Py_TPFLAGS_BASETYPE,
    slots: {
      tp_dealloc: bytearray_dealloc,
      tp_repr: bytearray_repr,
      tp_str: bytearray_repr,
      tp_richcompare: bytearray_richcompare,
      tp_iter: bytearray_iter,
      tp_sizeof: bytearray_sizeof,
      tp_new: (type: PyTypeObject) => {
        const op = new PyByteArrayObject(type)
        return allocByteArray(rt, type, op)
      },
      tp_init: (self: PyObject, args: PyObject, kwds: PyObject | null) => {
        const [x, e, r] = bytesNewArgs(rt, 'bytearray', args, kwds)
        bytearray_init_impl(self, x, e, r)
      },
      nb_remainder: (v: PyObject, w: PyObject) => {
        if (!(v instanceof PyByteArrayObject)) return notImplemented(rt)
        return byteArrayFromLatin1(rt, percentFormat(rt, latin1(byteArrayData(v)), w, { bytesOf: bytesFormatOperand, byteOf: bytesFormatChar }))
      },
      sq_length: bytearray_length,
      sq_concat: bytearray_concat,
      sq_repeat: bytearray_repeat,
      sq_item: bytearray_item,
      sq_ass_item: bytearray_ass_item,
      sq_contains: (self: PyObject, arg: PyObject) => bytesContains(rt, byteArrayData(self), arg),
      sq_inplace_concat: bytearray_iconcat,
      sq_inplace_repeat: bytearray_irepeat,
      mp_length: bytearray_length,
      mp_subscript: bytearray_subscript,
      mp_ass_subscript: bytearray_ass_subscript,
      tp_methods: methods,
    },
  })
  registerFactory(T.bytearray, (type) => new PyByteArrayObject(type))
  T.bytearray_iterator = iterType(rt, 'bytearray_iterator', bytesiter_next, bytesiter_dealloc, bytesiter_traverse, (self) => bytesiter_len(self))
}

function allocByteArray(rt: Runtime, type: PyTypeObject, op: PyByteArrayObject): PyObject {
  if (type === rt.types.bytearray) return PyObject_Init(rt, op, type.tp_basicsize)
  return PyType_GenericAllocObject(type, op, 0)
}
function intObj(rt: Runtime, n: number): PyObject {
  return PyLong_FromNumber(rt, n)
}


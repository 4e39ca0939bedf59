/**
 * A `ctypes` module for python-lite: simple C types, arrays, pointers, `py_object`, `pythonapi` and the memory
 * functions, reading and writing the simulated address space (see memory.ts).
 * @cpython Modules/_ctypes/_ctypes.c
 */
import * as core from '@heap/core'
import {
  METH_CLASS,
  METH_FASTCALL,
  METH_O,
  OB_FREED,
  PyDict_GetItemStr,
  PyDict_SetItem,
  PyErr_Format,
  PyLong_FromValue,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyType_NewStatic,
  PyType_Ready,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  Py_DECREF,
  Py_INCREF,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  _Py_DECREF_AT,
  _Py_Dealloc,
  _PyObject_GC_TRACK,
  _PyObject_GC_UNTRACK,
  type PyDictObject,
  type PyLongObject,
  type PyMethodDef,
  type PyTupleObject,
  type PyTypeObject,
  type PyUnicodeObject,
  type Runtime,
} from '@heap/core'
import { allocBuffer, freeBuffer, objectAt, readBytes, readInt, writeBytes, writeInt } from './memory.js'
import { recordHazard, unsafeState } from './state.js'
import { installUnsafeHooks } from './crash.js'

const coreAny = core as unknown as Record<string, unknown>

// --- Python object helpers (numbers and bytes come from core's object modules) -------------------------------

function pyBytes(rt: Runtime, data: Uint8Array): PyObject {
  const f = coreAny.PyBytes_FromUint8Array as ((rt: Runtime, b: Uint8Array) => PyObject) | undefined
  if (f === undefined) throw PyErr_Format(rt, 'SystemError', 'bytes objects are not available')
  return f(rt, data)
}

/** The contents of a bytes or bytearray object, or null. */
function bytesData(rt: Runtime, op: PyObject): Uint8Array | null {
  const f = coreAny.PyBytes_AsUint8Array as ((o: PyObject) => Uint8Array | null) | undefined
  if (f !== undefined) return f(op)
  const o = op as unknown as { ob_sval?: Uint8Array; ob_bytes?: Uint8Array }
  if (op.ob_type === rt.types.bytes || op.ob_type === rt.types.bytearray) return o.ob_sval ?? o.ob_bytes ?? null
  return null
}

function pyFloat(rt: Runtime, v: number): PyObject {
  return (coreAny.PyFloat_FromDouble as (rt: Runtime, v: number) => PyObject)(rt, v)
}

function floatValue(rt: Runtime, op: PyObject): number {
  const v = (op as unknown as { ob_fval?: number }).ob_fval
  if (typeof v === 'number') return v
  return Number(indexValue(rt, op))
}

/** `__index__` of an int-like object as a bigint, with CPython's TypeError. */
function indexValue(rt: Runtime, op: PyObject): bigint {
  const ival = (op as PyLongObject).ob_ival
  if (ival !== undefined && (op.ob_type === rt.types.int || op.ob_type === rt.types.bool || core.PyType_IsSubtype(op.ob_type, rt.types.int))) return BigInt(ival)
  const f = op.ob_type.nb_index
  if (f === null) throw PyErr_Format(rt, 'TypeError', `'${op.ob_type.tp_name}' object cannot be interpreted as an integer`)
  const r = f(op)
  try {
    return BigInt((r as PyLongObject).ob_ival)
  } finally {
    Py_DECREF(r)
  }
}

function pyInt(rt: Runtime, v: bigint): PyObject {
  return PyLong_FromValue(rt, v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v)
}

function none(rt: Runtime): PyObject {
  Py_INCREF(rt.None)
  return rt.None
}

function str(rt: Runtime, s: string): PyObject {
  return PyUnicode_FromString(rt, s)
}

// --- the CData object -----------------------------------------------------------------------------------------------

/** What kind of C value a simple type holds. */
type SimpleKind = 'int' | 'uint' | 'float' | 'char' | 'bool' | 'void_p' | 'py_object'

interface SimpleInfo {
  readonly kind: SimpleKind
  readonly size: number
}

interface ArrayInfo {
  readonly elem: PyTypeObject
  readonly length: number
}

/** Per-type ctypes information (`StgDictObject` in CPython). */
interface StgInfo {
  readonly size: number
  readonly simple?: SimpleInfo
  readonly array?: ArrayInfo
  readonly pointer?: PyTypeObject
}

/** `CDataObject`: a C value in the simulated memory, owned (its own buffer) or borrowed (`from_address`). */
export class CDataObject extends PyObject {
  /** Where the value lives. */
  b_ptr = 0
  b_size = 0
  /** Whether the buffer is the object's own (freed with it). */
  b_owned = false
  /** Whether an owned buffer is a separate allocation (large values) rather than inside the object. */
  b_separate = false
  /** Objects kept alive by this one (`py_object`'s referent, the base of a view), owned. */
  b_objects: PyObject[] = []
}

/** Where a CData object's inline value lives, from its address (`b_value`). */
const B_VALUE_OFFSET = 80
const B_VALUE_SIZE = 16
const CDATA_BASICSIZE = 120

interface Ctx {
  readonly rt: Runtime
  readonly stg: WeakMap<PyTypeObject, StgInfo>
  readonly arrayTypes: Map<string, PyTypeObject>
  readonly pointerTypes: Map<PyTypeObject, PyTypeObject>
  simpleMeta: PyTypeObject
  arrayMeta: PyTypeObject
  pointerMeta: PyTypeObject
  simpleBase: PyTypeObject
  arrayBase: PyTypeObject
  pointerBase: PyTypeObject
  pyObjectType: PyTypeObject
  module: PyObject
}

function stgOf(ctx: Ctx, t: PyTypeObject): StgInfo | null {
  for (let b: PyTypeObject | null = t; b !== null; b = b.tp_base) {
    const s = ctx.stg.get(b)
    if (s !== undefined) return s
  }
  return null
}

function newCData(ctx: Ctx, type: PyTypeObject, addr: number | null, keep: PyObject | null): CDataObject {
  const rt = ctx.rt
  const info = stgOf(ctx, type)
  if (info === null) throw PyErr_Format(rt, 'TypeError', 'abstract class')
  const op = PyObject_GC_Init(rt, new CDataObject(type), CDATA_BASICSIZE)
  op.b_size = info.size
  if (addr === null) {
    op.b_owned = true
    if (info.size <= B_VALUE_SIZE) {
      op.b_ptr = op.ob_addr + B_VALUE_OFFSET
      unsafeState(rt).buffers.set(op.b_ptr, new Uint8Array(Math.max(info.size, 1)))
    } else {
      op.b_separate = true
      op.b_ptr = allocBuffer(rt, info.size)
    }
  } else op.b_ptr = addr
  if (keep !== null) {
    Py_INCREF(keep)
    op.b_objects.push(keep)
  }
  _PyObject_GC_TRACK(op)
  return op
}

function cdata_dealloc(self: PyObject): void {
  const op = self as CDataObject
  const rt = op.ob_type.tp_runtime
  _PyObject_GC_UNTRACK(op)
  const keep = op.b_objects.splice(0)
  if (op.b_owned) {
    if (op.b_separate) freeBuffer(rt, op.b_ptr)
    else unsafeState(rt).buffers.delete(op.b_ptr)
  }
  for (const k of keep) _Py_DECREF_AT(k, 'ctypes-keep')
  PyObject_GC_Del(op)
}

function cdata_traverse(self: PyObject, visit: core.visitproc, arg: unknown): number {
  for (const k of (self as CDataObject).b_objects) {
    const r = visit(k, arg)
    if (r !== 0) return r
  }
  return 0
}

function cdata_clear(self: PyObject): number {
  const keep = (self as CDataObject).b_objects.splice(0)
  for (const k of keep) _Py_DECREF_AT(k, 'ctypes-keep')
  return 0
}

// --- simple values -------------------------------------------------------------------------------------------------

function isSigned(kind: SimpleKind): boolean {
  return kind === 'int'
}

/** Reads a simple value at `addr` as a Python object (a new reference). */
function getSimple(ctx: Ctx, info: SimpleInfo, addr: number, owner: CDataObject | null): PyObject {
  const rt = ctx.rt
  switch (info.kind) {
    case 'int':
    case 'uint':
      return pyInt(rt, readInt(rt, addr, info.size, isSigned(info.kind)))
    case 'bool':
      return Py_NewBool(rt, readInt(rt, addr, 1, false) !== 0n)
    case 'float': {
      const b = readBytes(rt, addr, info.size)
      const dv = new DataView(b.buffer)
      return pyFloat(rt, info.size === 4 ? dv.getFloat32(0, true) : dv.getFloat64(0, true))
    }
    case 'char':
      return pyBytes(rt, readBytes(rt, addr, 1))
    case 'void_p': {
      const v = readInt(rt, addr, info.size, false)
      return v === 0n ? none(rt) : pyInt(rt, v)
    }
    case 'py_object': {
      const a = Number(readInt(rt, addr, info.size, false))
      if (a === 0) throw PyErr_Format(rt, 'ValueError', 'PyObject is NULL')
      // The referent this py_object keeps alive, dangling or not, is the object at that address.
      const kept = owner?.b_objects.find((o) => o.ob_addr === a) ?? null
      let op = kept ?? objectAt(rt, a)
      if (op === null) return rt.hooks.crash(rt, 'segfault', null, `py_object.value read a PyObject* 0x${a.toString(16)} that points at no object`)
      if ((op.ob_flags & OB_FREED) !== 0) op = core._PyObject_ResolveFreed(op)
      Py_INCREF(op)
      return op
    }
  }
}

function Py_NewBool(rt: Runtime, b: boolean): PyObject {
  const r = b ? rt.True : rt.False
  Py_INCREF(r)
  return r
}

/** Writes a Python value as a simple C value at `addr`; returns an object to keep alive (py_object), or null. */
function setSimple(ctx: Ctx, info: SimpleInfo, addr: number, value: PyObject, typeName: string): PyObject | null {
  const rt = ctx.rt
  switch (info.kind) {
    case 'int':
    case 'uint':
      if (value.ob_type === rt.types.float || (value as unknown as { ob_fval?: number }).ob_fval !== undefined) {
        throw PyErr_Format(rt, 'TypeError', "'float' object cannot be interpreted as an integer")
      }
      writeInt(rt, addr, info.size, indexValue(rt, value))
      return null
    case 'bool':
      writeInt(rt, addr, 1, core.PyObject_IsTrue(value) ? 1n : 0n)
      return null
    case 'float': {
      const b = new Uint8Array(info.size)
      const dv = new DataView(b.buffer)
      const v = floatValue(rt, value)
      if (info.size === 4) dv.setFloat32(0, v, true)
      else dv.setFloat64(0, v, true)
      writeBytes(rt, addr, b)
      return null
    }
    case 'char': {
      const data = bytesData(rt, value)
      if (data !== null && data.length === 1) writeBytes(rt, addr, data)
      else if (value.ob_type === rt.types.int) writeInt(rt, addr, 1, indexValue(rt, value))
      else throw PyErr_Format(rt, 'TypeError', rt.profile.messages.ctypesCharExpected.replace('{type}', value.ob_type.tp_name))
      return null
    }
    case 'void_p': {
      if (value === rt.None) writeInt(rt, addr, info.size, 0n)
      else writeInt(rt, addr, info.size, indexValue(rt, value))
      return null
    }
    case 'py_object':
      writeInt(rt, addr, info.size, BigInt(value.ob_addr))
      return value
  }
  void typeName
}

function simpleRepr(ctx: Ctx, self: CDataObject, info: SimpleInfo): string {
  const rt = ctx.rt
  if (info.kind === 'py_object') {
    const a = Number(readInt(rt, self.b_ptr, info.size, false))
    if (a === 0) return 'py_object(<NULL>)'
    const v = getSimple(ctx, info, self.b_ptr, self)
    try {
      return `py_object(${core.reprText(v)})`
    } finally {
      Py_DECREF(v)
    }
  }
  const v = getSimple(ctx, info, self.b_ptr, self)
  try {
    return `${self.ob_type.tp_name}(${core.reprText(v)})`
  } finally {
    Py_DECREF(v)
  }
}

// --- module construction ----------------------------------------------------------------------------------------

function meth(name: string, fn: PyMethodDef['ml_meth'], flags: number): PyMethodDef {
  return { ml_name: name, ml_meth: fn, ml_flags: flags }
}

function argTuple(args: PyObject): PyObject[] {
  return (args as PyTupleObject).ob_item
}

function addressArg(ctx: Ctx, o: PyObject): number {
  if (o instanceof CDataObject) return o.b_ptr
  if (o === ctx.rt.None) return 0
  return Number(indexValue(ctx.rt, o))
}

/** `(T * n)`: the array type, created once per element type and length. */
function arrayType(ctx: Ctx, elem: PyTypeObject, n: number): PyTypeObject {
  const rt = ctx.rt
  const key = `${elem.ob_addr}:${n}`
  let t = ctx.arrayTypes.get(key)
  if (t !== undefined) return t
  const es = stgOf(ctx, elem)
  if (es === null) throw PyErr_Format(rt, 'TypeError', '_type_ must have storage info')
  if (n < 0) throw PyErr_Format(rt, 'ValueError', `Array length must be >= 0, not ${n}`)
  t = PyType_NewStatic(rt, `${elem.tp_name}_Array_${n}`, { base: ctx.arrayBase, basicsize: CDATA_BASICSIZE, flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE })
  t.ob_type = ctx.arrayMeta
  t.tp_module = '__main__'
  PyType_Ready(rt, t)
  ctx.stg.set(t, { size: es.size * n, array: { elem, length: n } })
  ctx.arrayTypes.set(key, t)
  return t
}

function pointerType(ctx: Ctx, target: PyTypeObject): PyTypeObject {
  const rt = ctx.rt
  let t = ctx.pointerTypes.get(target)
  if (t !== undefined) return t
  t = PyType_NewStatic(rt, `LP_${target.tp_name}`, { base: ctx.pointerBase, basicsize: CDATA_BASICSIZE, flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE })
  t.ob_type = ctx.pointerMeta
  t.tp_module = '__main__'
  PyType_Ready(rt, t)
  ctx.stg.set(t, { size: rt.profile.pointerSize, pointer: target })
  ctx.pointerTypes.set(target, t)
  return t
}

/** Reads element `i` of an array (a new reference). */
function arrayItem(ctx: Ctx, self: CDataObject, info: ArrayInfo, i: number): PyObject {
  const es = stgOf(ctx, info.elem)!
  const addr = self.b_ptr + i * es.size
  if (es.simple) return getSimple(ctx, es.simple, addr, self)
  // Arrays of arrays / pointers: a view sharing this object's memory.
  return newCData(ctx, info.elem, addr, self)
}

function arraySetItem(ctx: Ctx, self: CDataObject, info: ArrayInfo, i: number, value: PyObject): void {
  const es = stgOf(ctx, info.elem)!
  if (!es.simple) throw PyErr_Format(ctx.rt, 'TypeError', 'only simple element types can be assigned')
  const keep = setSimple(ctx, es.simple, self.b_ptr + i * es.size, value, info.elem.tp_name)
  if (keep !== null) {
    Py_INCREF(keep)
    self.b_objects.push(keep)
  }
}

function normIndex(ctx: Ctx, i: number, n: number): number {
  const j = i < 0 ? i + n : i
  if (j < 0 || j >= n) throw PyErr_Format(ctx.rt, 'IndexError', 'invalid index')
  return j
}


export interface CtypesOptions {
  /** The executable path in `undefined symbol` messages (2.7's `pythonapi`). */
  readonly executable?: string
}

/** Creates the `ctypes` module object for a runtime (a new reference). */
export function createCtypesModule(rt: Runtime, opts: CtypesOptions = {}): PyObject {
  installUnsafeHooks(rt)
  const T = rt.types
  const P = rt.profile.pointerSize
  const mod = (coreAny.PyModule_New as (rt: Runtime, name: string) => PyObject)(rt, 'ctypes')
  const ctx: Ctx = {
    rt,
    stg: new WeakMap(),
    arrayTypes: new Map(),
    pointerTypes: new Map(),
    simpleMeta: null as never,
    arrayMeta: null as never,
    pointerMeta: null as never,
    simpleBase: null as never,
    arrayBase: null as never,
    pointerBase: null as never,
    pyObjectType: null as never,
    module: mod,
  }
  const md = (mod as unknown as { md_dict: PyDictObject }).md_dict
  const setAttr = (name: string, value: PyObject, steal = false): void => {
    const k = PyUnicode_InternFromString(rt, name)
    PyDict_SetItem(md, k, value)
    Py_DECREF(k)
    if (steal) Py_DECREF(value)
  }
  const addFunction = (def: PyMethodDef): void => {
    const f = (coreAny.PyCFunction_NewEx as (rt: Runtime, d: PyMethodDef, self: PyObject | null, m: PyObject | null) => PyObject)(rt, def, mod, PyDict_GetItemStr(md, '__name__'))
    setAttr(def.ml_name, f, true)
  }

  // Metatypes: `c_int * 4` and `POINTER(c_int)` are operations on the classes.
  const multiply = (a: PyObject, b: PyObject): PyObject => {
    const [t, n] = core.PyType_IsSubtype(a.ob_type, T.type) ? [a, b] : [b, a]
    if (n.ob_type !== T.int) return core.notImplemented(rt)
    const at = arrayType(ctx, t as PyTypeObject, Number(indexValue(rt, n)))
    Py_INCREF(at)
    return at
  }
  const meta = (name: string): PyTypeObject => {
    const m = PyType_NewStatic(rt, name, { base: T.type, basicsize: T.type.tp_basicsize, flags: Py_TPFLAGS_BASETYPE, slots: { nb_multiply: multiply } })
    PyType_Ready(rt, m)
    return m
  }
  ctx.simpleMeta = meta('_ctypes.PyCSimpleType')
  ctx.arrayMeta = meta('_ctypes.PyCArrayType')
  ctx.pointerMeta = meta('_ctypes.PyCPointerType')

  const fromAddress = meth(
    'from_address',
    (cls, args, start, nargs) => {
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `from_address() takes exactly one argument (${nargs} given)`)
      rt.unsafeActive = true
      return newCData(ctx, cls as PyTypeObject, Number(indexValue(rt, args[start]!)), null)
    },
    METH_FASTCALL | METH_CLASS,
  )
  const baseSlots = { tp_dealloc: cdata_dealloc, tp_traverse: cdata_traverse, tp_clear: cdata_clear }

  // _SimpleCData
  ctx.simpleBase = PyType_NewStatic(rt, '_ctypes._SimpleCData', {
    basicsize: CDATA_BASICSIZE,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    slots: {
      ...baseSlots,
      tp_new: (type, args) => {
        const items = argTuple(args)
        const info = stgOf(ctx, type)
        if (info === null || info.simple === undefined) throw PyErr_Format(rt, 'TypeError', 'abstract class')
        if (items.length > 1) throw PyErr_Format(rt, 'TypeError', `function takes at most 1 argument (${items.length} given)`)
        const op = newCData(ctx, type, null, null)
        if (items.length === 1) {
          try {
            const keep = setSimple(ctx, info.simple, op.b_ptr, items[0]!, type.tp_name)
            if (keep !== null) {
              Py_INCREF(keep)
              op.b_objects.push(keep)
            }
          } catch (e) {
            Py_DECREF(op)
            throw e
          }
        }
        return op
      },
      tp_repr: (self) => str(rt, simpleRepr(ctx, self as CDataObject, stgOf(ctx, self.ob_type)!.simple!)),
      tp_methods: [fromAddress],
      tp_getset: [
        {
          name: 'value',
          get: (self) => getSimple(ctx, stgOf(ctx, self.ob_type)!.simple!, (self as CDataObject).b_ptr, self as CDataObject),
          set: (self, value) => {
            if (value === null) throw PyErr_Format(rt, 'TypeError', "can't delete attribute")
            const op = self as CDataObject
            const keep = setSimple(ctx, stgOf(ctx, self.ob_type)!.simple!, op.b_ptr, value, self.ob_type.tp_name)
            if (keep !== null) {
              Py_INCREF(keep)
              const old = op.b_objects.splice(0)
              op.b_objects.push(keep)
              for (const o of old) Py_DECREF(o)
            }
          },
        },
      ],
    },
  })
  ctx.simpleBase.ob_type = ctx.simpleMeta
  PyType_Ready(rt, ctx.simpleBase)

  const simple = (name: string, kind: SimpleKind, size: number): PyTypeObject => {
    const t = PyType_NewStatic(rt, name, { base: ctx.simpleBase, basicsize: CDATA_BASICSIZE, flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE })
    t.ob_type = ctx.simpleMeta
    t.tp_module = 'ctypes'
    PyType_Ready(rt, t)
    ctx.stg.set(t, { size, simple: { kind, size } })
    setAttr(name, t)
    return t
  }
  const c_int = simple('c_int', 'int', 4)
  const c_uint = simple('c_uint', 'uint', 4)
  const c_long = simple('c_long', 'int', P)
  const c_ulong = simple('c_ulong', 'uint', P)
  const c_short = simple('c_short', 'int', 2)
  const c_ushort = simple('c_ushort', 'uint', 2)
  const c_byte = simple('c_byte', 'int', 1)
  const c_ubyte = simple('c_ubyte', 'uint', 1)
  simple('c_char', 'char', 1)
  simple('c_bool', 'bool', 1)
  simple('c_float', 'float', 4)
  simple('c_double', 'float', 8)
  simple('c_void_p', 'void_p', P)
  ctx.pyObjectType = simple('py_object', 'py_object', P)
  // The aliases ctypes/__init__.py defines on an LP64 machine.
  const longlong = P === 8 ? c_long : simple('c_longlong', 'int', 8)
  const ulonglong = P === 8 ? c_ulong : simple('c_ulonglong', 'uint', 8)
  const aliases: [string, PyTypeObject][] = [
    ['c_int8', c_byte],
    ['c_uint8', c_ubyte],
    ['c_int16', c_short],
    ['c_uint16', c_ushort],
    ['c_int32', c_int],
    ['c_uint32', c_uint],
    ['c_int64', longlong],
    ['c_uint64', ulonglong],
    ['c_longlong', longlong],
    ['c_ulonglong', ulonglong],
    ['c_ssize_t', c_long],
    ['c_size_t', c_ulong],
  ]
  for (const [name, t] of aliases) setAttr(name, t)

  // Array
  ctx.arrayBase = PyType_NewStatic(rt, '_ctypes.Array', {
    basicsize: CDATA_BASICSIZE,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    slots: {
      ...baseSlots,
      tp_new: (type, args) => {
        const info = stgOf(ctx, type)?.array
        if (info === undefined) throw PyErr_Format(rt, 'TypeError', 'abstract class')
        const items = argTuple(args)
        if (items.length > info.length) throw PyErr_Format(rt, 'IndexError', 'indices must be integers')
        const op = newCData(ctx, type, null, null)
        try {
          items.forEach((v, i) => arraySetItem(ctx, op, info, i, v))
        } catch (e) {
          Py_DECREF(op)
          throw e
        }
        return op
      },
      sq_length: (self) => stgOf(ctx, self.ob_type)!.array!.length,
      sq_item: (self, i) => {
        const info = stgOf(ctx, self.ob_type)!.array!
        return arrayItem(ctx, self as CDataObject, info, normIndex(ctx, i, info.length))
      },
      mp_length: (self) => stgOf(ctx, self.ob_type)!.array!.length,
      mp_subscript: (self, key) => {
        const op = self as CDataObject
        const info = stgOf(ctx, self.ob_type)!.array!
        if (key.ob_type === T.slice) {
          const [start, , step, len] = core.PySlice_GetIndicesEx(key, info.length)
          const es = stgOf(ctx, info.elem)!
          if (es.simple?.kind === 'char') {
            const out = new Uint8Array(len)
            for (let k = 0; k < len; k++) out[k] = readBytes(rt, op.b_ptr + start + k * step, 1)[0]!
            return pyBytes(rt, out)
          }
          const items: PyObject[] = []
          for (let k = 0; k < len; k++) items.push(arrayItem(ctx, op, info, start + k * step))
          const l = (coreAny.PyList_New as (rt: Runtime, n: number) => PyObject)(rt, 0)
          for (const it of items) {
            ;(coreAny.PyList_Append as (l: PyObject, v: PyObject) => void)(l, it)
            Py_DECREF(it)
          }
          return l
        }
        return arrayItem(ctx, op, info, normIndex(ctx, Number(indexValue(rt, key)), info.length))
      },
      mp_ass_subscript: (self, key, value) => {
        const op = self as CDataObject
        const info = stgOf(ctx, self.ob_type)!.array!
        if (value === null) throw PyErr_Format(rt, 'TypeError', 'Array does not support item deletion')
        if (key.ob_type === T.slice) {
          const [start, , step, len] = core.PySlice_GetIndicesEx(key, info.length)
          const data = bytesData(rt, value)
          const es = stgOf(ctx, info.elem)!
          if (es.simple?.kind === 'char' && data !== null) {
            if (data.length !== len) throw PyErr_Format(rt, 'ValueError', 'Can only assign sequence of same size')
            if (step === 1) writeBytes(rt, op.b_ptr + start, data)
            else for (let k = 0; k < len; k++) writeBytes(rt, op.b_ptr + start + k * step, data.subarray(k, k + 1))
            return
          }
          const seq = (coreAny.PySequence_List as ((o: PyObject) => PyObject) | undefined)?.(value)
          if (seq === undefined) throw PyErr_Format(rt, 'TypeError', 'can only assign a sequence')
          try {
            const items = (seq as unknown as { ob_item: PyObject[] }).ob_item
            if (items.length !== len) throw PyErr_Format(rt, 'ValueError', 'Can only assign sequence of same size')
            items.forEach((v, k) => arraySetItem(ctx, op, info, start + k * step, v))
          } finally {
            Py_DECREF(seq)
          }
          return
        }
        arraySetItem(ctx, op, info, normIndex(ctx, Number(indexValue(rt, key)), info.length), value)
      },
      tp_methods: [fromAddress],
      tp_getset: [
        {
          name: 'raw',
          get: (self) => pyBytes(rt, readBytes(rt, (self as CDataObject).b_ptr, (self as CDataObject).b_size)),
          set: (self, value) => {
            const data = value === null ? null : bytesData(rt, value)
            if (data === null) throw PyErr_Format(rt, 'TypeError', 'a bytes-like object is required')
            if (data.length > (self as CDataObject).b_size) throw PyErr_Format(rt, 'ValueError', 'byte string too long')
            writeBytes(rt, (self as CDataObject).b_ptr, data)
          },
        },
        {
          name: 'value',
          get: (self) => {
            const op = self as CDataObject
            const all = readBytes(rt, op.b_ptr, op.b_size)
            const nul = all.indexOf(0)
            return pyBytes(rt, nul < 0 ? all : all.subarray(0, nul))
          },
          set: (self, value) => {
            const data = value === null ? null : bytesData(rt, value)
            if (data === null) throw PyErr_Format(rt, 'TypeError', 'bytes expected')
            if (data.length > (self as CDataObject).b_size) throw PyErr_Format(rt, 'ValueError', 'byte string too long')
            const buf = new Uint8Array(Math.min(data.length + 1, (self as CDataObject).b_size))
            buf.set(data)
            writeBytes(rt, (self as CDataObject).b_ptr, buf)
          },
        },
      ],
    },
  })
  ctx.arrayBase.ob_type = ctx.arrayMeta
  PyType_Ready(rt, ctx.arrayBase)
  setAttr('Array', ctx.arrayBase)

  // _Pointer
  ctx.pointerBase = PyType_NewStatic(rt, '_ctypes._Pointer', {
    basicsize: CDATA_BASICSIZE,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    slots: {
      ...baseSlots,
      tp_new: (type, args) => {
        const info = stgOf(ctx, type)
        if (info?.pointer === undefined) throw PyErr_Format(rt, 'TypeError', 'Cannot create instance: has no _type_')
        const op = newCData(ctx, type, null, null)
        const items = argTuple(args)
        if (items.length === 1) {
          const target = items[0]!
          if (!(target instanceof CDataObject)) {
            Py_DECREF(op)
            throw PyErr_Format(rt, 'TypeError', `expected ${info.pointer.tp_name} instead of ${target.ob_type.tp_name}`)
          }
          writeInt(rt, op.b_ptr, P, BigInt(target.b_ptr))
          Py_INCREF(target)
          op.b_objects.push(target)
        }
        return op
      },
      sq_item: (self, i) => {
        const info = stgOf(ctx, self.ob_type)!
        const target = info.pointer!
        const ts = stgOf(ctx, target)!
        const base = Number(readInt(rt, (self as CDataObject).b_ptr, P, false))
        const addr = base + i * ts.size
        if (ts.simple) return getSimple(ctx, ts.simple, addr, null)
        return newCData(ctx, target, addr, self)
      },
      tp_getset: [
        {
          name: 'contents',
          get: (self) => {
            const info = stgOf(ctx, self.ob_type)!
            const base = Number(readInt(rt, (self as CDataObject).b_ptr, P, false))
            if (base === 0) throw PyErr_Format(rt, 'ValueError', 'NULL pointer access')
            return newCData(ctx, info.pointer!, base, self)
          },
          set: null,
        },
      ],
    },
  })
  ctx.pointerBase.ob_type = ctx.pointerMeta
  PyType_Ready(rt, ctx.pointerBase)

  // Functions.
  addFunction(
    meth(
      'sizeof',
      (_m, args, start) => {
        const o = args[start]!
        const t = o instanceof CDataObject ? o.ob_type : (o as PyTypeObject)
        const info = core.PyType_IsSubtype(o.ob_type, T.type) || o instanceof CDataObject ? stgOf(ctx, t) : null
        if (info === null) throw PyErr_Format(rt, 'TypeError', 'this type has no size')
        return pyInt(rt, BigInt(info.size))
      },
      METH_O,
    ),
  )
  addFunction(
    meth(
      'addressof',
      (_m, args, start) => {
        const o = args[start]!
        if (!(o instanceof CDataObject)) throw PyErr_Format(rt, 'TypeError', 'invalid type')
        return pyInt(rt, BigInt(o.b_ptr))
      },
      METH_O,
    ),
  )
  addFunction(
    meth(
      'memset',
      (_m, args, start, nargs) => {
        if (nargs !== 3) throw PyErr_Format(rt, 'TypeError', `this function takes at least 3 arguments (${nargs} given)`)
        const dst = addressArg(ctx, args[start]!)
        const c = Number(indexValue(rt, args[start + 1]!)) & 0xff
        const n = Number(indexValue(rt, args[start + 2]!))
        writeBytes(rt, dst, new Uint8Array(n).fill(c))
        return pyInt(rt, BigInt(dst))
      },
      METH_FASTCALL,
    ),
  )
  addFunction(
    meth(
      'memmove',
      (_m, args, start, nargs) => {
        if (nargs !== 3) throw PyErr_Format(rt, 'TypeError', `this function takes at least 3 arguments (${nargs} given)`)
        const dst = addressArg(ctx, args[start]!)
        const src = addressArg(ctx, args[start + 1]!)
        const n = Number(indexValue(rt, args[start + 2]!))
        writeBytes(rt, dst, readBytes(rt, src, n))
        return pyInt(rt, BigInt(dst))
      },
      METH_FASTCALL,
    ),
  )
  addFunction(
    meth(
      'string_at',
      (_m, args, start, nargs) => {
        const addr = addressArg(ctx, args[start]!)
        const size = nargs > 1 ? Number(indexValue(rt, args[start + 1]!)) : -1
        crashFrame.push({ file: 'ctypes/__init__.py', func: 'string_at', line: rt.profile.unsafe.stringAtLine })
        try {
          if (size >= 0) return pyBytes(rt, readBytes(rt, addr, size))
          const out: number[] = []
          for (let a = addr; ; a++) {
            const b = readBytes(rt, a, 1)[0]!
            if (b === 0) break
            out.push(b)
          }
          return pyBytes(rt, Uint8Array.from(out))
        } finally {
          crashFrame.pop()
        }
      },
      METH_FASTCALL,
    ),
  )
  addFunction(
    meth(
      'cast',
      (_m, args, start, nargs) => {
        if (nargs !== 2) throw PyErr_Format(rt, 'TypeError', `cast() takes exactly 2 arguments (${nargs} given)`)
        const obj = args[start]!
        const typ = args[start + 1]! as PyTypeObject
        const info = stgOf(ctx, typ)
        if (info === null) throw PyErr_Format(rt, 'TypeError', 'cast() argument 2 must be a pointer type, not ' + typ.ob_type.tp_name)
        const addr = obj instanceof CDataObject ? (stgOf(ctx, obj.ob_type)?.pointer !== undefined ? Number(readInt(rt, obj.b_ptr, P, false)) : obj.b_ptr) : addressArg(ctx, obj)
        const op = newCData(ctx, typ, null, obj instanceof CDataObject ? obj : null)
        writeInt(rt, op.b_ptr, P, BigInt(addr))
        if (info.simple?.kind === 'py_object') rt.unsafeActive = true
        return op
      },
      METH_FASTCALL,
    ),
  )
  addFunction(
    meth(
      'POINTER',
      (_m, args, start) => {
        const t = args[start]!
        if (!core.PyType_IsSubtype(t.ob_type, T.type)) throw PyErr_Format(rt, 'TypeError', 'must be a ctypes type')
        const pt = pointerType(ctx, t as PyTypeObject)
        Py_INCREF(pt)
        return pt
      },
      METH_O,
    ),
  )
  addFunction(
    meth(
      'pointer',
      (_m, args, start) => {
        const o = args[start]!
        if (!(o instanceof CDataObject)) throw PyErr_Format(rt, 'TypeError', '_type_ must have storage info')
        const pt = pointerType(ctx, o.ob_type)
        return core.PyObject_CallArgs(pt, [o])
      },
      METH_O,
    ),
  )
  addFunction(
    meth(
      'byref',
      (_m, args, start) => {
        const o = args[start]!
        if (!(o instanceof CDataObject)) throw PyErr_Format(rt, 'TypeError', `byref() argument must be a ctypes instance, not '${o.ob_type.tp_name}'`)
        const pt = pointerType(ctx, o.ob_type)
        return core.PyObject_CallArgs(pt, [o])
      },
      METH_FASTCALL,
    ),
  )

  // pythonapi: the interpreter's own C API.
  const funcPtrType = PyType_NewStatic(rt, '_ctypes.CFuncPtr', {
    basicsize: CDATA_BASICSIZE,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: {
      ...baseSlots,
      tp_repr: (self) => str(rt, `<_FuncPtr object at 0x${self.ob_addr.toString(16)}>`),
      tp_call: (self, args, start, nargs) => callApi(ctx, (self as FuncPtr).fname, args.slice(start, start + nargs) as PyObject[]),
    },
  })
  PyType_Ready(rt, funcPtrType)
  const dllType = PyType_NewStatic(rt, 'ctypes.PyDLL', {
    basicsize: 48,
    flags: Py_TPFLAGS_BASETYPE,
    slots: {
      tp_dealloc: (self) => core.PyObject_Free(self),
      tp_repr: (self) => str(rt, `<PyDLL 'None', handle 7f0000001000 at 0x${self.ob_addr.toString(16)}>`),
      tp_getattro: (self, name) => {
        const n = (name as PyUnicodeObject).value
        if (!API.has(n) || (n === '_Py_Dealloc' && !rt.profile.unsafe.pyDeallocExported)) {
          if (n.startsWith('__') && n.endsWith('__')) return core.PyObject_GenericGetAttr(self, name)
          throw PyErr_Format(rt, 'AttributeError', `${opts.executable ?? 'python'}: undefined symbol: ${n}`)
        }
        const f = PyObject_GC_Init(rt, new FuncPtr(funcPtrType, n), CDATA_BASICSIZE)
        f.b_size = P
        _PyObject_GC_TRACK(f)
        return f
      },
    },
  })
  PyType_Ready(rt, dllType)
  const pythonapi = core.PyObject_Init(rt, new PyObject(dllType), 48)
  setAttr('pythonapi', pythonapi, true)
  return mod
}

class FuncPtr extends CDataObject {
  constructor(
    type: PyTypeObject,
    readonly fname: string,
  ) {
    super(type)
  }
}

/** The C API functions `pythonapi` exposes. */
const API = new Set(['_Py_Dealloc', 'Py_IncRef', 'Py_DecRef', 'Py_IncRef', 'PyObject_Free'])


/** A C-level argument: the object a `py_object` carries, or an address. */
function apiObjectArg(ctx: Ctx, a: PyObject): PyObject {
  const rt = ctx.rt
  if (a instanceof CDataObject && stgOf(ctx, a.ob_type)?.simple?.kind === 'py_object') {
    const addr = Number(readInt(rt, a.b_ptr, rt.profile.pointerSize, false))
    const op = a.b_objects.find((o) => o.ob_addr === addr) ?? objectAt(rt, addr)
    if (op === null) return rt.hooks.crash(rt, 'segfault', null, `a PyObject* argument 0x${addr.toString(16)} points at no object`)
    return op
  }
  if (a.ob_type === rt.types.int) {
    const op = objectAt(rt, Number(indexValue(rt, a)))
    if (op === null) return rt.hooks.crash(rt, 'segfault', null, `a PyObject* argument 0x${Number(indexValue(rt, a)).toString(16)} points at no object`)
    return op
  }
  throw PyErr_Format(rt, 'ctypes.ArgumentError' in rt.exc ? 'ctypes.ArgumentError' : 'TypeError', `argument 1: TypeError: Don't know how to convert parameter 1`)
}

function callApi(ctx: Ctx, name: string, args: PyObject[]): PyObject {
  const rt = ctx.rt
  rt.unsafeActive = true
  if (args.length !== 1) throw PyErr_Format(rt, 'TypeError', `this function takes 1 argument (${args.length} given)`)
  const op = apiObjectArg(ctx, args[0]!)
  switch (name) {
    case '_Py_Dealloc':
      forcedDealloc(rt, op)
      break
    case 'Py_IncRef':
      Py_INCREF(op)
      break
    case 'Py_DecRef':
      Py_DECREF(op)
      break
    case 'PyObject_Free':
      forcedDealloc(rt, op)
      break
  }
  // A void function through the default `c_int` restype: the register's leftover, per profile.
  return pyInt(rt, BigInt(rt.profile.unsafe.voidCallResult))
}

/**
 * `_Py_Dealloc(op)` from Python: the type's deallocator runs whatever the count says. Statically allocated
 * objects were never malloc'ed: freeing them is what the C library calls an invalid pointer.
 */
function forcedDealloc(rt: Runtime, op: PyObject): void {
  const desc = `${op.ob_type.tp_name} at 0x${op.ob_addr.toString(16)}`
  recordHazard(rt, 'forced-dealloc', `_Py_Dealloc on a live ${desc} whose refcount was ${op.ob_refcnt}: every remaining reference now dangles`, op.ob_addr)
  const smallInt = rt.small_ints.includes(op)
  if (smallInt) {
    if (rt.profile.unsafe.smallIntDealloc === 'survives') return
    recordHazard(rt, 'invalid-free', `the small int ${core.reprText(op)} lives in the interpreter's static array: free() refuses it`, op.ob_addr)
    return rt.hooks.crash(rt, 'abort', 'free(): invalid pointer', `free() of the statically allocated ${desc}`)
  }
  // `_Py_RefTotal` keeps the references the freed object still had.
  rt.refTotalBias += op.ob_refcnt
  _Py_Dealloc(op)
}

/** Frames faulthandler shows for code that crashes inside ctypes' own Python functions. */
export const crashFrame: { file: string; func: string; line: number }[] = []

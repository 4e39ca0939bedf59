/**
 * Traceback objects: one entry per frame an exception passed through, linked from the outermost (`tb_next` points
 * inward). A traceback owns its frame object; frames are the interpreter's objects, opaque here.
 * @cpython Python/traceback.c
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_IS_TRACKED, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_INCREF, Py_SETREF } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import { Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_LONG_SUBCLASS, type PyGetSetDef, type PyTypeObject, type visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import type { PyDictObject } from './dictobject.js'
import { PyLong_FromNumber, intValue } from './longobject.js'
import type { PyTupleObject } from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'
import { newNone } from './type-util.js'
import { readonlyAttribute } from './weakrefobject.js'

export class PyTracebackObject extends PyObject {
  /** The next (inner) entry, owned, or null. */
  tb_next: PyTracebackObject | null
  /** The frame object (owned; the interpreter's type). */
  tb_frame: PyObject | null
  /** Index of the instruction that raised (bytes on 3.8: twice the instruction index; the interpreter decides). */
  tb_lasti: number
  /** The line number, or -1 when it is to be computed from `tb_lasti` (3.11+). */
  tb_lineno: number
  constructor(type: PyTypeObject, next: PyTracebackObject | null, frame: PyObject, lasti: number, lineno: number) {
    super(type)
    this.tb_next = next
    this.tb_frame = frame
    this.tb_lasti = lasti
    this.tb_lineno = lineno
  }
}

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** `PyTraceBack_Check`. */
export function PyTraceBack_Check(op: PyObject): boolean {
  return op.ob_type === rtOf(op).types.traceback
}

/**
 * `tb_create_raw`: a tracked traceback entry for `frame` in front of `next` (both borrowed, INCREF'd). This is what
 * `PyTraceBack_Here` puts at the head of the exception's traceback.
 * @cpython Python/traceback.c#tb_create_raw
 */
export function PyTraceBack_New(rt: Runtime, next: PyObject | null, frame: PyObject, lasti: number, lineno: number): PyTracebackObject {
  const type = rt.types.traceback
  if (next !== null) Py_INCREF(next)
  Py_INCREF(frame)
  const tb = new PyTracebackObject(type, next as PyTracebackObject | null, frame, lasti, lineno)
  PyObject_GC_Init(rt, tb, type.tp_basicsize)
  _PyObject_GC_TRACK(tb)
  return tb
}

/** @cpython Python/traceback.c#tb_dealloc */
export function tb_dealloc(self: PyObject): void {
  const tb = self as PyTracebackObject
  if (_PyObject_GC_IS_TRACKED(tb)) _PyObject_GC_UNTRACK(tb)
  if (!Py_TRASHCAN_BEGIN(tb)) return
  Py_CLEAR(tb, 'tb_next')
  Py_CLEAR(tb, 'tb_frame')
  PyObject_GC_Del(tb)
  Py_TRASHCAN_END(tb)
}

/** @cpython Python/traceback.c#tb_traverse */
export function tb_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const tb = self as PyTracebackObject
  let r: number
  if (tb.tb_next !== null && (r = visit(tb.tb_next, arg))) return r
  if (tb.tb_frame !== null && (r = visit(tb.tb_frame, arg))) return r
  return 0
}

/** @cpython Python/traceback.c#tb_clear */
export function tb_clear(self: PyObject): number {
  const tb = self as PyTracebackObject
  Py_CLEAR(tb, 'tb_next')
  Py_CLEAR(tb, 'tb_frame')
  return 0
}

/** @cpython Python/traceback.c#tb_next_get */
function tb_next_get(self: PyObject): PyObject {
  const next = (self as PyTracebackObject).tb_next
  if (next === null) return newNone(rtOf(self))
  Py_INCREF(next)
  return next
}

/** `tb.tb_next = x`: None or a traceback that does not lead back here. @cpython Python/traceback.c#tb_next_set */
function tb_next_set(self: PyObject, value: PyObject | null): void {
  const rt = rtOf(self)
  if (value === null) throw PyErr_Format(rt, 'TypeError', "can't delete tb_next attribute")
  let next: PyTracebackObject | null
  if (value === rt.None) next = null
  else if (!PyTraceBack_Check(value)) throw PyErr_Format(rt, 'TypeError', `expected traceback object, got '${value.ob_type.tp_name}'`)
  else next = value as PyTracebackObject
  for (let cursor = next; cursor !== null; cursor = cursor.tb_next) {
    if (cursor === self) throw PyErr_Format(rt, 'ValueError', 'traceback loop detected')
  }
  if (next !== null) Py_INCREF(next)
  Py_SETREF(self as PyTracebackObject, 'tb_next', next)
}

function isInt(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) !== 0
}

/**
 * `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
 * @cpython Python/traceback.c#tb_new_impl
 */
function tb_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const rt = type.tp_runtime
  const fname = rt.profile.objects.runtimeObjects.tracebackNewName
  const params = ['tb_next', 'tb_frame', 'tb_lasti', 'tb_lineno']
  const given: (PyObject | null)[] = [...(args as PyTupleObject).ob_item]
  if (given.length > 4) throw PyErr_Format(rt, 'TypeError', `${fname}() takes at most 4 arguments (${given.length} given)`)
  while (given.length < 4) given.push(null)
  const d = kwds as PyDictObject | null
  if (d !== null) {
    for (let i = 0; i < d.ma_keys.length; i++) {
      const k = d.ma_keys[i]
      if (k === undefined) continue
      const name = (k as unknown as { value: string }).value
      const ix = params.indexOf(name)
      if (ix < 0) throw PyErr_Format(rt, 'TypeError', `${fname}() got an unexpected keyword argument '${name}'`)
      given[ix] = d.ma_values[i]!
    }
  }
  for (let i = 0; i < 4; i++) {
    if (given[i] === null) throw PyErr_Format(rt, 'TypeError', `${fname}() missing required argument '${params[i]}' (pos ${i + 1})`)
  }
  const [next, frame, lasti, lineno] = given as PyObject[]
  // Argument Clinic converts the arguments first (frame type, ints); the impl then checks tb_next.
  const frameType = rt.types.frame
  if (frameType === undefined || frame!.ob_type !== frameType) {
    throw PyErr_Format(rt, 'TypeError', `${fname}() argument 'tb_frame' must be frame, not ${frame!.ob_type.tp_name}`)
  }
  for (const v of [lasti!, lineno!]) {
    if (!isInt(v)) throw PyErr_Format(rt, 'TypeError', `'${v.ob_type.tp_name}' object cannot be interpreted as an integer`)
  }
  if (next !== rt.None && !PyTraceBack_Check(next!)) {
    throw PyErr_Format(rt, 'TypeError', `expected traceback object or None, got '${next!.ob_type.tp_name}'`)
  }
  return PyTraceBack_New(rt, next === rt.None ? null : next!, frame!, Number(intValue(lasti!)), Number(intValue(lineno!)))
}

/** Creates the `traceback` type. */
export function _PyTraceBack_InitType(rt: Runtime): void {
  const ptr = rt.profile.pointerSize
  const intGetter = (get: (tb: PyTracebackObject) => number) => (self: PyObject): PyObject => PyLong_FromNumber(rtOf(self), get(self as PyTracebackObject))
  const getset: PyGetSetDef[] = [
    { name: 'tb_next', get: tb_next_get, set: tb_next_set },
    {
      name: 'tb_frame',
      get: (self) => {
        const f = (self as PyTracebackObject).tb_frame
        if (f === null) return newNone(rtOf(self))
        Py_INCREF(f)
        return f
      },
      set: readonlyAttribute,
    },
    { name: 'tb_lasti', get: intGetter((tb) => tb.tb_lasti), set: readonlyAttribute },
    {
      name: 'tb_lineno',
      get: intGetter((tb) => tb.tb_lineno),
      set: rt.profile.objects.runtimeObjects.tracebackLineno === 'member' ? readonlyAttribute : null,
    },
  ]
  rt.types.traceback = PyType_NewStatic(rt, 'traceback', {
    basicsize: 2 * ptr + 2 * ptr + 8,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: { tp_dealloc: tb_dealloc, tp_traverse: tb_traverse, tp_clear: tb_clear, tp_new: tb_new, tp_getset: getset },
  })
}

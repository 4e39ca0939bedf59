/**
 * Creating a runtime: the metatype and `object` first, then the builtin types, the singletons, the small ints and
 * the static strings, then `PyType_Ready` on everything.
 * @cpython Python/pylifecycle.c#pycore_init_types
 */
import { PyObject_Free, PyObject_InitStatic } from '../object/alloc.js'
import { OB_STATIC, type PyObject } from '../object/object.js'
import {
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_BYTES_SUBCLASS,
  Py_TPFLAGS_DICT_SUBCLASS,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_LONG_SUBCLASS,
  Py_TPFLAGS_TUPLE_SUBCLASS,
  Py_TPFLAGS_TYPE_SUBCLASS,
  Py_TPFLAGS_UNICODE_SUBCLASS,
  PyTypeObject,
} from '../object/type.js'
import { getProfile } from '../profiles/index.js'
import type { CPythonProfile } from '../profiles/types.js'
import { dict_dealloc, dict_sizeof, dict_tp_clear, dict_traverse, type PyDictObject } from '../objects/dictobject.js'
import { _PyExc_InitTypes } from '../objects/exceptions.js'
import { makeStatic } from '../objects/immortal.js'
import { _PyLong_InitSmallInts, long_dealloc, long_hash, long_sizeof, type PyLongObject } from '../objects/longobject.js'
import { _PySingletons_Init, singleton_dealloc } from '../objects/singletons.js'
import { _PyTuple_InitEmpty, tupledealloc, tupletraverse } from '../objects/tupleobject.js'
import { PyType_NewStatic, PyType_Ready, initTypeObjectMemory, type_traverse } from '../objects/typeobject.js'
import { _PyUnicode_InitStatic, unicode_dealloc, unicode_hash, unicode_sizeof, type PyUnicodeObject } from '../objects/unicodeobject.js'
import { Runtime, type ExecutionMode } from './runtime.js'
import { _PyContainers_Init } from '../objects/containers-init.js'
import { _PyNumbers_Init } from '../objects/numbers-init.js'
import { _PyText_Init } from '../objects/text-init.js'
import { _PyRuntimeObjects_Init } from '../objects/runtime-objects-init.js'
import { _PyTypeSystem_Init } from '../objects/types-init.js'

/** Registered extensions of the runtime: object modules and upper layers add their types and state here. */
export type RuntimeExtension = (rt: Runtime) => void
const typeExtensions: RuntimeExtension[] = []
const finalExtensions: RuntimeExtension[] = []

/**
 * Registers a function run while a runtime is created: `phase: 'types'` right after the core types exist (create
 * more types), `phase: 'ready'` after every type is ready (singletons and caches that need working types).
 */
export function registerRuntimeExtension(phase: 'types' | 'ready', fn: RuntimeExtension): void {
  const list = phase === 'types' ? typeExtensions : finalExtensions
  if (!list.includes(fn)) list.push(fn)
}

export interface CreateRuntimeOptions {
  /** A profile object or its id ('3.11'). Default 3.11. */
  profile?: CPythonProfile | string
  mode?: ExecutionMode
  heapLimit?: number
  /** A `--with-pydebug` build (see `RuntimeOptions.debugBuild`). */
  debugBuild?: boolean
}

function object_dealloc(op: PyObject): void {
  PyObject_Free(op)
}

/** `_Py_HashPointer`: the address rotated right by 4 bits. */
export function _Py_HashPointer(op: PyObject): number {
  const a = op.ob_addr
  const lo = a % 16
  const h = Math.floor(a / 16) + lo * 2 ** 44
  return h === -1 ? -2 : h
}

/** Called with every new runtime (the test setup uses it to audit each runtime a test created). */
export const runtimeCreatedHooks: ((rt: Runtime) => void)[] = []

/** Creates a runtime for a profile. */
export function createRuntime(opts: CreateRuntimeOptions = {}): Runtime {
  const profile = typeof opts.profile === 'string' ? getProfile(opts.profile) : (opts.profile ?? getProfile('3.11'))
  const rt = new Runtime({ profile, mode: opts.mode, heapLimit: opts.heapLimit, debugBuild: opts.debugBuild })
  const sz = rt.sizeof
  const T = rt.types

  // The metatype is its own type; `object` has no base.
  const typeType = new PyTypeObject(null, rt, 'type')
  typeType.ob_type = typeType
  T.type = typeType
  const objectType = new PyTypeObject(typeType, rt, 'object')
  T.object = objectType
  typeType.tp_base = objectType
  initTypeObjectMemory(rt, typeType)
  initTypeObjectMemory(rt, objectType)
  typeType.tp_basicsize = sz.type
  typeType.tp_itemsize = profile.pointerSize * 5
  typeType.tp_flags = Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TYPE_SUBCLASS
  typeType.tp_traverse = type_traverse
  typeType.tp_is_gc = (t) => ((t as PyTypeObject).tp_flags & (1 << 9)) !== 0
  objectType.tp_basicsize = sz.object
  objectType.tp_flags = Py_TPFLAGS_BASETYPE
  objectType.tp_dealloc = object_dealloc
  objectType.tp_hash = _Py_HashPointer

  const ptr = profile.pointerSize
  T.str = PyType_NewStatic(rt, 'str', {
    basicsize: sz.strAsciiBase,
    flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS,
    slots: { tp_dealloc: unicode_dealloc, tp_hash: unicode_hash, tp_sizeof: (op) => unicode_sizeof(rt, op as PyUnicodeObject) },
  })
  T.tuple = PyType_NewStatic(rt, 'tuple', {
    basicsize: sz.tupleBase - profile.gc.gcHeadSize,
    itemsize: ptr,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TUPLE_SUBCLASS,
    slots: { tp_dealloc: tupledealloc, tp_traverse: tupletraverse },
  })
  T.dict = PyType_NewStatic(rt, 'dict', {
    basicsize: sz.dictEmpty - profile.gc.gcHeadSize,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DICT_SUBCLASS,
    slots: {
      tp_dealloc: dict_dealloc,
      tp_traverse: dict_traverse,
      tp_clear: dict_tp_clear,
      tp_sizeof: (op) => dict_sizeof(op as PyDictObject),
    },
  })
  T.int = PyType_NewStatic(rt, 'int', {
    basicsize: sz.intBase,
    itemsize: sz.intDigitSize,
    flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS,
    slots: { tp_dealloc: long_dealloc, tp_hash: long_hash, tp_sizeof: (op) => long_sizeof(rt, (op as PyLongObject).ob_ival) },
  })
  T.bool = PyType_NewStatic(rt, 'bool', { base: T.int, basicsize: sz.intBase, itemsize: sz.intDigitSize, slots: { tp_dealloc: singleton_dealloc } })
  T.NoneType = PyType_NewStatic(rt, 'NoneType', { basicsize: sz.none, slots: { tp_dealloc: singleton_dealloc } })
  T.NotImplementedType = PyType_NewStatic(rt, 'NotImplementedType', { basicsize: sz.object, slots: { tp_dealloc: singleton_dealloc } })
  T.ellipsis = PyType_NewStatic(rt, 'ellipsis', { basicsize: sz.object, slots: { tp_dealloc: singleton_dealloc } })
  T.bytes = PyType_NewStatic(rt, 'bytes', {
    basicsize: sz.bytesBase,
    itemsize: 1,
    flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS,
    slots: { tp_dealloc: object_dealloc },
  })

  // Singletons and shared immutable objects.
  _PySingletons_Init(rt)
  _PyTuple_InitEmpty(rt, (op, n) => {
    PyObject_InitStatic(rt, op, n)
    if (profile.objects.staticObjects.emptyTuple) makeStatic(rt, op)
  })
  _PyUnicode_InitStatic(rt)
  _PyLong_InitSmallInts(rt)

  rt.auditRoots.push((visit) => {
    // The interpreter's own references to its caches (heap objects on profiles without static ones).
    const heap = (op: PyObject | undefined): void => {
      if (op !== undefined && (op.ob_flags & OB_STATIC) === 0) visit(op)
    }
    for (const op of rt.small_ints) heap(op)
    for (const op of rt.latin1) heap(op)
    heap(rt.empty_str)
    if (rt.gc.garbage) visit(rt.gc.garbage)
    if (rt.gc.callbacks) visit(rt.gc.callbacks)
  })

  _PyExc_InitTypes(rt)
  _PyTypeSystem_Init(rt)
  _PyNumbers_Init(rt)
  _PyText_Init(rt)
  _PyContainers_Init(rt)
  _PyRuntimeObjects_Init(rt)
  for (const ext of typeExtensions) ext(rt)

  for (const t of Object.values(T)) PyType_Ready(rt, t)
  for (const t of Object.values(rt.exc)) PyType_Ready(rt, t)
  for (const ext of finalExtensions) ext(rt)
  for (const hook of runtimeCreatedHooks) hook(rt)
  return rt
}

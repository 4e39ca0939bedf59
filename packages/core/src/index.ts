/**
 * @heap/core — CPython's object model: objects and reference counts, types and their slots, the simulated
 * allocator, the GC head lists, events, and the version profiles.
 */

// Profiles (version data)
export * from './profiles/index.js'

// Runtime (PyInterpreterState)
export { Runtime, unraisableLog, stderrLog } from './runtime/runtime.js'
export { takeStartupRefs } from './runtime/startup-refs.js'
export type { BuiltinTypes, ExceptionTypes, ExecutionMode, RuntimeHooks, RuntimeOptions } from './runtime/runtime.js'
export { createRuntime, registerRuntimeExtension, _Py_HashPointer } from './runtime/bootstrap.js'
export type { CreateRuntimeOptions, RuntimeExtension } from './runtime/bootstrap.js'

// Include/object.h
export * from './object/object.js'
export * from './object/type.js'
export * from './object/refcount.js'
export * from './object/alloc.js'
export * from './object/trashcan.js'

// Objects/obmalloc.c
export { AddressSpace } from './memory/obmalloc.js'
export type { AllocatorStats } from './memory/obmalloc.js'

// PyGC_Head lists and the collector's state
export * from './gc/gc-list.js'
export * from './gc/gc-state.js'

// Errors
export * from './errors.js'

// Events (NON-CPYTHON)
export * from './events.js'
export { setDebugChecks, debugChecksEnabled } from './debug/checks.js'

// Objects/*
export * from './objects/immortal.js'
export * from './objects/protocols.js'
export * from './objects/typeobject.js'
export * from './objects/unicodeobject.js'
export * from './objects/longobject.js'
export * from './objects/number-protocol.js'
export { _Py_dg_dtoa, roundToDouble, ratioToDouble } from './objects/dtoa.js'
export * from './objects/tupleobject.js'
export * from './objects/dictobject.js'
export * from './objects/singletons.js'
export * from './objects/exceptions.js'
export * from './objects/getargs.js'
// numbers and text
export * from './objects/boolobject.js'
export * from './objects/floatobject.js'
export * from './objects/complexobject.js'
export * from './objects/bytesobject.js'
export * from './objects/bytearrayobject.js'
export * from './objects/unicode-type.js'
export * from './objects/unicode-format.js'
export { PyUnicode_Join } from './objects/unicode-methods.js'
export * from './objects/codecs.js'
export * from './objects/pyhash.js'
export * from './objects/formatting.js'
// containers and iterators
export * from './objects/listobject.js'
export * from './objects/setobject.js'
export * from './objects/rangeobject.js'
export * from './objects/sliceobject.js'
export * from './objects/iterobject.js'
export * from './objects/enumobject.js'
export * from './objects/bltin-iterators.js'
export * from './objects/reprenter.js'
// the type system
export * from './objects/object-type.js'
export { PyObject_Dir, dirNames } from './objects/dir.js'
export * from './objects/descrobject.js'
export * from './objects/methodobject.js'
export * from './objects/classobject.js'
export * from './objects/instances.js'
export * from './objects/slots.js'
export * from './objects/superobject.js'
// runtime objects
export * from './objects/funcobject.js'
export * from './objects/cellobject.js'
export * from './objects/codeobject.js'
export * from './objects/moduleobject.js'
export * from './objects/weakrefobject.js'
export * from './objects/tracebackobject.js'

// Debug checks
export * from './debug/audit.js'
export * from './memory/dangling.js'

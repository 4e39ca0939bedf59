/**
 * @heap/python-lite — a Python interpreter built on @heap/core, @heap/gc and @heap/unsafe whose output matches
 * real CPython, version by version.
 */
export { Interpreter, runSource } from './interp.js'
export type { InterpreterOptions, RunResult } from './interp.js'
export { ProcessOutput, VirtualFS, ProcessExit } from './host.js'
export type { OutputChunk } from './host.js'
export { snapshotToDot, formatEvent, safeRepr } from './observe.js'
export type { DotStyle } from './observe.js'
export type { HeapSnapshot, SnapshotObject, SnapshotRoot, TraceEvent, TraceKind, GCStep, ObserveOptions } from './observe-types.js'
export { summarizeHeap } from './summary.js'
export { PROFILES, getProfile, DEFAULT_PROFILE_ID } from '@heap/core'
export type { CPythonProfile } from '@heap/core'

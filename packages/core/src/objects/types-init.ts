import type { Runtime } from '../runtime/runtime.js'

/** Creates the type system: object/type behaviour, descriptors, builtin methods, bound methods, super, property. */
export function _PyTypeSystem_Init(rt: Runtime): void {
  void rt
}

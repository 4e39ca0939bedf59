import type { Runtime } from '../runtime/runtime.js'

/** Creates list/tuple/dict/set/frozenset/range/slice and iterator behaviour. */
export function _PyContainers_Init(rt: Runtime): void {
  void rt
}

import type { Runtime } from '../runtime/runtime.js'

/** Creates int/bool/float/complex/str/bytes/bytearray behaviour (slots, methods). */
export function _PyNumbers_Init(rt: Runtime): void {
  void rt
}

import type { Runtime } from '../runtime/runtime.js'

/** Creates str/bytes/bytearray behaviour (slots, methods). */
export function _PyText_Init(rt: Runtime): void {
  void rt
}

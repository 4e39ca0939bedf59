import { createRuntime, type Runtime } from '@heap/core'
import { installUnsafeHooks } from '../src/index.js'

/** Thrown by the test runtime's crash hook: the simulated process died. */
export class SimulatedCrash extends Error {
  constructor(
    readonly kind: 'abort' | 'segfault',
    readonly clib: string | null,
  ) {
    super(`simulated ${kind}`)
  }
}

export function runtime(profile: string): Runtime {
  const rt = createRuntime({ profile })
  rt.hooks.crash = (_rt, kind, message) => {
    throw new SimulatedCrash(kind, message)
  }
  rt.hooks.fatalError = (_rt, func, msg) => {
    throw new SimulatedCrash('abort', `Fatal Python error: ${func ? func + ': ' : ''}${msg}`)
  }
  installUnsafeHooks(rt)
  return rt
}

export function word(bytes: Uint8Array, i: number): bigint {
  let v = 0n
  for (let k = 7; k >= 0; k--) v = (v << 8n) | BigInt(bytes[i * 8 + k]!)
  return v
}

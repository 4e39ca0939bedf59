import { cpython311 } from './cpython-3.11.js'
import { cpython312 } from './cpython-3.12.js'
import { cpython313 } from './cpython-3.13.js'
import { cpython314 } from './cpython-3.14.js'
import { cpython38 } from './cpython-3.8.js'
import { legacy } from './legacy.js'
import type { CPythonProfile } from './types.js'

export { extendProfile } from './define.js'
export { sizeofBytes, structSize } from './layout.js'
export type { CPythonProfile, Evidence, Messages, ProfileId, SizeofBytes, SizeofTable, StartupImage, StartupImages, StructSize } from './types.js'
export { cpython38, cpython311, cpython312, cpython313, cpython314, legacy }

/** Every shipped profile, oldest first. */
export const PROFILES: readonly CPythonProfile[] = [legacy, cpython38, cpython311, cpython312, cpython313, cpython314]

export const DEFAULT_PROFILE_ID = '3.11'

/** Look a profile up by id ('3.11') or by a full version ('3.11.7', '2.7'). */
export function getProfile(id: string): CPythonProfile {
  const hit = PROFILES.find((p) => p.id === id || p.cpython.version === id)
  if (hit) return hit
  if (id === '2.7' || id === '2') return legacy
  const mm = PROFILES.find((p) => p.cpython.version.startsWith(id + '.'))
  if (mm) return mm
  throw new Error(`unknown profile '${id}' (choose one of ${PROFILES.map((p) => p.id).join(', ')})`)
}

/** The shipped profiles (id, CPython release, summary), written by scripts/gen-reference.mjs from @heap/core. */
import list from '../../generated/profiles.json'

export interface ProfileInfo {
  readonly id: string
  readonly version: string
  readonly summary: string
}

export const profiles: readonly ProfileInfo[] = list

import type { CPythonProfile } from './types.js'

type DeepPartial<T> = { -readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] }

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function merge<T>(base: T, over: DeepPartial<T> | undefined): T {
  if (over === undefined) return base
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) {
    const b = (base as Record<string, unknown>)[k]
    out[k] = isPlainObject(v) && isPlainObject(b) ? merge(b, v as never) : v
  }
  return out as T
}

function deepFreeze<T>(o: T): T {
  if (isPlainObject(o) || Array.isArray(o)) {
    for (const v of Object.values(o as object)) deepFreeze(v)
    Object.freeze(o)
  }
  return o
}

/** A new profile from `base` with `overrides` applied (deeply). */
export function extendProfile(base: CPythonProfile, overrides: DeepPartial<CPythonProfile>): CPythonProfile {
  return deepFreeze(merge(base, overrides))
}

export function freezeProfile(p: CPythonProfile): CPythonProfile {
  return deepFreeze(p)
}

export type { DeepPartial }

import type { CPythonProfile, SizeofBytes, SizeofTable, StructSize } from './types.js'

/** The size in bytes of a struct layout for a pointer size (trailing padding included, like C's `sizeof`). */
export function structSize(s: StructSize, pointerSize: number): number {
  const [words, bytes = 0, align = pointerSize] = s
  const raw = words * pointerSize + bytes
  return Math.ceil(raw / align) * align
}

const resolved = new WeakMap<CPythonProfile, SizeofBytes>()

/** The profile's `sizeof` table in bytes for its pointer size (cached per profile object). */
export function sizeofBytes(profile: CPythonProfile): SizeofBytes {
  let out = resolved.get(profile)
  if (out === undefined) {
    const t = profile.objects.sizeof
    const o: Record<string, number | boolean> = {}
    for (const [k, v] of Object.entries(t) as [keyof SizeofTable, SizeofTable[keyof SizeofTable]][]) {
      o[k] = Array.isArray(v) ? structSize(v as StructSize, profile.pointerSize) : (v as number | boolean)
    }
    out = o as unknown as SizeofBytes
    resolved.set(profile, out)
  }
  return out
}

/** Playground state in the URL: `#p=` + lz-string of {code, profile, mode, compare}. */
import LZString from 'lz-string'
import type { RunMode } from './protocol'

export interface SharedState {
  code: string
  profile: string
  mode: RunMode
  /** A second profile to compare with, or ''. */
  compare: string
}

export function encodeState(s: SharedState): string {
  return 'p=' + LZString.compressToEncodedURIComponent(JSON.stringify(s))
}

export function decodeState(hash: string): SharedState | null {
  const m = /(?:^#?|&)p=([^&]+)/.exec(hash)
  if (!m) return null
  try {
    const json = LZString.decompressFromEncodedURIComponent(m[1]!)
    if (!json) return null
    const v = JSON.parse(json) as Partial<SharedState>
    if (typeof v.code !== 'string') return null
    return { code: v.code, profile: typeof v.profile === 'string' ? v.profile : '3.11', mode: v.mode === 'repl' ? 'repl' : 'script', compare: typeof v.compare === 'string' ? v.compare : '' }
  } catch {
    return null
  }
}

/** The playground's address for a program (examples link to it). */
export function playgroundHref(base: string, s: SharedState): string {
  return `${base}playground.html#${encodeState(s)}`
}

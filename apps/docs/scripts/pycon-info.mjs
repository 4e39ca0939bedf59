// The info string of a ```pycon block: `pycon [PROFILE] [unchecked: REASON]` (shared by the site and the scripts).

/** `{ profile, unchecked }` for a ```pycon fence (profile '3.11' when none is named), or null for other fences. */
export function parsePyconInfo(info) {
  const m = /^pycon(?:\s+(legacy|\d+\.\d+))?(?:\s+unchecked:\s*(.+))?\s*$/.exec(info.trim())
  if (!m) return null
  return { profile: m[1] ?? '3.11', unchecked: m[2]?.trim() ?? null }
}

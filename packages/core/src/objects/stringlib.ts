/**
 * The algorithms str, bytes and bytearray share (CPython's `Objects/stringlib`), on JS strings: str text directly
 * (UTF-16 units; callers map code-point indexes), bytes as latin-1 text (one unit per byte). Whitespace and line
 * breaks are predicates so each type keeps its own definition.
 * @cpython Objects/stringlib/split.h
 * @cpython Objects/stringlib/fastsearch.h
 */

export type CharPred = (c: number) => boolean

/** `ADJUST_INDICES`: slice-style clipping of start/end to a length. */
export function adjustIndices(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len
  else if (end < 0) {
    end += len
    if (end < 0) end = 0
  }
  if (start < 0) {
    start += len
    if (start < 0) start = 0
  }
  return [start, end]
}

/** `find`/`rfind` in [start, end) (already adjusted): the index or -1. */
export function findIn(s: string, sub: string, start: number, end: number, reverse: boolean): number {
  if (end - start < sub.length) return -1
  if (sub.length === 0) return reverse ? end : start
  if (reverse) {
    const i = s.lastIndexOf(sub, end - sub.length)
    return i >= start ? i : -1
  }
  const i = s.indexOf(sub, start)
  return i >= 0 && i + sub.length <= end ? i : -1
}

/** `count` in [start, end) (adjusted). */
export function countIn(s: string, sub: string, start: number, end: number, max = Infinity): number {
  if (end - start < 0 || end - start < sub.length) return 0
  if (sub.length === 0) return Math.min(end - start + 1, max)
  let n = 0
  let i = start
  while (n < max) {
    const j = s.indexOf(sub, i)
    if (j < 0 || j + sub.length > end) break
    n++
    i = j + sub.length
  }
  return n
}

/** `tailmatch`: startswith (reverse false) / endswith in [start, end) (adjusted). */
export function tailMatch(s: string, sub: string, start: number, end: number, atEnd: boolean): boolean {
  const last = end - sub.length
  if (last < start) return false
  if (sub.length === 0) return true
  return atEnd ? s.startsWith(sub, last) : s.startsWith(sub, start)
}

/** `split` on whitespace, at most `max` splits (-1: all). */
export function splitWhitespace(s: string, max: number, isSpace: CharPred): string[] {
  const out: string[] = []
  const n = s.length
  let i = 0
  let count = max < 0 ? Infinity : max
  while (count-- > 0) {
    while (i < n && isSpace(s.charCodeAt(i))) i++
    if (i === n) break
    const j = i
    i++
    while (i < n && !isSpace(s.charCodeAt(i))) i++
    out.push(s.slice(j, i))
  }
  if (i < n) {
    while (i < n && isSpace(s.charCodeAt(i))) i++
    if (i !== n) out.push(s.slice(i))
  }
  return out
}

/** `rsplit` on whitespace. */
export function rsplitWhitespace(s: string, max: number, isSpace: CharPred): string[] {
  const out: string[] = []
  let i = s.length - 1
  let count = max < 0 ? Infinity : max
  while (count-- > 0) {
    while (i >= 0 && isSpace(s.charCodeAt(i))) i--
    if (i < 0) break
    const j = i
    i--
    while (i >= 0 && !isSpace(s.charCodeAt(i))) i--
    out.push(s.slice(i + 1, j + 1))
  }
  if (i >= 0) {
    while (i >= 0 && isSpace(s.charCodeAt(i))) i--
    if (i >= 0) out.push(s.slice(0, i + 1))
  }
  return out.reverse()
}

/** `split(sep, max)` with a non-empty separator. */
export function splitSep(s: string, sep: string, max: number): string[] {
  const out: string[] = []
  let count = max < 0 ? Infinity : max
  let i = 0
  while (count-- > 0) {
    const j = s.indexOf(sep, i)
    if (j < 0) break
    out.push(s.slice(i, j))
    i = j + sep.length
  }
  out.push(s.slice(i))
  return out
}

/** `rsplit(sep, max)` with a non-empty separator. */
export function rsplitSep(s: string, sep: string, max: number): string[] {
  const out: string[] = []
  let count = max < 0 ? Infinity : max
  let j = s.length
  while (count-- > 0) {
    if (j - sep.length < 0) break
    const i = s.lastIndexOf(sep, j - sep.length)
    if (i < 0) break
    out.push(s.slice(i + sep.length, j))
    j = i
  }
  out.push(s.slice(0, j))
  return out.reverse()
}

/** `splitlines(keepends)`; `isBreak` decides the line boundaries (\r\n counts as one). */
export function splitLines(s: string, keepends: boolean, isBreak: CharPred): string[] {
  const out: string[] = []
  const n = s.length
  let i = 0
  while (i < n) {
    const j = i
    while (i < n && !isBreak(s.charCodeAt(i))) i++
    let eol = i
    if (i < n) {
      if (s.charCodeAt(i) === 13 && i + 1 < n && s.charCodeAt(i + 1) === 10) i += 2
      else i++
      if (keepends) eol = i
    }
    out.push(s.slice(j, eol))
  }
  return out
}

/** strip/lstrip/rstrip: `chars` null strips what `isSpace` accepts. `which`: 0 left, 1 right, 2 both. */
export function stripChars(s: string, chars: string | null, which: 0 | 1 | 2, isSpace: CharPred): string {
  const inSet = chars === null ? null : new Set(Array.from(chars))
  const units = Array.from(s)
  let i = 0
  let j = units.length
  const strip = (ch: string): boolean => (inSet === null ? isSpace(ch.codePointAt(0)!) : inSet.has(ch))
  if (which !== 1) while (i < j && strip(units[i]!)) i++
  if (which !== 0) while (j > i && strip(units[j - 1]!)) j--
  if (i === 0 && j === units.length) return s
  return units.slice(i, j).join('')
}

/** `replace(old, new, count)` (count < 0: all). */
export function replaceText(s: string, old: string, rep: string, count: number): string {
  const max = count < 0 ? Infinity : count
  if (max === 0) return s
  if (old.length === 0) {
    const units = Array.from(s)
    let out = ''
    let n = 0
    let k = 0
    for (; k < units.length && n < max; k++, n++) out += rep + units[k]
    if (n < max && k === units.length) return out + rep
    return out + units.slice(k).join('')
  }
  let out = ''
  let i = 0
  let n = 0
  while (n < max) {
    const j = s.indexOf(old, i)
    if (j < 0) break
    out += s.slice(i, j) + rep
    i = j + old.length
    n++
  }
  if (n === 0) return s
  return out + s.slice(i)
}

/** `expandtabs(tabsize)`: columns count characters (code points), reset by \n and \r. */
export function expandTabs(s: string, tabsize: number): string {
  let out = ''
  let col = 0
  for (const ch of s) {
    if (ch === '\t') {
      if (tabsize > 0) {
        const incr = tabsize - (col % tabsize)
        col += incr
        out += ' '.repeat(incr)
      }
    } else {
      col++
      out += ch
      if (ch === '\n' || ch === '\r') col = 0
    }
  }
  return out
}

/** `pad(left, right, fill)` as center/ljust/rjust build it. */
export function pad(s: string, left: number, right: number, fill: string): string {
  return fill.repeat(Math.max(0, left)) + s + fill.repeat(Math.max(0, right))
}

/** `center(width)`'s left margin for a text of `len` characters. */
export function centerLeft(len: number, width: number): number {
  const marg = width - len
  return Math.floor(marg / 2) + (marg & width & 1)
}

/** `zfill(width)` of a text of `len` characters. */
export function zfill(s: string, len: number, width: number): string {
  if (len >= width) return s
  const fill = width - len
  let out = '0'.repeat(fill) + s
  const c = s[0]
  if (c === '+' || c === '-') out = c + '0'.repeat(fill) + s.slice(1)
  return out
}

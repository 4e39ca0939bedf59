import { describe, expect, it } from 'vitest'
import { getProfile } from '@heap/python-lite'
import { extractTranscripts, normalizeTranscript } from '../src/commands/check.js'
import { parseTraceKinds } from '../src/commands/run.js'
import { explainDifference } from '../src/format/why.js'
import { progress } from '../src/format/progress.js'

describe('transcripts', () => {
  it('finds ```pycon blocks in Markdown with their input lines', () => {
    const md = 'text\n```pycon\n>>> x = 1\n>>> x\n1\n>>> def f():\n...     pass\n...\n```\nmore\n```python\nprint(1)\n```\n'
    const ts = extractTranscripts('page.md', md)
    expect(ts).toHaveLength(1)
    expect(ts[0]!.input).toEqual(['x = 1', 'x', 'def f():', '    pass', ''])
    expect(ts[0]!.line).toBe(3)
  })
  it('finds >>> runs in text files', () => {
    const txt = 'Intro\n>>> 1 + 1\n2\n\nLater\n>>> print("a")\na\n'
    expect(extractTranscripts('notes.txt', txt).map((t) => t.input)).toEqual([['1 + 1'], ['print("a")']])
  })
  it('ignores addresses and trailing blanks when comparing', () => {
    expect(normalizeTranscript('<object at 0x7f12ab>  \n\n')).toBe(normalizeTranscript('<object at 0x55aa>'))
  })
})

describe('--trace kinds', () => {
  it('accepts all or a list, and rejects unknown kinds', () => {
    expect(parseTraceKinds(true)).toBe(true)
    expect(parseTraceKinds('incref,decref')).toEqual(['incref', 'decref'])
    expect(() => parseTraceKinds('incref,bogus')).toThrow(/unknown trace kind 'bogus'/)
    expect(parseTraceKinds(undefined)).toBeNull()
  })
})

describe('why outputs differ', () => {
  const CYCLE = 'import gc\nclass T: pass\na = T(); b = T(); a.o = b; b.o = a\ndel a, b\nprint("collected:", gc.collect())\n'
  it('names the instance dict model when collect counts differ, and only what the program uses', () => {
    const reasons = explainDifference([getProfile('3.8'), getProfile('3.11')], [['collected: 4'], ['collected: 2']], CYCLE).join('\n')
    expect(reasons).toMatch(/3\.8: every instance has a real __dict__/)
    expect(reasons).toMatch(/3\.11: instance attributes live in a values array/)
    // No __del__ in the program: the finalizer policies do not explain anything here.
    expect(reasons).not.toMatch(/PEP 442/)
    const withDel = explainDifference([getProfile('3.8'), getProfile('3.11')], [['collected: 4'], ['collected: 2']], CYCLE.replace('pass', 'def __del__(self): pass'))
    expect(withDel.join('\n')).toMatch(/PEP 442/)
  })
  it('says nothing when no profile field explains the topic', () => {
    expect(explainDifference([getProfile('3.12'), getProfile('3.13')], [['hello'], ['world']])).toEqual([])
  })
})

describe('progress bars', () => {
  const fakeStream = (isTTY: boolean) => {
    const stream = { isTTY, columns: 100, out: '', write(s: string) { stream.out += s; return true } }
    return stream
  }
  it('draws and then clears a bar on a terminal', () => {
    const s = fakeStream(true)
    const bar = progress(s, 3, 'checking')
    bar.tick('a.md:1')
    bar.tick('b.md:4')
    bar.tick('c.txt:2')
    bar.stop()
    expect(s.out).toMatch(/checking \[[░█]+\] 0\/3/)
    expect(s.out).toMatch(/checking \[█+\] 3\/3 c\.txt:2/)
    expect(s.out.endsWith('\u001b[2K')).toBe(true) // the line is cleared when the job ends
  })
  it('writes nothing when the stream is not a terminal or the job is a single unit', () => {
    for (const [tty, n] of [[false, 5], [true, 1]] as const) {
      const s = fakeStream(tty)
      const bar = progress(s, n, 'checking')
      bar.tick('x')
      bar.stop()
      expect(s.out).toBe('')
    }
  })
})

import { describe, expect, it } from 'vitest'
import { runSource } from '../src/index.js'

// Generation-0 count deltas, as CPython 3.8.18 / 3.11.7 / 3.12.1 print them (script mode, stdout to a pipe).
const DELTA = 'import gc\ngc.disable(); gc.collect()\ng = gc.get_count\nfor i in range(3):\n    a = g()[0]; b = g()[0]\n'

function deltas(profile: string, body: string): string {
  const r = runSource(DELTA + body + 'print(res)\n', { filename: 'd.py', profile })
  expect(r.stderr).toBe('')
  return r.stdout.trim().split('\n').at(-1)!
}

describe('generation-0 accounting', () => {
  it('3.8 frames: a call reuses its code object\'s zombie frame, then the frame free list, and only then allocates', () => {
    const body = [
      'res = []',
      'def f(): pass',
      'def r(n): return r(n-1) if n else 0',
      'a = g()[0]; f(); b = g()[0]; res.append(b - a)',
      'a = g()[0]; f(); b = g()[0]; res.append(b - a)',
      'a = g()[0]; r(5); b = g()[0]; res.append(b - a)',
      'a = g()[0]; r(5); b = g()[0]; res.append(b - a)',
      'a = g()[0]; r(8); b = g()[0]; res.append(b - a)',
      '',
    ].join('\n')
    // Six frames for r(5): the first finished one becomes the zombie, five go to the free list; r(8) needs three more.
    expect(deltas('3.8', body)).toBe('[1, 0, 6, 0, 3]')
    // 3.11+ frames are not objects.
    expect(deltas('3.11', body)).toBe('[0, 0, 0, 0, 0]')
  })

  it('3.8 generators do not keep their function alive', () => {
    const body = 'res = []\ngen = (i for i in range(3))\na = g()[0]; gen = (i for i in range(3)); b = g()[0]; res.append(b - a)\na = g()[0]; list(gen); b = g()[0]; res.append(b - a)\n'
    expect(deltas('3.8', body)).toBe('[1, 1]')
    expect(deltas('3.11', body)).toBe('[0, 0]')
  })

  it('print() leaves its argument tuple (3.11–3.13) and its lazily built keyword tuple (≤3.11) behind', () => {
    const body = [
      'res = []',
      'a = g()[0]; print("x", "y"); b = g()[0]; res.append(b - a)',
      'a = g()[0]; print("x", "y"); b = g()[0]; res.append(b - a)',
      'a = g()[0]; print("x"); b = g()[0]; res.append(b - a)',
      'a = g()[0]; print("x", end="\\n"); b = g()[0]; res.append(b - a)',
      '',
    ].join('\n')
    // 3.8: no argument tuple; the first bound `write` method fills the builtin-method free list; the keyword tuple
    // appears with the first keyword.
    expect(deltas('3.8', body)).toBe('[1, 0, 0, 1]')
    expect(deltas('3.11', body)).toBe('[2, 0, 1, 0]')
    expect(deltas('3.12', body)).toBe('[1, 0, 1, 0]')
  })

  it('a METH_VARARGS call builds its argument tuple; get_referrers skips it but lists a self-referencing target', () => {
    const body = 'res = []\na = g()[0]; gc.set_threshold(700, 10); b = g()[0]; res.append(b - a)\nl = []; l.append(l)\nres.append(sorted(type(r).__name__ for r in gc.get_referrers(l)))\n'
    expect(deltas('3.11', body)).toBe("[1, ['dict', 'list']]")
  })
})

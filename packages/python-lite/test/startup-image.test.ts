import { describe, expect, it } from 'vitest'
import { getProfile } from '@heap/core'
import { runSource } from '../src/index.js'

const run = (source: string, profile: string, startupImage = true): string =>
  runSource(source, { filename: 'img.py', profile, startupImage }).stdout

describe('the start-up image', () => {
  it('adds the references start-up holds to shared objects', () => {
    const src = 'import sys\nprint(sys.getrefcount(1))\n'
    const image = getProfile('3.8').startupImage.script!
    const held = image.refs.find(([k]) => k === 'int:1')![1]
    expect(Number(run(src, '3.8')) - Number(run(src, '3.8', false))).toBe(held)
  })

  it('counts start-up objects in the generations and builds them, oldest first, for gc.get_objects()', () => {
    const src = [
      'import gc',
      'class Mine(object): pass',
      'keep = Mine()',
      'objs = gc.get_objects()',
      'print(len(objs), type(objs[0]).__name__, type(objs[-1]).__name__)',
      'print(objs.index(keep))',
      'gc.collect()',
      'print(len(gc.get_objects()))',
    ].join('\n')
    const [withImage, without] = [run(src, '3.11').split('\n'), run(src, '3.11', false).split('\n')]
    const image = getProfile('3.11').startupImage.script!
    const counted = image.gcObjects.reduce((a, b) => a + b, 0) + image.untrackable.reduce((a, b) => a + b, 0)
    expect(Number(withImage[0]!.split(' ')[0]) - Number(without[0]!.split(' ')[0])).toBe(counted)
    expect(withImage[0]!.split(' ')[1]).toMatch(/^(list|tuple)$/)
    // gen0 comes first in gc.get_objects(); within it start-up's objects precede the program's
    expect(Number(withImage[1])).toBeGreaterThanOrEqual(image.gcObjects[0]! + image.untrackable[0]!)
    expect(image.gcObjects[0]! + image.untrackable[0]!).toBeGreaterThan(0)
    // the first full collection untracks start-up's atomic tuples
    const kept = image.gcObjects.reduce((a, b) => a + b, 0)
    expect(Number(withImage[2]) - Number(without[2])).toBe(kept)
  })

  it('adds start-up collections to gc.get_stats() and frozen objects to the permanent generation (3.12)', () => {
    const src = 'import gc\nprint(gc.get_stats()[0]["collections"], gc.get_freeze_count())\n'
    const image = getProfile('3.12').startupImage.script!
    const [c, f] = run(src, '3.12').trim().split(' ').map(Number)
    const [c0, f0] = run(src, '3.12', false).trim().split(' ').map(Number)
    expect(c! - c0!).toBe(image.stats[0]![0])
    expect(f! - f0!).toBe(image.frozen)
    expect(image.frozen).toBeGreaterThan(0)
  })
})

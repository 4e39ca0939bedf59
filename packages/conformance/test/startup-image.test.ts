// The committed start-up images (packages/core/src/profiles/startup-images.ts) are what the recordings of
// cases/startup/image and the simulation's own start-up give today.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeStartupImages, renderStartupImages } from '../src/calibrate.js'
import { loadEngine } from '../src/engine.js'
import { PACKAGE_DIR } from '../src/cases.js'

describe('start-up image', () => {
  it('is current (else run node scripts/calibrate-startup.mjs)', async () => {
    const engine = await loadEngine()
    if (!engine.ok) throw new Error(engine.error)
    const { images } = computeStartupImages(engine.runSource)
    const committed = readFileSync(join(PACKAGE_DIR, '..', 'core', 'src', 'profiles', 'startup-images.ts'), 'utf8')
    expect(renderStartupImages(images)).toBe(committed)
    // the 3.11 image raises the count of small int 1 by what start-up holds (hundreds of references)
    const one = images['3.11']!.script!.refs.find(([k]) => k === 'int:1')
    expect(one?.[1]).toBeGreaterThan(100)
  }, 120_000)
})

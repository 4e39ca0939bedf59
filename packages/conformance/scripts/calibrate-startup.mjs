#!/usr/bin/env node
// Writes packages/core/src/profiles/startup-images.ts, the start-up image of each profile (see src/calibrate.ts).
//
//   node scripts/calibrate-startup.mjs        after re-recording cases/startup/image, or when the simulation's own
//                                             start-up changed (test/startup-image.test.ts says so)
//
// Uses dist/index.js: build it first (pnpm --filter @heap/conformance build).
import { writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const PKG = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(PKG, '..', 'core', 'src', 'profiles', 'startup-images.ts')
const lib = await import(pathToFileURL(join(PKG, 'dist', 'index.js')).href)
const engine = await lib.loadEngine()
if (!engine.ok) {
  console.error(engine.error)
  process.exit(1)
}
const { images, notes } = lib.computeStartupImages(engine.runSource)
for (const n of notes) console.error(`note: ${n}`)
writeFileSync(OUT, lib.renderStartupImages(images))
console.log(`wrote ${OUT} (rebuild @heap/core)`)

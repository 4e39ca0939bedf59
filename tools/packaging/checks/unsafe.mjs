// @heap/unsafe from Node ESM. The package has no public API yet: this only proves that every entry point of the
// installed tarball loads. Extend it with a forced-deallocation example when the API lands.
import * as unsafe from '@heap/unsafe'
import * as internal from '@heap/unsafe/internal'
import * as testing from '@heap/unsafe/testing'
import { check, done, ok, resolvesInstalled } from './util.mjs'

resolvesInstalled('@heap/unsafe')

ok('@heap/unsafe, /internal and /testing load', () => {
  for (const m of [unsafe, internal, testing]) check(typeof m === 'object', 'not a module namespace')
  const names = Object.keys(unsafe)
  return names.length ? `exports ${names.join(', ')}` : 'no exports yet'
})

done('@heap/unsafe')

import { it } from 'vitest'
import { fuzz } from './fuzz.js'

// 4 files × 2500 cases = 10,000 random unsafe programs (files run in parallel).
it('unsafe fuzz, cases 7500–9999: the simulated process may crash, the host never does', () => {
  fuzz(7500, 10000)
}, 600_000)

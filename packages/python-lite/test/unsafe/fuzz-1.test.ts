import { it } from 'vitest'
import { fuzz } from './fuzz.js'

// 4 files × 2500 cases = 10,000 random unsafe programs (files run in parallel).
it('unsafe fuzz, cases 2500–4999: the simulated process may crash, the host never does', () => {
  fuzz(2500, 5000)
}, 600_000)

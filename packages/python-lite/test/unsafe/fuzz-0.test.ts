import { it } from 'vitest'
import { fuzz } from './fuzz.js'

// 4 files × 2500 cases = 10,000 random unsafe programs (files run in parallel).
it('unsafe fuzz, cases 0–2499: the simulated process may crash, the host never does', () => {
  fuzz(0, 2500)
}, 600_000)

// @heap/cli as a library: `main(argv)` is exported (the `heap` binary is checked from a global install).
import { main } from '@heap/cli'
import { check, done, ok, resolvesInstalled } from './util.mjs'

resolvesInstalled('@heap/cli')
ok('main() is exported', () => check(typeof main === 'function', 'main is not a function'))

done('@heap/cli')

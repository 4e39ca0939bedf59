// @heap/python-lite from Node ESM: run Python programs, compare with what CPython 3.11 prints.
import { Interpreter, PROFILES, runSource } from '@heap/python-lite'
import { PROGRAMS } from './programs.mjs'
import { check, done, equal, ok, resolvesInstalled } from './util.mjs'

resolvesInstalled('@heap/python-lite')

for (const p of PROGRAMS) {
  ok(`runSource(${p.filename}) prints what CPython 3.11 prints`, () => {
    const r = runSource(p.source, { profile: '3.11', filename: p.filename })
    equal(r.stderr, '', 'stderr')
    equal(r.stdout, p.stdout, 'stdout')
    equal(r.exitCode, 0, 'exit code')
    return JSON.stringify(r.stdout)
  })
}

ok('Interpreter and the profiles are exported', () => {
  check(typeof Interpreter === 'function', 'Interpreter is not a class')
  check(PROFILES.some((p) => p.id === '3.11'), 'no 3.11 profile')
})

done('@heap/python-lite')

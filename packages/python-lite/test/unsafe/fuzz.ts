/**
 * A fuzzer of unsafe programs: random ctypes writes into object headers, forced deallocations and uses of what they
 * broke. Each case is a Python program; the simulated process may crash (134, 139) but the host must not, and a
 * clean program run afterwards must behave.
 */
import { expect } from 'vitest'
import { runSource } from '../../src/index.js'

/** mulberry32 */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const VARS = ['a', 'b', 'c', 'd', 'e', 'f']
const SETUP = `import ctypes, gc, sys
class K:
    def __del__(self):
        pass
a = [1, 2, 3]
b = {'k': [1]}
c = K()
d = 10 ** 20
e = 'text' * 3
f = (a, b)
`

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!
}

function op(r: () => number): string {
  const x = pick(r, VARS)
  const y = pick(r, VARS)
  switch (Math.floor(r() * 14)) {
    case 0:
      return `ctypes.c_ssize_t.from_address(id(${x})).value = ${pick(r, ['0', '1', '-1', '2', '100', '2 ** 40'])}`
    case 1:
      return `ctypes.memset(id(${x}) + ${pick(r, ['0', '8', '16', '24', '-16', '-8'])}, ${pick(r, ['0', '255', '1'])}, ${pick(r, ['1', '4', '8'])})`
    case 2:
      return `ctypes.pythonapi._Py_Dealloc(ctypes.py_object(${x}))`
    case 3:
      return `ctypes.pythonapi.Py_DecRef(ctypes.py_object(${x}))`
    case 4:
      return `ctypes.pythonapi.Py_IncRef(ctypes.py_object(${x}))`
    case 5:
      return `ctypes.c_void_p.from_address(id(${x}) + 8).value = id(${pick(r, ['int', 'list', 'dict', 'str', 'tuple', 'K'])})`
    case 6:
      return `print(${x})`
    case 7:
      return `print(len(${x}))`
    case 8:
      return `${x} = [i for i in range(${Math.floor(r() * 5)})]`
    case 9:
      return `gc.collect()`
    case 10:
      return `${x} = ${y}`
    case 11:
      return `del ${x}`
    case 12:
      return `print(sys.getrefcount(${x}))`
    default:
      return `(ctypes.c_char * 16).from_address(id(${x})).raw`
  }
}

/** A random unsafe program: every statement guarded, so Python exceptions do not end it early. */
export function program(seed: number): string {
  const r = rng(seed)
  const n = 2 + Math.floor(r() * 8)
  const lines = [SETUP]
  for (let i = 0; i < n; i++) lines.push(`try:\n    ${op(r)}\nexcept Exception as ex:\n    print(type(ex).__name__)`)
  return lines.join('\n') + '\nprint("end")\n'
}

const PROFILES = ['3.8', '3.11', '3.12', '3.13', '3.14']

/** Runs cases [from, to): each must end with an exit code a real process could have. */
export function fuzz(from: number, to: number): void {
  for (let seed = from; seed < to; seed++) {
    const src = program(seed)
    const profile = PROFILES[seed % PROFILES.length]!
    // Every seventh case as a debug build (negative counts abort, freed memory holds dead bytes).
    const debugBuild = seed % 7 === 3
    let res
    try {
      res = runSource(src, { profile, filename: 'fuzz.py', maxSteps: 200_000, debugBuild })
    } catch (e) {
      throw new Error(`the host crashed on seed ${seed} (${profile}${debugBuild ? ', debug build' : ''}):\n${src}\n${e instanceof Error ? e.stack : String(e)}`, { cause: e })
    }
    expect([0, 1, 134, 139], `seed ${seed} (${profile}) exit ${res.exitCode}:\n${src}\n${res.stderr}`).toContain(res.exitCode)
    expect(res.stderr, `seed ${seed}: internal error\n${src}`).not.toContain('heap internal error')
  }
  // The JS side is intact: a clean program behaves.
  const clean = runSource('x = [1, 2, 3]\nprint(len(x), x)\n', { profile: '3.11', filename: 'clean.py' })
  expect(clean.stdout).toBe('3 [1, 2, 3]\n')
  expect(clean.exitCode).toBe(0)
}

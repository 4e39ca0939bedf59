import { describe, expect, it } from 'vitest'
import { runSource } from '../src/index.js'

const run = (src: string, opts: Record<string, unknown> = {}) => runSource(src, { profile: '3.11', filename: 'prog.py', ...opts })

describe('bad input never crashes the host', () => {
  it('a malformed program gets a SyntaxError report and exit code 1 (exact texts: the conformance suite)', () => {
    const r = run('print(1\n')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/^ {2}File "prog.py", line 1\n[\s\S]*\nSyntaxError: .+\n$/)
  })

  it('runaway recursion raises RecursionError at the profile’s limit, and the program can catch it', () => {
    const r = run('import sys\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print("caught", e)\nprint(sys.getrecursionlimit())\n')
    expect(r.stdout).toMatch(/^caught maximum recursion depth exceeded.*\n1000\n$/)
    expect(r.exitCode).toBe(0)
  })

  it('an infinite loop ends when the step budget runs out (exit 124, a clear message)', () => {
    const r = run('while True:\n    pass\n', { maxSteps: 100_000 })
    expect(r.exitCode).toBe(124)
    expect(r.stderr).toMatch(/step budget ran out/)
  })

  it('a huge allocation raises MemoryError against the simulated heap limit', () => {
    const r = run('try:\n    x = [0] * (10 ** 9)\nexcept MemoryError:\n    print("MemoryError")\n', { heapLimit: 64 * 1024 * 1024 })
    expect(r.stdout).toBe('MemoryError\n')
  })

  it('random byte soup never throws out of runSource', () => {
    let seed = 7
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32)
    const alphabet = 'abcxyz0123456789 ()[]{}:,.=+-*/%<>!\'"\n\t#@\\&|^~;'
    for (let i = 0; i < 300; i++) {
      let src = ''
      const n = Math.floor(next() * 80)
      for (let k = 0; k < n; k++) src += alphabet[Math.floor(next() * alphabet.length)]
      const r = run(src, { maxSteps: 10_000 })
      expect([0, 1, 124]).toContain(r.exitCode)
      expect(r.stderr).not.toContain('heap internal error')
    }
  }, 120_000)
})

import { describe, expect, it } from 'vitest'
import { Worker } from 'node:worker_threads'
import { Interpreter } from '../src/index.js'

describe('interrupts from another thread', () => {
  it('raises KeyboardInterrupt in a running loop when the shared flag is set', async () => {
    const flag = new Int32Array(new SharedArrayBuffer(4))
    const interp = new Interpreter({ filename: 'loop.py', profile: '3.11', interruptFlag: flag, timeoutMs: 20_000 })
    // Another thread presses Ctrl-C a second from now, while this one is busy in the loop.
    const presser = new Worker(
      "const { workerData } = require('node:worker_threads'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000); Atomics.store(workerData, 0, 1)",
      { eval: true, workerData: flag },
    )
    const r = interp.result(interp.runScript('n = 0\nwhile True:\n    n += 1\n', 'loop.py'))
    await presser.terminate()
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "loop\.py", line [23], in <module>\n.*\n( *\^+\n)?KeyboardInterrupt\n$/)
    expect(Atomics.load(flag, 0)).toBe(0)
  })
})

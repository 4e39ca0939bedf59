import { describe, expect, it } from 'vitest'
import { auditExempt } from '@heap/core/testing'
import { Interpreter, runSource } from '../src/index.js'

const CYCLE = 'import gc\ngc.disable()\na = []\nb = [a]\na.append(b)\ndel a, b\ngc.collect()\n'

describe('observation for the docs site', () => {
  it('stops a program that runs out of its step budget, with exit status 124', () => {
    const interp = new Interpreter({ filename: 'loop.py', profile: '3.11', maxSteps: 10_000 })
    // The budget abandons the process mid-frame: like a killed process, it leaves its references behind.
    auditExempt.add(interp.rt)
    const r = interp.result(interp.runScript('while True:\n    pass\n', 'loop.py'))
    expect(r.exitCode).toBe(124)
    expect(r.stderr).toBe('heap: the program was stopped: its step budget ran out\n')
  })

  it('steps the first explicit gc.collect() phase by phase, with the heap after each phase', () => {
    const r = runSource(CYCLE, { filename: 'cycle.py', profile: '3.11', observe: { gcSteps: true } })
    const steps = r.gcSteps ?? []
    expect(steps.map((s) => s.phase)).toEqual(['start', 'update_refs', 'subtract_refs', 'move_unreachable', 'move_legacy_finalizers', 'finalize_garbage', 'delete_garbage', 'done'])
    const nodes = steps[0]!.snapshot!.objects.filter((o) => o.type === 'list' && o.unreachable).map((o) => o.id)
    expect(nodes).toHaveLength(2)
    // Each list is referred to only by the other: gc_refs starts at 1 and drops to 0 once internal references are subtracted.
    expect(nodes.map((id) => steps[1]!.gcRefs![id])).toEqual([1, 1])
    expect(nodes.map((id) => steps[2]!.gcRefs![id])).toEqual([0, 0])
    expect([...steps[3]!.lists['unreachable']!].sort()).toEqual([...nodes].sort())
    expect(steps[7]!.snapshot!.objects.some((o) => nodes.includes(o.id))).toBe(false)
  })

  it('without gc.collect(), steps the first collection at exit — not the automatic ones before it', () => {
    const src = 'import gc\ngc.set_threshold(5)\nkeep = []\nfor i in range(40):\n    keep.append([])\n'
    const r = runSource(src, { filename: 'auto.py', profile: '3.11', observe: { gcSteps: true } })
    const steps = r.gcSteps ?? []
    expect(steps.filter((s) => s.phase === 'start')).toHaveLength(1)
    // Collections during the program have a source line; the exit collection runs with no frame.
    expect(steps.every((s) => s.snapshot!.line === null)).toBe(true)
  })

  it('takes a snapshot after each statement of a session, and one at exit', () => {
    const r = runSource('a = object()\nb = [a]\ndel b\n', { filename: '<stdin>', mode: 'repl', profile: '3.12', observe: { snapshots: 'exit', statementSnapshots: true } })
    const labels = (r.snapshots ?? []).map((s) => s.label)
    expect(labels).toEqual(['a = object()', 'b = [a]', 'del b', 'exit'])
    const lists = (r.snapshots ?? []).map((s) => s.objects.filter((o) => o.type === 'list').length)
    expect(lists).toEqual([0, 1, 0, 0])
    const seqs = (r.snapshots ?? []).map((s) => s.seq ?? -1)
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
  })

  it('shows an imported module as one node, not what its namespace holds', () => {
    const r = runSource('import gc\nx = [1]\n', { filename: 'm.py', profile: '3.11', observe: { snapshots: 'exit' } })
    const objs = r.snapshots!.at(-1)!.objects
    // Two module nodes: gc and __main__ (whose dict the docs' pictures fold into it).
    expect(objs.filter((o) => o.type === 'module')).toHaveLength(2)
    expect(objs.some((o) => o.type === 'list' && o.repr === '[1]')).toBe(true)
    expect(objs.some((o) => o.type === 'builtin_function_or_method')).toBe(false)
  })
})

import { describe, expect, test } from 'vitest'
import { loadEngine } from '../src/engine.js'

describe('loadEngine', () => {
  test('explains a missing package', async () => {
    const r = await loadEngine(() => Promise.reject(new Error("Cannot find package '@heap/python-lite'")))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/@heap\/python-lite cannot be imported .*Cannot find package/)
  })

  test('explains a missing runSource export', async () => {
    const r = await loadEngine(() => Promise.resolve({ other: 1 }))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/does not export a function runSource.*exports: other/)
  })

  test('returns runSource when present', async () => {
    const runSource = () => ({ stdout: '', stderr: '', merged: '', exitCode: 0 })
    const r = await loadEngine(() => Promise.resolve({ runSource }))
    expect(r.ok && r.runSource).toBe(runSource)
  })
})

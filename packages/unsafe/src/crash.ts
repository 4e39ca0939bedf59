/**
 * How the simulated process reacts to corruption: a double free breaks the allocator's free list, and the process
 * dies when that list is next used — at once or at exit, as each version was observed to (a declared, simulated
 * choice: real outcomes vary from run to run).
 */
import type { PyObject, Runtime } from '@heap/core'
import { recordHazard, unsafeState } from './state.js'

const installed = new WeakSet<Runtime>()

/** Connects the runtime's unsafe hooks to this package (idempotent). */
export function installUnsafeHooks(rt: Runtime): void {
  if (installed.has(rt)) return
  installed.add(rt)
  rt.hooks.doubleFree = (r, op) => doubleFree(r, op)
  rt.onUnsafeAccess = (kind, op, owner) => {
    const at = `0x${op.ob_addr.toString(16)}`
    if (kind === 'alias') recordHazard(rt, 'alias', `a name still pointing at the freed ${op.ob_type.tp_name} at ${at} now reaches the ${owner!.ob_type.tp_name} that reuses that memory`, op.ob_addr)
    else if (kind === 'stale') recordHazard(rt, 'stale', `a name still pointing at the freed ${op.ob_type.tp_name} at ${at} reads its stale contents (the memory sits in a free list)`, op.ob_addr)
    else recordHazard(rt, 'use-after-free', `a name still pointing at the freed ${op.ob_type.tp_name} at ${at} was used; that memory belongs to nobody`, op.ob_addr)
  }
}

function doubleFree(rt: Runtime, op: PyObject): void {
  const s = unsafeState(rt)
  const text = `the ${op.ob_type.tp_name} at 0x${op.ob_addr.toString(16)} was deallocated a second time: the allocator's free list is corrupt`
  recordHazard(rt, 'double-free', text, op.ob_addr)
  s.corrupted = text
  if (rt.profile.unsafe.doubleFree === 'crash-now') rt.hooks.crash(rt, 'segfault', null, text)
}

/**
 * Called by the interpreter when it starts finalizing: a corrupt allocator crashes the process now (the teardown
 * frees everything).
 */
export function checkCorruptionAtExit(rt: Runtime): void {
  const s = unsafeState(rt)
  if (s.corrupted !== null) rt.hooks.crash(rt, 'segfault', null, `at exit: ${s.corrupted}`)
}

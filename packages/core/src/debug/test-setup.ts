/**
 * NON-CPYTHON: wiring for test suites. `installAuditAfterEach(afterEach)` audits every runtime a test created and
 * fails the test on any refcount difference or dangling reference.
 */
import { runtimeCreatedHooks } from '../runtime/bootstrap.js'
import type { Runtime } from '../runtime/runtime.js'
import { auditRefcounts, formatAudit } from './audit.js'
import { setDebugChecks } from './checks.js'

/** Runtimes that opted out of the audit (tests of deliberately corrupt heaps). */
export const auditExempt = new WeakSet<Runtime>()

export function installAuditAfterEach(afterEach: (fn: () => void) => void, beforeEach: (fn: () => void) => void): void {
  // The collector's validate_list and the other debug invariant checks run in every test that audits.
  setDebugChecks(true)
  let created: Runtime[] = []
  runtimeCreatedHooks.push((rt) => created.push(rt))
  beforeEach(() => {
    created = []
  })
  afterEach(() => {
    const runtimes = created
    created = []
    for (const rt of runtimes) {
      // Unsafe code (ctypes writes, forced deallocation) breaks refcounts on purpose.
      if (auditExempt.has(rt) || rt.unsafeActive || rt.abandoned) continue
      const report = auditRefcounts(rt)
      if (!report.ok) throw new Error(`refcount audit failed for profile ${rt.profile.id}:\n${formatAudit(report)}`)
    }
  })
}

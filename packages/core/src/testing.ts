/** Test helpers: the refcount audit, heap snapshots and an event recorder. */
export { auditRefcounts, formatAudit, liveObjects, forEachReference } from './debug/audit.js'
export type { AuditReport, AuditDifference, AuditDangling } from './debug/audit.js'
export { runtimeCreatedHooks } from './runtime/bootstrap.js'
export { installAuditAfterEach, auditExempt } from './debug/test-setup.js'
export * from './testkit.js'

/**
 * NON-CPYTHON: the refcount audit. Recomputes every live object's expected count from a traversal of all live
 * objects plus the declared roots, and reports each difference. Also reports live objects that point at freed
 * memory. Tests run it after every case; the simulator's debug mode runs it on demand.
 */
import { OB_FREED, OB_IMMORTAL, OB_STATIC, type PyObject } from '../object/object.js'
import type { PyTypeObject } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'

export interface AuditDifference {
  readonly op: PyObject
  readonly type: string
  readonly actual: number
  readonly expected: number
}

export interface AuditDangling {
  readonly from: PyObject | 'root'
  readonly to: PyObject
}

export interface AuditReport {
  readonly objects: number
  readonly differences: readonly AuditDifference[]
  readonly dangling: readonly AuditDangling[]
  readonly ok: boolean
}

/** Every object the runtime knows to be alive: allocator blocks with a live owner, plus static objects. */
export function liveObjects(rt: Runtime): PyObject[] {
  const out: PyObject[] = []
  const seen = new Set<PyObject>()
  const add = (op: PyObject | undefined): void => {
    if (op === undefined || (op.ob_flags & OB_FREED) !== 0 || seen.has(op)) return
    seen.add(op)
    out.push(op)
  }
  rt.mem.forEachOwner(add)
  for (const op of rt.statics) add(op)
  return out
}

/** The references an object owns, as the audit counts them. */
export function forEachReference(op: PyObject, fn: (ref: PyObject) => void): void {
  const t: PyTypeObject = op.ob_type
  const visitor = t.tp_refs ?? t.tp_traverse
  if (visitor !== null) {
    visitor(
      op,
      (ref) => {
        fn(ref)
        return 0
      },
      null,
    )
  }
}

/** Runs the audit. `extraRoots` are references held by the caller (e.g. a test's local variables). */
export function auditRefcounts(rt: Runtime, extraRoots: readonly PyObject[] = []): AuditReport {
  const objs = liveObjects(rt)
  const expected = new Map<PyObject, number>()
  const dangling: AuditDangling[] = []
  const bump = (from: PyObject | 'root', ref: PyObject): void => {
    if ((ref.ob_flags & OB_FREED) !== 0) {
      dangling.push({ from, to: ref })
      return
    }
    expected.set(ref, (expected.get(ref) ?? 0) + 1)
  }
  for (const op of objs) {
    // An object's type is referenced by heap-type instances (CPython counts that reference for heap types only).
    forEachReference(op, (ref) => bump(op, ref))
  }
  for (const root of rt.auditRoots) root((ref) => bump('root', ref))
  for (const [op, n] of rt.phantomRefs) expected.set(op, (expected.get(op) ?? 0) + n)
  for (const op of extraRoots) bump('root', op)
  const differences: AuditDifference[] = []
  for (const op of objs) {
    if ((op.ob_flags & OB_IMMORTAL) !== 0 || op.ob_refcnt >= 0x4000_0000) continue
    let exp = expected.get(op) ?? 0
    if ((op.ob_flags & OB_STATIC) !== 0) exp += rt.profile.objects.staticInitialRefcount !== null && isStaticCounted(rt, op) ? rt.profile.objects.staticInitialRefcount : 1
    if (op.ob_refcnt !== exp) differences.push({ op, type: op.ob_type.tp_name, actual: op.ob_refcnt, expected: exp })
  }
  return { objects: objs.length, differences, dangling, ok: differences.length === 0 && dangling.length === 0 }
}

/** Whether a static object started at the profile's static base (3.11) rather than at 1. */
function isStaticCounted(rt: Runtime, op: PyObject): boolean {
  return rt.staticBase.has(op)
}

/** A readable summary of an audit report (first `limit` differences). */
export function formatAudit(report: AuditReport, limit = 20): string {
  const lines = [`audit: ${report.objects} objects, ${report.differences.length} differences, ${report.dangling.length} dangling`]
  for (const d of report.differences.slice(0, limit)) {
    lines.push(`  ${d.type} at 0x${d.op.ob_addr.toString(16)}: ob_refcnt ${d.actual}, expected ${d.expected}`)
  }
  for (const d of report.dangling.slice(0, limit)) {
    const from = d.from === 'root' ? 'a root' : `${d.from.ob_type.tp_name} at 0x${d.from.ob_addr.toString(16)}`
    lines.push(`  ${from} refers to freed ${d.to.ob_type.tp_name} at 0x${d.to.ob_addr.toString(16)}`)
  }
  return lines.join('\n')
}

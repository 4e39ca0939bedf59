/** The hazard report: what unsafe code broke, and which later accesses hit freed or reused memory. */
import type { Runtime } from '@heap/core'
import { unsafeState, type Hazard } from './state.js'

export interface HazardReport {
  readonly hazards: readonly Hazard[]
  /** Why the allocator is corrupt, if it is. */
  readonly corrupted: string | null
}

export function hazardReport(rt: Runtime): HazardReport {
  const s = unsafeState(rt)
  return { hazards: s.hazards.slice(), corrupted: s.corrupted }
}

/** A readable report (empty string when nothing unsafe happened). */
export function formatHazardReport(report: HazardReport): string {
  if (report.hazards.length === 0) return ''
  const lines = ['What unsafe code did (simulated):']
  for (const h of report.hazards) {
    const where = h.where ? `${h.where.filename}:${h.where.lineno}` : '(no line)'
    lines.push(`  ${where.padEnd(18)} ${h.kind.padEnd(15)} ${h.text}`)
  }
  if (report.corrupted !== null) lines.push(`  The allocator is corrupt: ${report.corrupted}.`)
  return lines.join('\n') + '\n'
}

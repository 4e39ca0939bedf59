/**
 * The `DEBUG_*` lines, byte for byte as each version writes them to stderr.
 * @cpython Python/gc.c#show_stats_each_generations
 * @cpython Python/gc.c#debug_cycle
 */
import { gc_list_size, type PyObject, type Runtime } from '@heap/core'

/** `gc: collecting generation N...` and the generation sizes. */
export function debugStatsStart(rt: Runtime, generation: number): void {
  const gc = rt.gc
  const sizes = gc.generations.map((g) => gc_list_size(g.head))
  let text = `gc: collecting generation ${generation}...\n`
  text += `gc: objects in each generation: ${sizes.join(' ')}\n`
  if (rt.profile.gc.debugStatsPermanentLine) text += `gc: objects in permanent generation: ${gc_list_size(gc.permanent_generation.head)}\n`
  rt.hooks.writeStderr(rt, text)
}

/** `gc: done, N unreachable, M uncollectable, T.TTTTs elapsed` (2.7 adds a final period). */
export function debugStatsDone(rt: Runtime, unreachable: number, uncollectable: number, seconds: number): void {
  const period = rt.profile.gc.debugStatsDonePeriod ? '.' : ''
  rt.hooks.writeStderr(rt, `gc: done, ${unreachable} unreachable, ${uncollectable} uncollectable, ${seconds.toFixed(4)}s elapsed${period}\n`)
}

/** `gc: collectable <Track 0x7f…>`. 2.7 prints these only with DEBUG_OBJECTS. */
export function debugCycle(rt: Runtime, msg: string, op: PyObject): void {
  if (rt.profile.gc.debugObjectLinesNeedDebugObjects && (rt.gc.debug & (rt.profile.gc.debugFlags['DEBUG_OBJECTS'] ?? 0)) === 0) return
  rt.hooks.writeStderr(rt, `gc: ${msg} <${op.ob_type.tp_name} 0x${op.ob_addr.toString(16)}>\n`)
}

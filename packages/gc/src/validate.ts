/**
 * `validate_list`: checks a GC list's links and the flag states the collector expects at each point. On in tests
 * (`setDebugChecks(true)`); a single branch otherwise.
 * @cpython Python/gc.c#validate_list
 */
import { NEXT_MASK_UNREACHABLE, PREV_MASK_COLLECTING, debugChecksEnabled, setDebugChecks, type GCLink, type PyGC_Head, type PyObject } from '@heap/core'

export const VALIDATE_COLLECTING_CLEAR = 0
export const VALIDATE_COLLECTING_SET = 1

// The switch lives in @heap/core, so that every package's test setup turns it on with the refcount audit.
export { setDebugChecks, debugChecksEnabled }

export class GCInvariantError extends Error {}

/** Every link is mirrored, the list closes on its head, and each object's COLLECTING bit matches `state`. */
export function validate_list(head: PyGC_Head, state: number): void {
  if (!debugChecksEnabled()) return
  let prev: GCLink = head
  let gc: GCLink | null = head._gc_next
  let n = 0
  while (gc !== head) {
    if (gc === null) throw new GCInvariantError(`${head.name}: broken link (null next)`)
    if (gc._gc_prev !== prev) throw new GCInvariantError(`${head.name}: prev link of item ${n} does not point back`)
    const op = gc as PyObject
    const collecting = (op.gc_flags & PREV_MASK_COLLECTING) !== 0
    if (collecting !== (state === VALIDATE_COLLECTING_SET)) {
      throw new GCInvariantError(`${head.name}: ${op.ob_type.tp_name} has COLLECTING ${collecting ? 'set' : 'clear'} (expected ${state === VALIDATE_COLLECTING_SET ? 'set' : 'clear'})`)
    }
    if (state === VALIDATE_COLLECTING_CLEAR && (op.gc_flags & NEXT_MASK_UNREACHABLE) !== 0) {
      throw new GCInvariantError(`${head.name}: ${op.ob_type.tp_name} still marked unreachable`)
    }
    prev = gc
    gc = gc._gc_next
    if (++n > 50_000_000) throw new GCInvariantError(`${head.name}: cycle in list`)
  }
  if (head._gc_prev !== prev) throw new GCInvariantError(`${head.name}: head's prev is not the last item`)
}

import type { PyObject } from '../object/object.js'
import type { Runtime } from './runtime.js'

/** Gives a just-created cached object the start-up references the image holds for it (see `pendingPhantomRefs`). */
export function takeStartupRefs(rt: Runtime, key: string, op: PyObject): void {
  const n = rt.pendingPhantomRefs.get(key)
  if (n === undefined) return
  rt.pendingPhantomRefs.delete(key)
  op.ob_refcnt += n
  rt.phantomRefs.set(op, (rt.phantomRefs.get(op) ?? 0) + n)
}

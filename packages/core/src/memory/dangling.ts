/**
 * References to freed objects. Only unsafe code (forced deallocation, refcount writes) leaves them; what such a
 * reference reaches follows from the allocator's state, as in CPython where it is just an address.
 */
import { OB_FREED, type PyObject } from '../object/object.js'

/**
 * The object a reference to the freed `op` reaches now:
 * - another object that reuses the address (the name aliases it, as in CPython);
 * - `op` itself while its memory still belongs to it (it sits in a type's free list, intact);
 * - nothing: the memory went back to the allocator, or holds something else — a simulated segmentation fault.
 */
export function _PyObject_ResolveFreed(op: PyObject): PyObject {
  const rt = op.ob_type.tp_runtime
  const b = rt.mem.blockAt(op.ob_addr)
  if (b !== null) {
    const owner = b.obj
    if (owner === op && !b.free) {
      rt.onUnsafeAccess?.('stale', op, null)
      return op
    }
    if (owner !== undefined && owner !== op && !b.free && (owner.ob_flags & OB_FREED) === 0 && owner.ob_addr === op.ob_addr) {
      rt.onUnsafeAccess?.('alias', op, owner)
      rt.events.emitUnsafe('alias', { op: owner, addr: op.ob_addr, detail: `a reference to a freed ${op.ob_type.tp_name} now reaches a ${owner.ob_type.tp_name}` })
      return owner
    }
  }
  rt.onUnsafeAccess?.('freed', op, null)
  return rt.hooks.crash(rt, 'segfault', null, `use of freed ${op.ob_type.tp_name} at 0x${op.ob_addr.toString(16)}`)
}

/**
 * The trashcan: container deallocation that nests deeper than the profile's unwind level is deferred, so that
 * freeing a long chain of nested containers never exhausts the (JS) stack.
 * @cpython Objects/object.c#_PyTrash_thread_deposit_object
 */
import type { PyObject } from './object.js'

/**
 * `Py_TRASHCAN_BEGIN`: returns false when the object was deposited for later; the caller must then return
 * without freeing anything. Otherwise the caller deallocates and calls `Py_TRASHCAN_END`.
 */
export function Py_TRASHCAN_BEGIN(op: PyObject): boolean {
  const rt = op.ob_type.tp_runtime
  if (rt.trash_delete_nesting >= rt.profile.objects.trashcanUnwindLevel) {
    rt.trash_delete_later.push(op)
    return false
  }
  rt.trash_delete_nesting++
  return true
}

/** `Py_TRASHCAN_END`: leaving the outermost level destroys what was deposited, last in first out. */
export function Py_TRASHCAN_END(op: PyObject): void {
  const rt = op.ob_type.tp_runtime
  rt.trash_delete_nesting--
  if (rt.trash_delete_nesting <= 0 && rt.trash_delete_later.length > 0) _PyTrash_thread_destroy_chain(op)
}

/** @cpython Objects/object.c#_PyTrash_thread_destroy_chain */
function _PyTrash_thread_destroy_chain(op: PyObject): void {
  const rt = op.ob_type.tp_runtime
  const later = rt.trash_delete_later
  // The destroy loop itself counts as one level, so deposits made while it runs wait for this loop.
  rt.trash_delete_nesting++
  while (later.length > 0) {
    const next = later.pop()!
    next.ob_type.tp_dealloc(next)
  }
  rt.trash_delete_nesting--
}

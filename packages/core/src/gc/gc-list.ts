/**
 * `PyGC_Head` list primitives: intrusive doubly linked lists with a head sentinel.
 * @cpython Python/gc.c#gc_list_init
 */
import type { GCLink, PyObject } from '../object/object.js'
import { PyGC_Head } from '../object/object.js'

export { PyGC_Head }

/** @cpython Python/gc.c#gc_list_init */
export function gc_list_init(list: PyGC_Head): void {
  list._gc_next = list
  list._gc_prev = list
}

/** @cpython Python/gc.c#gc_list_is_empty */
export function gc_list_is_empty(list: PyGC_Head): boolean {
  return list._gc_next === list
}

/** Appends `node` at the tail of `list`. @cpython Python/gc.c#gc_list_append */
export function gc_list_append(node: GCLink, list: PyGC_Head): void {
  const last = list._gc_prev
  node._gc_prev = last
  node._gc_next = list
  last._gc_next = node
  list._gc_prev = node
}

/** Unlinks `node` from whatever list it is in and marks it untracked. @cpython Python/gc.c#gc_list_remove */
export function gc_list_remove(node: GCLink): void {
  const prev = node._gc_prev!
  const next = node._gc_next!
  prev._gc_next = next
  next._gc_prev = prev
  node._gc_next = null
  node._gc_prev = null
}

/** Moves `node` from its list to the tail of `list`. @cpython Python/gc.c#gc_list_move */
export function gc_list_move(node: GCLink, list: PyGC_Head): void {
  const prev = node._gc_prev!
  const next = node._gc_next!
  prev._gc_next = next
  next._gc_prev = prev
  const last = list._gc_prev
  node._gc_prev = last
  node._gc_next = list
  last._gc_next = node
  list._gc_prev = node
}

/** Appends every node of `from` to the tail of `to` and empties `from`. @cpython Python/gc.c#gc_list_merge */
export function gc_list_merge(from: PyGC_Head, to: PyGC_Head): void {
  if (from.phantoms !== 0) {
    to.phantoms += from.phantoms
    to.phantomsUntrackable += from.phantomsUntrackable
    from.phantoms = from.phantomsUntrackable = 0
  }
  if (gc_list_is_empty(from)) return
  const tail = to._gc_prev
  tail._gc_next = from._gc_next
  from._gc_next._gc_prev = tail
  to._gc_prev = from._gc_prev
  from._gc_prev._gc_next = to
  gc_list_init(from)
}

/** @cpython Python/gc.c#gc_list_size */
export function gc_list_size(list: PyGC_Head): number {
  let n = list.phantoms
  for (let gc = list._gc_next; gc !== list; gc = gc._gc_next!) n++
  return n
}

/** The objects of a list, head to tail (a copy). */
export function gc_list_objects(list: PyGC_Head): PyObject[] {
  const out: PyObject[] = []
  for (let gc = list._gc_next; gc !== list; gc = gc._gc_next!) out.push(gc as PyObject)
  return out
}

/**
 * NON-CPYTHON: the start-up image. A real interpreter runs site and imports a few dozen stdlib modules before the
 * program's first line; their objects hold references to shared objects (small ints, None, builtins, interned
 * names) and fill the collector's generations. The simulation does not build those modules: it applies what the
 * profile measured of them (`profile.startupImage`, recorded by packages/conformance/scripts/calibrate-startup.mjs),
 * so absolute counts such as `sys.getrefcount(1)`, `len(gc.get_objects())` or DEBUG_STATS' generation sizes match.
 * The references are declared to the refcount audit; start-up's objects are counted in the generation lists and
 * built (static empty lists and tuples, never freed) only when a program asks for them.
 */
import {
  OB_IMMORTAL,
  PyDict_GetItemStr,
  PyListObject,
  PyTupleObject,
  PyGC_Head,
  PyObject_InitStatic,
  gc_list_append,
  gc_list_merge,
  type PyDictObject,
  type PyObject,
  type StartupImage,
} from '@heap/core'
import { untrack_dicts, untrack_tuples } from '@heap/gc'
import type { Interpreter } from './interp.js'

/** The shared object a start-up image key names, or null when the simulation has no such object. */
function resolveKey(interp: Interpreter, key: string): PyObject | null {
  const rt = interp.rt
  const colon = key.indexOf(':')
  const kind = key.slice(0, colon)
  const name = key.slice(colon + 1)
  switch (kind) {
    case 'int': {
      const op = rt.small_ints[Number(name) - rt.profile.objects.smallInts.min]
      return op ?? null
    }
    case 'chr':
      return rt.latin1[Number(name)] ?? null
    case 'const':
      return constant(interp, name) ?? null
    case 'module':
      return lookup(interp.modules, name)
    case 'builtins':
      return lookup(interp.builtinsDict, name)
    case 'name':
      return rt.interned.get(name) ?? null
    case 'type':
      return lookup(interp.builtinsDict, name) ?? Object.values(rt.types as unknown as Record<string, PyObject>).find((t) => (t as unknown as { tp_name?: string }).tp_name === name) ?? null
    default:
      return null
  }
}

function lookup(dict: PyDictObject, name: string): PyObject | null {
  return PyDict_GetItemStr(dict, name)
}

function constant(interp: Interpreter, name: string): PyObject | null {
  const rt = interp.rt
  switch (name) {
    case 'None':
      return rt.None
    case 'True':
      return rt.True
    case 'False':
      return rt.False
    case 'Ellipsis':
      return rt.Ellipsis
    case 'NotImplemented':
      return rt.NotImplemented
    case '()':
      return rt.empty_tuple
    case "''":
      return rt.empty_str
    case "b''":
      return rt.empty_bytes
    default:
      return null
  }
}

/**
 * A tracked object that stands for one of start-up's, at a static address (never freed): an empty list, or for
 * one the collector will untrack, an empty tuple that is not the `()` singleton (no items: atomic).
 */
function standIn(interp: Interpreter, untrackable: boolean): PyObject {
  const rt = interp.rt
  const type = untrackable ? rt.types.tuple : rt.types.list
  return PyObject_InitStatic(rt, untrackable ? new PyTupleObject(type, []) : new PyListObject(type), type.tp_basicsize)
}

/**
 * Applies the image: references on the shared objects (declared to the audit), counted start-up objects in the
 * generations (built only when `gc.get_objects()` asks: most programs never look), start-up's statistics.
 */
export function applyStartupImage(interp: Interpreter, image: StartupImage): void {
  const rt = interp.rt
  for (const [key, n] of image.refs) {
    const op = resolveKey(interp, key) ?? null
    if (op === null) {
      // a cached object this profile makes on first use (a one-character string, b''): counted when it is made
      if (key.startsWith('chr:') || key === "const:b''") rt.pendingPhantomRefs.set(key, n)
      continue
    }
    if ((op.ob_flags & OB_IMMORTAL) !== 0) continue
    op.ob_refcnt += n
    rt.phantomRefs.set(op, (rt.phantomRefs.get(op) ?? 0) + n)
  }
  image.gcObjects.forEach((n, g) => {
    const head = rt.gc.gen(g)
    const untrackable = image.untrackable[g] ?? 0
    head.phantoms += n + untrackable
    head.phantomsUntrackable += untrackable
  })
  rt.gc.permanent_generation.head.phantoms += image.frozen
  image.stats.forEach((row, g) => {
    const s = rt.gc.generation_stats[g]
    if (s === undefined) return
    s.collections += row[0] ?? 0
    s.collected += row[1] ?? 0
    s.uncollectable += row[2] ?? 0
  })
  rt.materializePhantoms = (list) => {
    // start-up's objects are the oldest: they go first in the list
    const n = list.phantoms
    const untrackable = list.phantomsUntrackable
    list.phantoms = list.phantomsUntrackable = 0
    const younger = new PyGC_Head('younger')
    gc_list_merge(list, younger)
    for (let i = 0; i < n; i++) {
      const op = standIn(interp, i < untrackable)
      gc_list_append(op, list)
      interp.startup?.add(op)
    }
    gc_list_merge(younger, list)
  }
}

/**
 * The collections start-up ran (the image's statistics) untracked the atomic tuples among the objects alive at
 * its end, and a full one the atomic dicts too: the simulation's own start-up objects get the same treatment.
 */
export function untrackAfterStartupCollections(interp: Interpreter, image: StartupImage): void {
  const rt = interp.rt
  const ran = image.stats.map((row) => (row[0] ?? 0) > 0)
  if (!ran.some(Boolean)) return
  const full = ran[2] === true && rt.profile.objects.dictTracking === 'lazy'
  for (let g = 0; g < rt.gc.generations.length; g++) {
    untrack_tuples(rt, rt.gc.gen(g))
    if (full) untrack_dicts(rt, rt.gc.gen(g))
  }
}

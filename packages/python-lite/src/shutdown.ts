/**
 * Interpreter finalization: the exit-time collection, then module teardown — every `sys.modules` entry replaced by
 * None, a collection that ignores `gc.disable()`, then the dicts of modules still alive cleared in reverse import
 * order, then `sys` and `builtins`.
 * @cpython Python/pylifecycle.c#finalize_modules
 */
import { OB_FREED, PyDict_SetItem, PyErr, Py_DECREF, reprText, _PyDict_HashSlotOrder, type PyDictObject, type PyObject, type PyUnicodeObject } from '@heap/core'
import { PyGC_Collect, _PyGC_CollectNoFail } from '@heap/gc'
import type { Interpreter } from './interp.js'
import { PyErr_WarnExplicit } from './modules/warnings.js'

/**
 * `_PyGC_DumpShutdownStats`: uncollectable objects left in `gc.garbage` give a ResourceWarning (shown only when a
 * filter enables it), and their list under DEBUG_UNCOLLECTABLE.
 * @cpython Modules/gcmodule.c#_PyGC_DumpShutdownStats
 */
function dumpShutdownStats(interp: Interpreter): void {
  const rt = interp.rt
  const flags = rt.profile.gc.debugFlags
  const garbage = rt.gc.garbage as unknown as { ob_item: PyObject[] } | null
  if ((rt.gc.debug & (flags['DEBUG_SAVEALL'] ?? 32)) !== 0 || garbage === null || garbage.ob_item.length === 0) return
  const listing = (rt.gc.debug & (flags['DEBUG_UNCOLLECTABLE'] ?? 4)) !== 0
  const n = garbage.ob_item.length
  const text = listing ? `gc: ${n} uncollectable objects at shutdown` : `gc: ${n} uncollectable objects at shutdown; use gc.set_debug(gc.DEBUG_UNCOLLECTABLE) to list them`
  try {
    PyErr_WarnExplicit(interp, 'ResourceWarning', text, 'gc', 0, 'gc')
  } catch (e) {
    if (!(e instanceof PyErr)) throw e
    rt.hooks.writeUnraisable(rt, e.exc, null, null)
    Py_DECREF(e.exc)
  }
  if (listing) interp.writeStderr(`      ${reprText(rt.gc.garbage!)}\n`)
}

export function finalizeInterpreter(interp: Interpreter): void {
  const rt = interp.rt
  if (rt.profile.gc.moduleCleanup === 'pyimport-cleanup') {
    pyImportCleanup(interp)
    return
  }
  // 1. atexit callbacks, then a collection unless the collector is disabled.
  interp.runAtexit()
  PyGC_Collect(rt)
  interp.finalizingSources = true
  // 2. Special names of builtins and sys (`builtins._`, `sys.last_*` …).
  interp.sys.deleteSpecialNames()
  // 3. Every module in sys.modules is replaced by None. We remember them without owning them: a module whose
  //    count drops to zero is freed on the spot, and we can tell afterwards (NON-CPYTHON: CPython uses weakrefs).
  const modules = interp.modules
  const watched = new Map<string, PyObject>()
  for (let i = 0; i < modules.ma_keys.length; i++) {
    const k = modules.ma_keys[i]
    if (k === undefined) continue
    const v = modules.ma_values[i]!
    if (v !== rt.None) watched.set((k as PyUnicodeObject).value, v)
  }
  for (let i = 0; i < modules.ma_keys.length; i++) {
    const k = modules.ma_keys[i]
    if (k !== undefined && modules.ma_values[i] !== rt.None) PyDict_SetItem(modules, k, rt.None)
  }
  // 4. Cycles through module dicts are collected now, whatever gc.disable() said.
  _PyGC_CollectNoFail(rt)
  dumpShutdownStats(interp)
  // 5. Dicts of the modules still alive are cleared, last imported first; sys and builtins come last.
  const alive = (name: string): PyObject | null => {
    const m = watched.get(name)
    return m !== undefined && (m.ob_flags & OB_FREED) === 0 ? m : null
  }
  for (const name of interp.importOrder.slice().reverse()) {
    if (name === 'builtins' || name === 'sys') continue
    const m = alive(name)
    if (m !== null) interp.clearModuleDict(m)
  }
  const sysMod = alive('sys')
  if (sysMod !== null) interp.clearModuleDict(sysMod)
  const builtinsMod = alive('builtins')
  if (builtinsMod !== null) interp.clearModuleDict(builtinsMod)
  _PyGC_CollectNoFail(rt)
}

/**
 * 2.7's `Py_Finalize` + `PyImport_Cleanup`: exit functions, one full collection (2.7's `PyGC_Collect` ignores
 * `gc.disable()`), then `__main__`'s globals are cleared first — while `sys` and every other module still work —
 * then, in `sys.modules` slot order, modules referenced only by `sys.modules` (repeatedly), then all the rest, then
 * `sys` and builtins. Each cleared module's entry becomes None. No collection follows.
 * @cpython Python/import.c#PyImport_Cleanup (2.7)
 */
function pyImportCleanup(interp: Interpreter): void {
  const rt = interp.rt
  interp.runAtexit()
  _PyGC_CollectNoFail(rt)
  interp.finalizingSources = true
  interp.sys.deleteSpecialNames()
  const modules = interp.modules as PyDictObject
  const isModule = (v: PyObject | undefined): v is PyObject => v !== undefined && v !== rt.None && v.ob_type === rt.types.module
  const clearAt = (i: number): boolean => {
    const k = modules.ma_keys[i]
    const v = modules.ma_values[i]
    if (k === undefined || !isModule(v)) return false
    interp.clearModuleDict(v)
    // The entry may have moved if a destructor changed sys.modules: look the key up again.
    PyDict_SetItem(modules, k, rt.None)
    return true
  }
  const indexOf = (name: string): number => {
    for (let i = 0; i < modules.ma_keys.length; i++) {
      const k = modules.ma_keys[i]
      if (k !== undefined && (k as PyUnicodeObject).value === name) return i
    }
    return -1
  }
  const special = (i: number): boolean => {
    const name = (modules.ma_keys[i] as PyUnicodeObject | undefined)?.value
    return name === 'builtins' || name === 'sys'
  }
  const main = indexOf('__main__')
  if (main >= 0) clearAt(main)
  let ndone: number
  do {
    ndone = 0
    for (const i of _PyDict_HashSlotOrder(modules)) {
      const v = modules.ma_values[i]
      if (special(i) || !isModule(v) || v.ob_refcnt !== 1) continue
      if (clearAt(i)) ndone++
    }
  } while (ndone > 0)
  for (const i of _PyDict_HashSlotOrder(modules)) if (!special(i)) clearAt(i)
  for (const name of ['sys', 'builtins']) {
    const i = indexOf(name)
    if (i >= 0) clearAt(i)
  }
}

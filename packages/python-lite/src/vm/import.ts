/**
 * `import`: builtin modules (sys, gc, weakref, time, ctypes …) and Python modules from the in-memory file system,
 * cached in `sys.modules`.
 * @cpython Python/import.c#PyImport_ImportModuleLevelObject
 */
import {
  PyErr_Format,
  PyObject_GetAttr,
  Py_DECREF,
  Py_INCREF,
  errMatches,
  type PyDictObject,
  type PyObject,
  type PyTupleObject,
  type PyUnicodeObject,
  type Runtime,
  PyDict_GetItemStr,
  PyDict_SetItem,
} from '@heap/core'
import type { Frame } from './frame.js'
import type { ThreadState } from './threadstate.js'

/** What the importer needs from the interpreter. */
export interface Importer {
  /** Imports (or returns the cached) module `name`: a new reference. */
  importModule(name: string): PyObject
}

export function importName(ts: ThreadState, frame: Frame, name: string, fromlist: PyObject, level: PyObject): PyObject {
  const rt = ts.rt
  const lvl = Number((level as unknown as { ob_ival: number }).ob_ival)
  if (lvl > 0) throw PyErr_Format(rt, 'ImportError', 'attempted relative import with no known parent package')
  void frame
  const importer = ts.interp as unknown as Importer
  const parts = name.split('.')
  let top: PyObject | null = null
  let mod: PyObject | null = null
  for (let i = 0; i < parts.length; i++) {
    const full = parts.slice(0, i + 1).join('.')
    const m = importer.importModule(full)
    if (i === 0) top = m
    else if (mod !== top) Py_DECREF(mod!)
    mod = m
  }
  const hasFromlist = fromlist !== rt.None && (fromlist as PyTupleObject).ob_item.length > 0
  if (hasFromlist) {
    if (top !== mod) Py_DECREF(top!)
    return mod!
  }
  if (mod !== top) Py_DECREF(mod!)
  return top!
}

export function importFrom(rt: Runtime, mod: PyObject, name: string): PyObject {
  const key = rt.types.str ? name : name
  try {
    const nameObj = (rt.host as { intern(s: string): PyObject }).intern(key)
    try {
      return PyObject_GetAttr(mod, nameObj)
    } finally {
      Py_DECREF(nameObj)
    }
  } catch (e) {
    if (!errMatches(e, 'AttributeError')) throw e
    Py_DECREF(e.exc)
    const md = (mod as unknown as { md_dict?: PyDictObject }).md_dict
    const modName = md ? ((PyDict_GetItemStr(md, '__name__') as PyUnicodeObject | null)?.value ?? '<unknown module name>') : '<unknown module name>'
    const file = md ? (PyDict_GetItemStr(md, '__file__') as PyUnicodeObject | null)?.value : undefined
    const where = file ? `(${file})` : rt.profile.messages['importFromUnknownLocation'] ?? '(unknown location)'
    throw PyErr_Format(rt, 'ImportError', `cannot import name '${name}' from '${modName}' ${where}`)
  }
}

/** `from m import *`: public names (or `__all__`). */
export function importStar(rt: Runtime, locals: PyObject, mod: PyObject): void {
  const md = (mod as unknown as { md_dict?: PyDictObject }).md_dict
  if (!md) return
  const all = PyDict_GetItemStr(md, '__all__')
  const names: PyObject[] = []
  if (all !== null) {
    const items = (all as unknown as { ob_item: PyObject[] }).ob_item
    for (const n of items) names.push(n)
  } else {
    for (let i = 0; i < md.ma_keys.length; i++) {
      const k = md.ma_keys[i]
      if (k === undefined) continue
      if ((k as PyUnicodeObject).value.startsWith('_')) continue
      names.push(k)
    }
  }
  for (const n of names) {
    Py_INCREF(n)
    try {
      const v = PyObject_GetAttr(mod, n)
      try {
        if (locals.ob_type === rt.types.dict) PyDict_SetItem(locals as PyDictObject, n, v)
      } finally {
        Py_DECREF(v)
      }
    } finally {
      Py_DECREF(n)
    }
  }
}

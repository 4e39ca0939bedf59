/**
 * `_warnings` (builtin: the filter list, default action and once-registry every warning consults, and `warn`, which
 * finds the caller's file, line, module and `__warningregistry__`) and `warnings` (filters, formatting and
 * `warn_explicit`, written in Python and run by the interpreter).
 * @cpython Python/_warnings.c
 * @cpython Lib/warnings.py
 */
import * as core from '@heap/core'
import {
  PyDict_GetItemStr,
  PyDict_New,
  PyDict_SetItem,
  PyErr_Format,
  PyList_Append,
  PyList_New,
  PyObject_CallArgs,
  PyObject_IsInstance,
  PyObject_IsSubclass,
  PyTuple_Pack,
  PyType_IsSubtype,
  Py_DECREF,
  Py_INCREF,
  type PyDictObject,
  type PyObject,
  type PyTupleObject,
  type PyTypeObject,
  type PyUnicodeObject,
} from '@heap/core'
import type { Interpreter } from '../interp.js'
import { addFunctions, asIndex, createPythonModule, def, int, jsStr, moduleDict, newModule, none, setAttr, str } from './util.js'
import { WARNINGS_PY } from './warnings-py.js'

/** `_warnings`'s module state. @cpython Python/_warnings.c#WarningsState */
interface WarningsState {
  filters: PyObject
  onceregistry: PyObject
  defaultaction: PyObject
  version: number
}

const states = new WeakMap<Interpreter, WarningsState>()

/** The default filters of a release build without `-W`/`-X dev`. @cpython Python/_warnings.c#init_filters */
function initState(interp: Interpreter): WarningsState {
  let st = states.get(interp)
  if (st !== undefined) return st
  const rt = interp.rt
  const filters = PyList_New(rt, 0)
  const entry = (action: string, category: string, module: string | null): void => {
    const cat = rt.exc[category]
    if (!cat) return
    const a = str(rt, action)
    const m = module === null ? (Py_INCREF(rt.None), rt.None) : str(rt, module)
    const z = int(rt, 0)
    const t = PyTuple_Pack(rt, [a, rt.None, cat, m, z])
    Py_DECREF(a)
    Py_DECREF(m)
    Py_DECREF(z)
    PyList_Append(filters, t)
    Py_DECREF(t)
  }
  entry('default', 'DeprecationWarning', '__main__')
  entry('ignore', 'DeprecationWarning', null)
  entry('ignore', 'PendingDeprecationWarning', null)
  entry('ignore', 'ImportWarning', null)
  entry('ignore', 'ResourceWarning', null)
  const state: WarningsState = { filters, onceregistry: PyDict_New(rt), defaultaction: str(rt, 'default'), version: 0 }
  states.set(interp, state)
  // The module state owns one reference to each of its objects (for the refcount audit).
  rt.auditRoots.push((visit) => {
    visit(state.filters)
    visit(state.onceregistry)
    visit(state.defaultaction)
  })
  st = state
  return st
}

/** The loaded `warnings` module (borrowed), or null when it was never imported or is being torn down. */
function warningsModule(interp: Interpreter): PyObject | null {
  const m = PyDict_GetItemStr(interp.modules as PyDictObject, 'warnings')
  return m !== null && m.ob_type === interp.rt.types.module ? m : null
}

function createUnderscoreWarnings(interp: Interpreter): PyObject {
  const rt = interp.rt
  const st = initState(interp)
  const mod = newModule(rt, '_warnings')
  addFunctions(rt, mod, [
    def('warn', (_m, args, start, nargs, kwnames) => {
      const [message, categoryArg, stacklevelArg, source] = core.parseArgs(rt, 'warn', args, start, nargs, kwnames, ['message', 'category', 'stacklevel', 'source'], 1)
      const warningType = rt.exc['Warning']!
      let category: PyObject
      if (PyObject_IsInstance(message!, warningType)) category = message!.ob_type
      else if (categoryArg === null || categoryArg === rt.None) category = rt.exc['UserWarning']!
      else category = categoryArg
      if (!(category.ob_type === rt.types.type || PyType_IsSubtype(category.ob_type, rt.types.type)) || !PyObject_IsSubclass(category, warningType)) {
        throw PyErr_Format(rt, 'TypeError', `category must be a Warning subclass, not '${category.ob_type.tp_name}'`)
      }
      const stacklevel = stacklevelArg === null ? 1 : asIndex(rt, stacklevelArg)
      warnFromFrame(interp, message!, category, stacklevel, source)
      return none(rt)
    }),
    def('_filters_mutated', () => {
      st.version++
      return none(rt)
    }),
    def('_filters_version', () => int(rt, st.version)),
    def('_getline', (_m, args, start) => {
      const line = interp.sources.line(jsStr(args[start]!), asIndex(rt, args[start + 1]!))
      return line === null ? none(rt) : str(rt, line)
    }),
  ])
  setAttr(rt, mod, 'filters', st.filters)
  setAttr(rt, mod, '_onceregistry', st.onceregistry)
  setAttr(rt, mod, '_defaultaction', st.defaultaction)
  return mod
}

/**
 * `warn()`: the caller `stacklevel` frames up gives the file, line, module name and `__warningregistry__`; then
 * `warnings.warn_explicit`. @cpython Python/_warnings.c#setup_context
 */
function warnFromFrame(interp: Interpreter, message: PyObject, category: PyObject, stacklevel: number, source: PyObject | null): void {
  const rt = interp.rt
  let f = interp.ts.frame
  for (let i = 1; i < stacklevel && f !== null; i++) f = f.previous
  let globals: PyDictObject
  let filename: string
  let lineno: number
  if (f === null) {
    globals = moduleDict(interp.sysModule)
    filename = 'sys'
    lineno = 1
  } else {
    globals = f.globals as PyDictObject
    filename = (f.code.co_filename as PyUnicodeObject).value
    lineno = f.unit.positions[f.lasti]?.lineno ?? f.code.co_firstlineno
  }
  let registry = PyDict_GetItemStr(globals, '__warningregistry__')
  if (registry === null) {
    const r = PyDict_New(rt)
    const k = str(rt, '__warningregistry__')
    PyDict_SetItem(globals, k, r)
    Py_DECREF(k)
    Py_DECREF(r)
    registry = r
  }
  Py_INCREF(registry)
  const nameObj = PyDict_GetItemStr(globals, '__name__')
  const module = nameObj !== null && nameObj.ob_type === rt.types.str ? (Py_INCREF(nameObj), nameObj) : str(rt, '<string>')
  const fn = str(rt, filename)
  const ln = int(rt, lineno)
  const w = interp.importModule('warnings')
  try {
    const we = interp.getAttr(w, 'warn_explicit')
    try {
      Py_DECREF(PyObject_CallArgs(we, [message, category, fn, ln, module, registry, rt.None, source ?? rt.None]))
    } finally {
      Py_DECREF(we)
    }
  } finally {
    Py_DECREF(w)
    Py_DECREF(fn)
    Py_DECREF(ln)
    Py_DECREF(module)
    Py_DECREF(registry)
  }
}

/**
 * `PyErr_WarnExplicit` from C code (no registry): through `warnings.warn_explicit` while the module is loaded;
 * otherwise (at shutdown, when `sys.modules['warnings']` is None) from `_warnings`'s own filter list, printing
 * `file:line: Category: text` to stderr. Throws when the filter says "error".
 * @cpython Python/_warnings.c#warn_explicit @cpython Python/_warnings.c#show_warning
 */
export function PyErr_WarnExplicit(interp: Interpreter, categoryName: string, text: string, filename: string, lineno: number, module: string): void {
  const rt = interp.rt
  const category = rt.exc[categoryName]
  if (!category) return
  const w = warningsModule(interp)
  if (w !== null) {
    const we = interp.getAttr(w, 'warn_explicit')
    const args = [str(rt, text), category, str(rt, filename), int(rt, lineno), str(rt, module)]
    try {
      Py_DECREF(PyObject_CallArgs(we, args))
    } finally {
      Py_DECREF(we)
      for (const a of args) if (a !== category) Py_DECREF(a)
    }
    return
  }
  const st = initState(interp)
  let action = jsStr(st.defaultaction)
  const items = (st.filters as unknown as { ob_item: PyObject[] }).ob_item
  for (const item of items) {
    const t = (item as PyTupleObject).ob_item
    if (t === undefined || t.length !== 5) continue
    const [a, msg, cat, mod, ln] = t as [PyObject, PyObject, PyObject, PyObject, PyObject]
    const prefix = (p: PyObject, s: string, fold: boolean): boolean =>
      p === rt.None || (fold ? s.toLowerCase().startsWith(jsStr(p).toLowerCase()) : s.startsWith(jsStr(p)))
    const line = asIndex(rt, ln)
    if (prefix(msg, text, true) && PyType_IsSubtype(category, cat as PyTypeObject) && prefix(mod, module, false) && (line === 0 || line === lineno)) {
      action = jsStr(a)
      break
    }
  }
  if (action === 'ignore') return
  if (action === 'error') throw PyErr_Format(rt, categoryName, text)
  interp.flushStdout()
  interp.writeStderr(`${filename}:${lineno}: ${category.tp_name}: ${text}\n`)
}

export function createWarningsModule(interp: Interpreter, name: '_warnings' | 'warnings'): PyObject {
  if (name === '_warnings') return createUnderscoreWarnings(interp)
  return createPythonModule(interp, 'warnings', '_warnings', WARNINGS_PY)
}

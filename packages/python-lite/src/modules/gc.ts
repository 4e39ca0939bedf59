/**
 * The `gc` module: Python-level wrappers over @heap/gc's operations, with each version's argument rules, messages
 * and availability (callbacks 3.3+, get_stats 3.4+, the freeze family 3.7+, get_objects(generation) 3.8+,
 * is_finalized 3.9+).
 * @cpython Modules/gcmodule.c
 */
import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  PyDict_New,
  PyDict_SetItem,
  PyErr_Format,
  PyList_New,
  PyList_Append,
  PyTuple_FromArraySteal,
  Py_DECREF,
  parseArgs,
  type PyMethodDef,
  type PyObject,
} from '@heap/core'
import {
  gc_collect,
  gc_disable,
  gc_enable,
  gc_freeze,
  gc_get_count,
  gc_get_debug,
  gc_get_freeze_count,
  gc_get_objects,
  gc_get_referents,
  gc_get_referrers,
  gc_get_stats,
  gc_get_threshold,
  gc_is_finalized,
  gc_is_tracked,
  gc_isenabled,
  gc_set_debug,
  gc_set_threshold,
  gc_unfreeze,
} from '@heap/gc'
import type { Interpreter } from '../interp.js'
import { addFunctions, asIndex, bool, int, newModule, none, setAttr, setAttrSteal, str } from './util.js'

function list(items: readonly PyObject[], rt: Interpreter['rt']): PyObject {
  const l = PyList_New(rt, 0)
  for (const op of items) PyList_Append(l, op)
  return l
}

function intTuple(rt: Interpreter['rt'], values: readonly number[]): PyObject {
  return PyTuple_FromArraySteal(rt, values.map((v) => int(rt, v)))
}


export function createGcModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const api = rt.profile.gc.api
  const mod = newModule(rt, 'gc')
  const fast = (name: string, fn: PyMethodDef['ml_meth']): PyMethodDef => ({ ml_name: name, ml_meth: fn, ml_flags: METH_FASTCALL | METH_KEYWORDS })
  const noargs = (name: string, fn: () => PyObject): PyMethodDef => ({ ml_name: name, ml_meth: () => fn(), ml_flags: METH_NOARGS })
  const onearg = (name: string, fn: (o: PyObject) => PyObject): PyMethodDef => ({ ml_name: name, ml_meth: (_m, a, s) => fn(a[s]!), ml_flags: METH_O })
  const vararg = (name: string, fn: (items: PyObject[], argsTuple: PyObject | null) => PyObject): PyMethodDef => ({
    ml_name: name,
    ml_meth: (_m, a, s, n, _kw, argsTuple) => fn(a.slice(s, s + n) as PyObject[], argsTuple ?? null),
    ml_flags: METH_VARARGS,
  })

  const defs: PyMethodDef[] = [
    noargs('enable', () => (gc_enable(rt), none(rt))),
    noargs('disable', () => (gc_disable(rt), none(rt))),
    noargs('isenabled', () => bool(rt, gc_isenabled(rt))),
    fast('collect', (_m, args, start, nargs, kwnames) => {
      const [g] = parseArgs(rt, 'collect', args, start, nargs, kwnames, ['generation'], 0)
      const generation = g === null || g === undefined ? 2 : asIndex(rt, g)
      if (generation < 0 || generation > 2) throw PyErr_Format(rt, 'ValueError', 'invalid generation')
      return int(rt, gc_collect(rt, generation))
    }),
    noargs('get_count', () => intTuple(rt, gc_get_count(rt))),
    noargs('get_threshold', () => intTuple(rt, gc_get_threshold(rt))),
    vararg('set_threshold', (items) => {
      if (items.length < 1) throw PyErr_Format(rt, 'TypeError', rt.profile.messages['gcSetThresholdTooFew']!.replace('{n}', String(items.length)))
      if (items.length > 3) throw PyErr_Format(rt, 'TypeError', rt.profile.messages['gcSetThresholdTooMany']!.replace('{n}', String(items.length)))
      const t = items.map((o) => asIndex(rt, o))
      gc_set_threshold(rt, t[0]!, t[1], t[2])
      return none(rt)
    }),
    noargs('get_debug', () => int(rt, gc_get_debug(rt))),
    onearg('set_debug', (o) => (gc_set_debug(rt, asIndex(rt, o)), none(rt))),
    api.getObjectsGeneration
      ? fast('get_objects', (_m, args, start, nargs, kwnames) => {
          const [g] = parseArgs(rt, 'get_objects', args, start, nargs, kwnames, ['generation'], 0)
          const generation = g === null || g === undefined || g === rt.None ? null : asIndex(rt, g)
          return list(gc_get_objects(rt, generation), rt)
        })
      : noargs('get_objects', () => list(gc_get_objects(rt, null), rt)),
    vararg('get_referrers', (items, argsTuple) => list(gc_get_referrers(rt, items, argsTuple), rt)),
    vararg('get_referents', (items) => list(gc_get_referents(rt, items), rt)),
    onearg('is_tracked', (o) => bool(rt, gc_is_tracked(o))),
  ]
  if (api.isFinalized) defs.push(onearg('is_finalized', (o) => bool(rt, gc_is_finalized(o))))
  if (api.getStats) {
    defs.push(
      noargs('get_stats', () => {
        const out = PyList_New(rt, 0)
        for (const s of gc_get_stats(rt)) {
          const d = PyDict_New(rt)
          for (const [k, v] of Object.entries(s)) {
            const key = str(rt, k)
            const val = int(rt, v)
            PyDict_SetItem(d, key, val)
            Py_DECREF(key)
            Py_DECREF(val)
          }
          PyList_Append(out, d)
          Py_DECREF(d)
        }
        return out
      }),
    )
  }
  if (api.freeze) {
    defs.push(
      noargs('freeze', () => (gc_freeze(rt), none(rt))),
      noargs('unfreeze', () => (gc_unfreeze(rt), none(rt))),
      noargs('get_freeze_count', () => int(rt, gc_get_freeze_count(rt))),
    )
  }
  addFunctions(rt, mod, defs)
  setAttr(rt, mod, 'garbage', rt.gc.garbage!)
  if (api.callbacks) setAttr(rt, mod, 'callbacks', rt.gc.callbacks!)
  for (const [name, value] of Object.entries(rt.profile.gc.debugFlags)) setAttrSteal(rt, mod, name, int(rt, value))
  return mod
}

import { describe, expect, it } from 'vitest'
import { DEAD_REFCNT, PyDict_DelItem, PyDict_New, PyDict_SetItem, PyList_New, PyLong_FromNumber, PyUnicode_FromString, Py_DECREF, Py_INCREF, _Py_Dealloc, _Py_GetRefTotal, createRuntime, type PyObject, type Runtime } from '@heap/core'
import { installUnsafeHooks, readBytes, readInt, writeInt } from '../src/index.js'
import { SimulatedCrash } from './helpers.js'

/** A runtime whose negative-refcount hook records the site and aborts, as the interpreter's does. */
function runtime(debugBuild: boolean): { rt: Runtime; sites: string[] } {
  const rt = createRuntime({ profile: '3.11', debugBuild })
  const sites: string[] = []
  rt.hooks.crash = (_rt, kind, message) => {
    throw new SimulatedCrash(kind, message)
  }
  rt.hooks.negativeRefcount = (_rt, op, site) => {
    sites.push(`${site} ${op.ob_refcnt}`)
    throw new SimulatedCrash('abort', '_Py_NegativeRefcount')
  }
  installUnsafeHooks(rt)
  return { rt, sites }
}

function bigInt(rt: Runtime): PyObject {
  return PyLong_FromNumber(rt, 2 ** 60)
}

describe('debug build (--with-pydebug)', () => {
  it('a decref from 0 aborts in a debug build, reporting the count (-1) and the decref site; a release build goes on', () => {
    const dbg = runtime(true)
    const x = PyList_New(dbg.rt, 0)
    writeInt(dbg.rt, x.ob_addr, 8, 0n)
    expect(() => Py_DECREF(x)).toThrow(SimulatedCrash)
    expect(dbg.sites).toEqual(['default -1'])

    const rel = runtime(false)
    const y = PyList_New(rel.rt, 0)
    writeInt(rel.rt, y.ob_addr, 8, 0n)
    Py_DECREF(y)
    expect(y.ob_refcnt).toBe(-1)
    expect(rel.sites).toEqual([])
  })

  it("deleting a dict item reports dictobject.c's decref site", () => {
    const { rt, sites } = runtime(true)
    const d = PyDict_New(rt)
    const k = PyUnicode_FromString(rt, 'k')
    const v = PyList_New(rt, 0)
    PyDict_SetItem(d, k, v)
    Py_DECREF(v)
    writeInt(rt, v.ob_addr, 8, 0n)
    expect(() => PyDict_DelItem(d, k)).toThrow(SimulatedCrash)
    expect(sites).toEqual(['dict-delitem -1'])
    expect(rt.profile.debugBuild.decrefSites['dict-delitem']).toBe('../Objects/dictobject.c:1986')
  })

  it('freed memory reads as dead bytes (0xDD): the refcount word is -2459565876494606883; release builds read the free-list link', () => {
    const { rt } = runtime(true)
    const x = bigInt(rt)
    const addr = x.ob_addr
    _Py_Dealloc(x)
    expect(readInt(rt, addr, 8, true)).toBe(-2459565876494606883n)
    expect(Buffer.from(readBytes(rt, addr + 8, 8)).toString('hex')).toBe('dd'.repeat(8))
    expect(x.ob_refcnt).toBe(DEAD_REFCNT)
    // A later decref of the dangling reference finds the dead count negative.
    expect(() => Py_DECREF(x)).toThrow(SimulatedCrash)

    const rel = runtime(false)
    const y = bigInt(rel.rt)
    const a = y.ob_addr
    _Py_Dealloc(y)
    expect(readInt(rel.rt, a, 8, true)).not.toBe(-2459565876494606883n)
  })

  it('memory allocated and never written reads as the clean byte (0xCD)', () => {
    const { rt } = runtime(true)
    const addr = rt.mem.malloc(32)
    expect(Buffer.from(readBytes(rt, addr, 4)).toString('hex')).toBe('cdcdcdcd')
    const rel = runtime(false)
    const a = rel.rt.mem.malloc(32)
    expect(Buffer.from(readBytes(rel.rt, a, 4)).toString('hex')).toBe('00000000')
  })

  it('_Py_RefTotal follows INCREF/DECREF and new objects, not counts written through memory', () => {
    const { rt } = runtime(true)
    const t0 = _Py_GetRefTotal(rt)
    const x = PyList_New(rt, 0)
    expect(_Py_GetRefTotal(rt) - t0).toBe(1)
    Py_INCREF(x)
    expect(_Py_GetRefTotal(rt) - t0).toBe(2)
    writeInt(rt, x.ob_addr, 8, 7n)
    expect(x.ob_refcnt).toBe(7)
    expect(_Py_GetRefTotal(rt) - t0).toBe(2)
    // A dict also holds a reference to its keys object, which the total counts.
    const d = PyDict_New(rt)
    expect(_Py_GetRefTotal(rt) - t0).toBe(4)
    Py_DECREF(d)
    expect(_Py_GetRefTotal(rt) - t0).toBe(2)
  })
})

// @heap/core from Node ESM: a runtime, the small-int cache, reference counts, immortality, the refcount audit.
import { OB_FREED, PROFILES, Py_DECREF, PyLong_FromNumber, auditRefcounts, createRuntime } from '@heap/core'
import * as internal from '@heap/core/internal'
import * as testing from '@heap/core/testing'
import { check, done, equal, ok, resolvesInstalled } from './util.mjs'

resolvesInstalled('@heap/core')

ok('the profiles are listed', () => {
  const ids = PROFILES.map((p) => p.id)
  for (const id of ['3.8', '3.11', '3.12', '3.13', '3.14']) check(ids.includes(id), `no profile ${id} in ${ids.join(', ')}`)
  return ids.join(', ')
})

ok('3.11: small ints are cached and refcounted, 257 is a new object each time', () => {
  const rt = createRuntime({ profile: '3.11' })
  const a = PyLong_FromNumber(rt, 256)
  const before = a.ob_refcnt
  const b = PyLong_FromNumber(rt, 256)
  equal(a, b, '256 is 256')
  equal(b.ob_refcnt, before + 1, 'refcount after a second reference')
  const c = PyLong_FromNumber(rt, 257)
  const d = PyLong_FromNumber(rt, 257)
  check(c !== d, '257 is not 257 when created separately')
  equal(c.ob_refcnt, 1, 'refcount of a fresh 257')
  Py_DECREF(b)
  equal(a.ob_refcnt, before, 'refcount after Py_DECREF')
  Py_DECREF(a)
  Py_DECREF(c)
  Py_DECREF(d)
  // Freed: pymalloc's free-list link now occupies the block's first word (where ob_refcnt was).
  check((c.ob_flags & OB_FREED) !== 0, 'a deallocated 257 is marked freed')
  equal(auditRefcounts(rt).differences.length, 0, 'refcount audit differences')
  return `ob_refcnt of 256 went ${before} -> ${before + 1} -> ${before}`
})

ok('3.12: small ints are immortal (PEP 683)', () => {
  const rt = createRuntime({ profile: '3.12' })
  const a = PyLong_FromNumber(rt, 5)
  const rc = a.ob_refcnt
  const b = PyLong_FromNumber(rt, 5)
  equal(b.ob_refcnt, rc, 'an immortal refcount does not move')
  Py_DECREF(a)
  Py_DECREF(b)
  equal(a.ob_refcnt, rc, 'an immortal refcount does not move')
  return `refcount ${rc}`
})

ok('@heap/core/internal and @heap/core/testing load', () => {
  check(typeof internal.createRuntime === 'function', 'internal.createRuntime is not a function')
  check(typeof testing.auditRefcounts === 'function', 'testing.auditRefcounts is not a function')
})

done('@heap/core')

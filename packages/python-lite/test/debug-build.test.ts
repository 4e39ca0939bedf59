import { describe, expect, it } from 'vitest'
import { runSource } from '../src/index.js'

const run = (source: string, debugBuild: boolean) => runSource(source, { profile: '3.11', mode: 'script', filename: 'main.py', debugBuild })

const NEGATIVE = `import ctypes
class T(object):
    pass
def f():
    t = T()
    ctypes.c_ssize_t.from_address(id(t)).value = 0
    print("zeroed")
    del t
    print("not reached")
f()
`

describe('the debug-build option', () => {
  it('a decref that makes a count negative aborts with _Py_NegativeRefcount and the object dump', () => {
    const r = run(NEGATIVE, true)
    expect(r.exitCode).toBe(134)
    expect(r.stdout).toBe('zeroed\n')
    const lines = r.stderr.replace(/0x[0-9a-f]{5,}/g, '0xADDR').split('\n')
    expect(lines.slice(0, 10)).toEqual([
      '../Include/object.h:602: _Py_NegativeRefcount: Assertion failed: object has negative ref count',
      'Enable tracemalloc to get the memory block allocation traceback',
      '',
      'object address  : 0xADDR',
      'object refcount : -1',
      'object type     : 0xADDR',
      'object type name: T',
      'object repr     : <refcnt -1 at 0xADDR>',
      '',
      'Fatal Python error: _PyObject_AssertFailed: _PyObject_AssertFailed',
    ])
    expect(r.stderr).toContain('  File "main.py", line 8 in f\n  File "main.py", line 10 in <module>\n')
  })

  it('a release build carries on with the negative count', () => {
    const r = run(NEGATIVE, false)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('zeroed\nnot reached\n')
  })

  it('a decref of freed memory says the object is freed; the freed block reads as 0xDD', () => {
    const src = 'import ctypes\nx = 10 ** 20\naddr = id(x)\np = ctypes.py_object(x)\nctypes.pythonapi._Py_Dealloc(p)\nprint(ctypes.c_ssize_t.from_address(addr).value)\ndel x\n'
    const r = run(src, true)
    expect(r.stdout).toBe('-2459565876494606883\n')
    expect(r.stderr).toMatch(/^\.\.\/Objects\/dictobject\.c:1986: _Py_NegativeRefcount: Assertion failed: object has negative ref count\n<object at 0x[0-9a-f]+ is freed>\nFatal Python error: _PyObject_AssertFailed/)
    // Reported once, although the unwinding frames release more references to the freed object.
    expect(r.stderr.match(/_Py_NegativeRefcount/g)).toHaveLength(1)
    expect(r.exitCode).toBe(134)
  })

  it("_Py_Dealloc of a live instance: ClearWeakRefs's SystemError is fatal in a debug build", () => {
    const src = 'import ctypes\nclass T(object):\n    pass\nt = T()\nctypes.pythonapi._Py_Dealloc(ctypes.py_object(t))\nprint("after")\n'
    const r = run(src, true)
    expect(r.exitCode).toBe(134)
    expect(r.stderr).toMatch(/^Fatal Python error: _Py_Dealloc: Deallocator of type 'T' raised an exception\nPython runtime state: initialized\nSystemError: \.\.\/Objects\/weakrefobject\.c:954: bad argument to internal function\n\nCurrent thread/)
    expect(run(src, false).stderr).not.toContain('Deallocator of type')
  })

  it('sys.gettotalrefcount and sys.abiflags exist only in debug builds', () => {
    const src = 'import sys\nprint(hasattr(sys, "gettotalrefcount"), getattr(sys, "abiflags", None))\ng = sys.gettotalrefcount\nif hasattr(sys, "gettotalrefcount"):\n    a = g()\n    x = [object() for i in range(10)]\n    b = g()\n    print(b - a)\n'
    // 14 as python3.11-dbg prints: a and its name, x and its name, the 10 objects.
    expect(run(src, true).stdout).toBe('True d\n14\n')
    expect(run(src, false).stdout).toBe('False None\n')
  })
})

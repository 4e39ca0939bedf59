// Type-checked (not run) in the temporary project with `moduleResolution: nodenext`: the published .d.ts files
// describe the public API that the .mjs checks use.
import { createRuntime, PyLong_FromNumber, Py_DECREF, type PyObject, type Runtime } from '@heap/core'
import { gc_collect, installGC } from '@heap/gc'
import * as unsafe from '@heap/unsafe'
import { Interpreter, runSource, type RunResult } from '@heap/python-lite'
import { main } from '@heap/cli'

const rt: Runtime = createRuntime({ profile: '3.11' })
installGC(rt)
const n: PyObject = PyLong_FromNumber(rt, 256)
const refcount: number = n.ob_refcnt
Py_DECREF(n)
const collected: number = gc_collect(rt)
const result: RunResult = runSource('print(1+1)\n', { profile: '3.11', filename: 'prog.py' })
const text: string = result.stdout + result.stderr
const code: number = result.exitCode
const interp: Interpreter | null = null
const exit: Promise<number> = main(['--version'])

export { refcount, collected, text, code, interp, exit, unsafe }

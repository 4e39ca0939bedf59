/** The `time` module (the clocks programs use to time themselves). @cpython Modules/timemodule.c */
import { PyErr_Format, type PyObject } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { addFunctions, coreAny, def, newModule, none } from './util.js'

export function createTimeModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const mod = newModule(rt, 'time')
  const float = (v: number): PyObject => (coreAny.PyFloat_FromDouble as (rt: unknown, v: number) => PyObject)(rt, v)
  const t0 = Date.now() / 1000
  const p0 = performance.now()
  const now = (): number => t0 + (performance.now() - p0) / 1000
  addFunctions(rt, mod, [
    def('perf_counter', () => float(performance.now() / 1000)),
    def('monotonic', () => float(performance.now() / 1000)),
    def('process_time', () => float(performance.now() / 1000)),
    def('time', () => float(now())),
    def('perf_counter_ns', () => interp.bigInt(BigInt(Math.round(performance.now() * 1e6)))),
    def('time_ns', () => interp.bigInt(BigInt(Math.round(now() * 1e9)))),
    def('sleep', (_m, _a, _s, nargs) => {
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `time.sleep() takes exactly one argument (${nargs} given)`)
      return none(rt)
    }),
  ])
  return mod
}

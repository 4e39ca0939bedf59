/**
 * The parts of the abstract number protocol the number types add: three-argument `pow()` (`ternary_op`) and the
 * fast paths of `sum()` over ints and floats.
 * @cpython Objects/abstract.c#ternary_op
 * @cpython Python/bltinmodule.c#builtin_sum_impl
 */
import { PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF } from '../object/refcount.js'
import { PyType_IsSubtype, type ternaryfunc } from '../object/type.js'
import { PyFloat_FromDouble, floatValue } from './floatobject.js'
import { PyLong_FromValue, intValue } from './longobject.js'
import { binary_op } from './protocols.js'
import { trunc } from './type-util.js'
import type { Runtime } from '../runtime/runtime.js'

/**
 * `PyNumber_Power(v, w, z)`: the left operand's `nb_power`, the right one's (first when it is a subclass), then the
 * modulus's; TypeError when all answer NotImplemented.
 * @cpython Objects/abstract.c#ternary_op
 */
export function PyNumber_Power(v: PyObject, w: PyObject, z: PyObject): PyObject {
  const rt = v.ob_type.tp_runtime
  const NI = rt.NotImplemented
  const slotv: ternaryfunc | null = v.ob_type.nb_power
  let slotw: ternaryfunc | null = null
  if (w.ob_type !== v.ob_type) {
    slotw = w.ob_type.nb_power
    if (slotw === slotv) slotw = null
  }
  const attempt = (f: ternaryfunc): PyObject | null => {
    const x = f(v, w, z)
    if (x !== NI) return x
    Py_DECREF(x)
    return null
  }
  if (slotv !== null) {
    if (slotw !== null && PyType_IsSubtype(w.ob_type, v.ob_type)) {
      const x = attempt(slotw)
      if (x !== null) return x
      slotw = null
    }
    const x = attempt(slotv)
    if (x !== null) return x
  }
  if (slotw !== null) {
    const x = attempt(slotw)
    if (x !== null) return x
  }
  let slotz = z.ob_type.nb_power
  if (slotz === slotv || slotz === slotw) slotz = null
  if (slotz !== null) {
    const x = attempt(slotz)
    if (x !== null) return x
  }
  const n = (o: PyObject): string => trunc(o.ob_type.tp_name, 100)
  if (z === rt.None) throw PyErr_Format(rt, 'TypeError', `unsupported operand type(s) for ** or pow(): '${n(v)}' and '${n(w)}'`)
  throw PyErr_Format(rt, 'TypeError', `unsupported operand type(s) for ${rt.profile.messages.powTernaryOp}: '${n(v)}', '${n(w)}', '${n(z)}'`)
}

const LONG_MAX = 2 ** 63

/**
 * `sum(iterable, start)`'s loop: exact ints are added without objects while the total fits a C long, floats as
 * doubles (with Neumaier's compensation on 3.12+), anything else through `+`. `next` gives the items as new
 * references (null at the end); `start` is a new reference the function consumes. Returns a new reference.
 * @cpython Python/bltinmodule.c#builtin_sum_impl
 */
export function _PyNumber_Sum(start: PyObject, next: () => PyObject | null): PyObject {
  const rt = start.ob_type.tp_runtime
  const state: { result: PyObject | null } = { result: start }
  try {
    return sumLoop(rt, state, next)
  } catch (e) {
    if (state.result !== null) Py_DECREF(state.result)
    throw e
  }
}

/** Adds `item` (consumed) to the total object (consumed); the sum is a new reference. */
function addConsuming(total: PyObject, item: PyObject): PyObject {
  try {
    return binary_op(total, item, 'nb_add')
  } finally {
    Py_DECREF(total)
    Py_DECREF(item)
  }
}

function sumLoop(rt: Runtime, state: { result: PyObject | null }, next: () => PyObject | null): PyObject {
  let result = state.result!
  if (result.ob_type === rt.types.int) {
    const v = intValue(result)
    if (typeof v === 'number' && Math.abs(v) < LONG_MAX) {
      let acc = v
      Py_DECREF(result)
      state.result = null
      for (;;) {
        const item = next()
        if (item === null) return PyLong_FromValue(rt, acc)
        if (item.ob_type === rt.types.int || item.ob_type === rt.types.bool) {
          const b = intValue(item)
          if (typeof b === 'number' && Number.isSafeInteger(acc + b)) {
            acc += b
            Py_DECREF(item)
            continue
          }
        }
        result = state.result = addConsuming(PyLong_FromValue(rt, acc), item)
        break
      }
    }
  }
  if (result.ob_type === rt.types.float) {
    let f = floatValue(result)
    let c = 0
    const compensated = rt.profile.objects.numbers.sumCompensated
    Py_DECREF(result)
    state.result = null
    const total = (): number => (compensated && c !== 0 && Number.isFinite(c) ? f + c : f)
    for (;;) {
      const item = next()
      if (item === null) return PyFloat_FromDouble(rt, total())
      if (item.ob_type === rt.types.float) {
        const x = floatValue(item)
        if (compensated) {
          const t = f + x
          if (Math.abs(f) >= Math.abs(x)) c += f - t + x
          else c += x - t + f
          f = t
        } else f += x
        Py_DECREF(item)
        continue
      }
      if (item.ob_type === rt.types.int || item.ob_type === rt.types.bool) {
        const b = intValue(item)
        if (typeof b === 'number') {
          f += b
          Py_DECREF(item)
          continue
        }
      }
      result = state.result = addConsuming(PyFloat_FromDouble(rt, total()), item)
      break
    }
  }
  for (;;) {
    const item = next()
    if (item === null) {
      state.result = null
      return result
    }
    state.result = null
    result = state.result = addConsuming(result, item)
  }
}

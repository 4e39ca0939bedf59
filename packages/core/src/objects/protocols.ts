/**
 * The abstract object protocols: hashing, comparison, repr/str, attributes, calls, items, iteration, truth and
 * the number operators, each dispatching through the type's slots.
 * @cpython Objects/abstract.c
 * @cpython Objects/object.c#PyObject_RichCompare
 */
import { PyErr, PyErr_Format } from '../errors.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import { PyType_IsSubtype, Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE, type PyTypeObject, type binaryfunc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'

const opStrings = ['<', '<=', '==', '!=', '>', '>=']
const swapped = [Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE]

function rtOf(op: PyObject): Runtime {
  return op.ob_type.tp_runtime
}

/** `Py_TYPE(op)->tp_name` as messages print it. */
export function typeName(op: PyObject): string {
  return op.ob_type.tp_name
}

/** @cpython Objects/object.c#PyObject_Hash */
export function PyObject_Hash(op: PyObject): number {
  const h = op.ob_type.tp_hash
  if (h === null) throw PyErr_Format(rtOf(op), 'TypeError', `unhashable type: '${typeName(op)}'`)
  return h(op)
}

/** `Py_NotImplemented` with a new reference. */
export function notImplemented(rt: Runtime): PyObject {
  Py_INCREF(rt.NotImplemented)
  return rt.NotImplemented
}

/**
 * `do_richcompare`: tries the reflected operation first when the right operand's type is a subclass that overrides
 * it, then the left, then the right; `==`/`!=` fall back to identity. Returns a new reference.
 * @cpython Objects/object.c#do_richcompare
 */
export function PyObject_RichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  const rt = rtOf(v)
  const NI = rt.NotImplemented
  let checkedReverse = false
  const vt = v.ob_type
  const wt = w.ob_type
  if (vt !== wt && PyType_IsSubtype(wt, vt) && wt.tp_richcompare !== null) {
    checkedReverse = true
    const res = wt.tp_richcompare(w, v, swapped[op]!)
    if (res !== NI) return res
    Py_DECREF(res)
  }
  if (vt.tp_richcompare !== null) {
    const res = vt.tp_richcompare(v, w, op)
    if (res !== NI) return res
    Py_DECREF(res)
  }
  if (!checkedReverse && wt.tp_richcompare !== null) {
    const res = wt.tp_richcompare(w, v, swapped[op]!)
    if (res !== NI) return res
    Py_DECREF(res)
  }
  if (op === Py_EQ || op === Py_NE) {
    const r = (v === w) === (op === Py_EQ) ? rt.True : rt.False
    Py_INCREF(r)
    return r
  }
  throw PyErr_Format(rt, 'TypeError', `'${opStrings[op]}' not supported between instances of '${vt.tp_name}' and '${wt.tp_name}'`)
}

/** `PyObject_RichCompareBool`: identity implies equality. */
export function PyObject_RichCompareBool(v: PyObject, w: PyObject, op: number): boolean {
  if (v === w) {
    if (op === Py_EQ) return true
    if (op === Py_NE) return false
  }
  const res = PyObject_RichCompare(v, w, op)
  try {
    return PyObject_IsTrue(res)
  } finally {
    Py_DECREF(res)
  }
}

export function PyObject_RichCompareBool_EQ(v: PyObject, w: PyObject): boolean {
  return PyObject_RichCompareBool(v, w, Py_EQ)
}

/** @cpython Objects/object.c#PyObject_IsTrue */
export function PyObject_IsTrue(v: PyObject): boolean {
  const rt = rtOf(v)
  if (v === rt.True) return true
  if (v === rt.False || v === rt.None) return false
  const t = v.ob_type
  if (t.nb_bool !== null) return t.nb_bool(v) !== 0
  if (t.mp_length !== null) return t.mp_length(v) !== 0
  if (t.sq_length !== null) return t.sq_length(v) !== 0
  return true
}

/** @cpython Objects/object.c#PyObject_Repr */
export function PyObject_Repr(v: PyObject): PyObject {
  const f = v.ob_type.tp_repr
  if (f === null) throw new Error(`tp_repr missing for ${v.ob_type.tp_name}`)
  return f(v)
}

/** @cpython Objects/object.c#PyObject_Str */
export function PyObject_Str(v: PyObject): PyObject {
  const rt = rtOf(v)
  if (v.ob_type === rt.types.str) {
    Py_INCREF(v)
    return v
  }
  const f = v.ob_type.tp_str ?? v.ob_type.tp_repr
  if (f === null) throw new Error(`tp_str missing for ${v.ob_type.tp_name}`)
  return f(v)
}

/** The JS text of `repr(v)`. */
export function reprText(v: PyObject): string {
  const r = PyObject_Repr(v)
  const s = (r as unknown as { value: string }).value
  Py_DECREF(r)
  return s
}

/** The JS text of `str(v)`. */
export function strText(v: PyObject): string {
  const r = PyObject_Str(v)
  const s = (r as unknown as { value: string }).value
  Py_DECREF(r)
  return s
}

/** `PyObject_GetAttr`: a new reference; AttributeError when missing. */
export function PyObject_GetAttr(v: PyObject, name: PyObject): PyObject {
  const f = v.ob_type.tp_getattro
  if (f === null) throw PyErr_Format(rtOf(v), 'AttributeError', `'${typeName(v)}' object has no attribute '${(name as unknown as { value: string }).value}'`)
  return f(v, name)
}

/** `PyObject_SetAttr`; a null value deletes. */
export function PyObject_SetAttr(v: PyObject, name: PyObject, value: PyObject | null): void {
  const f = v.ob_type.tp_setattro
  const n = (name as unknown as { value: string }).value
  if (f === null) {
    const rt = rtOf(v)
    throw PyErr_Format(
      rt,
      'AttributeError',
      value === null ? `'${typeName(v)}' object has no attribute '${n}'` : `'${typeName(v)}' object has no attribute '${n}'`,
    )
  }
  f(v, name, value)
}

/**
 * Calls `callable` with the vectorcall convention (borrowed arguments, new reference returned).
 * @cpython Objects/call.c#PyObject_Vectorcall
 */
export function PyObject_Vectorcall(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyObject | null): PyObject {
  const f = callable.ob_type.tp_call
  if (f === null) throw PyErr_Format(rtOf(callable), 'TypeError', `'${typeName(callable)}' object is not callable`)
  return f(callable, args, start, nargs, kwnames)
}

/** Calls with positional arguments only. */
export function PyObject_CallArgs(callable: PyObject, args: readonly PyObject[]): PyObject {
  return PyObject_Vectorcall(callable, args, 0, args.length, null)
}

/** `PyObject_CallNoArgs`. */
export function PyObject_CallNoArgs(callable: PyObject): PyObject {
  return PyObject_Vectorcall(callable, [], 0, 0, null)
}

/** @cpython Objects/abstract.c#PyObject_GetItem */
export function PyObject_GetItem(o: PyObject, key: PyObject): PyObject {
  const t = o.ob_type
  if (t.mp_subscript !== null) return t.mp_subscript(o, key)
  throw PyErr_Format(rtOf(o), 'TypeError', `'${t.tp_name}' object is not subscriptable`)
}

/** @cpython Objects/abstract.c#PyObject_SetItem */
export function PyObject_SetItem(o: PyObject, key: PyObject, value: PyObject): void {
  const t = o.ob_type
  if (t.mp_ass_subscript !== null) return t.mp_ass_subscript(o, key, value)
  throw PyErr_Format(rtOf(o), 'TypeError', `'${t.tp_name}' object does not support item assignment`)
}

/** @cpython Objects/abstract.c#PyObject_DelItem */
export function PyObject_DelItem(o: PyObject, key: PyObject): void {
  const t = o.ob_type
  if (t.mp_ass_subscript !== null) return t.mp_ass_subscript(o, key, null)
  throw PyErr_Format(rtOf(o), 'TypeError', `'${t.tp_name}' object doesn't support item deletion`)
}

/** @cpython Objects/abstract.c#PyObject_Size */
export function PyObject_Size(o: PyObject): number {
  const t = o.ob_type
  if (t.sq_length !== null) return t.sq_length(o)
  if (t.mp_length !== null) return t.mp_length(o)
  throw PyErr_Format(rtOf(o), 'TypeError', `object of type '${t.tp_name}' has no len()`)
}

/** @cpython Objects/abstract.c#PyObject_GetIter */
export function PyObject_GetIter(o: PyObject): PyObject {
  const t = o.ob_type
  if (t.tp_iter !== null) {
    const it = t.tp_iter(o)
    if (it.ob_type.tp_iternext === null) {
      const name = it.ob_type.tp_name
      Py_DECREF(it)
      throw PyErr_Format(rtOf(o), 'TypeError', `iter() returned non-iterator of type '${name}'`)
    }
    return it
  }
  if (t.sq_item !== null) {
    const f = rtOf(o).types['iterator']
    if (f?.tp_new) return f.tp_new(f, o, null)
  }
  throw PyErr_Format(rtOf(o), 'TypeError', `'${t.tp_name}' object is not iterable`)
}

/** `PyIter_Next`: the next item (new reference) or null when exhausted. */
export function PyIter_Next(it: PyObject): PyObject | null {
  return it.ob_type.tp_iternext!(it)
}

/** Whether `err` carries an instance of the named exception type. */
export function errMatches(err: unknown, name: string): err is PyErr {
  if (!(err instanceof PyErr)) return false
  const rt = rtOf(err.exc)
  const want = rt.exc[name]
  return want !== undefined && PyType_IsSubtype(err.exc.ob_type, want)
}

type BinarySlot =
  | 'nb_add'
  | 'nb_subtract'
  | 'nb_multiply'
  | 'nb_remainder'
  | 'nb_divmod'
  | 'nb_lshift'
  | 'nb_rshift'
  | 'nb_and'
  | 'nb_xor'
  | 'nb_or'
  | 'nb_floor_divide'
  | 'nb_true_divide'
  | 'nb_matrix_multiply'

/**
 * `binary_op1`: the left operand's slot, unless the right operand's type is a subclass with its own slot, which
 * goes first; NotImplemented from one side tries the other. Returns NotImplemented (a new reference) when neither
 * handles it.
 * @cpython Objects/abstract.c#binary_op1
 */
export function binary_op1(v: PyObject, w: PyObject, slot: BinarySlot): PyObject {
  const rt = rtOf(v)
  const NI = rt.NotImplemented
  const slotv: binaryfunc | null = v.ob_type[slot]
  let slotw: binaryfunc | null = null
  if (w.ob_type !== v.ob_type) {
    slotw = w.ob_type[slot]
    if (slotw === slotv) slotw = null
  }
  if (slotv !== null) {
    if (slotw !== null && PyType_IsSubtype(w.ob_type, v.ob_type)) {
      const x = slotw(v, w)
      if (x !== NI) return x
      Py_DECREF(x)
      slotw = null
    }
    const x = slotv(v, w)
    if (x !== NI) return x
    Py_DECREF(x)
  }
  if (slotw !== null) {
    const x = slotw(v, w)
    if (x !== NI) return x
    Py_DECREF(x)
  }
  return notImplemented(rt)
}

const opSymbols: Record<BinarySlot, string> = {
  nb_add: '+',
  nb_subtract: '-',
  nb_multiply: '*',
  nb_remainder: '%',
  nb_divmod: 'divmod()',
  nb_lshift: '<<',
  nb_rshift: '>>',
  nb_and: '&',
  nb_xor: '^',
  nb_or: '|',
  nb_floor_divide: '//',
  nb_true_divide: '/',
  nb_matrix_multiply: '@',
}

/** `binary_op`: raises TypeError when no side handles the operation. */
export function binary_op(v: PyObject, w: PyObject, slot: BinarySlot): PyObject {
  const r = binary_op1(v, w, slot)
  if (r !== rtOf(v).NotImplemented) return r
  Py_DECREF(r)
  if (slot === 'nb_add' || slot === 'nb_multiply') {
    const seq = slot === 'nb_add' ? v.ob_type.sq_concat : null
    if (seq !== null) return seq(v, w)
    if (slot === 'nb_multiply') {
      const rep = v.ob_type.sq_repeat ?? w.ob_type.sq_repeat
      if (rep !== null) return sequenceRepeat(v, w)
    }
  }
  throw binopTypeError(v, w, opSymbols[slot])
}

function sequenceRepeat(v: PyObject, w: PyObject): PyObject {
  const rt = rtOf(v)
  const [seq, n] = v.ob_type.sq_repeat !== null ? [v, w] : [w, v]
  const idx = n.ob_type.nb_index
  if (idx === null) throw PyErr_Format(rt, 'TypeError', `can't multiply sequence by non-int of type '${n.ob_type.tp_name}'`)
  const i = idx(n)
  const count = Number((i as unknown as { ob_ival: number | bigint }).ob_ival)
  Py_DECREF(i)
  return seq.ob_type.sq_repeat!(seq, count)
}

export function binopTypeError(v: PyObject, w: PyObject, sym: string): PyErr {
  return PyErr_Format(rtOf(v), 'TypeError', `unsupported operand type(s) for ${sym}: '${v.ob_type.tp_name}' and '${w.ob_type.tp_name}'`)
}

/** In-place operators: the in-place slot first, then the binary operation. @cpython Objects/abstract.c#binary_iop1 */
export function binary_iop(v: PyObject, w: PyObject, islot: keyof PyTypeObject & `nb_inplace_${string}`, slot: BinarySlot): PyObject {
  const f = v.ob_type[islot] as binaryfunc | null
  const rt = rtOf(v)
  if (f !== null) {
    const x = f(v, w)
    if (x !== rt.NotImplemented) return x
    Py_DECREF(x)
  }
  const r = binary_op1(v, w, slot)
  if (r !== rt.NotImplemented) return r
  Py_DECREF(r)
  if (slot === 'nb_add') {
    const c = v.ob_type.sq_inplace_concat ?? v.ob_type.sq_concat
    if (c !== null) return c(v, w)
  }
  if (slot === 'nb_multiply' && (v.ob_type.sq_repeat !== null || w.ob_type.sq_repeat !== null)) return sequenceRepeat(v, w)
  throw binopTypeError(v, w, opSymbols[slot] + '=')
}

export type { BinarySlot }

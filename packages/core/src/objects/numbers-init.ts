/**
 * Creates the number types of a runtime (float, complex) and completes int, bool and the singletons' types, which
 * the bootstrap created with their memory slots. `PyType_Ready` (run after this) builds each type's dict from the
 * slots and method tables declared here.
 */
import { PyErr_Format } from '../errors.js'
import { PyObject_Free } from '../object/alloc.js'
import type { PyObject } from '../object/object.js'
import { Py_DECREF, Py_INCREF } from '../object/refcount.js'
import {
  METH_CLASS,
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  Py_TPFLAGS_BASETYPE,
  type PyGetSetDef,
  type PyMethodDef,
  type PyTypeObject,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { bool_and, bool_new, bool_or, bool_repr, bool_vectorcall, bool_xor } from './boolobject.js'
import {
  PyComplexObject,
  complexLegacySlot,
  complexValue,
  complex___format__,
  complex_abs,
  complex_add,
  complex_bool,
  complex_conjugate,
  complex_dealloc,
  complex_div,
  complex_getnewargs,
  complex_hash,
  complex_hash_exact,
  complex_mul,
  complex_neg,
  complex_new,
  complex_new_impl,
  complex_pos,
  complex_pow,
  complex_repr,
  complex_richcompare,
  complex_sub,
} from './complexobject.js'
import { registerFactory } from './descrobject.js'
import {
  PyFloatObject,
  PyFloat_FromDouble,
  PyNumber_Float,
  complexPower,
  float___format__,
  float_abs,
  float_add,
  float_as_integer_ratio,
  float_bool,
  float_ceil,
  float_dealloc,
  float_div,
  float_divmod,
  float_float,
  float_floor,
  float_floor_div,
  float_fromhex,
  float_hash,
  float_hash_exact,
  float_hex,
  float_is_integer,
  float_mul,
  float_neg,
  float_new,
  float_pow,
  float_rem,
  float_repr,
  float_richcompare,
  float_round,
  float_str_g12,
  float_sub,
  float_trunc,
  float_vectorcall,
  floatValue,
} from './floatobject.js'
import { formatLongSpec, formatSpecArg } from './formatting.js'
import { PyObject_GenericGetAttr, object_richcompare } from './object-type.js'
import { parseArgs } from './getargs.js'
import {
  PyLongObject,
  PyLong_FromNumber,
  floatFactory,
  long_abs,
  long_add,
  long_and,
  long_as_integer_ratio,
  long_bit_count,
  long_bit_length,
  long_bool,
  long_dealloc,
  long_div,
  long_divmod,
  long_float,
  long_from_bytes,
  long_getnewargs,
  long_hash,
  long_invert,
  long_long,
  long_lshift,
  long_mod,
  long_mul,
  long_neg,
  long_new,
  long_or,
  long_pow,
  long_repr,
  long_richcompare,
  long_round,
  long_rshift,
  long_sizeof,
  long_sub,
  long_to_bytes,
  long_true_divide,
  long_vectorcall,
  long_xor,
  intValue,
} from './longobject.js'
import { _PyHash_RegisterExact, PyTuple_FromArraySteal } from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'
import { PyUnicode_FromString } from './unicodeobject.js'

function meth(name: string, fn: PyMethodDef['ml_meth'], flags: number, doc?: string): PyMethodDef {
  return doc === undefined ? { ml_name: name, ml_meth: fn, ml_flags: flags } : { ml_name: name, ml_meth: fn, ml_flags: flags, ml_doc: doc }
}

function noargs(name: string, fn: (self: PyObject) => PyObject, doc?: string): PyMethodDef {
  return meth(name, (self) => fn(self), METH_NOARGS, doc)
}

function getter(name: string, fn: (self: PyObject) => PyObject, doc?: string): PyGetSetDef {
  return { name, get: fn, set: null, doc }
}

const INT_DOC =
  "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4"
const BOOL_DOC =
  'bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed.'
const FLOAT_DOC = 'float(x=0, /)\n--\n\nConvert a string or number to a floating point number, if possible.'
const COMPLEX_DOC = 'complex(real=0, imag=0)\n--\n\nCreate a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0.'

/** Creates int/bool/float/complex behaviour and the singletons' types. */
export function _PyNumbers_Init(rt: Runtime): void {
  floatFactory.fn = PyFloat_FromDouble
  floatFactory.pow = float_pow
  complexPower.fn = complex_pow
  initInt(rt)
  initBool(rt)
  initFloat(rt)
  initComplex(rt)
  initSingletons(rt)
  for (const name of rt.profile.objects.numbers.ownGetattro) rt.types[name]!.tp_getattro = PyObject_GenericGetAttr
}

/* --- int ------------------------------------------------------------------------------------------------------ */

function intMethods(rt: Runtime): PyMethodDef[] {
  const n = rt.profile.objects.numbers
  const toBytesParams = ['length', 'byteorder', 'signed']
  const required = n.intToBytesDefaults ? 0 : 2
  const toBytes = meth(
    'to_bytes',
    (self, args, start, nargs, kwnames) => {
      const [length, order, signed] = parseArgs(rt, 'to_bytes', args, start, nargs, kwnames, toBytesParams, required, 0, 2)
      return long_to_bytes(self, length!, order!, signed!)
    },
    METH_FASTCALL | METH_KEYWORDS,
  )
  const fromBytes = meth(
    'from_bytes',
    (type, args, start, nargs, kwnames) => {
      const [bytes, order, signed] = parseArgs(rt, 'from_bytes', args, start, nargs, kwnames, ['bytes', 'byteorder', 'signed'], n.intToBytesDefaults ? 1 : 2, 0, 2)
      return long_from_bytes(type as PyTypeObject, bytes!, order, signed)
    },
    METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
  )
  const round = meth(
    '__round__',
    (self, args, start, nargs) => {
      if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `__round__ expected at most 1 argument, got ${nargs}`)
      return long_round(self, nargs > 0 ? args[start]! : null)
    },
    METH_FASTCALL,
    'Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer.',
  )
  const methods: PyMethodDef[] = [
    noargs('conjugate', long_long, 'Returns self, the complex conjugate of any int.'),
    noargs('bit_length', long_bit_length, "Number of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"),
  ]
  if (n.intBitCount) methods.push(noargs('bit_count', long_bit_count, 'Number of ones in the binary representation of the absolute value of self.\n\nAlso known as the population count.\n\n>>> bin(13)\n\'0b1101\'\n>>> (13).bit_count()\n3'))
  methods.push(
    toBytes,
    fromBytes,
    noargs('as_integer_ratio', long_as_integer_ratio),
    noargs('__trunc__', long_long, 'Truncating an Integral returns itself.'),
    noargs('__floor__', long_long, 'Flooring an Integral returns itself.'),
    noargs('__ceil__', long_long, 'Ceiling of an Integral returns itself.'),
    round,
    noargs('__getnewargs__', long_getnewargs),
    meth('__format__', (self, args, start) => PyUnicode_FromString(rt, formatLongSpec(rt, self, formatSpecArg(rt, args[start]!))), METH_O, 'Convert to a string according to format_spec.'),
    noargs('__sizeof__', (self) => PyLong_FromNumber(rt, long_sizeof(rt, intValue(self))), 'Returns size in memory, in bytes.'),
  )
  if (n.intIsInteger) methods.push(noargs('is_integer', () => newTrue(rt), 'Returns True. Exists for duck type compatibility with float.is_integer.'))
  return methods
}

function newTrue(rt: Runtime): PyObject {
  Py_INCREF(rt.True)
  return rt.True
}

function initInt(rt: Runtime): void {
  const t = rt.types.int
  t.tp_doc = INT_DOC
  Object.assign(t, {
    tp_dealloc: long_dealloc,
    tp_free: PyObject_Free,
    tp_repr: long_repr,
    tp_hash: long_hash,
    tp_richcompare: long_richcompare,
    tp_new: long_new,
    tp_vectorcall: rt.profile.objects.typeVectorcall ? long_vectorcall : null,
    nb_add: long_add,
    nb_subtract: long_sub,
    nb_multiply: long_mul,
    nb_remainder: long_mod,
    nb_divmod: long_divmod,
    nb_power: long_pow,
    nb_negative: long_neg,
    nb_positive: long_long,
    nb_absolute: long_abs,
    nb_bool: long_bool,
    nb_invert: long_invert,
    nb_lshift: long_lshift,
    nb_rshift: long_rshift,
    nb_and: long_and,
    nb_xor: long_xor,
    nb_or: long_or,
    nb_int: long_long,
    nb_float: long_float,
    nb_floor_divide: long_div,
    nb_true_divide: long_true_divide,
    nb_index: long_long,
    tp_methods: intMethods(rt),
    tp_getset: [
      getter('real', long_long, 'the real part of a complex number'),
      getter('imag', () => PyLong_FromNumber(rt, 0), 'the imaginary part of a complex number'),
      getter('numerator', long_long, 'the numerator of a rational number in lowest terms'),
      getter('denominator', () => PyLong_FromNumber(rt, 1), 'the denominator of a rational number in lowest terms'),
    ],
  } satisfies Partial<PyTypeObject>)
  registerFactory(t, (type) => new PyLongObject(type, 0))
}

function initBool(rt: Runtime): void {
  const t = rt.types.bool
  t.tp_doc = BOOL_DOC
  Object.assign(t, {
    tp_repr: bool_repr,
    tp_new: bool_new,
    tp_vectorcall: rt.profile.objects.typeVectorcall ? bool_vectorcall : null,
    nb_and: bool_and,
    nb_or: bool_or,
    nb_xor: bool_xor,
    nb_invert: rt.profile.objects.numbers.boolInvert ? long_invert : null,
  } satisfies Partial<PyTypeObject>)
}

/* --- float ---------------------------------------------------------------------------------------------------- */

function initFloat(rt: Runtime): void {
  const n = rt.profile.objects.numbers
  const T = rt.types
  const methods: PyMethodDef[] = []
  if (n.fromNumber) {
    methods.push(meth('from_number', (type, args, start) => fromNumberFloat(rt, type as PyTypeObject, args[start]!), METH_O | METH_CLASS, 'Convert real number to a floating-point number.'))
  }
  methods.push(
    noargs('conjugate', float_float, 'Return self, the complex conjugate of any float.'),
    noargs('__trunc__', float_trunc, 'Return the Integral closest to x between 0 and x.'),
  )
  if (n.floatFloorCeil) {
    methods.push(noargs('__floor__', float_floor, 'Return the floor as an Integral.'), noargs('__ceil__', float_ceil, 'Return the ceiling as an Integral.'))
  }
  methods.push(
    meth(
      '__round__',
      (self, args, start, nargs) => {
        if (nargs > 1) throw PyErr_Format(rt, 'TypeError', `__round__ expected at most 1 argument, got ${nargs}`)
        return float_round(self, nargs > 0 ? args[start]! : null)
      },
      METH_FASTCALL,
      'Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits).',
    ),
    noargs('as_integer_ratio', float_as_integer_ratio),
    meth('fromhex', (type, args, start) => float_fromhex(type as PyTypeObject, args[start]!), METH_O | METH_CLASS, 'Create a floating-point number from a hexadecimal string.'),
    noargs('hex', float_hex, 'Return a hexadecimal representation of a floating-point number.'),
    noargs('is_integer', float_is_integer, 'Return True if the float is an integer.'),
    noargs('__getnewargs__', (self) => PyTuple_FromArraySteal(rt, [PyFloat_FromDouble(rt, floatValue(self))])),
    meth('__getformat__', (_type, args, start) => float_getformat(rt, args[start]!), METH_O | METH_CLASS),
    meth('__format__', (self, args, start) => float___format__(self, args[start]!), METH_O, 'Formats the float according to format_spec.'),
  )
  T.float = PyType_NewStatic(rt, 'float', {
    basicsize: rt.sizeof.float,
    flags: Py_TPFLAGS_BASETYPE,
    doc: FLOAT_DOC,
    slots: {
      tp_dealloc: float_dealloc,
      tp_free: PyObject_Free,
      tp_repr: float_repr,
      tp_str: n.floatStr === 'g12' ? float_str_g12 : null,
      tp_hash: float_hash,
      tp_richcompare: float_richcompare,
      tp_new: float_new,
      tp_vectorcall: rt.profile.objects.typeVectorcall ? float_vectorcall : null,
      nb_add: float_add,
      nb_subtract: float_sub,
      nb_multiply: float_mul,
      nb_remainder: float_rem,
      nb_divmod: float_divmod,
      nb_power: float_pow,
      nb_negative: float_neg,
      nb_positive: float_float,
      nb_absolute: float_abs,
      nb_bool: float_bool,
      nb_int: float_trunc,
      nb_float: float_float,
      nb_floor_divide: float_floor_div,
      nb_true_divide: float_div,
      tp_methods: methods,
      tp_getset: [getter('real', float_float, 'the real part of a complex number'), getter('imag', () => PyFloat_FromDouble(rt, 0), 'the imaginary part of a complex number')],
    },
  })
  registerFactory(T.float, (type) => new PyFloatObject(type, 0))
  _PyHash_RegisterExact(float_hash, float_hash_exact)
}

function float_getformat(rt: Runtime, arg: PyObject): PyObject {
  if ((arg.ob_type.tp_flags & (1 << 28)) === 0) {
    throw PyErr_Format(rt, 'TypeError', `__getformat__() argument must be str, not ${arg.ob_type.tp_name}`)
  }
  const s = (arg as unknown as { value: string }).value
  if (s !== 'double' && s !== 'float') throw PyErr_Format(rt, 'ValueError', "__getformat__() argument 1 must be 'double' or 'float'")
  return PyUnicode_FromString(rt, 'IEEE, little-endian')
}

/** `float.from_number(x)` (3.14): a real number (not a str) as a float. */
function fromNumberFloat(rt: Runtime, type: PyTypeObject, x: PyObject): PyObject {
  if ((x.ob_type.tp_flags & (1 << 28)) !== 0 || (x.ob_type.nb_float === null && x.ob_type.nb_index === null)) {
    throw PyErr_Format(rt, 'TypeError', `must be real number, not ${x.ob_type.tp_name}`)
  }
  const f = PyNumber_Float(x)
  if (type === rt.types.float) return f
  try {
    return type.ob_type.tp_call!(type, [f], 0, 1, null)
  } finally {
    Py_DECREF(f)
  }
}

/* --- complex -------------------------------------------------------------------------------------------------- */

function initComplex(rt: Runtime): void {
  const n = rt.profile.objects.numbers
  const T = rt.types
  const legacy = n.complexIntFloatSlots
  const methods: PyMethodDef[] = []
  if (n.fromNumber) {
    methods.push(
      meth(
        'from_number',
        (type, args, start) => {
          const x = args[start]!
          if ((x.ob_type.tp_flags & (1 << 28)) !== 0) throw PyErr_Format(rt, 'TypeError', `complex() argument 'real' must be a real number, not str`)
          return complex_new_impl(type as PyTypeObject, x, null)
        },
        METH_O | METH_CLASS,
        'Convert number to a complex floating-point number.',
      ),
    )
  }
  methods.push(noargs('conjugate', complex_conjugate, 'Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j.'))
  if (!legacy) methods.push(noargs('__complex__', complex_pos, 'Convert this value to exact type complex.'))
  methods.push(
    noargs('__getnewargs__', complex_getnewargs),
    meth('__format__', (self, args, start) => complex___format__(self, args[start]!), METH_O, 'Convert to a string according to format_spec.'),
  )
  const ptr = rt.profile.pointerSize
  T.complex = PyType_NewStatic(rt, 'complex', {
    basicsize: 2 * ptr + 16,
    flags: Py_TPFLAGS_BASETYPE,
    doc: COMPLEX_DOC,
    slots: {
      tp_dealloc: complex_dealloc,
      tp_free: PyObject_Free,
      tp_repr: complex_repr,
      tp_hash: complex_hash,
      tp_richcompare: complex_richcompare,
      tp_new: complex_new,
      nb_add: complex_add,
      nb_subtract: complex_sub,
      nb_multiply: complex_mul,
      nb_true_divide: complex_div,
      nb_power: complex_pow,
      nb_negative: complex_neg,
      nb_positive: complex_pos,
      nb_absolute: complex_abs,
      nb_bool: complex_bool,
      nb_remainder: legacy ? complexLegacySlot("can't mod complex numbers.") : null,
      nb_divmod: legacy ? complexLegacySlot("can't take floor or mod of complex number.") : null,
      nb_floor_divide: legacy ? complexLegacySlot("can't take floor of complex number.") : null,
      nb_int: legacy ? complexLegacySlot("can't convert complex to int") : null,
      nb_float: legacy ? complexLegacySlot("can't convert complex to float") : null,
      tp_methods: methods,
      tp_getset: [
        getter('real', (self) => PyFloat_FromDouble(rt, complexValue(self).real), 'the real part of a complex number'),
        getter('imag', (self) => PyFloat_FromDouble(rt, complexValue(self).imag), 'the imaginary part of a complex number'),
      ],
    },
  })
  registerFactory(T.complex, (type) => new PyComplexObject(type, 0, 0))
  _PyHash_RegisterExact(complex_hash, complex_hash_exact)
}

/* --- None, NotImplemented, Ellipsis --------------------------------------------------------------------------- */

function noArgsNew(name: string, singleton: (rt: Runtime) => PyObject): PyTypeObject['tp_new'] {
  return (type, args, kwds) => {
    const rt = type.tp_runtime
    const nargs = (args as unknown as { ob_item: PyObject[] }).ob_item.length
    if (nargs > 0 || (kwds !== null && (kwds as unknown as { ma_used: number }).ma_used > 0)) {
      throw PyErr_Format(rt, 'TypeError', `${name} takes no arguments`)
    }
    const s = singleton(rt)
    Py_INCREF(s)
    return s
  }
}

function strRepr(text: string): (self: PyObject) => PyObject {
  return (self) => PyUnicode_FromString(self.ob_type.tp_runtime, text)
}

function reduceTo(name: string): PyMethodDef {
  return noargs('__reduce__', (self) => PyUnicode_FromString(self.ob_type.tp_runtime, name))
}

/** `none_hash` (3.12+): a constant. */
function none_hash(self: PyObject): number {
  const v = 0xfca86420
  return self.ob_type.tp_runtime.profile.pointerSize === 4 ? v | 0 : v
}

function initSingletons(rt: Runtime): void {
  const T = rt.types
  const n = rt.profile.objects.numbers
  Object.assign(T.NoneType, {
    tp_repr: strRepr('None'),
    tp_new: noArgsNew('NoneType', (r) => r.None),
    tp_hash: n.noneHash === 'constant' ? none_hash : null,
    tp_richcompare: n.noneHash === 'constant' ? object_richcompare : null,
    nb_bool: () => 0,
  } satisfies Partial<PyTypeObject>)
  Object.assign(T.NotImplementedType, {
    tp_repr: strRepr('NotImplemented'),
    tp_new: noArgsNew('NotImplementedType', (r) => r.NotImplemented),
    tp_methods: [reduceTo('NotImplemented')],
    nb_bool:
      n.notImplementedBool === 'default'
        ? null
        : n.notImplementedBool === 'error'
          ? () => {
              throw PyErr_Format(rt, 'TypeError', 'NotImplemented should not be used in a boolean context')
            }
          : () => 1,
  } satisfies Partial<PyTypeObject>)
  Object.assign(T.ellipsis, {
    tp_repr: strRepr('Ellipsis'),
    tp_new: noArgsNew('EllipsisType', (r) => r.Ellipsis),
    tp_methods: [reduceTo('Ellipsis')],
  } satisfies Partial<PyTypeObject>)
}

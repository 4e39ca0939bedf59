/**
 * Creates the container and iterator types of a runtime (list, set, frozenset, range, slice, the iterators) and
 * completes `tuple` and `dict`, which the bootstrap created with their memory slots. `PyType_Ready` (run after this)
 * builds each type's dict from the slots and the method tables declared here.
 */
import { PyObject_Free, PyObject_GC_Del } from '../object/alloc.js'
import type { PyObject } from '../object/object.js'
import { Py_INCREF } from '../object/refcount.js'
import {
  METH_CLASS,
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_LIST_SUBCLASS,
  Py_TPFLAGS_MAPPING,
  Py_TPFLAGS_SEQUENCE,
  type PyMethodDef,
  type PyTypeObject,
} from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import { registerFactory } from './descrobject.js'
import {
  PyListObject,
  list___reversed__,
  list___sizeof__,
  list_append,
  list_ass_item,
  list_ass_subscript,
  list_clear,
  list_clear_meth,
  list_concat,
  list_contains,
  list_copy,
  list_count,
  list_dealloc,
  list_extend_meth,
  list_index,
  list_inplace_concat,
  list_inplace_repeat,
  list_insert,
  list_item,
  list_iter,
  list_length,
  list_pop,
  list_remove,
  list_repeat,
  list_repr,
  list_reverse,
  list_richcompare,
  list_sizeof,
  list_sort_meth,
  list_subscript,
  list_tp_init,
  list_tp_new,
  list_traverse,
  list_vectorcall,
  listiter_dealloc,
  listiter_len,
  listiter_next,
  listiter_setstate,
  listiter_traverse,
  listreviter_len,
  listreviter_next,
} from './listobject.js'
import {
  PyDictObject,
  _PyDict_InitHooks,
  dict___contains__,
  dict___reversed__,
  dict___sizeof__,
  dict_ass_sub,
  dict_clear_meth,
  dict_copy,
  dict_fromkeys,
  dict_get,
  dict_init,
  dict_ior,
  dict_items,
  dict_iter,
  dict_keys,
  dict_length,
  dict_new,
  dict_or,
  dict_pop,
  dict_popitem,
  dict_repr,
  dict_richcompare,
  dict_setdefault,
  dict_sq_contains,
  dict_subscript,
  dict_update,
  dict_values,
  dict_vectorcall,
  dictitems_contains,
  dictitems_iter,
  dictitems_reversed,
  dictiter_dealloc,
  dictiter_iternextitem,
  dictiter_iternextkey,
  dictiter_iternextvalue,
  dictiter_len,
  dictiter_traverse,
  dictkeys_contains,
  dictkeys_iter,
  dictkeys_reversed,
  dictreviter_iternext,
  dictvalues_iter,
  dictvalues_reversed,
  dictview_dealloc,
  dictview_len,
  dictview_mapping,
  dictview_repr,
  dictview_richcompare,
  dictview_traverse,
  dictviews_and,
  dictviews_isdisjoint,
  dictviews_or,
  dictviews_sub,
  dictviews_xor,
} from './dictobject.js'
import {
  PySeqIter_New,
  calliter_dealloc,
  calliter_iternext,
  calliter_traverse,
  iter_iternext,
  iter_len,
  seqiter_dealloc,
  seqiter_tp_new,
  seqiter_traverse,
} from './iterobject.js'
import {
  _PySlice_InitHashes,
  slice_dealloc,
  slice_get_start,
  slice_get_step,
  slice_get_stop,
  slice_hash,
  slice_indices,
  slice_new,
  slice_repr,
  slice_richcompare,
  slice_traverse,
} from './sliceobject.js'
import {
  PySetObject,
  _PySet_InitHooks,
  frozenset_copy,
  frozenset_hash,
  frozenset_new,
  frozenset_vectorcall,
  set___contains__,
  set___sizeof__,
  set_add,
  set_and,
  set_clear,
  set_clear_internal,
  set_contains,
  set_copy,
  set_dealloc,
  set_difference_multi,
  set_difference_update,
  set_discard,
  set_iand,
  set_init,
  set_intersection_multi,
  set_intersection_update_multi,
  set_ior,
  set_isdisjoint,
  set_isub,
  set_issubset,
  set_issuperset,
  set_iter,
  set_ixor,
  set_len,
  set_new,
  set_or,
  set_pop,
  set_remove,
  set_repr,
  set_richcompare,
  set_sizeof,
  set_sub,
  set_symmetric_difference,
  set_symmetric_difference_update,
  set_traverse,
  set_union,
  set_update,
  set_vectorcall,
  set_xor,
  setiter_dealloc,
  setiter_iternext,
  setiter_len,
  setiter_traverse,
} from './setobject.js'
import { _setSeqIterNew } from './slots.js'
import {
  PyEnumObject,
  PyReversedObject,
  enum_dealloc,
  enum_new,
  enum_next,
  enum_traverse,
  enum_vectorcall,
  reversed_dealloc,
  reversed_len,
  reversed_new,
  reversed_next,
  reversed_traverse,
  reversed_vectorcall,
} from './enumobject.js'
import {
  PyFilterObject,
  PyMapObject,
  PyZipObject,
  filter_dealloc,
  filter_new,
  filter_next,
  filter_traverse,
  map_dealloc,
  map_new,
  map_next,
  map_traverse,
  zip_dealloc,
  zip_new,
  zip_next,
  zip_traverse,
} from './bltin-iterators.js'
import {
  _PyRange_InitHashes,
  longrangeiter_dealloc,
  longrangeiter_len,
  longrangeiter_next,
  longrangeiter_refs,
  range_bool,
  range_contains,
  range_count,
  range_dealloc,
  range_get_start,
  range_get_step,
  range_get_stop,
  range_hash,
  range_index,
  range_item,
  range_iter,
  range_length,
  range_new,
  range_refs,
  range_repr,
  range_reverse,
  range_richcompare,
  range_subscript,
  range_vectorcall,
  rangeiter_len,
  rangeiter_next,
} from './rangeobject.js'
import {
  PyTupleObject,
  _PyTuple_InitHashes,
  tuple___getnewargs__,
  tuple_count_meth,
  tuple_index_meth,
  tuple_iter,
  tuple_new,
  tuple_richcompare,
  tuple_sizeof,
  tuple_vectorcall,
  tupleconcat,
  tuplecontains,
  tuplehash,
  tupleitem,
  tupleiter_dealloc,
  tupleiter_len,
  tupleiter_next,
  tupleiter_traverse,
  tuplelength,
  tuplerepeat,
  tuplerepr,
  tuplesubscript,
} from './tupleobject.js'
import { PyType_NewStatic } from './typeobject.js'

/** `PyObject_SelfIter`: an iterator's `__iter__`. */
export function PyObject_SelfIter(self: PyObject): PyObject {
  Py_INCREF(self)
  return self
}

function meth(name: string, fn: PyMethodDef['ml_meth'], flags: number, doc?: string): PyMethodDef {
  return doc === undefined ? { ml_name: name, ml_meth: fn, ml_flags: flags } : { ml_name: name, ml_meth: fn, ml_flags: flags, ml_doc: doc }
}

/** A METH_NOARGS method from a function of self. */
function noargs(name: string, fn: (self: PyObject) => PyObject, doc?: string): PyMethodDef {
  return meth(name, (self) => fn(self), METH_NOARGS, doc)
}

/** A METH_O method from a function of (self, arg). */
function onearg(name: string, fn: (self: PyObject, arg: PyObject) => PyObject, doc?: string): PyMethodDef {
  return meth(name, (self, args, start) => fn(self, args[start]!), METH_O, doc)
}


/** Creates list/tuple/dict/set/frozenset/range/slice and iterator behaviour. */
export function _PyContainers_Init(rt: Runtime): void {
  _PyTuple_InitHashes()
  initList(rt)
  initTuple(rt)
  initDict(rt)
  initSet(rt)
  initSlice(rt)
  initRange(rt)
  initIterators(rt)
  _setSeqIterNew(PySeqIter_New)
}

function initTuple(rt: Runtime): void {
  const T = rt.types
  const t = T.tuple
  t.tp_flags |= Py_TPFLAGS_SEQUENCE
  t.tp_doc = "tuple(iterable=(), /)\n--\n\nBuilt-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object."
  Object.assign(t, {
    tp_free: PyObject_GC_Del,
    tp_repr: tuplerepr,
    tp_hash: tuplehash,
    tp_richcompare: tuple_richcompare,
    tp_iter: tuple_iter,
    tp_new: tuple_new,
    tp_vectorcall: rt.profile.objects.typeVectorcall ? tuple_vectorcall : null,
    tp_sizeof: tuple_sizeof,
    sq_length: tuplelength,
    sq_concat: tupleconcat,
    sq_repeat: tuplerepeat,
    sq_item: tupleitem,
    sq_contains: tuplecontains,
    mp_length: tuplelength,
    mp_subscript: tuplesubscript,
    tp_methods: [
      noargs('__getnewargs__', tuple___getnewargs__),
      meth('index', tuple_index_meth, METH_FASTCALL, 'Return first index of value.\n\nRaises ValueError if the value is not present.'),
      meth('count', tuple_count_meth, METH_O, 'Return number of occurrences of value.'),
    ],
  } satisfies Partial<PyTypeObject>)
  registerFactory(t, (type) => new PyTupleObject(type, []))
  T.tuple_iterator = PyType_NewStatic(rt, 'tuple_iterator', {
    basicsize: 4 * rt.profile.pointerSize,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: {
      tp_dealloc: tupleiter_dealloc,
      tp_traverse: tupleiter_traverse,
      tp_iter: PyObject_SelfIter,
      tp_iternext: tupleiter_next,
      tp_methods: [noargs('__length_hint__', tupleiter_len, 'Private method returning an estimate of len(list(it)).')],
    },
  })
}

function initDict(rt: Runtime): void {
  const T = rt.types
  _PyDict_InitHooks()
  const d = T.dict
  const ptr = rt.profile.pointerSize
  d.tp_flags |= Py_TPFLAGS_MAPPING
  d.tp_doc =
    "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)"
  const union = rt.profile.objects.dictUnion
  Object.assign(d, {
    tp_free: PyObject_GC_Del,
    tp_repr: dict_repr,
    tp_richcompare: dict_richcompare,
    tp_iter: dict_iter,
    tp_init: dict_init,
    tp_new: dict_new,
    tp_vectorcall: rt.profile.objects.typeVectorcall ? dict_vectorcall : null,
    mp_length: dict_length,
    mp_subscript: dict_subscript,
    mp_ass_subscript: dict_ass_sub,
    sq_contains: dict_sq_contains,
    nb_or: union ? dict_or : null,
    nb_inplace_or: union ? dict_ior : null,
    tp_methods: [
      onearg('__contains__', dict___contains__, 'True if the dictionary has the specified key, else False.'),
      noargs('__sizeof__', dict___sizeof__, 'D.__sizeof__() -> size of D in memory, in bytes'),
      meth('get', dict_get, METH_FASTCALL, 'Return the value for key if key is in the dictionary, else default.'),
      meth('setdefault', dict_setdefault, METH_FASTCALL, 'Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default.'),
      meth('pop', dict_pop, METH_FASTCALL, 'D.pop(k[,d]) -> v, remove specified key and return the corresponding value.'),
      noargs('popitem', dict_popitem, 'Remove and return a (key, value) pair as a 2-tuple.'),
      noargs('keys', dict_keys, 'D.keys() -> a set-like object providing a view on D\'s keys'),
      noargs('items', dict_items, 'D.items() -> a set-like object providing a view on D\'s items'),
      noargs('values', dict_values, 'D.values() -> an object providing a view on D\'s values'),
      meth('update', dict_update, METH_FASTCALL | METH_KEYWORDS, 'D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.'),
      meth('fromkeys', dict_fromkeys, METH_FASTCALL | METH_CLASS, 'Create a new dictionary with keys from iterable and values set to value.'),
      noargs('clear', dict_clear_meth, 'D.clear() -> None.  Remove all items from D.'),
      noargs('copy', dict_copy, 'D.copy() -> a shallow copy of D'),
      noargs('__reversed__', dict___reversed__, 'Return a reverse iterator over the dict keys.'),
    ],
  } satisfies Partial<PyTypeObject>)
  registerFactory(d, (type) => new PyDictObject(type))

  const viewBase = (iter: (self: PyObject) => PyObject, reversed: (self: PyObject) => PyObject, setLike: boolean): Partial<PyTypeObject> => ({
    tp_dealloc: dictview_dealloc,
    tp_traverse: dictview_traverse,
    tp_repr: dictview_repr,
    tp_iter: iter,
    sq_length: dictview_len,
    tp_richcompare: setLike ? dictview_richcompare : null,
    nb_subtract: setLike ? dictviews_sub : null,
    nb_and: setLike ? dictviews_and : null,
    nb_or: setLike ? dictviews_or : null,
    nb_xor: setLike ? dictviews_xor : null,
    tp_methods: [
      ...(setLike ? [meth('isdisjoint', dictviews_isdisjoint, METH_O, 'Return True if the view and the given iterable have a null intersection.')] : []),
      noargs('__reversed__', reversed, 'Return a reverse iterator over the dict keys.'),
    ],
    tp_getset: rt.profile.objects.dictUnion ? [{ name: 'mapping', get: dictview_mapping, set: null, doc: 'dictionary that this view refers to' }] : [],
  })
  const viewSize = 3 * ptr
  T.dict_keys = PyType_NewStatic(rt, 'dict_keys', {
    basicsize: viewSize,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: { ...viewBase(dictkeys_iter, dictkeys_reversed, true), sq_contains: dictkeys_contains },
  })
  T.dict_values = PyType_NewStatic(rt, 'dict_values', { basicsize: viewSize, flags: Py_TPFLAGS_HAVE_GC, slots: viewBase(dictvalues_iter, dictvalues_reversed, false) })
  T.dict_items = PyType_NewStatic(rt, 'dict_items', {
    basicsize: viewSize,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: { ...viewBase(dictitems_iter, dictitems_reversed, true), sq_contains: dictitems_contains },
  })
  const iterType = (name: string, next: (self: PyObject) => PyObject | null): PyTypeObject =>
    PyType_NewStatic(rt, name, {
      basicsize: 7 * ptr,
      flags: Py_TPFLAGS_HAVE_GC,
      slots: {
        tp_dealloc: dictiter_dealloc,
        tp_traverse: dictiter_traverse,
        tp_iter: PyObject_SelfIter,
        tp_iternext: next,
        tp_methods: [noargs('__length_hint__', dictiter_len, 'Private method returning an estimate of len(list(it)).')],
      },
    })
  T.dict_keyiterator = iterType('dict_keyiterator', dictiter_iternextkey)
  T.dict_valueiterator = iterType('dict_valueiterator', dictiter_iternextvalue)
  T.dict_itemiterator = iterType('dict_itemiterator', dictiter_iternextitem)
  T.dict_reversekeyiterator = iterType('dict_reversekeyiterator', dictreviter_iternext)
  T.dict_reversevalueiterator = iterType('dict_reversevalueiterator', dictreviter_iternext)
  T.dict_reverseitemiterator = iterType('dict_reverseitemiterator', dictreviter_iternext)
}

function initSet(rt: Runtime): void {
  const T = rt.types
  _PySet_InitHooks()
  const basicsize = rt.sizeof.setBase - rt.profile.gc.gcHeadSize
  const vectorcall = rt.profile.objects.typeVectorcall
  const common: PyMethodDef[] = [
    onearg('__contains__', set___contains__, 'x.__contains__(y) <==> y in x.'),
    meth('difference', set_difference_multi, METH_FASTCALL, 'Return the difference of two or more sets as a new set.'),
    meth('intersection', set_intersection_multi, METH_FASTCALL, 'Return the intersection of two sets as a new set.'),
    onearg('isdisjoint', set_isdisjoint, 'Return True if two sets have a null intersection.'),
    onearg('issubset', set_issubset, 'Report whether another set contains this set.'),
    onearg('issuperset', set_issuperset, 'Report whether this set contains another set.'),
    noargs('__sizeof__', set___sizeof__, 'S.__sizeof__() -> size of S in memory, in bytes'),
    onearg('symmetric_difference', set_symmetric_difference, 'Return the symmetric difference of two sets as a new set.'),
    meth('union', set_union, METH_FASTCALL, 'Return the union of sets as a new set.'),
  ]
  const shared: Partial<PyTypeObject> = {
    tp_dealloc: set_dealloc,
    tp_traverse: set_traverse,
    tp_clear: set_clear_internal,
    tp_free: PyObject_GC_Del,
    tp_sizeof: set_sizeof,
    tp_repr: set_repr,
    tp_richcompare: set_richcompare,
    tp_iter: set_iter,
    tp_weaklist: true,
    sq_length: set_len,
    sq_contains: set_contains,
    nb_subtract: set_sub,
    nb_and: set_and,
    nb_xor: set_xor,
    nb_or: set_or,
  }
  T.set = PyType_NewStatic(rt, 'set', {
    basicsize,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc: 'set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.',
    slots: {
      ...shared,
      tp_init: set_init,
      tp_new: set_new,
      tp_vectorcall: vectorcall ? set_vectorcall : null,
      nb_inplace_subtract: set_isub,
      nb_inplace_and: set_iand,
      nb_inplace_xor: set_ixor,
      nb_inplace_or: set_ior,
      tp_methods: [
        onearg('add', set_add, 'Add an element to a set.\n\nThis has no effect if the element is already present.'),
        noargs('clear', set_clear, 'Remove all elements from this set.'),
        noargs('copy', set_copy, 'Return a shallow copy of a set.'),
        onearg('discard', set_discard, 'Remove an element from a set if it is a member.'),
        meth('difference_update', set_difference_update, METH_FASTCALL, 'Remove all elements of another set from this set.'),
        meth('intersection_update', set_intersection_update_multi, METH_FASTCALL, 'Update a set with the intersection of itself and another.'),
        noargs('pop', set_pop, 'Remove and return an arbitrary set element.\nRaises KeyError if the set is empty.'),
        onearg('remove', set_remove, 'Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError.'),
        onearg('symmetric_difference_update', set_symmetric_difference_update, 'Update a set with the symmetric difference of itself and another.'),
        meth('update', set_update, METH_FASTCALL, 'Update a set with the union of itself and others.'),
        ...common,
      ],
    },
  })
  T.frozenset = PyType_NewStatic(rt, 'frozenset', {
    basicsize,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc: 'frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.',
    slots: {
      ...shared,
      tp_hash: frozenset_hash,
      tp_new: frozenset_new,
      tp_vectorcall: vectorcall ? frozenset_vectorcall : null,
      tp_methods: [noargs('copy', frozenset_copy, 'Return a shallow copy of a set.'), ...common],
    },
  })
  registerFactory(T.set, (type) => new PySetObject(type))
  registerFactory(T.frozenset, (type) => new PySetObject(type))
  T.set_iterator = PyType_NewStatic(rt, 'set_iterator', {
    basicsize: 6 * rt.profile.pointerSize,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: {
      tp_dealloc: setiter_dealloc,
      tp_traverse: setiter_traverse,
      tp_iter: PyObject_SelfIter,
      tp_iternext: setiter_iternext,
      tp_methods: [noargs('__length_hint__', setiter_len, 'Private method returning an estimate of len(list(it)).')],
    },
  })
}

function initSlice(rt: Runtime): void {
  const T = rt.types
  _PySlice_InitHashes()
  T.slice = PyType_NewStatic(rt, 'slice', {
    basicsize: 5 * rt.profile.pointerSize,
    flags: Py_TPFLAGS_HAVE_GC,
    doc: 'slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).',
    slots: {
      tp_dealloc: slice_dealloc,
      tp_traverse: slice_traverse,
      tp_repr: slice_repr,
      tp_richcompare: slice_richcompare,
      tp_hash: rt.profile.objects.sliceHashable ? slice_hash : null,
      tp_new: slice_new,
      tp_methods: [meth('indices', slice_indices, METH_O, 'S.indices(len) -> (start, stop, stride)')],
      tp_getset: [
        { name: 'start', get: slice_get_start, set: null },
        { name: 'stop', get: slice_get_stop, set: null },
        { name: 'step', get: slice_get_step, set: null },
      ],
    },
  })
}

function initRange(rt: Runtime): void {
  const T = rt.types
  const ptr = rt.profile.pointerSize
  _PyRange_InitHashes()
  T.range = PyType_NewStatic(rt, 'range', {
    basicsize: rt.sizeof.range,
    flags: Py_TPFLAGS_SEQUENCE,
    doc: 'range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement).',
    slots: {
      tp_dealloc: range_dealloc,
      tp_refs: range_refs,
      tp_repr: range_repr,
      tp_hash: range_hash,
      tp_richcompare: range_richcompare,
      tp_iter: range_iter,
      tp_new: range_new,
      tp_vectorcall: rt.profile.objects.typeVectorcall ? range_vectorcall : null,
      nb_bool: range_bool,
      sq_length: range_length,
      sq_item: range_item,
      sq_contains: range_contains,
      mp_length: range_length,
      mp_subscript: range_subscript,
      tp_methods: [
        noargs('__reversed__', range_reverse, 'Return a reverse iterator.'),
        onearg('count', range_count, 'rangeobject.count(value) -> integer -- return number of occurrences of value'),
        onearg('index', range_index, 'rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present.'),
      ],
      tp_getset: [
        { name: 'start', get: range_get_start, set: null },
        { name: 'stop', get: range_get_stop, set: null },
        { name: 'step', get: range_get_step, set: null },
      ],
    },
  })
  const iterSize = (rt.profile.objects.rangeIteratorIndex ? 6 : 5) * ptr
  const hint = 'Private method returning an estimate of len(list(it)).'
  T.range_iterator = PyType_NewStatic(rt, 'range_iterator', {
    basicsize: iterSize,
    slots: {
      tp_dealloc: PyObject_Free,
      tp_iter: PyObject_SelfIter,
      tp_iternext: rangeiter_next,
      tp_methods: [noargs('__length_hint__', rangeiter_len, hint)],
    },
  })
  T.longrange_iterator = PyType_NewStatic(rt, 'longrange_iterator', {
    basicsize: iterSize,
    slots: {
      tp_dealloc: longrangeiter_dealloc,
      tp_refs: longrangeiter_refs,
      tp_iter: PyObject_SelfIter,
      tp_iternext: longrangeiter_next,
      tp_methods: [noargs('__length_hint__', longrangeiter_len, hint)],
    },
  })
}

function initIterators(rt: Runtime): void {
  const T = rt.types
  const ptr = rt.profile.pointerSize
  const gcHead = rt.profile.gc.gcHeadSize
  const sz = rt.sizeof
  const vectorcall = rt.profile.objects.typeVectorcall
  const hint = 'Private method returning an estimate of len(list(it)).'
  T.enumerate = PyType_NewStatic(rt, 'enumerate', {
    basicsize: sz.enumerate - gcHead,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc: 'Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...',
    slots: {
      tp_dealloc: enum_dealloc,
      tp_traverse: enum_traverse,
      tp_free: PyObject_GC_Del,
      tp_iter: PyObject_SelfIter,
      tp_iternext: enum_next,
      tp_new: enum_new,
      tp_vectorcall: vectorcall ? enum_vectorcall : null,
    },
  })
  registerFactory(T.enumerate, (type) => new PyEnumObject(type))
  T.reversed = PyType_NewStatic(rt, 'reversed', {
    basicsize: 4 * ptr,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc: 'Return a reverse iterator over the values of the given sequence.',
    slots: {
      tp_dealloc: reversed_dealloc,
      tp_traverse: reversed_traverse,
      tp_free: PyObject_GC_Del,
      tp_iter: PyObject_SelfIter,
      tp_iternext: reversed_next,
      tp_new: reversed_new,
      tp_vectorcall: vectorcall ? reversed_vectorcall : null,
      tp_methods: [noargs('__length_hint__', reversed_len, hint)],
    },
  })
  registerFactory(T.reversed, (type) => new PyReversedObject(type))
  T.zip = PyType_NewStatic(rt, 'zip', {
    basicsize: sz.zip - gcHead,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc: 'zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.',
    slots: { tp_dealloc: zip_dealloc, tp_traverse: zip_traverse, tp_free: PyObject_GC_Del, tp_iter: PyObject_SelfIter, tp_iternext: zip_next, tp_new: zip_new },
  })
  registerFactory(T.zip, (type) => new PyZipObject(type))
  T.map = PyType_NewStatic(rt, 'map', {
    basicsize: 4 * ptr,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc: 'map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.',
    slots: { tp_dealloc: map_dealloc, tp_traverse: map_traverse, tp_free: PyObject_GC_Del, tp_iter: PyObject_SelfIter, tp_iternext: map_next, tp_new: map_new },
  })
  registerFactory(T.map, (type) => new PyMapObject(type))
  T.filter = PyType_NewStatic(rt, 'filter', {
    basicsize: 4 * ptr,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc: 'filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true.',
    slots: { tp_dealloc: filter_dealloc, tp_traverse: filter_traverse, tp_free: PyObject_GC_Del, tp_iter: PyObject_SelfIter, tp_iternext: filter_next, tp_new: filter_new },
  })
  registerFactory(T.filter, (type) => new PyFilterObject(type))
  T.iterator = PyType_NewStatic(rt, 'iterator', {
    basicsize: 4 * ptr,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: {
      tp_dealloc: seqiter_dealloc,
      tp_traverse: seqiter_traverse,
      tp_iter: PyObject_SelfIter,
      tp_iternext: iter_iternext,
      tp_new: seqiter_tp_new,
      tp_methods: [noargs('__length_hint__', iter_len, 'Private method returning an estimate of len(list(it)).')],
    },
  })
  T.callable_iterator = PyType_NewStatic(rt, 'callable_iterator', {
    basicsize: 4 * ptr,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: { tp_dealloc: calliter_dealloc, tp_traverse: calliter_traverse, tp_iter: PyObject_SelfIter, tp_iternext: calliter_iternext },
  })
}

function initList(rt: Runtime): void {
  const T = rt.types
  const gcHead = rt.profile.gc.gcHeadSize
  const ptr = rt.profile.pointerSize
  T.list = PyType_NewStatic(rt, 'list', {
    basicsize: rt.sizeof.listBase - gcHead,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_SEQUENCE,
    doc: 'list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.',
    slots: {
      tp_dealloc: list_dealloc,
      tp_traverse: list_traverse,
      tp_clear: list_clear,
      tp_sizeof: list_sizeof,
      tp_free: PyObject_GC_Del,
      tp_repr: list_repr,
      tp_richcompare: list_richcompare,
      tp_iter: list_iter,
      tp_init: list_tp_init,
      tp_new: list_tp_new,
      tp_vectorcall: rt.profile.objects.typeVectorcall ? list_vectorcall : null,
      sq_length: list_length,
      sq_concat: list_concat,
      sq_repeat: list_repeat,
      sq_item: list_item,
      sq_ass_item: list_ass_item,
      sq_contains: list_contains,
      sq_inplace_concat: list_inplace_concat,
      sq_inplace_repeat: list_inplace_repeat,
      mp_length: list_length,
      mp_subscript: list_subscript,
      mp_ass_subscript: list_ass_subscript,
      tp_methods: [
        noargs('__reversed__', list___reversed__, 'Return a reverse iterator over the list.'),
        noargs('__sizeof__', list___sizeof__, 'Return the size of the list in memory, in bytes.'),
        noargs('clear', list_clear_meth, 'Remove all items from list.'),
        noargs('copy', list_copy, 'Return a shallow copy of the list.'),
        meth('append', list_append, METH_O, 'Append object to the end of the list.'),
        meth('insert', list_insert, METH_FASTCALL, 'Insert object before index.'),
        meth('extend', list_extend_meth, METH_O, 'Extend list by appending elements from the iterable.'),
        meth('pop', list_pop, METH_FASTCALL, 'Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range.'),
        meth('remove', list_remove, METH_O, 'Remove first occurrence of value.\n\nRaises ValueError if the value is not present.'),
        meth('index', list_index, METH_FASTCALL, 'Return first index of value.\n\nRaises ValueError if the value is not present.'),
        meth('count', list_count, METH_O, 'Return number of occurrences of value.'),
        noargs('reverse', list_reverse, 'Reverse *IN PLACE*.'),
        meth('sort', list_sort_meth, METH_FASTCALL | METH_KEYWORDS, 'Sort the list in ascending order and return None.'),
      ],
    },
  })
  registerFactory(T.list, (t) => new PyListObject(t))
  const iterSlots = (next: (self: PyObject) => PyObject | null, len: (self: PyObject) => PyObject): Partial<PyTypeObject> => ({
    tp_dealloc: listiter_dealloc,
    tp_traverse: listiter_traverse,
    tp_iter: PyObject_SelfIter,
    tp_iternext: next,
    tp_methods: [
      noargs('__length_hint__', len, 'Private method returning an estimate of len(list(it)).'),
      meth('__setstate__', listiter_setstate, METH_O, 'Set state information for unpickling.'),
    ],
  })
  T.list_iterator = PyType_NewStatic(rt, 'list_iterator', { basicsize: 4 * ptr, flags: Py_TPFLAGS_HAVE_GC, slots: iterSlots(listiter_next, listiter_len) })
  T.list_reverseiterator = PyType_NewStatic(rt, 'list_reverseiterator', {
    basicsize: 4 * ptr,
    flags: Py_TPFLAGS_HAVE_GC,
    slots: iterSlots(listreviter_next, listreviter_len),
  })
}

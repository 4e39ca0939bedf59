/**
 * Function objects (`def`, `lambda`). Calling one is the interpreter's business: @heap/python-lite installs the
 * function type's `tp_call`.
 * @cpython Objects/funcobject.c
 */
import { PyObject_GC_Del, PyObject_GC_Init, _PyObject_GC_TRACK, _PyObject_GC_UNTRACK } from '../object/alloc.js'
import { PyObject } from '../object/object.js'
import { Py_CLEAR, Py_INCREF } from '../object/refcount.js'
import { Py_TRASHCAN_BEGIN, Py_TRASHCAN_END } from '../object/trashcan.js'
import type { PyTypeObject, visitproc } from '../object/type.js'
import type { Runtime } from '../runtime/runtime.js'
import type { PyCodeObject } from './codeobject.js'

export class PyFunctionObject extends PyObject {
  /** All owned. */
  func_code: PyObject
  func_globals: PyObject
  func_builtins: PyObject | null = null
  func_name: PyObject
  func_qualname: PyObject
  func_defaults: PyObject | null = null
  func_kwdefaults: PyObject | null = null
  func_closure: PyObject | null = null
  func_doc: PyObject | null = null
  func_dict: PyObject | null = null
  func_module: PyObject | null = null
  func_annotations: PyObject | null = null
  /** Set by the VM: the function's version for call caches. NON-CPYTHON detail. */
  func_version = 0
  constructor(type: PyTypeObject, code: PyObject, globals: PyObject, name: PyObject, qualname: PyObject) {
    super(type)
    this.func_code = code
    this.func_globals = globals
    this.func_name = name
    this.func_qualname = qualname
  }
}

/**
 * `PyFunction_New`: a tracked function for `code` with `globals` (both borrowed). Name and qualname come from the
 * code object; `__module__` from `globals['__name__']` (set by the caller through `func_module`).
 * @cpython Objects/funcobject.c#PyFunction_NewWithQualName
 */
export function PyFunction_New(rt: Runtime, code: PyCodeObject, globals: PyObject): PyFunctionObject {
  Py_INCREF(code)
  Py_INCREF(globals)
  Py_INCREF(code.co_name)
  Py_INCREF(code.co_qualname)
  const op = new PyFunctionObject(rt.types.function, code, globals, code.co_name, code.co_qualname)
  PyObject_GC_Init(rt, op, rt.types.function.tp_basicsize)
  _PyObject_GC_TRACK(op)
  return op
}

/** @cpython Objects/funcobject.c#func_clear */
export function func_clear(self: PyObject): number {
  const op = self as PyFunctionObject
  Py_CLEAR(op, 'func_globals')
  Py_CLEAR(op, 'func_builtins')
  Py_CLEAR(op, 'func_module')
  Py_CLEAR(op, 'func_defaults')
  Py_CLEAR(op, 'func_kwdefaults')
  Py_CLEAR(op, 'func_doc')
  Py_CLEAR(op, 'func_dict')
  Py_CLEAR(op, 'func_closure')
  Py_CLEAR(op, 'func_annotations')
  return 0
}

/** @cpython Objects/funcobject.c#func_dealloc */
export function func_dealloc(self: PyObject): void {
  const op = self as PyFunctionObject
  _PyObject_GC_UNTRACK(op)
  if (!Py_TRASHCAN_BEGIN(op)) return
  const rt = op.ob_type.tp_runtime
  const wl = rt.weakrefs.get(op)
  if (wl !== undefined) rt.clearWeakRefs(op)
  func_clear(op)
  Py_CLEAR(op as unknown as { func_code: PyObject | null }, 'func_code')
  Py_CLEAR(op as unknown as { func_name: PyObject | null }, 'func_name')
  Py_CLEAR(op as unknown as { func_qualname: PyObject | null }, 'func_qualname')
  PyObject_GC_Del(op)
  Py_TRASHCAN_END(op)
}

/** @cpython Objects/funcobject.c#func_traverse */
export function func_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const op = self as PyFunctionObject
  for (const v of [op.func_code, op.func_globals, op.func_builtins, op.func_module, op.func_defaults, op.func_kwdefaults, op.func_doc, op.func_name, op.func_dict, op.func_closure, op.func_annotations, op.func_qualname]) {
    if (v !== null) {
      const r = visit(v, arg)
      if (r) return r
    }
  }
  return 0
}

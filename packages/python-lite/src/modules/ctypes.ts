/** `ctypes`, from @heap/unsafe. */
import type { PyObject } from '@heap/core'
import { createCtypesModule as create } from '@heap/unsafe'
import type { Interpreter } from '../interp.js'

export function createCtypesModule(interp: Interpreter): PyObject {
  return create(interp.rt)
}

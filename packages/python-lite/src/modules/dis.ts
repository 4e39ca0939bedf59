/**
 * The `dis` module, reduced to `get_instructions()`: the instructions heap's compiler produced for a code object,
 * under their CPython names. DEVIATION(cpython): heap's own instruction set (3.11–3.13 names, one unit per
 * instruction, no caches), not each version's bytecode; `Instruction` carries opname, opcode, arg and offset only.
 * @cpython Lib/dis.py
 */
import { PyErr_Format, PyList_New, PyList_Append, PyTuple_FromArraySteal, Py_DECREF, type PyCodeObject, type PyDictObject, type PyObject } from '@heap/core'
import { OP_NAMES, type CodeUnit } from '../compiler/opcodes.js'
import type { Interpreter } from '../interp.js'
import { addFunctions, def, int, moduleDict, newModule, str } from './util.js'

const DIS_PY = `"""Disassembly of heap's bytecode (the simulator's instructions, under CPython's opcode names)."""


class Instruction:
    """One instruction: its name, number, argument and offset."""

    __slots__ = ("opname", "opcode", "arg", "offset")

    def __init__(self, opname, opcode, arg, offset):
        self.opname = opname
        self.opcode = opcode
        self.arg = arg
        self.offset = offset

    def __repr__(self):
        return "Instruction(opname=%r, opcode=%r, arg=%r, offset=%r)" % (self.opname, self.opcode, self.arg, self.offset)


def _get_code_object(x):
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    if isinstance(x, str):
        x = compile(x, "<disassembly>", "exec")
    if hasattr(x, "co_code"):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """The instructions of a function, method, generator, code object or source string."""
    for opname, opcode, arg, offset in _instructions(_get_code_object(x)):
        yield Instruction(opname, opcode, arg, offset)
`

export function createDisModule(interp: Interpreter): PyObject {
  const rt = interp.rt
  const mod = newModule(rt, 'dis')
  interp.registerModule('dis', mod)
  addFunctions(rt, mod, [
    def('_instructions', (_m, args, start, nargs) => {
      const co = nargs > 0 ? args[start]! : null
      if (co === null || co.ob_type !== rt.types.code) throw PyErr_Format(rt, 'TypeError', '_instructions() argument must be a code object')
      const unit = (co as PyCodeObject).co_code_adaptive as CodeUnit
      const list = PyList_New(rt, 0)
      for (let i = 0; i < unit.code.length; i += 2) {
        const op = unit.code[i]!
        const item = PyTuple_FromArraySteal(rt, [str(rt, OP_NAMES[op] ?? `<${op}>`), int(rt, op), int(rt, unit.code[i + 1]!), int(rt, i)])
        PyList_Append(list, item)
        Py_DECREF(item)
      }
      return list
    }),
  ])
  const dict = moduleDict(mod)
  const code = interp.compile(DIS_PY, interp.stdlibPath('dis.py'), 'exec', null)
  try {
    Py_DECREF(interp.execCode(code, dict as PyDictObject, dict))
  } finally {
    Py_DECREF(code)
  }
  return mod
}

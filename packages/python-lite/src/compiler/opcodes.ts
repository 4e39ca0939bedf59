/**
 * The instruction set: CPython's opcode names (3.11–3.13 flavour). Each instruction is two Int32 words
 * (opcode, oparg). Semantics that differ between versions are decided by the profile at run time.
 * @cpython Lib/opcode.py
 */

export const enum Op {
  NOP,
  POP_TOP,
  PUSH_NULL,
  COPY,
  SWAP,
  END_FOR,
  RESUME,

  LOAD_CONST,
  RETURN_CONST,
  LOAD_FAST,
  LOAD_FAST_CHECK,
  LOAD_FAST_BORROW,
  STORE_FAST,
  DELETE_FAST,
  LOAD_NAME,
  STORE_NAME,
  DELETE_NAME,
  LOAD_GLOBAL,
  STORE_GLOBAL,
  DELETE_GLOBAL,
  LOAD_DEREF,
  STORE_DEREF,
  DELETE_DEREF,
  LOAD_CLASSDEREF,
  MAKE_CELL,
  LOAD_CLOSURE,
  COPY_FREE_VARS,

  LOAD_ATTR,
  LOAD_METHOD,
  STORE_ATTR,
  DELETE_ATTR,
  LOAD_SUPER_ATTR,

  BINARY_OP,
  UNARY_NEGATIVE,
  UNARY_POSITIVE,
  UNARY_NOT,
  UNARY_INVERT,
  COMPARE_OP,
  IS_OP,
  CONTAINS_OP,

  BINARY_SUBSCR,
  STORE_SUBSCR,
  DELETE_SUBSCR,
  BUILD_SLICE,

  BUILD_TUPLE,
  BUILD_LIST,
  BUILD_SET,
  BUILD_MAP,
  BUILD_CONST_KEY_MAP,
  BUILD_STRING,
  LIST_APPEND,
  SET_ADD,
  MAP_ADD,
  LIST_EXTEND,
  SET_UPDATE,
  DICT_UPDATE,
  DICT_MERGE,
  LIST_TO_TUPLE,
  FORMAT_VALUE,

  UNPACK_SEQUENCE,
  UNPACK_EX,

  JUMP_FORWARD,
  JUMP_BACKWARD,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE,
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,

  GET_ITER,
  FOR_ITER,

  KW_NAMES,
  CALL,
  CALL_FUNCTION_EX,
  MAKE_FUNCTION,
  RETURN_VALUE,

  IMPORT_NAME,
  IMPORT_FROM,
  IMPORT_STAR,

  RAISE_VARARGS,
  RERAISE,
  PUSH_EXC_INFO,
  POP_EXCEPT,
  CHECK_EXC_MATCH,
  BEFORE_WITH,
  WITH_EXCEPT_START,
  LOAD_ASSERTION_ERROR,

  LOAD_BUILD_CLASS,
  SETUP_ANNOTATIONS,
  LOAD_LOCALS,

  RETURN_GENERATOR,
  YIELD_VALUE,
  SEND,
  GET_YIELD_FROM_ITER,
  END_SEND,
  CLEANUP_THROW,

  PRINT_EXPR,
  /** Python 2's `print` statement: oparg 1 = `print >>dest` (the stream stays below the value). */
  PRINT_ITEM,
  PRINT_NEWLINE,
  /** Breakpoints for the heap snapshot (`breakpoint()` is a call; this is a marker). */
  CALL_INTRINSIC_1,
}

export const OP_NAMES: readonly string[] = [
  'NOP', 'POP_TOP', 'PUSH_NULL', 'COPY', 'SWAP', 'END_FOR', 'RESUME',
  'LOAD_CONST', 'RETURN_CONST', 'LOAD_FAST', 'LOAD_FAST_CHECK', 'LOAD_FAST_BORROW', 'STORE_FAST', 'DELETE_FAST',
  'LOAD_NAME', 'STORE_NAME', 'DELETE_NAME', 'LOAD_GLOBAL', 'STORE_GLOBAL', 'DELETE_GLOBAL', 'LOAD_DEREF',
  'STORE_DEREF', 'DELETE_DEREF', 'LOAD_CLASSDEREF', 'MAKE_CELL', 'LOAD_CLOSURE', 'COPY_FREE_VARS',
  'LOAD_ATTR', 'LOAD_METHOD', 'STORE_ATTR', 'DELETE_ATTR', 'LOAD_SUPER_ATTR',
  'BINARY_OP', 'UNARY_NEGATIVE', 'UNARY_POSITIVE', 'UNARY_NOT', 'UNARY_INVERT', 'COMPARE_OP', 'IS_OP', 'CONTAINS_OP',
  'BINARY_SUBSCR', 'STORE_SUBSCR', 'DELETE_SUBSCR', 'BUILD_SLICE',
  'BUILD_TUPLE', 'BUILD_LIST', 'BUILD_SET', 'BUILD_MAP', 'BUILD_CONST_KEY_MAP', 'BUILD_STRING', 'LIST_APPEND',
  'SET_ADD', 'MAP_ADD', 'LIST_EXTEND', 'SET_UPDATE', 'DICT_UPDATE', 'DICT_MERGE', 'LIST_TO_TUPLE', 'FORMAT_VALUE',
  'UNPACK_SEQUENCE', 'UNPACK_EX',
  'JUMP_FORWARD', 'JUMP_BACKWARD', 'POP_JUMP_IF_FALSE', 'POP_JUMP_IF_TRUE', 'POP_JUMP_IF_NONE',
  'POP_JUMP_IF_NOT_NONE', 'JUMP_IF_FALSE_OR_POP', 'JUMP_IF_TRUE_OR_POP',
  'GET_ITER', 'FOR_ITER',
  'KW_NAMES', 'CALL', 'CALL_FUNCTION_EX', 'MAKE_FUNCTION', 'RETURN_VALUE',
  'IMPORT_NAME', 'IMPORT_FROM', 'IMPORT_STAR',
  'RAISE_VARARGS', 'RERAISE', 'PUSH_EXC_INFO', 'POP_EXCEPT', 'CHECK_EXC_MATCH', 'BEFORE_WITH', 'WITH_EXCEPT_START',
  'LOAD_ASSERTION_ERROR',
  'LOAD_BUILD_CLASS', 'SETUP_ANNOTATIONS', 'LOAD_LOCALS',
  'RETURN_GENERATOR', 'YIELD_VALUE', 'SEND', 'GET_YIELD_FROM_ITER', 'END_SEND', 'CLEANUP_THROW',
  'PRINT_EXPR', 'PRINT_ITEM', 'PRINT_NEWLINE', 'CALL_INTRINSIC_1',
]

/** BINARY_OP opargs (NB_* in CPython). */
export const enum NB {
  ADD,
  AND,
  FLOOR_DIVIDE,
  LSHIFT,
  MATRIX_MULTIPLY,
  MULTIPLY,
  REMAINDER,
  OR,
  POWER,
  RSHIFT,
  SUBTRACT,
  TRUE_DIVIDE,
  XOR,
  INPLACE_ADD,
  INPLACE_AND,
  INPLACE_FLOOR_DIVIDE,
  INPLACE_LSHIFT,
  INPLACE_MATRIX_MULTIPLY,
  INPLACE_MULTIPLY,
  INPLACE_REMAINDER,
  INPLACE_OR,
  INPLACE_POWER,
  INPLACE_RSHIFT,
  INPLACE_SUBTRACT,
  INPLACE_TRUE_DIVIDE,
  INPLACE_XOR,
}

/** MAKE_FUNCTION flags. */
export const MF_DEFAULTS = 0x01
export const MF_KWDEFAULTS = 0x02
export const MF_ANNOTATIONS = 0x04
export const MF_CLOSURE = 0x08

/** FORMAT_VALUE flags. */
export const FVC_MASK = 0x3
export const FVC_NONE = 0x0
export const FVC_STR = 0x1
export const FVC_REPR = 0x2
export const FVC_ASCII = 0x3
export const FVS_HAVE_SPEC = 0x4

/** CALL_INTRINSIC_1 operands. */
export const enum Intrinsic {
  UNARY_POSITIVE,
  LIST_TO_TUPLE,
  STOPITERATION_ERROR,
}

/** Exception-table entry: instructions in [start, end) jump to `target` with the stack cut to `depth`. */
export interface ExceptionTableEntry {
  readonly start: number
  readonly end: number
  readonly target: number
  readonly depth: number
  /** Push the offset of the raising instruction before the exception (for RERAISE in cleanup handlers). */
  readonly lasti: boolean
}

/** Where an instruction comes from in the source (for tracebacks and carets). Columns are 0-based UTF-8 offsets. */
export interface Position {
  readonly lineno: number
  readonly end_lineno: number
  readonly col_offset: number
  readonly end_col_offset: number
}

/** The compiled form of one code object (`co_code_adaptive`). */
export interface CodeUnit {
  /** Pairs (opcode, oparg). */
  readonly code: Int32Array
  /** One position per instruction (index = instruction number). */
  readonly positions: readonly Position[]
  readonly exceptionTable: readonly ExceptionTableEntry[]
  /** The constants, borrowed from `co_consts` (for fast LOAD_CONST). */
  consts: readonly import('@heap/core').PyObject[]
  /** `co_names` as JS strings and as the interned str objects (borrowed from `co_names`). */
  readonly names: readonly string[]
  nameObjects: readonly import('@heap/core').PyObject[]
  /** Fast locals, then cells (not also locals), then free variables. */
  readonly localsplusNames: readonly string[]
  readonly nlocals: number
  readonly ncells: number
  readonly nfree: number
  /** For each cell: the index of the argument it shadows, or -1. */
  readonly cell2arg: readonly number[]
  readonly stacksize: number
  /** Whether any LOAD_FAST_BORROW was emitted (3.14): the VM then tracks borrowed stack slots. */
  readonly hasBorrow: boolean
  /** NON-CPYTHON: an exited function frame of this code kept for the next call (no allocation per call). */
  spareFrame: import('../vm/frame.js').Frame | null
  /** 'always' frame-object profiles: whether the code object holds a zombie frame (`co_zombieframe`, counted only). */
  zombieFrame: boolean
  /** `co_code`: two bytes (opcode, low byte of the argument) per instruction. */
  bytes(): Uint8Array
}

/** The bytes `co_code` shows for a unit's instructions (heap's opcode numbers). */
export function codeUnitBytes(code: Int32Array): Uint8Array {
  const out = new Uint8Array(code.length)
  for (let i = 0; i < code.length; i++) out[i] = code[i]! & 0xff
  return out
}

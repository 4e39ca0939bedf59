/**
 * The compiler: AST → code objects, following CPython 3.11's code generation (the same instructions in the same
 * order, the same exception-table structure), with constants de-duplicated per compilation and the parser arena
 * modelled so constant refcounts come out as CPython's.
 * @cpython Python/compile.c
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  CO_GENERATOR,
  CO_NESTED,
  CO_NEWLOCALS,
  CO_NOFREE,
  CO_OPTIMIZED,
  CO_VARARGS,
  CO_VARKEYWORDS,
  PyCode_NewSteal,
  _PyBytes_FromOwned,
  type CodeStorage,
  PyTuple_FromArraySteal,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  PySlice_New,
  Py_DECREF,
  Py_INCREF,
  type PyCodeObject,
  type PyObject,
  type PyTupleObject,
  type Runtime,
} from '@heap/core'
import { kind, type Node } from './ast-access.js'
import { ConstantFactory, constKey } from './constants.js'
import { SyntaxErrorInfo } from './errors.js'
import type { WarnFn } from './index.js'
import { codeUnitBytes, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS, NB, Op, FVC_ASCII, FVC_REPR, FVC_STR, FVS_HAVE_SPEC, type CodeUnit, type ExceptionTableEntry, type Position } from './opcodes.js'
import { comprehensionName, mangleName, SymbolTable, type SymbolTableEntry } from './symtable.js'

/** Pseudo-instructions resolved by the assembler into the exception table. */
const SETUP_FINALLY = 1000
const SETUP_CLEANUP = 1001
const SETUP_WITH = 1002
const POP_BLOCK = 1003
/** An unconditional jump (resolved to JUMP_FORWARD or JUMP_BACKWARD). */
const JUMP = 1004
/** A jump that does not check the eval breaker (`JUMP_NO_INTERRUPT`). */
const JUMP_NO_INTERRUPT = 1005

class Label {
  index = -1
}

interface Instr {
  op: number
  arg: number
  target: Label | null
  pos: Position
}

type FBlockKind = 'WHILE_LOOP' | 'FOR_LOOP' | 'TRY_EXCEPT' | 'FINALLY_TRY' | 'FINALLY_END' | 'WITH' | 'HANDLER_CLEANUP' | 'POP_VALUE' | 'EXCEPTION_HANDLER'

interface FBlock {
  kind: FBlockKind
  block: Label
  exit: Label | null
  datum: any
}

const CMP: Record<string, number> = { Lt: 0, LtE: 1, Eq: 2, NotEq: 3, Gt: 4, GtE: 5 }
const BINOP: Record<string, number> = {
  Add: NB.ADD, BitAnd: NB.AND, FloorDiv: NB.FLOOR_DIVIDE, LShift: NB.LSHIFT, MatMult: NB.MATRIX_MULTIPLY, Mult: NB.MULTIPLY,
  Mod: NB.REMAINDER, BitOr: NB.OR, Pow: NB.POWER, RShift: NB.RSHIFT, Sub: NB.SUBTRACT, Div: NB.TRUE_DIVIDE, BitXor: NB.XOR,
}

/** The operator name of an AST operator field (the parser may give a string or a node). */
function opName(o: any): string {
  return typeof o === 'string' ? o : kind(o)
}

class Unit {
  readonly ste: SymbolTableEntry
  readonly name: string
  qualname: string
  readonly consts: PyObject[] = []
  readonly constIndex = new Map<string, number>()
  readonly names: string[] = []
  readonly nameIndex = new Map<string, number>()
  readonly varnames: string[] = []
  readonly cellvars: string[] = []
  readonly freevars: string[] = []
  readonly instrs: Instr[] = []
  /** Indexes into `instrs` where a statement's instructions start (≤3.10 line tables mark them). */
  readonly stmtStarts: number[] = []
  readonly fblocks: FBlock[] = []
  argcount = 0
  posonlyargcount = 0
  kwonlyargcount = 0
  firstlineno: number
  pos: Position
  /** Nesting level of compiler units (1 = module). */
  readonly nestlevel: number
  constructor(ste: SymbolTableEntry, name: string, firstlineno: number, nestlevel: number) {
    this.ste = ste
    this.name = name
    this.qualname = name
    this.firstlineno = firstlineno
    this.pos = { lineno: firstlineno, end_lineno: firstlineno, col_offset: -1, end_col_offset: -1 }
    this.nestlevel = nestlevel
  }
}

export type CompileMode = 'exec' | 'single' | 'eval'

export class Compiler {
  readonly rt: Runtime
  readonly filename: string
  readonly source: string
  readonly st: SymbolTable
  readonly consts: ConstantFactory
  readonly interactive: boolean
  private u!: Unit
  private readonly stack: Unit[] = []
  private readonly filenameObj: PyObject

  private readonly warnFn: WarnFn | undefined

  constructor(rt: Runtime, mod: Node, filename: string, source: string, mode: CompileMode, consts: ConstantFactory, warn?: WarnFn) {
    this.rt = rt
    this.warnFn = rt.profile.output.syntaxWarnings ? warn : undefined
    this.filename = filename
    this.source = source
    this.interactive = mode === 'single'
    this.consts = consts
    this.st = new SymbolTable(mod, filename, source, this.rt.profile.compiler.listCompInline)
    this.filenameObj = PyUnicode_FromString(rt, filename)
  }

  dispose(): void {
    Py_DECREF(this.filenameObj)
  }

  /** @cpython Python/compile.c#compiler_warn */
  private warn(node: Node, message: string): void {
    this.warnFn?.(node.lineno, message)
  }

  /** A node as code generation sees it: unfolded when constants are folded after it (3.14+). */
  private asGenerated(e: Node): Node {
    return this.rt.profile.compiler.constantFolding === 'cfg' && e._unfolded !== undefined ? e._unfolded : e
  }

  /** The type a literal-like expression certainly has, or null. @cpython Python/compile.c#infer_type */
  private inferType(e0: Node): string | null {
    const e = this.asGenerated(e0)
    switch (kind(e)) {
      case 'Tuple': return 'tuple'
      case 'List': case 'ListComp': return 'list'
      case 'Dict': case 'DictComp': return 'dict'
      case 'Set': case 'SetComp': return 'set'
      case 'GeneratorExp': return 'generator'
      case 'Lambda': return 'function'
      case 'JoinedStr': case 'FormattedValue': return 'str'
      case 'Constant': return this.consts.objectFor(e).ob_type.tp_name
      default: return null
    }
  }

  /** `x is 1`: identity with a literal other than None, True, False and `...`. @cpython Python/compile.c#check_compare */
  private checkCompare(e: Node): void {
    if (!this.warnFn) return
    const text = this.rt.profile.messages.isLiteralWarning
    if (text === null) return
    const isArg = (x: Node): boolean => {
      if (kind(this.asGenerated(x)) !== 'Constant') return true
      const o = this.consts.objectFor(x)
      return o === this.rt.None || o === this.rt.True || o === this.rt.False || o === this.rt.Ellipsis
    }
    let left = isArg(e.left)
    let leftExpr: Node = e.left
    for (let i = 0; i < e.ops.length; i++) {
      const op = opName(e.ops[i])
      const right = isArg(e.comparators[i])
      if ((op === 'Is' || op === 'IsNot') && (!left || !right)) {
        const literal = !left ? leftExpr : e.comparators[i]
        const isNot = op === 'IsNot'
        this.warn(e, text.replace('{op}', isNot ? 'is not' : 'is').replace('{eq}', isNot ? '!=' : '==').replace('{type}', this.inferType(literal) ?? 'object'))
        return
      }
      left = right
      leftExpr = e.comparators[i]
    }
  }

  /** `(1, 2)(3)`: calling something that cannot be callable. @cpython Python/compile.c#check_caller */
  private checkCaller(f: Node): void {
    if (!this.warnFn) return
    switch (kind(this.asGenerated(f))) {
      case 'Constant': case 'Tuple': case 'List': case 'ListComp': case 'Dict': case 'DictComp': case 'Set': case 'SetComp':
      case 'GeneratorExp': case 'JoinedStr': case 'FormattedValue':
        this.warn(f, `'${this.inferType(f)}' object is not callable; perhaps you missed a comma?`)
    }
  }

  /** `[1, 2][0, 1]` and `5[0]`. @cpython Python/compile.c#check_subscripter @cpython Python/compile.c#check_index */
  private checkSubscript(e: Node): void {
    if (!this.warnFn) return
    const v = e.value
    const k = kind(this.asGenerated(v))
    if (k === 'Constant') {
      const t = this.consts.objectFor(v).ob_type
      const types = this.rt.types as unknown as Record<string, unknown>
      if (t === types.int || t === types.float || t === types.complex || t === types.frozenset || t === types.set) {
        this.warn(e, `'${t.tp_name}' object is not subscriptable; perhaps you missed a comma?`)
        return
      }
    } else if (k === 'Set' || k === 'SetComp' || k === 'GeneratorExp' || k === 'Lambda') {
      this.warn(e, `'${this.inferType(v)}' object is not subscriptable; perhaps you missed a comma?`)
      return
    }
    const indexType = this.inferType(e.slice)
    if (indexType === null || indexType === 'int' || indexType === 'bool' || indexType === 'slice') return
    if (k === 'Constant') {
      const name = this.consts.objectFor(v).ob_type.tp_name
      if (name !== 'str' && name !== 'bytes' && name !== 'tuple') return
    } else if (k !== 'Tuple' && k !== 'List' && k !== 'ListComp' && k !== 'JoinedStr' && k !== 'FormattedValue') return
    this.warn(e, `${this.inferType(v)} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`)
  }

  error(msg: string, node: Node): SyntaxErrorInfo {
    const line = this.source.split('\n')[node.lineno - 1] ?? ''
    return new SyntaxErrorInfo('SyntaxError', msg, this.filename, node.lineno, node.col_offset + 1, line, node.end_lineno ?? null, node.end_col_offset !== undefined ? node.end_col_offset + 1 : null)
  }

  // --- units -------------------------------------------------------------------------------------------------

  private enterScope(name: string, node: Node, firstlineno: number): void {
    const ste = this.st.blocks.get(node)!
    const u = new Unit(ste, name, firstlineno, this.stack.length + 1)
    if (this.stack.length > 0) this.stack.push(this.u)
    else this.stack.push(null as unknown as Unit)
    this.u = u
    // Parameters first, in order, then the other locals in order of first definition.
    for (const v of ste.varnames) this.addVarname(v)
    const sorted = [...ste.scopes.entries()]
    for (const [n, sc] of sorted) {
      if (sc === 'CELL') u.cellvars.push(n)
      else if (sc === 'FREE') u.freevars.push(n)
    }
    if (ste.type === 'class' && ste.needsClassClosure) u.cellvars.push('__class__')
    u.cellvars.sort()
    u.freevars.sort()
    // Free variables also used by a class body for its own binding.
    if (ste.type === 'class') {
      for (const [n, f] of ste.flags) if (f & 32 && !u.freevars.includes(n)) u.freevars.push(n)
      u.freevars.sort()
    }
    if (ste.type === 'function') {
      for (const [n, sc] of sorted) if ((sc === 'LOCAL' || sc === 'CELL') && !u.varnames.includes(n)) this.addVarname(n)
    }
    this.computeQualname(u)
  }

  private exitScope(): void {
    const prev = this.stack.pop()!
    this.u = prev
  }

  private computeQualname(u: Unit): void {
    if (this.stack.length <= 1) return
    const parent = this.stack[this.stack.length - 1]
    if (!parent) return
    const pste = parent.ste
    if (pste.type === 'module') return
    const mangled = mangleName(this.className(), u.name)
    if (pste.type === 'class' || pste.scopes.get(mangled) !== 'GLOBAL_EXPLICIT') {
      if (pste.type === 'function') u.qualname = `${parent.qualname}.<locals>.${u.name}`
      else u.qualname = `${parent.qualname}.${u.name}`
    }
  }

  private className(): string | null {
    for (let e: SymbolTableEntry | null = this.u ? this.u.ste : null; e !== null; e = e.parent) if (e.type === 'class') return e.name
    return null
  }

  private addVarname(n: string): number {
    const i = this.u.varnames.indexOf(n)
    if (i >= 0) return i
    this.u.varnames.push(n)
    return this.u.varnames.length - 1
  }

  // --- emission ----------------------------------------------------------------------------------------------

  private setPos(n: Node): void {
    if (n && n.lineno !== undefined) {
      this.u.pos = { lineno: n.lineno, end_lineno: n.end_lineno ?? n.lineno, col_offset: n.col_offset ?? -1, end_col_offset: n.end_col_offset ?? -1 }
    }
  }

  private emit(op: number, arg = 0): void {
    this.u.instrs.push({ op, arg, target: null, pos: this.u.pos })
  }

  private emitJump(op: number, target: Label): void {
    this.u.instrs.push({ op, arg: 0, target, pos: this.u.pos })
  }

  private newLabel(): Label {
    return new Label()
  }

  private useLabel(l: Label): void {
    l.index = this.u.instrs.length
  }

  private addConst(o: PyObject): number {
    // `o` is borrowed; the unit keeps its own reference.
    const key = constKey(this.rt, o)
    const hit = this.u.constIndex.get(key)
    if (hit !== undefined) return hit
    Py_INCREF(o)
    this.u.consts.push(o)
    this.u.constIndex.set(key, this.u.consts.length - 1)
    return this.u.consts.length - 1
  }

  /**
   * 3.14+: a slice whose bounds are all constants (or absent) is loaded as one constant slice object.
   * @cpython Python/codegen.c#codegen_slice
   */
  private constantSlice(e: Node): boolean {
    const part = (x: Node): PyObject | null | undefined => (x === null || x === undefined ? null : kind(x) === 'Constant' ? this.consts.objectFor(x) : undefined)
    const lower = part(e.lower)
    const upper = part(e.upper)
    const step = part(e.step)
    if (lower === undefined || upper === undefined || step === undefined) return false
    const slice = PySlice_New(this.rt, lower, upper, step)
    this.setPos(e)
    this.loadConst(slice)
    Py_DECREF(slice)
    return true
  }

  private loadConst(o: PyObject): void {
    this.emit(Op.LOAD_CONST, this.addConst(o))
  }

  private loadNone(): void {
    this.loadConst(this.rt.None)
  }

  private addName(n: string): number {
    const m = mangleName(this.className(), n)
    const hit = this.u.nameIndex.get(m)
    if (hit !== undefined) return hit
    this.u.names.push(m)
    this.u.nameIndex.set(m, this.u.names.length - 1)
    return this.u.names.length - 1
  }

  // --- entry points ------------------------------------------------------------------------------------------

  compileModule(mod: Node, mode: CompileMode): PyCodeObject {
    this.enterScope('<module>', mod, 1)
    if (mode === 'eval') {
      this.visitExpr(mod.body)
      this.emit(Op.RETURN_VALUE)
    } else {
      const body: Node[] = mod.body
      this.setPos({ lineno: 1, end_lineno: 1, col_offset: 0, end_col_offset: 0 })
      this.emit(Op.RESUME, 0)
      let start = 0
      if (mode === 'exec' && body.length > 0 && isDocstring(body[0])) {
        this.setPos(body[0])
        this.visitExpr(body[0].value)
        this.emit(Op.STORE_NAME, this.addName('__doc__'))
        start = 1
      }
      if (body.some((s) => kind(s) === 'AnnAssign' && s.simple)) this.emit(Op.SETUP_ANNOTATIONS)
      for (let i = start; i < body.length; i++) this.visitStmt(body[i])
      this.emit(Op.RETURN_CONST, this.addConst(this.rt.None))
    }
    const co = this.assemble(true)
    this.exitScope()
    return co
  }

  // --- statements --------------------------------------------------------------------------------------------

  private visitStmts(body: Node[]): void {
    for (const s of body) this.visitStmt(s)
  }

  private visitStmt(s: Node): void {
    this.setPos(s)
    this.u.stmtStarts.push(this.u.instrs.length)
    switch (kind(s)) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        return this.compileFunction(s)
      case 'ClassDef':
        return this.compileClass(s)
      case 'Return':
        return this.compileReturn(s)
      case 'Delete':
        for (const t of s.targets) this.visitExpr(t)
        return
      case 'Assign': {
        const n = s.targets.length
        this.visitExpr(s.value)
        for (let i = 0; i < n; i++) {
          if (i < n - 1) this.emit(Op.COPY, 1)
          this.visitExpr(s.targets[i])
        }
        return
      }
      case 'AugAssign':
        return this.compileAugAssign(s)
      case 'AnnAssign':
        return this.compileAnnAssign(s)
      case 'For':
        return this.compileFor(s)
      case 'While':
        return this.compileWhile(s)
      case 'If':
        return this.compileIf(s)
      case 'With':
        return this.compileWith(s, 0)
      case 'Raise': {
        let n = 0
        if (s.exc) {
          this.visitExpr(s.exc)
          n++
          if (s.cause) {
            this.visitExpr(s.cause)
            n++
          }
        }
        this.setPos(s)
        this.emit(Op.RAISE_VARARGS, n)
        return
      }
      case 'Try':
        if (s.finalbody.length > 0) return this.compileTryFinally(s)
        return this.compileTryExcept(s)
      case 'Print':
        return this.compilePrint(s)
      case 'Assert':
        return this.compileAssert(s)
      case 'Import':
        return this.compileImport(s)
      case 'ImportFrom':
        return this.compileImportFrom(s)
      case 'Global':
      case 'Nonlocal':
        return
      case 'Expr': {
        const v = s.value
        if (this.interactive && this.u.nestlevel <= 1) {
          this.visitExpr(v)
          this.setPos(s)
          this.emit(Op.PRINT_EXPR)
          return
        }
        if (kind(v) === 'Constant') {
          // A constant statement is dropped (docstrings handled elsewhere).
          return
        }
        this.visitExpr(v)
        this.setPos(s)
        this.emit(Op.POP_TOP)
        return
      }
      case 'Pass':
        this.emit(Op.NOP)
        return
      case 'Break':
        return this.compileBreak(s)
      case 'Continue':
        return this.compileContinue(s)
      default:
        throw this.error(`unsupported statement ${kind(s)}`, s)
    }
  }

  private compileDecorators(decorators: Node[]): void {
    for (const d of decorators) this.visitExpr(d)
  }

  private applyDecorators(decorators: Node[]): void {
    for (let i = decorators.length - 1; i >= 0; i--) {
      this.setPos(decorators[i])
      this.emit(Op.CALL, 0)
    }
  }

  /** Defaults tuple and keyword-only defaults dict; returns MAKE_FUNCTION flags. */
  private compileDefaults(args: Node): number {
    let flags = 0
    if (args.defaults.length > 0) {
      for (const d of args.defaults) this.visitExpr(d)
      this.emit(Op.BUILD_TUPLE, args.defaults.length)
      flags |= MF_DEFAULTS
    }
    const kwNames: PyObject[] = []
    for (let i = 0; i < args.kwonlyargs.length; i++) {
      const d = args.kw_defaults[i]
      if (d === null || d === undefined) continue
      const name = mangleName(this.className(), args.kwonlyargs[i].arg)
      kwNames.push(PyUnicode_InternFromString(this.rt, name))
      this.visitExpr(d)
    }
    if (kwNames.length > 0) {
      const keys = PyTuple_FromArraySteal(this.rt, kwNames)
      this.loadConst(keys)
      Py_DECREF(keys)
      this.emit(Op.BUILD_CONST_KEY_MAP, kwNames.length)
      flags |= MF_KWDEFAULTS
    }
    return flags
  }

  private compileFunction(s: Node): void {
    const decorators: Node[] = s.decorator_list
    this.compileDecorators(decorators)
    const firstlineno = decorators.length > 0 ? decorators[0].lineno : s.lineno
    this.setPos(s)
    const flags = this.compileDefaults(s.args)
    this.enterScope(s.name, s, firstlineno)
    const body: Node[] = s.body
    // The first constant is the docstring, or None.
    if (body.length > 0 && isDocstring(body[0])) this.addConst(this.consts.objectFor(body[0].value))
    else this.addConst(this.rt.None)
    this.setArgcounts(s.args)
    this.prologue(s)
    const start = body.length > 0 && isDocstring(body[0]) ? 1 : 0
    for (let i = start; i < body.length; i++) this.visitStmt(body[i])
    this.implicitReturn(body)
    const co = this.assemble(false)
    const qualname = this.u.qualname
    void qualname
    this.exitScope()
    this.makeClosure(co, flags)
    Py_DECREF(co)
    this.applyDecorators(decorators)
    this.setPos(s)
    this.storeName(s.name)
  }

  private setArgcounts(args: Node): void {
    this.u.argcount = args.posonlyargs.length + args.args.length
    this.u.posonlyargcount = args.posonlyargs.length
    this.u.kwonlyargcount = args.kwonlyargs.length
  }

  /** MAKE_CELL / COPY_FREE_VARS / RETURN_GENERATOR / RESUME, as 3.11 emits them. */
  private prologue(node: Node): void {
    const u = this.u
    this.setPos({ lineno: u.firstlineno, end_lineno: u.firstlineno, col_offset: -1, end_col_offset: -1 })
    for (const c of u.cellvars) this.emit(Op.MAKE_CELL, this.cellIndex(c))
    if (u.freevars.length > 0) this.emit(Op.COPY_FREE_VARS, u.freevars.length)
    if (u.ste.isGenerator) {
      this.emit(Op.RETURN_GENERATOR)
      this.emit(Op.POP_TOP)
    }
    this.emit(Op.RESUME, 0)
    this.setPos(node)
  }

  private implicitReturn(body: Node[]): void {
    const last = body[body.length - 1]
    if (last && kind(last) === 'Return') return
    this.setPos({ lineno: last ? (last.end_lineno ?? last.lineno) : this.u.firstlineno, end_lineno: last ? (last.end_lineno ?? last.lineno) : this.u.firstlineno, col_offset: -1, end_col_offset: -1 })
    this.emit(Op.RETURN_CONST, this.addConst(this.rt.None))
  }

  /** Index in localsplus of a cell variable (cells shadowing arguments reuse the argument's slot). */
  private cellIndex(name: string): number {
    const u = this.u
    const vi = u.varnames.indexOf(name)
    if (vi >= 0) return vi
    let extra = 0
    for (const c of u.cellvars) {
      if (c === name) return u.varnames.length + extra
      if (!u.varnames.includes(c)) extra++
    }
    throw new Error(`no cell ${name}`)
  }

  private freeIndex(name: string): number {
    const u = this.u
    const ncellsOnly = u.cellvars.filter((c) => !u.varnames.includes(c)).length
    return u.varnames.length + ncellsOnly + u.freevars.indexOf(name)
  }

  /** Loads the closure cells a nested code object needs, then MAKE_FUNCTION. */
  private makeClosure(co: PyCodeObject, flags: number): void {
    const frees = co.freevarList
    if (frees.length > 0) {
      for (const name of frees) {
        // A free variable of the child is a cell or a free variable here.
        const sc = this.u.ste.scopes.get(name)
        const isCellHere = this.u.cellvars.includes(name) && (sc === 'CELL' || name === '__class__')
        const idx = isCellHere ? this.cellIndex(name) : this.freeIndex(name)
        this.emit(Op.LOAD_CLOSURE, idx)
      }
      this.emit(Op.BUILD_TUPLE, frees.length)
      flags |= MF_CLOSURE
    }
    this.loadConst(co)
    this.emit(Op.MAKE_FUNCTION, flags)
  }

  private compileClass(s: Node): void {
    const decorators: Node[] = s.decorator_list
    this.compileDecorators(decorators)
    const firstlineno = decorators.length > 0 ? decorators[0].lineno : s.lineno
    this.enterScope(s.name, s, firstlineno)
    const u = this.u
    this.prologue(s)
    this.setPos(s)
    // __module__ = __name__; __qualname__ = '<qualname>'
    this.emit(Op.LOAD_NAME, this.addName('__name__'))
    this.emit(Op.STORE_NAME, this.addName('__module__'))
    const q = PyUnicode_FromString(this.rt, u.qualname)
    this.loadConst(q)
    Py_DECREF(q)
    this.emit(Op.STORE_NAME, this.addName('__qualname__'))
    const body: Node[] = s.body
    let start = 0
    if (body.length > 0 && isDocstring(body[0])) {
      this.setPos(body[0])
      this.visitExpr(body[0].value)
      this.emit(Op.STORE_NAME, this.addName('__doc__'))
      start = 1
    }
    if (body.some((x) => kind(x) === 'AnnAssign' && x.simple)) this.emit(Op.SETUP_ANNOTATIONS)
    for (let i = start; i < body.length; i++) this.visitStmt(body[i])
    if (u.ste.needsClassClosure) {
      this.emit(Op.LOAD_CLOSURE, this.cellIndex('__class__'))
      this.emit(Op.COPY, 1)
      this.emit(Op.STORE_NAME, this.addName('__classcell__'))
      this.emit(Op.RETURN_VALUE)
    } else this.emit(Op.RETURN_CONST, this.addConst(this.rt.None))
    const co = this.assemble(false)
    this.exitScope()
    this.setPos(s)
    this.emit(Op.PUSH_NULL)
    this.emit(Op.LOAD_BUILD_CLASS)
    this.makeClosure(co, 0)
    Py_DECREF(co)
    const name = PyUnicode_InternFromString(this.rt, s.name)
    this.loadConst(name)
    Py_DECREF(name)
    this.compileCallHelper(2, s.bases, s.keywords)
    this.applyDecorators(decorators)
    this.setPos(s)
    this.storeName(s.name)
  }

  private compileReturn(s: Node): void {
    const preserve = s.value !== null && s.value !== undefined
    if (preserve) {
      if (kind(s.value) === 'Constant' && !this.hasUnwindingBlocks()) {
        this.setPos(s)
        this.emit(Op.RETURN_CONST, this.addConst(this.consts.objectFor(s.value)))
        return
      }
      this.visitExpr(s.value)
    }
    this.unwindFblockStack(preserve, false)
    this.setPos(s)
    if (!preserve) this.emit(Op.RETURN_CONST, this.addConst(this.rt.None))
    else this.emit(Op.RETURN_VALUE)
  }

  private hasUnwindingBlocks(): boolean {
    return this.u.fblocks.some((b) => b.kind !== 'WHILE_LOOP')
  }

  private compileBreak(s: Node): void {
    const loop = this.unwindToLoop(s, true)
    this.emitJump(JUMP, loop.exit!)
  }

  private compileContinue(s: Node): void {
    const loop = this.unwindToLoop(s, false)
    this.emitJump(JUMP, loop.block)
  }

  private unwindToLoop(s: Node, isBreak: boolean): FBlock {
    const blocks = this.u.fblocks
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i]!
      if (b.kind === 'WHILE_LOOP' || b.kind === 'FOR_LOOP') {
        // Unwind the blocks inside the loop.
        const saved = blocks.splice(i + 1)
        for (let j = saved.length - 1; j >= 0; j--) this.unwindFblock(saved[j]!, false)
        blocks.push(...saved)
        if (isBreak && b.kind === 'FOR_LOOP') {
          this.unwindFblock(b, false)
        }
        this.setPos(s)
        return b
      }
    }
    throw this.error(isBreak ? "'break' outside loop" : "'continue' not properly in loop", s)
  }

  /** Emits the code that leaving `b` early needs (for break/continue/return). @cpython Python/compile.c#compiler_unwind_fblock */
  private unwindFblock(b: FBlock, preserveTos: boolean): void {
    switch (b.kind) {
      case 'WHILE_LOOP':
      case 'EXCEPTION_HANDLER':
        return
      case 'FOR_LOOP':
        if (preserveTos) this.emit(Op.SWAP, 2)
        this.emit(Op.POP_TOP)
        return
      case 'TRY_EXCEPT':
        this.emit(POP_BLOCK)
        return
      case 'FINALLY_TRY':
        this.emit(POP_BLOCK)
        if (preserveTos) {
          // The finally body runs with the value kept on the stack.
          this.u.fblocks.push({ kind: 'POP_VALUE', block: this.newLabel(), exit: null, datum: null })
        }
        {
          const saved = this.u.fblocks.pop()
          const fb = this.u.fblocks
          // Compile the finally body once more inline, outside this block.
          const idx = fb.indexOf(b)
          const rest = idx >= 0 ? fb.splice(idx) : []
          if (preserveTos && saved && saved.kind === 'POP_VALUE') fb.push(saved)
          this.visitStmts(b.datum)
          if (preserveTos && saved && saved.kind === 'POP_VALUE') fb.pop()
          fb.push(...rest)
          if (saved && saved.kind !== 'POP_VALUE') fb.push(saved)
        }
        return
      case 'FINALLY_END':
        if (preserveTos) this.emit(Op.SWAP, 2)
        this.emit(Op.POP_TOP) // exc_value
        if (preserveTos) this.emit(Op.SWAP, 2)
        this.emit(POP_BLOCK)
        this.emit(Op.POP_EXCEPT)
        return
      case 'WITH':
        this.emit(POP_BLOCK)
        if (preserveTos) this.emit(Op.SWAP, 2)
        this.callExitWithNones()
        this.emit(Op.POP_TOP)
        return
      case 'HANDLER_CLEANUP':
        if (b.datum) this.emit(POP_BLOCK)
        if (preserveTos) this.emit(Op.SWAP, 2)
        this.emit(POP_BLOCK)
        this.emit(Op.POP_EXCEPT)
        if (b.datum) {
          this.loadNone()
          this.storeName(b.datum)
          this.deleteName(b.datum)
        }
        return
      case 'POP_VALUE':
        if (preserveTos) this.emit(Op.SWAP, 2)
        this.emit(Op.POP_TOP)
        return
    }
  }

  private unwindFblockStack(preserveTos: boolean, _loop: boolean): void {
    const blocks = this.u.fblocks
    const copy = blocks.slice()
    for (let i = copy.length - 1; i >= 0; i--) {
      const b = copy[i]!
      // Each block is unwound with the blocks inside it removed.
      const saved = blocks.splice(i)
      this.unwindFblock(b, preserveTos)
      blocks.push(...saved)
    }
  }

  private callExitWithNones(): void {
    this.loadNone()
    this.loadNone()
    this.loadNone()
    this.emit(Op.CALL, 2)
  }

  private compileAugAssign(s: Node): void {
    const t = s.target
    const op = BINOP[opName(s.op)]! + NB.INPLACE_ADD
    switch (kind(t)) {
      case 'Attribute':
        this.visitExpr(t.value)
        this.emit(Op.COPY, 1)
        this.setPos(t)
        this.emit(Op.LOAD_ATTR, this.addName(t.attr))
        this.visitExpr(s.value)
        this.setPos(s)
        this.emit(Op.BINARY_OP, op)
        this.setPos(t)
        this.emit(Op.SWAP, 2)
        this.emit(Op.STORE_ATTR, this.addName(t.attr))
        return
      case 'Subscript':
        this.visitExpr(t.value)
        this.visitExpr(t.slice)
        this.emit(Op.COPY, 2)
        this.emit(Op.COPY, 2)
        this.setPos(t)
        this.emit(Op.BINARY_SUBSCR)
        this.visitExpr(s.value)
        this.setPos(s)
        this.emit(Op.BINARY_OP, op)
        this.setPos(t)
        this.emit(Op.SWAP, 3)
        this.emit(Op.SWAP, 2)
        this.emit(Op.STORE_SUBSCR)
        return
      case 'Name':
        this.loadName(t.id, t)
        this.visitExpr(s.value)
        this.setPos(s)
        this.emit(Op.BINARY_OP, op)
        this.setPos(t)
        this.storeName(t.id)
        return
      default:
        throw this.error(`illegal expression for augmented assignment`, s)
    }
  }

  private compileAnnAssign(s: Node): void {
    if (s.value) {
      this.visitExpr(s.value)
      this.visitExpr(s.target)
    }
    if (kind(s.target) === 'Name' && s.simple && (this.u.ste.type === 'module' || this.u.ste.type === 'class')) {
      this.visitExpr(s.annotation)
      this.emit(Op.LOAD_NAME, this.addName('__annotations__'))
      const k = PyUnicode_InternFromString(this.rt, mangleName(this.className(), s.target.id))
      this.loadConst(k)
      Py_DECREF(k)
      this.emit(Op.STORE_SUBSCR)
    }
  }

  private compileFor(s: Node): void {
    const start = this.newLabel()
    const body = this.newLabel()
    const cleanup = this.newLabel()
    const end = this.newLabel()
    // @cpython Python/compile.c#compiler_for: GET_ITER and FOR_ITER are at the statement, or (3.13+) the iterable
    const iterAt = this.rt.profile.compiler.forIter === 'iter' ? s.iter : s
    this.visitExpr(s.iter)
    this.setPos(iterAt)
    this.emit(Op.GET_ITER)
    this.useLabel(start)
    this.u.fblocks.push({ kind: 'FOR_LOOP', block: start, exit: end, datum: null })
    this.setPos(iterAt)
    this.emitJump(Op.FOR_ITER, cleanup)
    this.useLabel(body)
    this.visitExpr(s.target)
    this.visitStmts(s.body)
    this.setPos({ lineno: s.lineno, end_lineno: s.lineno, col_offset: s.col_offset, end_col_offset: s.col_offset })
    this.emitJump(JUMP, start)
    this.u.fblocks.pop()
    this.useLabel(cleanup)
    this.emit(Op.END_FOR)
    this.visitStmts(s.orelse)
    this.useLabel(end)
  }

  private compileWhile(s: Node): void {
    const loop = this.newLabel()
    const body = this.newLabel()
    const anchor = this.newLabel()
    const exit = this.newLabel()
    this.useLabel(loop)
    this.u.fblocks.push({ kind: 'WHILE_LOOP', block: loop, exit, datum: null })
    this.jumpIf(s.test, anchor, false)
    this.useLabel(body)
    this.visitStmts(s.body)
    const at = this.rt.profile.compiler.whileJump
    if (at === 'test' || (at === 'statement-if-constant' && kind(s.test) !== 'Constant')) this.setPos(s.test)
    else if (at === 'statement-if-constant') this.setPos(s)
    this.emitJump(JUMP, loop)
    this.u.fblocks.pop()
    this.useLabel(anchor)
    this.visitStmts(s.orelse)
    this.useLabel(exit)
  }

  private compileIf(s: Node): void {
    const end = this.newLabel()
    const next = s.orelse.length > 0 ? this.newLabel() : end
    this.jumpIf(s.test, next, false)
    this.visitStmts(s.body)
    if (s.orelse.length > 0) {
      this.emitJump(JUMP_NO_INTERRUPT, end)
      this.useLabel(next)
      this.visitStmts(s.orelse)
    }
    this.useLabel(end)
  }

  /** Jumps to `target` when `test` has truth value `cond` (with short-circuit and comparison chains). */
  private jumpIf(test: Node, target: Label, cond: boolean): void {
    switch (kind(test)) {
      case 'UnaryOp':
        if (opName(test.op) === 'Not') return this.jumpIf(test.operand, target, !cond)
        break
      case 'BoolOp': {
        const isOr = opName(test.op) === 'Or'
        const next2 = cond === isOr ? target : this.newLabel()
        const values: Node[] = test.values
        for (let i = 0; i < values.length - 1; i++) this.jumpIf(values[i], next2, isOr)
        this.jumpIf(values[values.length - 1], target, cond)
        if (next2 !== target) this.useLabel(next2)
        return
      }
      case 'IfExp': {
        const end = this.newLabel()
        const next2 = this.newLabel()
        this.jumpIf(test.test, next2, false)
        this.jumpIf(test.body, target, cond)
        this.emitJump(JUMP_NO_INTERRUPT, end)
        this.useLabel(next2)
        this.jumpIf(test.orelse, target, cond)
        this.useLabel(end)
        return
      }
      case 'Compare': {
        const n = test.ops.length - 1
        if (n > 0) {
          this.checkCompare(test)
          const cleanup = this.newLabel()
          this.visitExpr(test.left)
          for (let i = 0; i < n; i++) {
            this.visitExpr(test.comparators[i])
            this.emit(Op.SWAP, 2)
            this.emit(Op.COPY, 2)
            this.setPos(test)
            this.addCompare(test.ops[i])
            this.emitJump(Op.POP_JUMP_IF_FALSE, cleanup)
          }
          this.visitExpr(test.comparators[n])
          this.setPos(test)
          this.addCompare(test.ops[n])
          this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target)
          const end = this.newLabel()
          this.emitJump(JUMP_NO_INTERRUPT, end)
          this.useLabel(cleanup)
          this.emit(Op.POP_TOP)
          if (!cond) this.emitJump(JUMP_NO_INTERRUPT, target)
          this.useLabel(end)
          return
        }
        break
      }
    }
    this.visitExpr(test)
    this.setPos(test)
    this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target)
  }

  private compileWith(s: Node, pos: number): void {
    const item = s.items[pos]
    const block = this.newLabel()
    const final = this.newLabel()
    const exit = this.newLabel()
    const cleanup = this.newLabel()
    this.visitExpr(item.context_expr)
    this.setPos(s)
    this.emit(Op.BEFORE_WITH)
    this.emitJump(SETUP_WITH, final)
    this.useLabel(block)
    this.u.fblocks.push({ kind: 'WITH', block, exit: final, datum: s })
    if (item.optional_vars) this.visitExpr(item.optional_vars)
    else this.emit(Op.POP_TOP)
    if (pos + 1 === s.items.length) this.visitStmts(s.body)
    else this.compileWith(s, pos + 1)
    this.u.fblocks.pop()
    this.emit(POP_BLOCK)
    this.setPos(s)
    this.callExitWithNones()
    this.emit(Op.POP_TOP)
    this.emitJump(JUMP, exit)
    this.useLabel(final)
    this.emitJump(SETUP_CLEANUP, cleanup)
    this.emit(Op.PUSH_EXC_INFO)
    this.emit(Op.WITH_EXCEPT_START)
    this.withExceptFinish(cleanup)
    this.useLabel(exit)
  }

  private withExceptFinish(cleanup: Label): void {
    const exit = this.newLabel()
    this.emitJump(Op.POP_JUMP_IF_TRUE, exit)
    this.emit(Op.RERAISE, 2)
    this.useLabel(exit)
    this.emit(Op.POP_TOP)
    this.emit(POP_BLOCK)
    this.emit(Op.POP_EXCEPT)
    this.emit(Op.POP_TOP)
    this.emit(Op.POP_TOP)
    const after = this.newLabel()
    this.emitJump(JUMP_NO_INTERRUPT, after)
    this.useLabel(cleanup)
    this.emit(Op.COPY, 3)
    this.emit(Op.POP_EXCEPT)
    this.emit(Op.RERAISE, 1)
    this.useLabel(after)
  }

  private compileTryExcept(s: Node): void {
    const body = this.newLabel()
    const except = this.newLabel()
    const orelse = this.newLabel()
    const end = this.newLabel()
    const cleanup = this.newLabel()
    this.emitJump(SETUP_FINALLY, except)
    this.useLabel(body)
    this.u.fblocks.push({ kind: 'TRY_EXCEPT', block: body, exit: null, datum: null })
    this.visitStmts(s.body)
    this.u.fblocks.pop()
    this.emit(POP_BLOCK)
    if (s.orelse.length > 0) this.emitJump(JUMP_NO_INTERRUPT, orelse)
    else this.emitJump(JUMP_NO_INTERRUPT, end)
    this.useLabel(except)
    this.emitJump(SETUP_CLEANUP, cleanup)
    this.emit(Op.PUSH_EXC_INFO)
    this.u.fblocks.push({ kind: 'EXCEPTION_HANDLER', block: except, exit: null, datum: null })
    const handlers: Node[] = s.handlers
    for (let i = 0; i < handlers.length; i++) {
      const h = handlers[i]
      this.setPos(h)
      if (!h.type && i < handlers.length - 1) throw this.error("default 'except:' must be last", h)
      const nextExcept = this.newLabel()
      if (h.type) {
        this.visitExpr(h.type)
        this.setPos(h)
        this.emit(Op.CHECK_EXC_MATCH)
        this.emitJump(Op.POP_JUMP_IF_FALSE, nextExcept)
      }
      if (h.name) {
        const cleanupEnd = this.newLabel()
        const cleanupBody = this.newLabel()
        this.storeName(h.name)
        // try: body finally: name = None; del name
        this.emitJump(SETUP_CLEANUP, cleanupEnd)
        this.useLabel(cleanupBody)
        this.u.fblocks.push({ kind: 'HANDLER_CLEANUP', block: cleanupBody, exit: null, datum: h.name })
        this.visitStmts(h.body)
        this.u.fblocks.pop()
        this.emit(POP_BLOCK)
        this.emit(POP_BLOCK)
        this.emit(Op.POP_EXCEPT)
        this.loadNone()
        this.storeName(h.name)
        this.deleteName(h.name)
        this.emitJump(JUMP, end)
        this.useLabel(cleanupEnd)
        this.loadNone()
        this.storeName(h.name)
        this.deleteName(h.name)
        this.emit(Op.RERAISE, 1)
      } else {
        const cleanupBody = this.newLabel()
        this.emit(Op.POP_TOP)
        this.useLabel(cleanupBody)
        this.u.fblocks.push({ kind: 'HANDLER_CLEANUP', block: cleanupBody, exit: null, datum: null })
        this.visitStmts(h.body)
        this.u.fblocks.pop()
        this.emit(POP_BLOCK)
        this.emit(Op.POP_EXCEPT)
        this.emitJump(JUMP, end)
      }
      this.useLabel(nextExcept)
    }
    this.u.fblocks.pop()
    this.setPos({ lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 })
    this.emit(Op.RERAISE, 0)
    this.useLabel(cleanup)
    this.emit(Op.COPY, 3)
    this.emit(Op.POP_EXCEPT)
    this.emit(Op.RERAISE, 1)
    this.useLabel(orelse)
    this.visitStmts(s.orelse)
    this.useLabel(end)
  }

  private compileTryFinally(s: Node): void {
    const body = this.newLabel()
    const end = this.newLabel()
    const exit = this.newLabel()
    const cleanup = this.newLabel()
    this.emitJump(SETUP_FINALLY, end)
    this.useLabel(body)
    this.u.fblocks.push({ kind: 'FINALLY_TRY', block: body, exit: end, datum: s.finalbody })
    if (s.handlers.length > 0) this.compileTryExcept({ ...s, finalbody: [] })
    else this.visitStmts(s.body)
    this.emit(POP_BLOCK)
    this.u.fblocks.pop()
    this.visitStmts(s.finalbody)
    this.emitJump(JUMP_NO_INTERRUPT, exit)
    this.useLabel(end)
    this.setPos({ lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 })
    this.emitJump(SETUP_CLEANUP, cleanup)
    this.emit(Op.PUSH_EXC_INFO)
    this.u.fblocks.push({ kind: 'FINALLY_END', block: end, exit: null, datum: null })
    this.visitStmts(s.finalbody)
    this.u.fblocks.pop()
    this.emit(Op.RERAISE, 0)
    this.useLabel(cleanup)
    this.emit(Op.COPY, 3)
    this.emit(Op.POP_EXCEPT)
    this.emit(Op.RERAISE, 1)
    this.useLabel(exit)
  }

  /**
   * Python 2's `print` statement: each value is printed as soon as it is evaluated; `>>dest` stays on the stack.
   * @cpython Python/compile.c (2.7)#compiler_print
   */
  private compilePrint(s: Node): void {
    const to = s.dest ? 1 : 0
    if (s.dest) this.visitExpr(s.dest)
    for (const v of s.values) {
      this.visitExpr(v)
      this.setPos(s)
      this.emit(Op.PRINT_ITEM, to)
    }
    this.setPos(s)
    if (s.nl) this.emit(Op.PRINT_NEWLINE, to)
    else if (to) this.emit(Op.POP_TOP)
  }

  private compileAssert(s: Node): void {
    if (kind(s.test) === 'Tuple' && s.test.elts.length > 0) this.warn(s, 'assertion is always true, perhaps remove parentheses?')
    const end = this.newLabel()
    this.jumpIf(s.test, end, true)
    this.setPos(s)
    this.emit(Op.LOAD_ASSERTION_ERROR)
    if (s.msg) {
      this.visitExpr(s.msg)
      this.setPos(s)
      this.emit(Op.CALL, 0)
    }
    const at = this.rt.profile.compiler.assertRaise
    if (at === 'test' || (at === 'compare-test' && kind(s.test) === 'Compare')) this.setPos(s.test)
    this.emit(Op.RAISE_VARARGS, 1)
    this.useLabel(end)
  }

  private compileImport(s: Node): void {
    for (const a of s.names) {
      this.setPos(s)
      this.loadConst(this.consts.smallInt(0))
      this.loadNone()
      this.emit(Op.IMPORT_NAME, this.addName(a.name))
      if (a.asname) {
        const parts = (a.name as string).split('.')
        for (let i = 1; i < parts.length; i++) {
          this.emit(Op.IMPORT_FROM, this.addName(parts[i]!))
          this.emit(Op.SWAP, 2)
          this.emit(Op.POP_TOP)
        }
        this.storeName(a.asname)
      } else {
        this.storeName((a.name as string).split('.')[0]!)
      }
    }
  }

  private compileImportFrom(s: Node): void {
    const names: PyObject[] = s.names.map((a: Node) => PyUnicode_InternFromString(this.rt, a.name))
    this.loadConst(this.consts.smallInt(s.level ?? 0))
    const tup = PyTuple_FromArraySteal(this.rt, names)
    this.loadConst(tup)
    Py_DECREF(tup)
    this.emit(Op.IMPORT_NAME, this.addName(s.module ?? ''))
    for (const a of s.names) {
      if (a.name === '*') {
        this.emit(Op.IMPORT_STAR)
        return
      }
      this.emit(Op.IMPORT_FROM, this.addName(a.name))
      this.storeName(a.asname ?? a.name)
    }
    this.emit(Op.POP_TOP)
  }

  // --- names -------------------------------------------------------------------------------------------------

  private nameOp(name: string, ctx: 'Load' | 'Store' | 'Del', node: Node | null): void {
    const u = this.u
    const mangled = mangleName(this.className(), name)
    const sc = u.ste.scopes.get(mangled)
    const opFor = (load: Op, store: Op, del: Op): Op => (ctx === 'Load' ? load : ctx === 'Store' ? store : del)
    if (sc === 'FREE' || sc === 'CELL' || (mangled === '__class__' && u.cellvars.includes('__class__'))) {
      const idx = sc === 'FREE' || !u.cellvars.includes(mangled) ? this.freeIndex(mangled) : this.cellIndex(mangled)
      if (ctx === 'Load' && u.ste.type === 'class') this.emit(Op.LOAD_CLASSDEREF, idx)
      else this.emit(opFor(Op.LOAD_DEREF, Op.STORE_DEREF, Op.DELETE_DEREF), idx)
      return
    }
    if (u.ste.type === 'function' && sc === 'LOCAL') {
      const idx = u.varnames.indexOf(mangled)
      if (ctx === 'Load') this.emit(this.fastLoadOp(node), idx)
      else this.emit(ctx === 'Store' ? Op.STORE_FAST : Op.DELETE_FAST, idx)
      return
    }
    if (sc === 'GLOBAL_EXPLICIT' || (sc === 'GLOBAL_IMPLICIT' && u.ste.type === 'function')) {
      const ni = this.addName(mangled)
      if (ctx === 'Load') this.emit(Op.LOAD_GLOBAL, ni << 1)
      else this.emit(ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, ni)
      return
    }
    const ni = this.addName(mangled)
    this.emit(opFor(Op.LOAD_NAME, Op.STORE_NAME, Op.DELETE_NAME), ni)
  }

  /** LOAD_FAST, or 3.14's LOAD_FAST_BORROW where the profile borrows. */
  private fastLoadOp(_node: Node | null): Op {
    return this.rt.profile.eval.borrowedFastLoads ? Op.LOAD_FAST_BORROW : Op.LOAD_FAST
  }

  private loadName(name: string, node: Node | null): void {
    this.nameOp(name, 'Load', node)
  }
  private storeName(name: string): void {
    this.nameOp(name, 'Store', null)
  }
  private deleteName(name: string): void {
    this.nameOp(name, 'Del', null)
  }

  // --- expressions -------------------------------------------------------------------------------------------

  private visitExpr(e: Node): void {
    this.setPos(e)
    switch (kind(e)) {
      case 'Constant':
        this.loadConst(this.consts.objectFor(e))
        return
      case 'Name':
        if (e.ctx === 'Load' || opName(e.ctx) === 'Load') this.loadName(e.id, e)
        else if (opName(e.ctx) === 'Store') this.storeName(e.id)
        else this.deleteName(e.id)
        return
      case 'NamedExpr':
        this.visitExpr(e.value)
        this.emit(Op.COPY, 1)
        this.setPos(e.target)
        this.storeName(e.target.id)
        return
      case 'BoolOp': {
        const end = this.newLabel()
        const isOr = opName(e.op) === 'Or'
        const values: Node[] = e.values
        for (let i = 0; i < values.length - 1; i++) {
          this.visitExpr(values[i])
          this.setPos(e)
          this.emitJump(isOr ? Op.JUMP_IF_TRUE_OR_POP : Op.JUMP_IF_FALSE_OR_POP, end)
        }
        this.visitExpr(values[values.length - 1])
        this.useLabel(end)
        return
      }
      case 'BinOp':
        this.visitExpr(e.left)
        this.visitExpr(e.right)
        this.setPos(e)
        this.emit(Op.BINARY_OP, BINOP[opName(e.op)]!)
        return
      case 'UnaryOp': {
        this.visitExpr(e.operand)
        this.setPos(e)
        const o = opName(e.op)
        this.emit(o === 'USub' ? Op.UNARY_NEGATIVE : o === 'UAdd' ? Op.UNARY_POSITIVE : o === 'Not' ? Op.UNARY_NOT : Op.UNARY_INVERT)
        return
      }
      case 'Lambda':
        return this.compileLambda(e)
      case 'IfExp': {
        const end = this.newLabel()
        const next = this.newLabel()
        this.jumpIf(e.test, next, false)
        this.visitExpr(e.body)
        this.emitJump(JUMP_NO_INTERRUPT, end)
        this.useLabel(next)
        this.visitExpr(e.orelse)
        this.useLabel(end)
        return
      }
      case 'Dict':
        return this.compileDict(e)
      case 'Set':
        return this.starredHelper(e.elts, Op.BUILD_SET, Op.SET_UPDATE, e)
      case 'List':
        if (opName(e.ctx) === 'Store') return this.assignSequence(e)
        if (opName(e.ctx) === 'Del') {
          for (const x of e.elts) this.visitExpr(x)
          return
        }
        return this.starredHelper(e.elts, Op.BUILD_LIST, Op.LIST_EXTEND, e)
      case 'Tuple':
        if (opName(e.ctx) === 'Store') return this.assignSequence(e)
        if (opName(e.ctx) === 'Del') {
          for (const x of e.elts) this.visitExpr(x)
          return
        }
        return this.starredHelper(e.elts, Op.BUILD_TUPLE, Op.LIST_EXTEND, e)
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return this.compileComprehension(e)
      case 'Yield':
        if (e.value) this.visitExpr(e.value)
        else this.loadNone()
        this.setPos(e)
        this.emit(Op.YIELD_VALUE)
        this.emit(Op.RESUME, 1)
        return
      case 'YieldFrom': {
        this.visitExpr(e.value)
        this.setPos(e)
        this.emit(Op.GET_YIELD_FROM_ITER)
        this.loadNone()
        this.yieldFrom()
        return
      }
      case 'Compare':
        return this.compileCompare(e)
      case 'Call':
        return this.compileCall(e)
      case 'FormattedValue':
        return this.compileFormattedValue(e)
      case 'JoinedStr': {
        const values: Node[] = e.values
        if (values.length === 1 && kind(values[0]) === 'FormattedValue') {
          this.visitExpr(values[0])
          return
        }
        for (const v of values) this.visitExpr(v)
        this.setPos(e)
        if (values.length !== 1) this.emit(Op.BUILD_STRING, values.length)
        return
      }
      case 'Attribute': {
        const ctx = opName(e.ctx)
        if (ctx === 'Load' && this.trySuperAttr(e)) return
        this.visitExpr(e.value)
        this.setPos(e)
        const ni = this.addName(e.attr)
        if (ctx === 'Load') this.emit(Op.LOAD_ATTR, ni)
        else if (ctx === 'Store') this.emit(Op.STORE_ATTR, ni)
        else this.emit(Op.DELETE_ATTR, ni)
        return
      }
      case 'Subscript': {
        const ctx = opName(e.ctx)
        if (ctx === 'Load') this.checkSubscript(e)
        this.visitExpr(e.value)
        this.visitExpr(e.slice)
        this.setPos(e)
        if (ctx === 'Load') this.emit(Op.BINARY_SUBSCR)
        else if (ctx === 'Store') this.emit(Op.STORE_SUBSCR)
        else this.emit(Op.DELETE_SUBSCR)
        return
      }
      case 'Starred':
        if (opName(e.ctx) === 'Store') throw this.error('starred assignment target must be in a list or tuple', e)
        throw this.error("can't use starred expression here", e)
      case 'Slice': {
        if (this.rt.profile.eval.constantSlices && this.constantSlice(e)) return
        let n = 2
        if (e.lower) this.visitExpr(e.lower)
        else this.loadNone()
        if (e.upper) this.visitExpr(e.upper)
        else this.loadNone()
        if (e.step) {
          this.visitExpr(e.step)
          n = 3
        }
        this.setPos(e)
        this.emit(Op.BUILD_SLICE, n)
        return
      }
      case 'Await':
        throw this.error("'await' outside async function", e)
      default:
        throw this.error(`unsupported expression ${kind(e)}`, e)
    }
  }

  private yieldFrom(): void {
    const send = this.newLabel()
    const fail = this.newLabel()
    const exit = this.newLabel()
    this.useLabel(send)
    this.emitJump(Op.SEND, exit)
    this.emitJump(SETUP_FINALLY, fail)
    this.emit(Op.YIELD_VALUE)
    this.emit(POP_BLOCK)
    this.emit(Op.RESUME, 2)
    this.emitJump(JUMP_NO_INTERRUPT, send)
    this.useLabel(fail)
    this.emit(Op.CLEANUP_THROW)
    this.useLabel(exit)
  }

  /** `super().attr` / `super().method(...)` stays a plain call of `super` (3.11 style). */
  private trySuperAttr(_e: Node): boolean {
    return false
  }

  private compileCompare(e: Node): void {
    this.checkCompare(e)
    const n = e.ops.length - 1
    this.visitExpr(e.left)
    if (n === 0) {
      this.visitExpr(e.comparators[0])
      this.setPos(e)
      this.addCompare(e.ops[0])
      return
    }
    const cleanup = this.newLabel()
    for (let i = 0; i < n; i++) {
      this.visitExpr(e.comparators[i])
      this.setPos(e)
      this.emit(Op.SWAP, 2)
      this.emit(Op.COPY, 2)
      this.addCompare(e.ops[i])
      this.emitJump(Op.JUMP_IF_FALSE_OR_POP, cleanup)
    }
    this.visitExpr(e.comparators[n])
    this.setPos(e)
    this.addCompare(e.ops[n])
    const end = this.newLabel()
    this.emitJump(JUMP_NO_INTERRUPT, end)
    this.useLabel(cleanup)
    this.emit(Op.SWAP, 2)
    this.emit(Op.POP_TOP)
    this.useLabel(end)
  }

  private addCompare(op: any): void {
    const o = opName(op)
    switch (o) {
      case 'Is':
        return this.emit(Op.IS_OP, 0)
      case 'IsNot':
        return this.emit(Op.IS_OP, 1)
      case 'In':
        return this.emit(Op.CONTAINS_OP, 0)
      case 'NotIn':
        return this.emit(Op.CONTAINS_OP, 1)
      default:
        return this.emit(Op.COMPARE_OP, CMP[o]!)
    }
  }

  private compileCall(e: Node): void {
    this.checkCaller(e.func)
    // Method calls: LOAD_METHOD + CALL.
    const f = e.func
    if (kind(f) === 'Attribute' && opName(f.ctx) === 'Load' && !e.args.some((a: Node) => kind(a) === 'Starred') && !e.keywords.some((k: Node) => !k.arg)) {
      this.visitExpr(f.value)
      this.setPos(f)
      this.emit(Op.LOAD_METHOD, this.addName(f.attr))
      this.compileCallHelper(0, e.args, e.keywords, e)
      return
    }
    this.emit(Op.PUSH_NULL)
    this.visitExpr(f)
    this.compileCallHelper(0, e.args, e.keywords, e)
  }

  /** Arguments and the CALL (or CALL_FUNCTION_EX for starred/double-starred arguments). */
  private compileCallHelper(n: number, args: Node[], keywords: Node[], call?: Node): void {
    const hasStar = args.some((a) => kind(a) === 'Starred') || keywords.some((k) => !k.arg)
    if (!hasStar) {
      for (const a of args) this.visitExpr(a)
      const names: PyObject[] = []
      for (const k of keywords) {
        this.visitExpr(k.value)
        names.push(PyUnicode_InternFromString(this.rt, k.arg))
      }
      if (call) this.setPos(call)
      if (names.length > 0) {
        const t = PyTuple_FromArraySteal(this.rt, names)
        this.emit(Op.KW_NAMES, this.addConst(t))
        Py_DECREF(t)
      }
      this.emit(Op.CALL, n + args.length + keywords.length)
      return
    }
    // *args: build a list of positional arguments, then a tuple.
    const pre = n
    if (pre > 0) {
      // Values already on the stack become the first items.
      this.emit(Op.BUILD_LIST, pre)
    } else this.emit(Op.BUILD_LIST, 0)
    for (const a of args) {
      if (kind(a) === 'Starred') {
        this.visitExpr(a.value)
        this.emit(Op.LIST_EXTEND, 1)
      } else {
        this.visitExpr(a)
        this.emit(Op.LIST_APPEND, 1)
      }
    }
    this.emit(Op.LIST_TO_TUPLE)
    let flag = 0
    if (keywords.length > 0) {
      flag = 1
      let nseen = 0
      let haveDict = false
      for (const k of keywords) {
        if (!k.arg) {
          if (nseen > 0) {
            this.emit(Op.BUILD_MAP, nseen)
            if (haveDict) this.emit(Op.DICT_MERGE, 1)
            haveDict = true
            nseen = 0
          }
          if (!haveDict) {
            this.emit(Op.BUILD_MAP, 0)
            haveDict = true
          }
          this.visitExpr(k.value)
          this.emit(Op.DICT_MERGE, 1)
        } else {
          const key = PyUnicode_InternFromString(this.rt, k.arg)
          this.loadConst(key)
          Py_DECREF(key)
          this.visitExpr(k.value)
          nseen++
        }
      }
      if (nseen > 0) {
        this.emit(Op.BUILD_MAP, nseen)
        if (haveDict) this.emit(Op.DICT_MERGE, 1)
      }
    }
    if (call) this.setPos(call)
    this.emit(Op.CALL_FUNCTION_EX, flag)
  }

  private compileFormattedValue(e: Node): void {
    this.visitExpr(e.value)
    let oparg = 0
    const conv = e.conversion
    if (conv === 115) oparg = FVC_STR
    else if (conv === 114) oparg = FVC_REPR
    else if (conv === 97) oparg = FVC_ASCII
    if (e.format_spec) {
      this.visitExpr(e.format_spec)
      oparg |= FVS_HAVE_SPEC
    }
    this.setPos(e)
    this.emit(Op.FORMAT_VALUE, oparg)
  }

  private compileDict(e: Node): void {
    const keys: (Node | null)[] = e.keys
    const values: Node[] = e.values
    let n = 0
    let built = false
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]
      if (k === null || k === undefined) {
        if (!built) {
          this.emit(Op.BUILD_MAP, n)
          built = true
        } else if (n > 0) {
          this.emit(Op.BUILD_MAP, n)
          this.emit(Op.DICT_UPDATE, 1)
        }
        n = 0
        this.visitExpr(values[i])
        this.emit(Op.DICT_UPDATE, 1)
        continue
      }
      this.visitExpr(k)
      this.visitExpr(values[i])
      n++
    }
    this.setPos(e)
    if (!built) {
      this.emit(Op.BUILD_MAP, n)
    } else if (n > 0) {
      this.emit(Op.BUILD_MAP, n)
      this.emit(Op.DICT_UPDATE, 1)
    }
  }

  /** List/tuple/set displays, with starred items. */
  private starredHelper(elts: Node[], build: Op, extend: Op, e: Node): void {
    const starred = elts.some((x) => kind(x) === 'Starred')
    if (!starred) {
      for (const x of elts) this.visitExpr(x)
      this.setPos(e)
      this.emit(build, elts.length)
      return
    }
    const isTuple = build === Op.BUILD_TUPLE
    const collection = isTuple ? Op.BUILD_LIST : build
    let seen = 0
    let started = false
    for (const x of elts) {
      if (kind(x) === 'Starred') {
        if (!started) {
          this.emit(collection, seen)
          started = true
        }
        seen = 0
        this.visitExpr(x.value)
        this.emit(isTuple ? Op.LIST_EXTEND : extend, 1)
      } else {
        this.visitExpr(x)
        if (started) this.emit(collection === Op.BUILD_SET ? Op.SET_ADD : Op.LIST_APPEND, 1)
        else seen++
      }
    }
    if (!started) this.emit(collection, seen)
    this.setPos(e)
    if (isTuple) this.emit(Op.LIST_TO_TUPLE)
  }

  private assignSequence(e: Node): void {
    const elts: Node[] = e.elts
    const star = elts.findIndex((x) => kind(x) === 'Starred')
    this.setPos(e)
    if (star < 0) this.emit(Op.UNPACK_SEQUENCE, elts.length)
    else {
      if (elts.filter((x) => kind(x) === 'Starred').length > 1) throw this.error('multiple starred expressions in assignment', e)
      this.emit(Op.UNPACK_EX, star | ((elts.length - star - 1) << 8))
    }
    for (const x of elts) {
      if (kind(x) === 'Starred') this.visitExpr({ ...x.value, ctx: 'Store' })
      else this.visitExpr(x)
    }
  }

  private compileLambda(e: Node): void {
    const flags = this.compileDefaults(e.args)
    this.enterScope('<lambda>', e, e.lineno)
    this.addConst(this.rt.None)
    this.setArgcounts(e.args)
    this.prologue(e)
    this.visitExpr(e.body)
    this.setPos(e.body)
    if (this.u.ste.isGenerator) this.emit(Op.POP_TOP)
    if (this.u.ste.isGenerator) this.emit(Op.RETURN_CONST, this.addConst(this.rt.None))
    else this.emit(Op.RETURN_VALUE)
    const co = this.assemble(false)
    this.exitScope()
    this.setPos(e)
    this.makeClosure(co, flags)
    Py_DECREF(co)
  }

  private compileComprehension(e: Node): void {
    const name = comprehensionName(e)
    const gens: Node[] = e.generators
    if (this.rt.profile.compiler.listCompInline && kind(e) === 'ListComp') {
      // 2.7: BUILD_LIST, the outer iterator, and the loop right here (no function, names leak).
      this.setPos(e)
      this.emit(Op.BUILD_LIST, 0)
      this.visitExpr(gens[0].iter)
      this.setPos(e)
      this.emit(Op.GET_ITER)
      this.comprehensionGenerator(e, gens, 0, 1, true)
      return
    }
    this.enterScope(name, e, e.lineno)
    this.u.argcount = 1
    this.prologue(e)
    const isGen = kind(e) === 'GeneratorExp'
    if (!isGen) {
      this.emit(kind(e) === 'ListComp' ? Op.BUILD_LIST : kind(e) === 'SetComp' ? Op.BUILD_SET : Op.BUILD_MAP, 0)
    }
    this.comprehensionGenerator(e, gens, 0, isGen ? 0 : 1)
    this.setPos(e)
    if (isGen) this.emit(Op.RETURN_CONST, this.addConst(this.rt.None))
    else this.emit(Op.RETURN_VALUE)
    const co = this.assemble(false)
    this.exitScope()
    this.setPos(e)
    this.makeClosure(co, 0)
    Py_DECREF(co)
    this.visitExpr(gens[0].iter)
    this.setPos(e)
    this.emit(Op.GET_ITER)
    this.emit(Op.CALL, 0)
  }

  private comprehensionGenerator(e: Node, gens: Node[], index: number, depth: number, inline = false): void {
    const g = gens[index]
    const start = this.newLabel()
    const ifCleanup = this.newLabel()
    const anchor = this.newLabel()
    if (index === 0) {
      if (!inline) this.emit(Op.LOAD_FAST, 0)
    } else {
      this.visitExpr(g.iter)
      this.setPos(g.iter)
      this.emit(Op.GET_ITER)
    }
    this.useLabel(start)
    this.setPos(g.iter)
    this.emitJump(Op.FOR_ITER, anchor)
    this.visitExpr(g.target)
    for (const cond of g.ifs) this.jumpIf(cond, ifCleanup, false)
    if (index + 1 < gens.length) this.comprehensionGenerator(e, gens, index + 1, depth + 1, inline)
    else {
      switch (kind(e)) {
        case 'GeneratorExp':
          this.visitExpr(e.elt)
          this.setPos(e.elt)
          this.emit(Op.YIELD_VALUE)
          this.emit(Op.RESUME, 1)
          this.emit(Op.POP_TOP)
          break
        case 'ListComp':
          this.visitExpr(e.elt)
          this.emit(Op.LIST_APPEND, depth + 1)
          break
        case 'SetComp':
          this.visitExpr(e.elt)
          this.emit(Op.SET_ADD, depth + 1)
          break
        case 'DictComp':
          this.visitExpr(e.key)
          this.visitExpr(e.value)
          this.emit(Op.MAP_ADD, depth + 1)
          break
      }
    }
    this.useLabel(ifCleanup)
    this.emitJump(JUMP, start)
    this.useLabel(anchor)
    this.emit(Op.END_FOR)
  }

  // --- assembly ----------------------------------------------------------------------------------------------

  /**
   * Resolves labels, computes stack depths and the exception table (from the SETUP_* / POP_BLOCK
   * pseudo-instructions, propagated along control flow as CPython's `label_exception_targets` does), and builds
   * the code object (a new reference).
   * @cpython Python/compile.c#assemble
   */
  private assemble(isModule: boolean): PyCodeObject {
    const u = this.u
    const rt = this.rt
    // 1. Drop pseudo-instructions while remembering their effect on the handler stack.
    const instrs = u.instrs
    // Analyse on the pseudo-instruction stream: state per index = (depth, handler stack).
    interface Handler {
      label: Label
      depth: number
      lasti: boolean
    }
    const n = instrs.length
    const depthAt: number[] = new Array(n + 1).fill(-1)
    const handlersAt: (Handler[] | null)[] = new Array(n + 1).fill(null)
    const labelIndex = (l: Label): number => l.index
    const work: number[] = [0]
    depthAt[0] = 0
    handlersAt[0] = []
    let maxDepth = 0
    const visit = (i: number, depth: number, hs: Handler[]): void => {
      if (i > n) return
      if (depthAt[i] === -1) {
        depthAt[i] = depth
        handlersAt[i] = hs
        work.push(i)
      }
    }
    while (work.length > 0) {
      const start = work.pop()!
      let depth = depthAt[start]!
      let hs = handlersAt[start]!
      for (let i = start; i < n; i++) {
        if (i !== start) {
          if (depthAt[i] !== -1) break
          depthAt[i] = depth
          handlersAt[i] = hs
        }
        const ins = instrs[i]!
        if (depth > maxDepth) maxDepth = depth
        const op = ins.op
        if (op === SETUP_FINALLY || op === SETUP_CLEANUP || op === SETUP_WITH) {
          const hdepth = op === SETUP_WITH ? depth - 1 : depth
          const lasti = op !== SETUP_FINALLY
          const h: Handler = { label: ins.target!, depth: hdepth, lasti }
          visit(labelIndex(ins.target!), hdepth + (lasti ? 1 : 0) + 1, hs)
          if (hdepth + (lasti ? 1 : 0) + 1 > maxDepth) maxDepth = hdepth + (lasti ? 2 : 1)
          hs = [...hs, h]
          continue
        }
        if (op === POP_BLOCK) {
          hs = hs.slice(0, -1)
          continue
        }
        const [effect, jumpEffect] = stackEffect(op, ins.arg)
        if (ins.target !== null) visit(labelIndex(ins.target), depth + jumpEffect, hs)
        depth += effect
        if (depth > maxDepth) maxDepth = depth
        if (isTerminal(op)) break
      }
    }
    // 3.12+: the handler wrapping a generator body (see eval.generators.bodyHandlerDepth).
    if (this.u.ste.isGenerator) maxDepth = Math.max(maxDepth, this.rt.profile.eval.generators.bodyHandlerDepth ?? 0)
    // 2. Emit real instructions: map pseudo-instruction indexes to real indexes.
    const realIndex: number[] = new Array(n + 1).fill(0)
    let r = 0
    for (let i = 0; i < n; i++) {
      realIndex[i] = r
      const op = instrs[i]!.op
      if (op !== SETUP_FINALLY && op !== SETUP_CLEANUP && op !== SETUP_WITH && op !== POP_BLOCK) r++
    }
    realIndex[n] = r
    const code = new Int32Array(r * 2)
    const positions: Position[] = []
    const table: ExceptionTableEntry[] = []
    let cur: { start: number; handler: Handler } | null = null
    const flush = (end: number): void => {
      if (cur !== null && end > cur.start) {
        const h = cur.handler
        table.push({ start: cur.start, end, target: realIndex[h.label.index]!, depth: h.depth, lasti: h.lasti })
      }
      cur = null
    }
    let hasBorrow = false
    for (let i = 0; i < n; i++) {
      const ins = instrs[i]!
      const op = ins.op
      if (op === SETUP_FINALLY || op === SETUP_CLEANUP || op === SETUP_WITH || op === POP_BLOCK) continue
      const ri = realIndex[i]!
      const hs = handlersAt[i]
      const top = hs && hs.length > 0 ? hs[hs.length - 1]! : null
      const curNow = cur as { start: number; handler: Handler } | null
      if ((curNow?.handler ?? null) !== top) {
        flush(ri)
        if (top !== null) cur = { start: ri, handler: top }
      }
      let realOp = op
      let arg = ins.arg
      if (ins.target !== null) {
        const t = realIndex[ins.target.index]!
        if (op === JUMP || op === JUMP_NO_INTERRUPT) {
          if (t > ri) {
            realOp = Op.JUMP_FORWARD
            arg = t - ri - 1
          } else {
            realOp = op === JUMP ? Op.JUMP_BACKWARD : Op.JUMP_BACKWARD
            arg = ri + 1 - t
          }
        } else if (op === Op.FOR_ITER || op === Op.SEND || op === Op.JUMP_FORWARD) {
          arg = t - ri - 1
        } else arg = t
      }
      if (realOp === Op.LOAD_FAST_BORROW) hasBorrow = true
      code[ri * 2] = realOp
      code[ri * 2 + 1] = arg
      positions.push(ins.pos)
    }
    flush(r)
    // 3. The code object.
    const ste = u.ste
    let flags = 0
    if (ste.type === 'function') {
      flags |= CO_NEWLOCALS | CO_OPTIMIZED
      if (ste.hasVarargs) flags |= CO_VARARGS
      if (ste.hasVarkeywords) flags |= CO_VARKEYWORDS
      if (ste.isGenerator) flags |= CO_GENERATOR
      if (ste.parent && ste.parent.type === 'function') flags |= CO_NESTED
    }
    if (u.freevars.length === 0 && u.cellvars.length === 0) flags |= CO_NOFREE
    const cellsOnly = u.cellvars.filter((c) => !u.varnames.includes(c))
    const localsplusNames = [...(ste.type === 'function' ? u.varnames : []), ...cellsOnly, ...u.freevars]
    const localVarnames = ste.type === 'function' ? u.varnames : []
    const cell2arg = u.cellvars.map((c) => localVarnames.indexOf(c))
    const consts = this.consts.merge(PyTuple_FromArraySteal(rt, u.consts.splice(0)))
    const namesTuple = this.nameTuple(u.names)
    const storage = this.codeStorage(code, positions, () => new Set(u.stmtStarts.map((i) => realIndex[i]!)), table, localsplusNames, localVarnames.length, cell2arg)
    const unit: CodeUnit = {
      code,
      positions,
      exceptionTable: table,
      consts: (consts as PyTupleObject).ob_item,
      names: u.names.slice(),
      nameObjects: (namesTuple as PyTupleObject).ob_item,
      localsplusNames,
      nlocals: localVarnames.length,
      ncells: cellsOnly.length,
      nfree: u.freevars.length,
      cell2arg,
      stacksize: maxDepth + 2,
      hasBorrow,
      spareFrame: null,
      zombieFrame: false,
      bytes: () => codeUnitBytes(code),
    }
    const name = PyUnicode_InternFromString(rt, isModule ? '<module>' : u.name)
    const qualname = PyUnicode_InternFromString(rt, isModule ? '<module>' : u.qualname)
    Py_INCREF(this.filenameObj)
    return PyCode_NewSteal(
      rt,
      {
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags,
        firstlineno: u.firstlineno,
        stacksize: maxDepth,
        nlocalsplus: localsplusNames.length,
        code: unit,
      },
      consts,
      namesTuple,
      { varnames: localVarnames, cellvars: u.cellvars.slice(), freevars: u.freevars.slice() },
      storage,
      this.filenameObj,
      name,
      qualname,
    )
  }

  /** A tuple of interned names, shared with an equal one of this compilation (a new reference). */
  private nameTuple(names: readonly string[]): PyObject {
    const rt = this.rt
    return this.consts.merge(PyTuple_FromArraySteal(rt, names.map((x) => PyUnicode_InternFromString(rt, x))))
  }

  /**
   * The tuples and bytes CPython's code object stores for the profile's layout: ≤3.10 the name tuples, the
   * instruction bytes and the line-number table (`b''` when no statement starts past the first instruction and no
   * line is passed); 3.11+ the names and kinds of all fast locals, the line table and the exception table (`b''`
   * without handlers). Table contents are the interpreter's own encoding; what matters is which are empty and
   * which are equal.
   * @cpython Python/compile.c#makecode
   */
  private codeStorage(code: Int32Array, positions: Position[], stmtStarts: () => Set<number>, table: ExceptionTableEntry[], localsplusNames: string[], nlocals: number, cell2arg: number[]): CodeStorage {
    const rt = this.rt
    const u = this.u
    const bytes = (xs: number[]): PyObject => _PyBytes_FromOwned(rt, Uint8Array.from(xs, (x) => x & 0xff))
    if (rt.profile.objects.runtimeObjects.codeLayout === 'split') {
      // an entry where a statement starts or a line is passed, unless neither offset nor line moved; offsets count
      // from after the interpreter's RESUME prologue (≤3.10 has none)
      const starts = stmtStarts()
      const lnotab: number[] = []
      let base = 0
      for (let i = 0; i < code.length / 2; i++) if (code[i * 2] === Op.RESUME) {
        base = i + 1
        break
      }
      let offset = base
      // a module's first line is that of its first instruction
      // @cpython Python/compile.c#assemble
      let line = u.ste.type === 'module' ? (positions.find((p, i) => i >= base && p.lineno > 0)?.lineno ?? 1) : u.firstlineno
      positions.forEach((p, i) => {
        if (i < base) return
        const lineno = p.lineno <= 0 ? line : p.lineno
        if (!starts.has(i) && lineno <= line) return
        if (i === offset && lineno === line) return
        lnotab.push((i - offset) * 2, lineno - line)
        offset = i
        line = lineno
      })
      return {
        co_varnames: this.nameTuple(localsplusNames.slice(0, nlocals)),
        co_cellvars: this.nameTuple(u.cellvars),
        co_freevars: this.nameTuple(u.freevars),
        co_code: _PyBytes_FromOwned(rt, codeUnitBytes(code)),
        co_linetable: bytes(lnotab),
      }
    }
    // CO_FAST_LOCAL (| CO_FAST_CELL for an argument that is a cell), CO_FAST_CELL, CO_FAST_FREE
    const ncells = localsplusNames.length - nlocals - u.freevars.length
    const kinds = localsplusNames.map((_, i) => (i < nlocals ? (cell2arg.includes(i) ? 0x60 : 0x20) : i < nlocals + ncells ? 0x40 : 0x80))
    const linetable: number[] = []
    for (const p of positions) linetable.push(p.lineno - u.firstlineno, p.col_offset + 1)
    const exceptiontable: number[] = []
    for (const e of table) exceptiontable.push(e.start, e.end - e.start, e.target, e.depth * 2 + (e.lasti ? 1 : 0))
    return {
      co_localsplusnames: this.nameTuple(localsplusNames),
      co_localspluskinds: this.consts.merge(bytes(kinds)),
      co_linetable: this.consts.merge(bytes(linetable)),
      co_exceptiontable: this.consts.merge(bytes(exceptiontable)),
    }
  }
}

function isDocstring(s: Node): boolean {
  return kind(s) === 'Expr' && kind(s.value) === 'Constant' && typeof constantJsValue(s.value) === 'string'
}

/** The JS value of a Constant node (string for str constants). */
export function constantJsValue(c: Node): unknown {
  const v = c.value
  if (v !== null && typeof v === 'object' && 'kind' in v && (v as { kind: string }).kind === 'str') return (v as { value: string }).value
  return v
}

function isTerminal(op: number): boolean {
  return op === Op.RETURN_VALUE || op === Op.RETURN_CONST || op === Op.RAISE_VARARGS || op === Op.RERAISE || op === JUMP || op === JUMP_NO_INTERRUPT || op === Op.JUMP_FORWARD || op === Op.JUMP_BACKWARD
}

/** [fall-through effect, jump effect] on the stack depth. */
function stackEffect(op: number, arg: number): [number, number] {
  switch (op) {
    case Op.NOP:
    case Op.RESUME:
    case Op.END_FOR:
      return [op === Op.END_FOR ? 0 : 0, 0]
    case Op.POP_TOP:
      return [-1, -1]
    case Op.PRINT_NEWLINE:
      return [-arg, -arg]
    case Op.PUSH_NULL:
    case Op.COPY:
    case Op.LOAD_CONST:
    case Op.LOAD_FAST:
    case Op.LOAD_FAST_CHECK:
    case Op.LOAD_FAST_BORROW:
    case Op.LOAD_NAME:
    case Op.LOAD_DEREF:
    case Op.LOAD_CLASSDEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_ASSERTION_ERROR:
    case Op.LOAD_BUILD_CLASS:
    case Op.LOAD_LOCALS:
    case Op.IMPORT_FROM:
      return [1, 1]
    case Op.LOAD_GLOBAL:
      return [arg & 1 ? 2 : 1, 0]
    case Op.SWAP:
    case Op.MAKE_CELL:
    case Op.COPY_FREE_VARS:
    case Op.LOAD_ATTR:
    case Op.UNARY_NEGATIVE:
    case Op.UNARY_POSITIVE:
    case Op.UNARY_NOT:
    case Op.UNARY_INVERT:
    case Op.GET_ITER:
    case Op.GET_YIELD_FROM_ITER:
    case Op.DELETE_FAST:
    case Op.DELETE_NAME:
    case Op.DELETE_GLOBAL:
    case Op.DELETE_DEREF:
    case Op.KW_NAMES:
    case Op.FORMAT_VALUE:
    case Op.LIST_TO_TUPLE:
    case Op.SETUP_ANNOTATIONS:
    case Op.CALL_INTRINSIC_1:
    case Op.RETURN_GENERATOR:
    case Op.YIELD_VALUE:
    case Op.BEFORE_WITH:
      if (op === Op.FORMAT_VALUE) return [(arg & FVS_HAVE_SPEC) !== 0 ? -1 : 0, 0]
      if (op === Op.BEFORE_WITH) return [1, 1]
      // The generator's frame is resumed with the sent value pushed (popped by the POP_TOP after it).
      if (op === Op.RETURN_GENERATOR) return [1, 1]
      return [0, 0]
    case Op.LOAD_METHOD:
      return [1, 1]
    case Op.STORE_FAST:
    case Op.STORE_NAME:
    case Op.STORE_GLOBAL:
    case Op.STORE_DEREF:
    case Op.DELETE_ATTR:
    case Op.LIST_APPEND:
    case Op.SET_ADD:
    case Op.LIST_EXTEND:
    case Op.SET_UPDATE:
    case Op.DICT_UPDATE:
    case Op.DICT_MERGE:
    case Op.IMPORT_STAR:
    case Op.PRINT_EXPR:
    case Op.PRINT_ITEM:
    case Op.POP_EXCEPT:
    case Op.END_SEND:
      return [-1, -1]
    case Op.STORE_ATTR:
    case Op.MAP_ADD:
    case Op.DELETE_SUBSCR:
      return [-2, -2]
    case Op.STORE_SUBSCR:
      return [-3, -3]
    case Op.BINARY_OP:
    case Op.COMPARE_OP:
    case Op.IS_OP:
    case Op.CONTAINS_OP:
    case Op.BINARY_SUBSCR:
    case Op.IMPORT_NAME:
    case Op.CHECK_EXC_MATCH:
      return op === Op.CHECK_EXC_MATCH ? [0, 0] : [-1, -1]
    case Op.BUILD_SLICE:
      return [1 - arg, 1 - arg]
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
    case Op.BUILD_SET:
    case Op.BUILD_STRING:
      return [1 - arg, 1 - arg]
    case Op.BUILD_MAP:
      return [1 - 2 * arg, 1 - 2 * arg]
    case Op.BUILD_CONST_KEY_MAP:
      return [-arg, -arg]
    case Op.UNPACK_SEQUENCE:
      return [arg - 1, arg - 1]
    case Op.UNPACK_EX:
      return [(arg & 0xff) + (arg >> 8), (arg & 0xff) + (arg >> 8)]
    case Op.JUMP_FORWARD:
    case Op.JUMP_BACKWARD:
    case JUMP:
    case JUMP_NO_INTERRUPT:
      return [0, 0]
    case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_IF_TRUE:
    case Op.POP_JUMP_IF_NONE:
    case Op.POP_JUMP_IF_NOT_NONE:
      return [-1, -1]
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
      return [-1, 0]
    case Op.FOR_ITER:
      return [1, -1]
    case Op.SEND:
      return [0, -1]
    case Op.CALL:
      return [-arg - 1, -arg - 1]
    case Op.CALL_FUNCTION_EX:
      return [-2 - (arg & 1), 0]
    case Op.MAKE_FUNCTION:
      return [-countBits(arg & 0xf), 0]
    case Op.RETURN_VALUE:
      return [-1, 0]
    case Op.RETURN_CONST:
      return [0, 0]
    case Op.RAISE_VARARGS:
      return [-arg, 0]
    case Op.RERAISE:
      return [-1, 0]
    case Op.PUSH_EXC_INFO:
      return [1, 1]
    case Op.WITH_EXCEPT_START:
      return [1, 1]
    case Op.CLEANUP_THROW:
      return [-2, 0]
    default:
      return [0, 0]
  }
}

function countBits(x: number): number {
  let n = 0
  while (x) {
    n += x & 1
    x >>= 1
  }
  return n
}

export { constKey }

/**
 * Constants: the parser arena (one object per literal, created in source order and kept alive as long as the
 * arena lives), constant folding (`Python/ast_opt.c`), and the compiler's constant cache that makes equal
 * constants of one compilation share a single object (`merge_consts_recursive`).
 * @cpython Python/ast_opt.c
 * @cpython Python/compile.c#merge_consts_recursive
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  PyErr,
  _PyBytes_FromOwned,
  PyObject_GetItem,
  PyLong_FromBigInt,
  PyLong_FromNumber,
  PyTuple_FromArraySteal,
  _PyTuple_NewFilled,
  PyUnicode_FromString,
  PyUnicode_InternInPlace,
  PyUnicode_InternFromString,
  Py_DECREF,
  Py_INCREF,
  binary_op,
  type PyLongObject,
  type PyObject,
  type PyTupleObject,
  type PyUnicodeObject,
  type Runtime,
} from '@heap/core'
import * as core from '@heap/core'
import { PARSED_TOKENS, kind, walkNodes, type Node } from './ast-access.js'
import { KEYWORDS } from '../syntax/keywords.js'

const coreAny = core as unknown as Record<string, unknown>

/** A key that identifies a constant's type and value (equal keys share one object in co_consts). */
export function constKey(rt: Runtime, o: PyObject): string {
  const t = o.ob_type
  const T = rt.types
  if (o === rt.None) return 'N'
  if (o === rt.True) return 'T'
  if (o === rt.False) return 'F'
  if (o === rt.Ellipsis) return 'E'
  if (t === T.int) return 'i:' + String((o as PyLongObject).ob_ival)
  if (t === T.str) return 's:' + (o as PyUnicodeObject).value
  if (t === T.float) {
    const v = (o as unknown as { ob_fval: number }).ob_fval
    return 'f:' + (Object.is(v, -0) ? '-0' : String(v))
  }
  if (t === T.complex) {
    const c = o as unknown as { cval: { real: number; imag: number } }
    const part = (v: number): string => (Object.is(v, -0) ? '-0' : String(v))
    return `c:${part(c.cval.real)},${part(c.cval.imag)}`
  }
  if (t === T.bytes) return 'b:' + Array.from((o as unknown as { ob_sval: Uint8Array }).ob_sval ?? []).join(',')
  if (t === T.tuple) return 't(' + (o as PyTupleObject).ob_item.map((x) => constKey(rt, x)).join('|') + ')'
  if (t === T.slice) {
    const sl = o as unknown as { start: PyObject; stop: PyObject; step: PyObject }
    return `sl(${constKey(rt, sl.start)}|${constKey(rt, sl.stop)}|${constKey(rt, sl.step)})`
  }
  if (t === T.frozenset) return 'z:' + o.ob_addr
  return 'o:' + o.ob_addr
}

/** 2.7's keywords: True, False, None and nonlocal are names there; print and exec are statements. */
const KEYWORDS_27: ReadonlySet<string> = new Set([...KEYWORDS, 'print', 'exec'].filter((k) => !['False', 'None', 'True', 'nonlocal', 'async', 'await'].includes(k)))

/** Strings made only of name characters are interned in code objects. */
function allNameChars(s: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(s)
}

/** `None`, `True`, `False`, `...`: the parser's AST refers to the singletons without the arena. */
function keywordConstant(rt: Runtime, v: any): PyObject | null {
  if (v === null || v === undefined) return rt.None
  if (typeof v === 'boolean') return v ? rt.True : rt.False
  if (typeof v === 'object' && v !== null && 'kind' in v) {
    switch (v.kind) {
      case 'None':
        return rt.None
      case 'True':
        return rt.True
      case 'False':
        return rt.False
      case 'Ellipsis':
        return rt.Ellipsis
      case 'bool':
        return v.value ? rt.True : rt.False
    }
  }
  return null
}

/** A NUMBER token's value (int, float, imaginary). */
function isNumberLiteral(v: any): boolean {
  if (typeof v === 'number' || typeof v === 'bigint') return true
  return typeof v === 'object' && v !== null && (v.kind === 'int' || v.kind === 'float' || v.kind === 'complex')
}

/**
 * Where the PEG parser tries an assignment target before it knows the statement (`line:byte-col` of each token
 * it starts at): a simple statement's first token, the first token after each `=` of an assignment, and inside a
 * bracket at such a place its first item. A number literal there is parsed once more (`t_primary` tries it as an
 * atom and fails).
 * @cpython Parser/parser.c#assignment_rule
 */
function targetAttemptStarts(mod: Node, source: string): Set<string> {
  const lines = source.split('\n')
  const out = new Set<string>()
  const charCol = (line: string, byteCol: number): number => {
    let bytes = 0
    for (let i = 0; i < line.length; i++) {
      if (bytes >= byteCol) return i
      const cp = line.codePointAt(i)!
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
      if (cp >= 0x10000) i++
    }
    return line.length
  }
  const byteCol = (line: string, col: number): number => new TextEncoder().encode(line.slice(0, col)).length
  // marks the token at (lineno, char col) and, through opening brackets, the first token inside
  const mark = (lineno: number, col: number): void => {
    for (;;) {
      const line = lines[lineno - 1]
      if (line === undefined) return
      while (col < line.length && (line[col] === ' ' || line[col] === '\t')) col++
      if (col >= line.length) return
      out.add(`${lineno}:${byteCol(line, col)}`)
      if (line[col] !== '(' && line[col] !== '[') return
      col++
    }
  }
  // the token after the `=` that follows a target ending at (lineno, byte col)
  const afterEquals = (lineno: number, endByteCol: number): void => {
    const line = lines[lineno - 1]
    if (line === undefined) return
    let col = charCol(line, endByteCol)
    while (col < line.length && line[col] !== '=') col++
    if (col < line.length) mark(lineno, col + 1)
  }
  walkNodes(mod, (n) => {
    const k = kind(n)
    if (k === 'Expr' && n.lineno !== undefined) {
      const line = lines[n.lineno - 1]
      if (line !== undefined) mark(n.lineno, charCol(line, n.col_offset))
    } else if (k === 'Assign') {
      for (const t of n.targets ?? []) if (t.end_lineno !== undefined) afterEquals(t.end_lineno, t.end_col_offset)
    }
  })
  return out
}

export class ConstantFactory {
  readonly rt: Runtime
  /** The arena: objects created while parsing (owned). */
  readonly arena: PyObject[]
  /** Compilation-wide cache: key → the shared object (owned by the cache). */
  private readonly cache = new Map<string, PyObject>()

  constructor(rt: Runtime, arena: PyObject[]) {
    this.rt = rt
    this.arena = arena
  }

  /** Releases the cache (the arena is released by its owner). */
  dispose(): void {
    for (const o of this.cache.values()) Py_DECREF(o)
    this.cache.clear()
  }

  /**
   * The parser's object for a literal (a new arena entry), or for `None`, `True`, `False` and `...` the singleton
   * itself (borrowed: the parser never puts those in the arena).
   */
  private literalObject(c: Node): PyObject {
    const single = keywordConstant(this.rt, c.value)
    if (single !== null) return single
    const o = this.fromValue(c.value)
    this.arena.push(o)
    return o
  }

  /** Creates the arena objects for every token's text (PEG) and every literal, in source order (as the parser would). */
  prepare(mod: Node, source?: string): void {
    const tokens: readonly { type: string; start: number; end: number }[] | undefined = mod[PARSED_TOKENS]
    if (this.rt.profile.compiler.tokenBytes && tokens !== undefined && source !== undefined) this.tokenBytes(tokens, source)
    if (this.rt.profile.compiler.arenaIdentifiers === 'per-token' && tokens !== undefined) this.identifiers(tokens)
    const lits: Node[] = []
    walkNodes(mod, (n) => {
      if (kind(n) !== 'Constant') return true
      lits.push(n)
      return false
    })
    lits.sort((a, b) => (a.lineno ?? 0) - (b.lineno ?? 0) || (a.col_offset ?? 0) - (b.col_offset ?? 0))
    const peg = this.rt.profile.compiler.numberLiteralParses === 'peg' && source !== undefined
    const attempts = peg ? targetAttemptStarts(mod, source) : null
    for (const c of lits) {
      if (c._obj) continue
      c._obj = this.literalObject(c)
      if (attempts === null || !isNumberLiteral(c.value)) continue
      // the PEG parser's further parses of the same token: each makes its object again, kept by the arena
      const extra = 1 + (attempts.has(`${c.lineno}:${c.col_offset}`) ? 1 : 0)
      for (let i = 0; i < extra; i++) this.arena.push(this.fromValue(c.value))
    }
  }

  /**
   * One bytes object per token, its source text (`b''` for NEWLINE, INDENT, DEDENT and ENDMARKER), kept by the arena.
   * @cpython Parser/pegen.c#_PyPegen_fill_token
   */
  private tokenBytes(tokens: readonly { type: string; start: number; end: number }[], source: string): void {
    const rt = this.rt
    let encoder: TextEncoder | null = null
    for (const t of tokens) {
      const empty = t.type === 'NEWLINE' || t.type === 'INDENT' || t.type === 'DEDENT' || t.type === 'ENDMARKER'
      const text = empty ? '' : source.slice(t.start, t.end)
      let ascii = true
      for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80
      let data: Uint8Array
      if (ascii) {
        data = new Uint8Array(text.length)
        for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i)
      } else data = (encoder ??= new TextEncoder()).encode(text)
      this.arena.push(_PyBytes_FromOwned(rt, data))
    }
  }

  /**
   * One interned identifier per NAME token (keywords excepted), kept by the arena; the names of a dotted import
   * (`import a.b`, `from a.b import c`) make one string, 'a.b'.
   * @cpython Python/ast.c#new_identifier
   * @cpython Python/ast.c#alias_for_import_name
   */
  private identifiers(tokens: readonly { type: string; value?: string }[]): void {
    const rt = this.rt
    const keywords = rt.profile.language.printStatement ? KEYWORDS_27 : KEYWORDS
    const add = (name: string): void => {
      this.arena.push(PyUnicode_InternFromString(rt, name))
    }
    let lineStart = true
    let inImport = false
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.type === 'NEWLINE' || t.type === 'INDENT' || t.type === 'DEDENT') {
        lineStart = true
        inImport = false
        continue
      }
      const v = t.value ?? ''
      if (lineStart) inImport = t.type === 'NAME' && (v === 'import' || v === 'from')
      lineStart = t.type === 'OP' && (v === ';' || v === ':')
      if (t.type !== 'NAME' || keywords.has(v)) continue
      if (inImport) {
        // a dotted name: NAME ('.' NAME)*, one string
        let name = v
        while (tokens[i + 1]?.type === 'OP' && tokens[i + 1]!.value === '.' && tokens[i + 2]?.type === 'NAME') {
          name += '.' + tokens[i + 2]!.value
          i += 2
        }
        add(name)
        continue
      }
      add(v)
    }
  }

  /** The object a Constant node compiles to (borrowed: the cache keeps it). */
  objectFor(c: Node): PyObject {
    let o: PyObject | undefined = c._obj
    if (o === undefined) {
      o = this.literalObject(c)
      c._obj = o
    }
    return this.share(o)
  }

  /** Registers `o` (borrowed) in the compilation cache; returns the shared equal object. */
  share(o: PyObject): PyObject {
    const key = constKey(this.rt, o)
    const hit = this.cache.get(key)
    if (hit !== undefined) return hit
    let shared = o
    if (o.ob_type === this.rt.types.str && allNameChars((o as PyUnicodeObject).value)) {
      Py_INCREF(o)
      shared = PyUnicode_InternInPlace(this.rt, o as PyUnicodeObject, false)
    } else {
      if (o.ob_type === this.rt.types.tuple) this.internTupleItems(o as PyTupleObject)
      Py_INCREF(o)
    }
    this.cache.set(key, shared)
    return shared
  }

  /**
   * A tuple or table of a new code object (the reference is stolen): the equal one this compilation already made, if
   * the profile merges them, as a new reference.
   * @cpython Python/compile.c#merge_const_one
   */
  merge(o: PyObject): PyObject {
    if (!this.rt.profile.objects.runtimeObjects.codeMergeTuples) return o
    const shared = this.share(o)
    Py_INCREF(shared)
    Py_DECREF(o)
    return shared
  }

  /**
   * Name-like strings inside a constant tuple are interned in place, nested tuples too.
   * @cpython Objects/codeobject.c#intern_string_constants
   */
  private internTupleItems(t: PyTupleObject): void {
    const items = t.ob_item
    for (let i = 0; i < items.length; i++) {
      const v = items[i]!
      if (v.ob_type === this.rt.types.str && allNameChars((v as PyUnicodeObject).value)) {
        // the tuple's reference moves to the canonical string
        items[i] = PyUnicode_InternInPlace(this.rt, v as PyUnicodeObject, false)
      } else if (v.ob_type === this.rt.types.tuple) this.internTupleItems(v as PyTupleObject)
    }
  }

  /** A constant the compiler makes itself (an import's level): shared through the cache, not a parser object. */
  smallInt(v: number): PyObject {
    const o = PyLong_FromNumber(this.rt, v)
    const shared = this.share(o)
    Py_DECREF(o)
    return shared
  }

  /** A new object for a parser value (a new reference). */
  fromValue(v: any): PyObject {
    const rt = this.rt
    if (v === null || v === undefined) return incref(rt.None)
    if (typeof v === 'boolean') return incref(v ? rt.True : rt.False)
    if (typeof v === 'bigint') return PyLong_FromBigInt(rt, v)
    if (typeof v === 'number') return this.float(v)
    if (typeof v === 'string') return PyUnicode_FromString(rt, v)
    if (v instanceof Uint8Array) return this.bytes(v)
    if (typeof v === 'object' && 'kind' in v) {
      switch (v.kind) {
        case 'int':
          return typeof v.value === 'bigint' ? PyLong_FromBigInt(rt, v.value) : PyLong_FromNumber(rt, Number(v.value))
        case 'float':
          return this.float(Number(v.value))
        case 'complex':
          return this.complex(Number(v.real ?? 0), Number(v.imag ?? v.value ?? 0))
        case 'str':
          return PyUnicode_FromString(rt, String(v.value))
        case 'bytes':
          return this.bytes(v.value)
        case 'None':
          return incref(rt.None)
        case 'True':
          return incref(rt.True)
        case 'False':
          return incref(rt.False)
        case 'Ellipsis':
          return incref(rt.Ellipsis)
        case 'bool':
          return incref(v.value ? rt.True : rt.False)
      }
    }
    if (typeof v === 'object' && v.type === 'Ellipsis') return incref(rt.Ellipsis)
    throw new Error(`unknown constant ${String(v)}`)
  }

  private float(v: number): PyObject {
    const f = coreAny['PyFloat_FromDouble'] as ((rt: Runtime, v: number) => PyObject) | undefined
    if (!f) throw new Error('floats are not available')
    return f(this.rt, v)
  }

  private complex(re: number, im: number): PyObject {
    const f = coreAny['PyComplex_FromDoubles'] as ((rt: Runtime, re: number, im: number) => PyObject) | undefined
    if (!f) throw new Error('complex numbers are not available')
    return f(this.rt, re, im)
  }

  private bytes(b: Uint8Array): PyObject {
    const f = coreAny['PyBytes_FromUint8Array'] as ((rt: Runtime, b: Uint8Array) => PyObject) | undefined
    if (!f) throw new Error('bytes are not available')
    return f(this.rt, b)
  }

  /**
   * Constant folding: unary and binary operators on constants, tuples of constants, and `in` tests against
   * literal lists/sets. Folded objects join the arena.
   * @cpython Python/ast_opt.c#fold_binop
   */
  fold(n: any): void {
    if (n === null || typeof n !== 'object') return
    if (Array.isArray(n)) {
      for (const x of n) this.fold(x)
      return
    }
    for (const key of Object.keys(n)) {
      if (key.startsWith('_')) continue
      const v = n[key]
      if (v !== null && typeof v === 'object') this.fold(v)
    }
    const k = kind(n)
    if (k === 'UnaryOp' && kind(n.operand) === 'Constant') this.foldUnary(n)
    else if (k === 'BinOp' && kind(n.left) === 'Constant' && kind(n.right) === 'Constant') this.foldBinop(n)
    else if (k === 'Tuple' && opName(n.ctx) === 'Load' && n.elts.every((e: Node) => kind(e) === 'Constant')) this.foldTuple(n)
    else if (k === 'Compare') this.foldIn(n)
    else if (k === 'Subscript' && opName(n.ctx) === 'Load' && kind(n.value) === 'Constant' && kind(n.slice) === 'Constant' && this.rt.profile.compiler.astFoldSubscript !== false) this.foldSubscr(n)
  }

  /** `'abc'[0]` → `'a'` when the subscript succeeds (errors are left for run time). @cpython Python/ast_opt.c#fold_subscr */
  private foldSubscr(n: Node): void {
    try {
      this.makeConst(n, PyObject_GetItem(this.objOf(n.value), this.objOf(n.slice)))
    } catch (e) {
      if (e instanceof PyErr) Py_DECREF(e.exc)
      else throw e
    }
  }

  private objOf(c: Node): PyObject {
    if (!c._obj) c._obj = this.literalObject(c)
    return c._obj
  }

  private makeConst(n: Node, o: PyObject): void {
    this.arena.push(o)
    // What code generation sees where folding happens later (3.14's CFG): see Compiler.asGenerated.
    const unfolded = { ...n }
    for (const key of Object.keys(n)) if (!['lineno', 'col_offset', 'end_lineno', 'end_col_offset'].includes(key)) delete n[key]
    const tag = n._type !== undefined ? '_type' : n.kind !== undefined ? 'kind' : 'type'
    n[tag] = 'Constant'
    if (tag !== '_type') n._type = 'Constant'
    if (n.kind === undefined && tag !== 'kind') {
      /* keep the parser's discriminant only */
    }
    n.value = { kind: 'folded' }
    n._obj = o
    n._unfolded = unfolded
  }

  private foldUnary(n: Node): void {
    const o = this.objOf(n.operand)
    const op = opName(n.op)
    const rt = this.rt
    const t = o.ob_type
    if (op === 'Not') return
    const slot = op === 'USub' ? t.nb_negative : op === 'UAdd' ? t.nb_positive : t.nb_invert
    if (slot === null || t === rt.types.str || t === rt.types.bytes) return
    try {
      this.makeConst(n, slot(o))
    } catch (e) {
      if (e instanceof PyErr) Py_DECREF(e.exc)
      else throw e
    }
  }

  private foldBinop(n: Node): void {
    const rt = this.rt
    const a = this.objOf(n.left)
    const b = this.objOf(n.right)
    const op = opName(n.op)
    // 2.7's peephole optimizer leaves classic division to run time.
    if (op === 'Div' && rt.profile.language.classicDivision) return
    const slots: Record<string, string> = {
      Add: 'nb_add', Sub: 'nb_subtract', Mult: 'nb_multiply', Div: 'nb_true_divide', FloorDiv: 'nb_floor_divide', Mod: 'nb_remainder',
      LShift: 'nb_lshift', RShift: 'nb_rshift', BitAnd: 'nb_and', BitOr: 'nb_or', BitXor: 'nb_xor',
    }
    // CPython's safety limits: no huge results.
    if (!this.safeToFold(op, a, b)) return
    try {
      let r: PyObject
      if (op === 'Pow') {
        const f = a.ob_type.nb_power
        if (f === null) return
        r = f(a, b, rt.None)
        if (r === rt.NotImplemented) {
          Py_DECREF(r)
          return
        }
      } else {
        const s = slots[op]
        if (!s) return
        if (op === 'Mod' && a.ob_type === rt.types.str) return
        r = binary_op(a, b, s as Parameters<typeof binary_op>[2])
      }
      this.makeConst(n, r)
    } catch (e) {
      if (e instanceof PyErr) Py_DECREF(e.exc)
      else throw e
    }
  }

  private safeToFold(op: string, a: PyObject, b: PyObject): boolean {
    const rt = this.rt
    const intBits = (o: PyObject): number => {
      const v = (o as PyLongObject).ob_ival
      return (typeof v === 'bigint' ? v : BigInt(v)).toString(2).length
    }
    const isInt = (o: PyObject): boolean => o.ob_type === rt.types.int || o.ob_type === rt.types.bool
    const seqLen = (o: PyObject): number => (o as unknown as { length?: number }).length ?? (o as unknown as { ob_item?: unknown[] }).ob_item?.length ?? -1
    if (op === 'Pow' && isInt(a) && isInt(b)) {
      const e = Number((b as PyLongObject).ob_ival)
      if (e < 0) return true
      return intBits(a) * e <= 128
    }
    if (op === 'LShift' && isInt(a) && isInt(b)) {
      const s = Number((b as PyLongObject).ob_ival)
      return s >= 0 && intBits(a) + s <= 128
    }
    if (op === 'Mult') {
      // Only a sized constant (tuple, str, bytes) repeated by an int is limited; `1.5 * 2` folds.
      const sized = (o: PyObject): boolean => o.ob_type === rt.types.tuple || o.ob_type === rt.types.str || o.ob_type === rt.types.bytes
      const seq = isInt(a) && sized(b) ? b : isInt(b) && sized(a) ? a : null
      const cnt = seq === b ? a : b
      if (seq !== null) {
        const len = seqLen(seq)
        const times = Number((cnt as PyLongObject).ob_ival)
        if (len < 0) return false
        const max = rt.profile.compiler.foldMaxLength
        const limit = seq.ob_type === rt.types.tuple ? max.tuple : max.str
        return times >= 0 && len * times <= limit
      }
      if (isInt(a) && isInt(b)) return intBits(a) + intBits(b) <= 128
    }
    return true
  }

  private foldTuple(n: Node): void {
    const items = n.elts.map((e: Node) => incref(this.objOf(e)))
    // The optimizer fills a `PyTuple_New` tuple: tracked even when its items are atomic.
    this.makeConst(n, items.length === 0 ? PyTuple_FromArraySteal(this.rt, items) : _PyTuple_NewFilled(this.rt, items.length, items))
  }

  /** `x in [1, 2]` → `x in (1, 2)`; `x in {1, 2}` → frozenset. */
  private foldIn(n: Node): void {
    const ops: any[] = n.ops
    const last = n.comparators[n.comparators.length - 1]
    const lastOp = opName(ops[ops.length - 1])
    if (lastOp !== 'In' && lastOp !== 'NotIn') return
    if (kind(last) === 'List' && last.elts.every((e: Node) => kind(e) === 'Constant')) {
      const items = last.elts.map((e: Node) => incref(this.objOf(e)))
      this.makeConst(last, PyTuple_FromArraySteal(this.rt, items))
    } else if (kind(last) === 'Set' && last.elts.every((e: Node) => kind(e) === 'Constant')) {
      const fs = coreAny['PyFrozenSet_New'] as ((rt: Runtime, it: PyObject | null) => PyObject) | undefined
      if (!fs) return
      const items = last.elts.map((e: Node) => incref(this.objOf(e)))
      const t = PyTuple_FromArraySteal(this.rt, items)
      try {
        this.makeConst(last, fs(this.rt, t))
      } finally {
        Py_DECREF(t)
      }
    }
  }
}

function incref(o: PyObject): PyObject {
  Py_INCREF(o)
  return o
}

function opName(o: any): string {
  return typeof o === 'string' ? o : kind(o)
}

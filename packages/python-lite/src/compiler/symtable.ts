/**
 * The symbol table: which names are local, global, free or cell in each scope.
 * @cpython Python/symtable.c
 */
 
import { kind, type Node } from './ast-access.js'
import { SyntaxErrorInfo } from './errors.js'

export const DEF_GLOBAL = 1
export const DEF_LOCAL = 2
export const DEF_PARAM = 4
export const DEF_NONLOCAL = 8
export const USE = 16
export const DEF_FREE_CLASS = 32
export const DEF_IMPORT = 64
export const DEF_ANNOT = 128
export const DEF_COMP_ITER = 256

export type Scope = 'LOCAL' | 'GLOBAL_EXPLICIT' | 'GLOBAL_IMPLICIT' | 'FREE' | 'CELL'
export type BlockType = 'module' | 'class' | 'function'

export class SymbolTableEntry {
  readonly type: BlockType
  readonly name: string
  readonly node: Node
  readonly lineno: number
  readonly flags = new Map<string, number>()
  readonly scopes = new Map<string, Scope>()
  readonly children: SymbolTableEntry[] = []
  /** Parameters in order (for varnames). */
  readonly varnames: string[] = []
  readonly parent: SymbolTableEntry | null
  isGenerator = false
  isCoroutine = false
  isComprehension = false
  isLambda = false
  hasVarargs = false
  hasVarkeywords = false
  /** The class body needs a `__class__` cell (a method uses `super()` or `__class__`). */
  needsClassClosure = false
  /** Where each `nonlocal` name was declared (for error positions). */
  readonly nonlocalDecls = new Map<string, Node>()
  /** A comprehension inlined into its parent (3.12+ list/set/dict comprehensions). */
  inlined = false
  childFree = false
  constructor(type: BlockType, name: string, node: Node, lineno: number, parent: SymbolTableEntry | null) {
    this.type = type
    this.name = name
    this.node = node
    this.lineno = lineno
    this.parent = parent
  }
  addFlag(name: string, f: number): void {
    this.flags.set(name, (this.flags.get(name) ?? 0) | f)
  }
}

export class SymbolTable {
  readonly top: SymbolTableEntry
  /** AST node → its scope. */
  readonly blocks = new Map<Node, SymbolTableEntry>()
  private cur: SymbolTableEntry
  private readonly filename: string
  private readonly source: string
  private loopDepth = 0
  /** 2.7: list comprehensions bind their names in the enclosing scope (profile `compiler.listCompInline`). */
  private readonly listCompInline: boolean

  constructor(mod: Node, filename: string, source: string, listCompInline = false) {
    this.listCompInline = listCompInline
    this.filename = filename
    this.source = source
    this.top = new SymbolTableEntry('module', 'top', mod, 0, null)
    this.blocks.set(mod, this.top)
    this.cur = this.top
    const body: Node[] = kind(mod) === 'Expression' ? [] : mod.body
    if (kind(mod) === 'Expression') this.visitExpr(mod.body)
    else for (const s of body) this.visitStmt(s)
    analyze(this.top, new Set(), new Set(), new Set(), null, this)
  }

  error(msg: string, node: Node): SyntaxErrorInfo {
    const line = this.source.split('\n')[node.lineno - 1] ?? ''
    return new SyntaxErrorInfo('SyntaxError', msg, this.filename, node.lineno, node.col_offset + 1, line, node.end_lineno, node.end_col_offset + 1)
  }

  private enter(type: BlockType, name: string, node: Node): SymbolTableEntry {
    const e = new SymbolTableEntry(type, name, node, node.lineno ?? 0, this.cur)
    this.cur.children.push(e)
    this.blocks.set(node, e)
    this.cur = e
    return e
  }

  private exit(): void {
    this.cur = this.cur.parent!
  }

  private addDef(name: string, flag: number, node: Node): void {
    const mangled = this.mangle(name)
    const cur = this.cur
    const old = cur.flags.get(mangled) ?? 0
    if ((flag & DEF_PARAM) && (old & DEF_PARAM)) throw this.error(`duplicate argument '${name}' in function definition`, node)
    cur.addFlag(mangled, flag)
    if (flag & DEF_PARAM) cur.varnames.push(mangled)
    else if ((flag & DEF_GLOBAL) && cur !== this.top) {
      this.top.addFlag(mangled, DEF_GLOBAL)
    }
  }

  /** Private name mangling inside classes (`__x` → `_C__x`). */
  mangle(name: string): string {
    return mangleName(this.className(), name)
  }

  private className(): string | null {
    for (let e: SymbolTableEntry | null = this.cur; e !== null; e = e.parent) if (e.type === 'class') return e.name
    return null
  }

  private visitStmts(body: Node[]): void {
    for (const s of body) this.visitStmt(s)
  }

  private visitStmt(s: Node): void {
    switch (kind(s)) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        this.addDef(s.name, DEF_LOCAL, s)
        this.visitArgDefaults(s.args)
        for (const d of s.decorator_list) this.visitExpr(d)
        this.visitAnnotations(s.args, s.returns)
        const e = this.enter('function', s.name, s)
        if (kind(s) === 'AsyncFunctionDef') e.isCoroutine = true
        this.visitParams(s.args)
        const saved = this.loopDepth
        this.loopDepth = 0
        this.visitStmts(s.body)
        this.loopDepth = saved
        this.exit()
        break
      }
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s)
        for (const b of s.bases) this.visitExpr(b)
        for (const k of s.keywords) this.visitExpr(k.value)
        for (const d of s.decorator_list) this.visitExpr(d)
        this.enter('class', s.name, s)
        const saved = this.loopDepth
        this.loopDepth = 0
        this.visitStmts(s.body)
        this.loopDepth = saved
        this.exit()
        break
      }
      case 'Return':
        if (this.cur.type !== 'function') throw this.error("'return' outside function", s)
        if (s.value) this.visitExpr(s.value)
        break
      case 'Delete':
        for (const t of s.targets) this.visitExpr(t)
        break
      case 'Assign':
        for (const t of s.targets) this.visitExpr(t)
        this.visitExpr(s.value)
        break
      case 'AugAssign':
        this.visitExpr(s.target)
        this.visitExpr(s.value)
        break
      case 'AnnAssign':
        if (kind(s.target) === 'Name') {
          const name = s.target.id as string
          const cur = this.cur.flags.get(this.mangle(name)) ?? 0
          if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && s.simple) {
            throw this.error(`annotated name '${name}' can't be ${cur & DEF_GLOBAL ? 'global' : 'nonlocal'}`, s)
          }
          if (s.simple) this.addDef(name, DEF_ANNOT | (s.value ? DEF_LOCAL : 0), s)
          else if (s.value) this.visitExpr(s.target)
        } else this.visitExpr(s.target)
        if (this.cur.type !== 'function') this.visitExpr(s.annotation)
        if (s.value) this.visitExpr(s.value)
        break
      case 'For':
      case 'AsyncFor':
        this.visitExpr(s.target)
        this.visitExpr(s.iter)
        this.loopDepth++
        this.visitStmts(s.body)
        this.loopDepth--
        this.visitStmts(s.orelse)
        break
      case 'While':
        this.visitExpr(s.test)
        this.loopDepth++
        this.visitStmts(s.body)
        this.loopDepth--
        this.visitStmts(s.orelse)
        break
      case 'If':
        this.visitExpr(s.test)
        this.visitStmts(s.body)
        this.visitStmts(s.orelse)
        break
      case 'With':
      case 'AsyncWith':
        for (const item of s.items) {
          this.visitExpr(item.context_expr)
          if (item.optional_vars) this.visitExpr(item.optional_vars)
        }
        this.visitStmts(s.body)
        break
      case 'Raise':
        if (s.exc) this.visitExpr(s.exc)
        if (s.cause) this.visitExpr(s.cause)
        break
      case 'Try':
      case 'TryStar':
        this.visitStmts(s.body)
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type)
          if (h.name) this.addDef(h.name, DEF_LOCAL, h)
          this.visitStmts(h.body)
        }
        this.visitStmts(s.orelse)
        this.visitStmts(s.finalbody)
        break
      case 'Print':
        if (s.dest) this.visitExpr(s.dest)
        for (const v of s.values) this.visitExpr(v)
        break
      case 'Assert':
        this.visitExpr(s.test)
        if (s.msg) this.visitExpr(s.msg)
        break
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            if (this.cur.type !== 'module') throw this.error('import * only allowed at module level', s)
            continue
          }
          const stored = a.asname ?? (a.name as string).split('.')[0]!
          this.addDef(stored, DEF_IMPORT | DEF_LOCAL, s)
        }
        break
      case 'Global':
      case 'Nonlocal': {
        const isGlobal = kind(s) === 'Global'
        for (const name of s.names as string[]) {
          const mangled = this.mangle(name)
          const cur = this.cur.flags.get(mangled) ?? 0
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string
            if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${isGlobal ? 'global' : 'nonlocal'}`
            else if (cur & USE) msg = `name '${name}' is used prior to ${isGlobal ? 'global' : 'nonlocal'} declaration`
            else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${isGlobal ? 'global' : 'nonlocal'}`
            else msg = `name '${name}' is assigned to before ${isGlobal ? 'global' : 'nonlocal'} declaration`
            throw this.error(msg, s)
          }
          if (!isGlobal && this.cur.type === 'module') throw this.error('nonlocal declaration not allowed at module level', s)
          if (isGlobal && (cur & DEF_NONLOCAL)) throw this.error(`name '${name}' is nonlocal and global`, s)
          if (!isGlobal && (cur & DEF_GLOBAL)) throw this.error(`name '${name}' is nonlocal and global`, s)
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s)
          if (!isGlobal) this.cur.nonlocalDecls.set(mangled, s)
        }
        break
      }
      case 'Expr':
        this.visitExpr(s.value)
        break
      case 'Pass':
        break
      case 'Break':
        if (this.loopDepth === 0) throw this.error("'break' outside loop", s)
        break
      case 'Continue':
        if (this.loopDepth === 0) throw this.error("'continue' not properly in loop", s)
        break
      case 'Match':
        throw this.error('the match statement is not supported by heap yet', s)
      default:
        throw this.error(`unsupported statement ${kind(s)}`, s)
    }
  }

  private visitArgDefaults(a: Node): void {
    for (const d of a.defaults) this.visitExpr(d)
    for (const d of a.kw_defaults) if (d) this.visitExpr(d)
  }

  private visitAnnotations(a: Node, returns: Node | null): void {
    const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])]
    for (const arg of all) if (arg.annotation) this.visitExpr(arg.annotation)
    if (returns) this.visitExpr(returns)
  }

  private visitParams(a: Node): void {
    for (const arg of a.posonlyargs) this.addDef(arg.arg, DEF_PARAM, arg)
    for (const arg of a.args) this.addDef(arg.arg, DEF_PARAM, arg)
    for (const arg of a.kwonlyargs) this.addDef(arg.arg, DEF_PARAM, arg)
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg)
      this.cur.hasVarargs = true
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg)
      this.cur.hasVarkeywords = true
    }
  }

  private visitExprs(es: (Node | null)[]): void {
    for (const e of es) if (e) this.visitExpr(e)
  }

  private visitExpr(e: Node): void {
    switch (kind(e)) {
      case 'Name': {
        const ctx = typeof e.ctx === 'string' ? e.ctx : (e.ctx as { _type: string })._type
        this.addDef(e.id, ctx === 'Load' ? USE : DEF_LOCAL, e)
        if (ctx === 'Load' && this.cur.type === 'function' && e.id === 'super') this.addDef('__class__', USE, e)
        break
      }
      case 'NamedExpr': {
        this.visitExpr(e.value)
        // The target binds in the nearest enclosing non-comprehension scope.
        let scope: SymbolTableEntry = this.cur
        while (scope.isComprehension && scope.parent) scope = scope.parent
        if (scope !== this.cur) {
          if (scope.type === 'class') throw this.error('assignment expression within a comprehension cannot be used in a class body', e)
          const name = e.target.id as string
          scope.addFlag(name, DEF_LOCAL)
          this.cur.addFlag(name, DEF_NONLOCAL)
        } else this.visitExpr(e.target)
        break
      }
      case 'BoolOp':
        this.visitExprs(e.values)
        break
      case 'BinOp':
        this.visitExpr(e.left)
        this.visitExpr(e.right)
        break
      case 'UnaryOp':
        this.visitExpr(e.operand)
        break
      case 'Lambda': {
        this.visitArgDefaults(e.args)
        const entry = this.enter('function', 'lambda', e)
        entry.isLambda = true
        this.visitParams(e.args)
        this.visitExpr(e.body)
        this.exit()
        break
      }
      case 'IfExp':
        this.visitExpr(e.test)
        this.visitExpr(e.body)
        this.visitExpr(e.orelse)
        break
      case 'Dict':
        this.visitExprs(e.keys)
        this.visitExprs(e.values)
        break
      case 'Set':
      case 'List':
      case 'Tuple':
        this.visitExprs(e.elts)
        break
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        this.visitComprehension(e)
        break
      case 'Yield':
      case 'YieldFrom':
      case 'Await':
        if (this.cur.type !== 'function') throw this.error(`'${kind(e) === 'Await' ? 'await' : 'yield'}' outside function`, e)
        if (this.cur.isComprehension) throw this.error(`'yield' inside ${comprehensionName(this.cur.node)}`, e)
        if (kind(e) !== 'Await') this.cur.isGenerator = true
        if (e.value) this.visitExpr(e.value)
        break
      case 'Compare':
        this.visitExpr(e.left)
        this.visitExprs(e.comparators)
        break
      case 'Call':
        this.visitExpr(e.func)
        this.visitExprs(e.args)
        for (const k of e.keywords) this.visitExpr(k.value)
        break
      case 'FormattedValue':
        this.visitExpr(e.value)
        if (e.format_spec) this.visitExpr(e.format_spec)
        break
      case 'JoinedStr':
        this.visitExprs(e.values)
        break
      case 'Constant':
        break
      case 'Attribute':
        this.visitExpr(e.value)
        break
      case 'Subscript':
        this.visitExpr(e.value)
        this.visitExpr(e.slice)
        break
      case 'Starred':
        this.visitExpr(e.value)
        break
      case 'Slice':
        if (e.lower) this.visitExpr(e.lower)
        if (e.upper) this.visitExpr(e.upper)
        if (e.step) this.visitExpr(e.step)
        break
      default:
        throw this.error(`unsupported expression ${kind(e)}`, e)
    }
  }

  private visitComprehension(e: Node): void {
    const gens: Node[] = e.generators
    // The outermost iterable is evaluated in the enclosing scope.
    this.visitExpr(gens[0]!.iter)
    if (this.listCompInline && kind(e) === 'ListComp') {
      for (let i = 0; i < gens.length; i++) {
        const g = gens[i]!
        this.visitExpr(g.target)
        if (i > 0) this.visitExpr(g.iter)
        for (const cond of g.ifs) this.visitExpr(cond)
      }
      this.visitExpr(e.elt)
      return
    }
    const name = comprehensionName(e)
    const entry = this.enter('function', name, e)
    entry.isComprehension = true
    if (kind(e) === 'GeneratorExp') entry.isGenerator = true
    entry.addFlag('.0', DEF_PARAM)
    entry.varnames.push('.0')
    for (let i = 0; i < gens.length; i++) {
      const g = gens[i]!
      this.visitExpr(g.target)
      if (i > 0) this.visitExpr(g.iter)
      for (const cond of g.ifs) this.visitExpr(cond)
    }
    if (kind(e) === 'DictComp') {
      this.visitExpr(e.key)
      this.visitExpr(e.value)
    } else this.visitExpr(e.elt)
    this.exit()
  }
}

export function comprehensionName(e: Node): string {
  switch (kind(e)) {
    case 'ListComp':
      return '<listcomp>'
    case 'SetComp':
      return '<setcomp>'
    case 'DictComp':
      return '<dictcomp>'
    default:
      return '<genexpr>'
  }
}

export function mangleName(className: string | null, name: string): string {
  if (className === null || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name
  const stripped = className.replace(/^_+/, '')
  if (stripped === '') return name
  return `_${stripped}${name}`
}

/**
 * Resolves each scope's names bottom-up: locals, explicit and implicit globals, free variables (bound in an
 * enclosing function), cells (bound here, used by a child).
 * @cpython Python/symtable.c#analyze_block
 */
function analyze(e: SymbolTableEntry, bound: Set<string>, free: Set<string>, global: Set<string>, classEntry: SymbolTableEntry | null, st: SymbolTable): void {
  const local = new Set<string>()
  const newBound = new Set<string>()
  const newGlobal = new Set(global)
  const newFree = new Set<string>()
  // 1. Names declared here.
  for (const [name, flags] of e.flags) {
    if (flags & DEF_GLOBAL) {
      e.scopes.set(name, 'GLOBAL_EXPLICIT')
      newGlobal.add(name)
    } else if (flags & DEF_NONLOCAL) {
      if (!bound.has(name)) {
        throw st.error(`no binding for nonlocal '${name}' found`, e.nonlocalDecls.get(name) ?? e.node)
      }
      e.scopes.set(name, 'FREE')
      newFree.add(name)
    } else if (flags & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)) {
      e.scopes.set(name, 'LOCAL')
      local.add(name)
      newGlobal.delete(name)
    } else if (bound.has(name) && e.type !== 'module') {
      e.scopes.set(name, 'FREE')
      newFree.add(name)
    } else if (global.has(name)) {
      e.scopes.set(name, 'GLOBAL_IMPLICIT')
    } else {
      e.scopes.set(name, 'GLOBAL_IMPLICIT')
    }
  }
  // Names bound in this function scope are visible to nested functions.
  const childBound = new Set(bound)
  if (e.type === 'function') for (const n of local) childBound.add(n)
  if (e.type === 'class') {
    // Class scopes don't create bindings for nested functions, but `__class__` is provided as a cell.
    childBound.add('__class__')
  }
  for (const n of newBound) childBound.add(n)
  const childFree = new Set<string>()
  for (const c of e.children) {
    const cf = new Set<string>()
    analyze(c, childBound, cf, newGlobal, e.type === 'class' ? e : classEntry, st)
    for (const n of cf) childFree.add(n)
  }
  // 2. Cells: locals of this function that children use freely.
  if (e.type === 'function') {
    for (const n of childFree) {
      if (e.scopes.get(n) === 'LOCAL') {
        e.scopes.set(n, 'CELL')
        childFree.delete(n)
      }
    }
  }
  if (e.type === 'class' && childFree.has('__class__')) {
    e.needsClassClosure = true
    childFree.delete('__class__')
  }
  // 3. Free variables of children that pass through this scope.
  for (const n of childFree) {
    const sc = e.scopes.get(n)
    if (sc === undefined) {
      if (e.type !== 'module' && bound.has(n)) {
        e.scopes.set(n, 'FREE')
        newFree.add(n)
      }
    } else if (e.type === 'class' && (sc === 'LOCAL' || sc === 'GLOBAL_IMPLICIT' || sc === 'GLOBAL_EXPLICIT')) {
      // A class body passes the free variable through (DEF_FREE_CLASS) while keeping its own binding.
      if (bound.has(n)) {
        e.addFlag(n, DEF_FREE_CLASS)
        newFree.add(n)
      }
    } else if (sc === 'GLOBAL_IMPLICIT' && e.type === 'function' && bound.has(n)) {
      e.scopes.set(n, 'FREE')
      newFree.add(n)
    } else if (sc === 'FREE') {
      newFree.add(n)
    }
  }
  for (const n of newFree) free.add(n)
}

export type { Node }

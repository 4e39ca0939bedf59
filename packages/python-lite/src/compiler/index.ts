/**
 * Source → code object: parse, build the arena's literal objects, fold constants, compile.
 * @cpython Python/pythonrun.c#run_mod
 */
import { Py_DECREF, type PyCodeObject, type PyObject, type Runtime } from '@heap/core'
import { Compiler, type CompileMode } from './compile.js'
import { ConstantFactory } from './constants.js'
import { warnControlFlowInFinally } from './finally-warnings.js'

export type { CompileMode }

/** The parser: source → AST (CPython's `Python.asdl` shapes); throws syntax-error data. */
export type ParseFn = (
  source: string,
  options: { filename: string; mode: CompileMode; profile: string; warn?: WarnFn; invalidEscapeWarning?: string | null; printStatement?: boolean },
) => unknown

/** Receives a SyntaxWarning of the parser or the compiler: the line and the text. */
export type WarnFn = (lineno: number, message: string) => void

let parserImpl: ParseFn | null = null

/** Installs the parser (the interpreter installs its own; tests may install another). */
export function setParser(fn: ParseFn): void {
  parserImpl = fn
}

export function getParser(): ParseFn {
  if (parserImpl === null) throw new Error('no parser installed')
  return parserImpl
}

interface HasRuntime {
  readonly rt: Runtime
}

/**
 * Compiles `source`. With an `arena`, the parser's literal objects go into it and stay alive as long as the caller
 * keeps the arena (script mode keeps it while the module runs; the REPL while the statement runs); without one,
 * they are released right after compilation (`compile()`, imports).
 */
export function compileModule(host: HasRuntime, source: string, filename: string, mode: CompileMode, arena: PyObject[] | null, warn?: WarnFn): PyCodeObject {
  const rt = host.rt
  const tree = getParser()(source, { filename, mode, profile: rt.profile.id, warn, invalidEscapeWarning: rt.profile.messages.invalidEscapeWarning, printStatement: rt.profile.language.printStatement })
  const own: PyObject[] = arena ?? []
  const factory = new ConstantFactory(rt, own)
  let compiler: Compiler | null = null
  try {
    factory.prepare(tree, source)
    const finallyWarning = rt.profile.messages.controlFlowInFinally
    if (warn !== undefined && finallyWarning !== null && rt.profile.output.syntaxWarnings) warnControlFlowInFinally(tree, finallyWarning, warn)
    factory.fold(tree)
    compiler = new Compiler(rt, tree, filename, source, mode, factory, warn)
    return compiler.compileModule(tree, mode)
  } finally {
    compiler?.dispose()
    factory.dispose()
    if (arena === null) for (const o of own) Py_DECREF(o)
  }
}

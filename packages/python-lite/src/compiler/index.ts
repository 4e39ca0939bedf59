/**
 * Source → code object: parse, build the arena's literal objects, fold constants, compile.
 * @cpython Python/pythonrun.c#run_mod
 */
import { Py_DECREF, type PyCodeObject, type PyObject, type Runtime } from '@heap/core'
import { parse, PARSER_PROFILES } from '../parser/index.js'
import { Compiler, type CompileMode } from './compile.js'
import { ConstantFactory } from './constants.js'

export type { CompileMode }

interface HasRuntime {
  readonly rt: Runtime
}

/** The parser options for a profile (named capabilities, chosen by the profile id). */
export function parserVersionFor(rt: Runtime): unknown {
  const table = PARSER_PROFILES as Record<string, unknown>
  return table[rt.profile.id] ?? table['3.11']
}

/**
 * Compiles `source`. With an `arena`, the parser's literal objects go into it and stay alive as long as the caller
 * keeps the arena (script mode keeps it while the module runs; the REPL while the statement runs); without one,
 * they are released right after compilation (`compile()`, imports).
 */
export function compileModule(host: HasRuntime, source: string, filename: string, mode: CompileMode, arena: PyObject[] | null): PyCodeObject {
  const rt = host.rt
  const tree = parse(source, { filename, mode, version: parserVersionFor(rt) } as never)
  const own: PyObject[] = arena ?? []
  const factory = new ConstantFactory(rt, own)
  let compiler: Compiler | null = null
  try {
    factory.prepare(tree)
    factory.fold(tree)
    compiler = new Compiler(rt, tree, filename, source, mode, factory)
    return compiler.compileModule(tree, mode)
  } finally {
    compiler?.dispose()
    factory.dispose()
    if (arena === null) for (const o of own) Py_DECREF(o)
  }
}

/**
 * The interactive loop: statements are read line by line, compiled in 'single' mode (expression values are echoed
 * through `sys.displayhook`), executed, and their arena and code released before the next prompt.
 * @cpython Python/pythonrun.c#PyRun_InteractiveOneObjectEx
 */
import {
  PyDict_New,
  PyDict_SetItem,
  PyErr,
  PyObject_CallArgs,
  PyTuple_Pack,
  PyUnicode_FromString,
  Py_DECREF,
  errMatches,
  type PyCodeObject,
  type PyDictObject,
  type PyObject,
} from '@heap/core'
import { ProcessExit } from './host.js'
import { SYNTAX_MESSAGES } from './syntax/messages.js'
import { interactiveStatus, type InteractiveStatus } from './syntax/parser.js'
import type { Interpreter } from './interp.js'
import { BudgetExceeded } from './vm/ceval.js'

/** Whether `text` is an unfinished statement (open brackets or triple quotes, a block header, a continuation). */
export function needsMoreInput(text: string): boolean {
  let depth = 0
  let inStr: string | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (inStr !== null) {
      if (c === '\\') i++
      else if (text.startsWith(inStr, i)) {
        i += inStr.length - 1
        inStr = null
      } else if (c === '\n' && inStr.length === 1) inStr = null
      continue
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++
      continue
    }
    if (c === '"' || c === "'") {
      inStr = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c
      i += inStr.length - 1
      continue
    }
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
  }
  return depth > 0 || (inStr !== null && inStr.length === 3) || /\\\n?$/.test(text)
}

/** Whether the statement's first line opens a block (then the statement ends with an empty line). */
export function opensBlock(firstLine: string): boolean {
  const t = firstLine.trimStart()
  if (/^(if|while|for|try|with|def|class|async|match)\b/.test(t) || t.startsWith('@')) return true
  return /:\s*(#.*)?$/.test(firstLine.trimEnd()) && !/^\s*(lambda|\{)/.test(t)
}

export class ReplSession {
  private buffer: string[] = []
  private readonly dict: PyDictObject
  private done: number | null = null

  constructor(
    private readonly interp: Interpreter,
    banner: boolean,
  ) {
    const main = interp.newModule('__main__', null)
    interp.registerModule('__main__', main)
    interp.startupPromote()
    Py_DECREF(main)
    this.dict = (main as unknown as { md_dict: PyDictObject }).md_dict
    this.discardStartupClasses()
    if (banner) {
      interp.writeStderr(`Python ${interp.profile.cpython.sysVersion.replace('\n', '')} on ${interp.profile.cpython.platform}\nType "help", "copyright", "credits" or "license" for more information.\n`)
    }
  }

  /** What the start-up's surviving objects keep alive (the bases tuples of the discarded classes). */
  private readonly startupHeld: PyObject[] = []

  /** The classes the REPL's start-up creates and drops (profile data): cyclic garbage until the first collection. */
  private discardStartupClasses(): void {
    const rt = this.interp.rt
    if (this.interp.profile.output.replStartupDiscardedClasses.length > 0) rt.auditRoots.push((visit) => this.startupHeld.forEach(visit))
    for (const qualified of this.interp.profile.output.replStartupDiscardedClasses) {
      const dot = qualified.lastIndexOf('.')
      const name = PyUnicode_FromString(rt, qualified.slice(dot + 1))
      const ns = PyDict_New(rt)
      const modKey = PyUnicode_FromString(rt, '__module__')
      const mod = PyUnicode_FromString(rt, qualified.slice(0, dot))
      PyDict_SetItem(ns, modKey, mod)
      Py_DECREF(modKey)
      Py_DECREF(mod)
      const bases = PyTuple_Pack(rt, [rt.types.object])
      try {
        Py_DECREF(PyObject_CallArgs(rt.types.type, [name, bases, ns]))
      } finally {
        Py_DECREF(name)
        Py_DECREF(ns)
      }
      // The replacement class (alive for the whole session) shares the bases tuple.
      this.startupHeld.push(bases)
    }
  }

  /** Lines of an unfinished statement are waiting. */
  get pending(): boolean {
    return this.buffer.length > 0
  }

  /** The prompt for the next line (`sys.ps1` or `sys.ps2`). */
  prompt(): string {
    return this.buffer.length === 0 ? this.interp.sys.ps1() : this.interp.sys.ps2()
  }

  /** Ctrl-C at the prompt: the pending lines are dropped and KeyboardInterrupt is reported. */
  interrupt(): void {
    this.buffer = []
    this.interp.writeStderr('\nKeyboardInterrupt\n')
  }

  /**
   * Feeds one line (without its newline). Returns the process exit code when the session ended (sys.exit, a
   * simulated crash), else null.
   */
  push(line: string): number | null {
    if (this.done !== null) return this.done
    if (this.buffer.length === 0 && line.trim() === '') return null
    this.buffer.push(line)
    const text = this.buffer.join('\n') + '\n'
    const first = this.buffer[0]!
    const waiting = needsMoreInput(text) || (opensBlock(first) && line.trim() !== '')
    // The parser fails as soon as the line holding the bad token is read, even with brackets or a block open.
    if (waiting && this.status(text) !== 'error') return null
    this.buffer = []
    return this.run(text)
  }

  private status(text: string): InteractiveStatus {
    const p = this.interp.profile
    return interactiveStatus(text, { filename: '<stdin>', profile: p.id, printStatement: p.language.printStatement })
  }

  /**
   * End of input (Ctrl-D): the line ends; a pending statement runs (a block ends here), then the next prompt meets
   * the end of input too. With the LL(1) parser, input that still needs tokens ends the session quietly.
   */
  eof(): number {
    if (this.done !== null) return this.done
    this.interp.writeStderr('\n')
    if (this.buffer.length > 0) {
      const text = this.buffer.join('\n') + '\n'
      this.buffer = []
      const msgs = SYNTAX_MESSAGES[this.interp.profile.id] ?? SYNTAX_MESSAGES['3.11']!
      if (msgs.interactiveEof !== 'exit' || this.status(text) !== 'incomplete') {
        const r = this.run(text)
        if (r !== null) return r
        this.interp.writeStderr(this.prompt())
        this.interp.writeStderr('\n')
      }
    }
    this.interp.snapshotAtExit()
    return this.interp.finalize(0)
  }

  private run(text: string): number | null {
    const interp = this.interp
    const arena = interp.newArena()
    interp.arena = arena
    const parsed: PyObject[] = []
    let code: PyCodeObject | null = null
    try {
      try {
        code = interp.compile(text, '<stdin>', 'single', parsed)
      } finally {
        interp.arenaAdopt(arena, parsed)
      }
      if (interp.profile.output.replSourceLines) interp.sources.addInteractive(code, text)
      const res = interp.execCode(code, this.dict, this.dict)
      Py_DECREF(res)
      interp.flushLine()
    } catch (e) {
      if (e instanceof PyErr) {
        if (errMatches(e, 'SystemExit')) {
          const status = interp.handleUncaught(e)
          this.done = interp.finalize(status)
          return this.done
        }
        interp.handleUncaught(e)
      } else if (e instanceof ProcessExit) {
        this.done = interp.endProcessPublic(e)
        return this.done
      } else if (e instanceof BudgetExceeded) {
        this.done = interp.budgetExceededPublic(e)
        return this.done
      } else throw e
    } finally {
      if (code !== null) Py_DECREF(code)
      interp.arena = null
      Py_DECREF(arena)
    }
    return null
  }
}

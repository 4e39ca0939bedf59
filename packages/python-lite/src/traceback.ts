/**
 * Printing exceptions: uncaught tracebacks (with 3.11+ carets), chained exceptions, name suggestions, SyntaxError
 * reports and "Exception ignored" (unraisable) reports — in each profile's format.
 * @cpython Python/traceback.c#tb_displayline
 * @cpython Python/pythonrun.c#print_exception
 * @cpython Python/errors.c#write_unraisable_exc_file
 */
import {
  PyErr,
  Py_DECREF,
  Py_INCREF,
  reprText,
  strText,
  _PyObject_LookupAttrStr,
  type PyBaseExceptionObject,
  type PyDictObject,
  type PyObject,
  type PyTypeObject,
  type PyUnicodeObject,
} from '@heap/core'
import type { SyntaxErrorInfo } from './compiler/errors.js'
import type { Interpreter } from './interp.js'
import type { Position } from './compiler/opcodes.js'
import type { PyFrameObject } from './vm/frame.js'
import { anchorsFor, shouldShowCarets } from './traceback-anchors.js'
import { suggestionFor } from './suggestions.js'

interface TracebackEntry {
  tb_next: PyObject | null
  tb_frame: PyObject
  tb_lasti: number
  tb_lineno: number
}

/** The text of a str object. */
function s(o: PyObject): string {
  return (o as PyUnicodeObject).value
}

/** `Type` or `module.Type` as tracebacks print the exception type. */
export function exceptionTypeName(t: PyTypeObject): string {
  const mod = t.tp_module ?? moduleOf(t)
  const name = t.tp_qualname
  if (mod === null || mod === 'builtins' || (mod === '__main__' && !t.tp_runtime.profile.output.exceptionMainModule)) return name
  return `${mod}.${name}`
}

function moduleOf(t: PyTypeObject): string | null {
  const d = t.tp_dict as PyDictObject | null
  if (!d) return null
  const keys = d.ma_keys
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    if (k !== undefined && s(k) === '__module__') {
      const v = d.ma_values[i]!
      return v.ob_type === t.ob_type.tp_runtime.types.str ? s(v) : null
    }
  }
  return null
}

/** `str(exc)` guarded: a failing `__str__` prints `<exception str() failed>`. */
function safeStr(exc: PyObject): string {
  try {
    return strText(exc)
  } catch (e) {
    if (e instanceof PyErr) {
      Py_DECREF(e.exc)
      return '<exception str() failed>'
    }
    throw e
  }
}

function safeRepr(o: PyObject): string {
  try {
    return reprText(o)
  } catch (e) {
    if (e instanceof PyErr) {
      Py_DECREF(e.exc)
      return `<object repr() failed>`
    }
    throw e
  }
}

/** Formats the traceback entries of `tb` (outermost first). */
export function formatTraceback(interp: Interpreter, tb: PyObject | null, cPrinter = false): string[] {
  const lines: string[] = []
  let last: string | null = null
  let repeat = 0
  const flushRepeat = (): void => {
    if (repeat > 3) lines.push(`  [Previous line repeated ${repeat - 3} more time${repeat - 3 === 1 ? '' : 's'}]\n`)
  }
  for (let t = tb as unknown as TracebackEntry | null; t !== null; t = t.tb_next as unknown as TracebackEntry | null) {
    const entry = formatEntry(interp, t, cPrinter)
    if (entry === last) {
      repeat++
      if (repeat > 3) continue
    } else {
      flushRepeat()
      last = entry
      repeat = 1
    }
    lines.push(entry)
  }
  flushRepeat()
  return lines
}

function formatEntry(interp: Interpreter, t: TracebackEntry, cPrinter: boolean): string {
  const fo = t.tb_frame as PyFrameObject
  const f = fo.f_frame
  const code = f !== null ? f.code : null
  const filename = code ? s(code.co_filename) : '<unknown>'
  const name = code ? s(code.co_name) : '<unknown>'
  let out = `  File "${filename}", line ${t.tb_lineno}, in ${name}\n`
  if (interp.finalizingSources) return out
  const isRepl = filename === '<stdin>' || filename.startsWith('<')
  if (isRepl && !interp.profile.output.replSourceLines) return out
  // `<stdin>` lines come from the code object's interactive registration (3.13+), not the file name.
  const src = isRepl && code !== null ? interp.sources.interactiveLine(code, t.tb_lineno) : interp.sources.line(filename, t.tb_lineno)
  if (src === null) return out
  const stripped = src.trimStart()
  if (stripped.trim() === '') return out
  out += `    ${stripped.trimEnd()}\n`
  if (!interp.profile.output.tracebackCarets || f === null) return out
  if (cPrinter && !interp.profile.output.cTracebackCarets) return out
  const pos: Position | undefined = f.unit.positions[t.tb_lasti]
  if (!pos || pos.lineno !== t.tb_lineno || pos.end_lineno !== pos.lineno || pos.col_offset < 0 || pos.end_col_offset < 0) return out
  const indent = src.length - stripped.length
  const lineBytes = new TextEncoder().encode(src)
  const toChars = (byteOff: number): number => new TextDecoder().decode(lineBytes.slice(0, byteOff)).length
  const start = toChars(pos.col_offset) - indent
  const end = toChars(pos.end_col_offset) - indent
  const body = stripped.trimEnd()
  const module = interp.profile.output.exceptionPrinter === 'traceback-module'
  if (start < 0 || end <= start) return out
  const segment = stripped.slice(start, end)
  const anchors = anchorsFor(segment, interp)
  // @cpython Python/traceback.c#tb_displayline: carets spanning the whole line are elided unless anchors split them
  if (!module && start <= 0 && end >= body.length && anchors === null) return out
  if (module && !shouldShowCarets(interp, body, start, end, anchors)) return out
  let carets = ' '.repeat(start)
  if (anchors === null) carets += '^'.repeat(end - start)
  else {
    for (let i = 0; i < end - start; i++) carets += i >= anchors.left && i < anchors.right ? anchors.primary : anchors.secondary
  }
  out += `    ${carets}\n`
  return out
}

/** A piece of a report: `margin` says whether the exception-group margin goes in front of it. */
interface Chunk {
  readonly text: string
  readonly margin: boolean
}

const chunk = (text: string, margin = true): Chunk => ({ text, margin })

/** `Type: message` (or `Type` alone) with 3.10+ name suggestions, then the notes (3.11+), as CPython writes them. */
function exceptionOnlyChunks(interp: Interpreter, exc: PyObject): Chunk[] {
  const rt = interp.rt
  const t = exc.ob_type
  if (isSubtype(t, rt.exc['SyntaxError']!)) return [...formatSyntaxErrorLines(interp, exc).map((l) => chunk(l)), ...noteChunks(interp, exc)]
  const typeName = exceptionTypeName(t)
  const msg = safeStr(exc)
  let line = msg === '' ? typeName : `${typeName}: ${msg}`
  const hint = suggestionFor(interp, exc)
  if (hint !== null) line += hint
  return [chunk(line + '\n'), ...noteChunks(interp, exc)]
}

/** `Type: message` lines and the notes. */
export function formatExceptionOnly(interp: Interpreter, exc: PyObject): string[] {
  return exceptionOnlyChunks(interp, exc).map((c) => c.text)
}

/** `getattr(exc, '__notes__', None)` (a new reference or null; a failing lookup counts as no notes). */
function lookupNotes(exc: PyObject): PyObject | null {
  try {
    return _PyObject_LookupAttrStr(exc, '__notes__')
  } catch (e) {
    if (e instanceof PyErr) {
      Py_DECREF(e.exc)
      return null
    }
    throw e
  }
}

/**
 * `print_exception_notes`: each note's lines, or the repr of a `__notes__` that is not a sequence (3.12+: nor a str).
 * @cpython Python/pythonrun.c#print_exception_notes
 */
function noteChunks(interp: Interpreter, exc: PyObject): Chunk[] {
  const rt = interp.rt
  const ex = rt.profile.objects.exceptions
  if (!ex.notes) return []
  const notes = lookupNotes(exc)
  if (notes === null) return []
  const out: Chunk[] = []
  try {
    const textual = (notes.ob_type.tp_flags & ((1 << 28) | (1 << 27))) !== 0
    const isSeq = (notes.ob_type.tp_flags & (1 << 29)) === 0 && notes.ob_type.sq_item !== null && !(textual && ex.notesStr === 'repr')
    if (!isSeq) {
      // 3.11 writes no newline after it.
      out.push(chunk(safeReprOr(notes, '<__notes__ repr() failed>') + (ex.notesStr === 'repr' ? '\n' : '')))
      return out
    }
    const module = interp.profile.output.exceptionPrinter === 'traceback-module'
    const n = notes.ob_type.sq_length !== null ? notes.ob_type.sq_length(notes) : 0
    for (let i = 0; i < n; i++) {
      const note = notes.ob_type.sq_item!(notes, i)
      let text: string | null
      try {
        text = strText(note)
      } catch (e) {
        if (!(e instanceof PyErr)) throw e
        Py_DECREF(e.exc)
        text = null
      } finally {
        Py_DECREF(note)
      }
      if (module) {
        for (const l of (text ?? '<note str() failed>').split('\n')) out.push(chunk(l + '\n'))
        continue
      }
      if (text === null) out.push(chunk('<note str() failed>', false))
      else for (const l of splitlinesKeepends(text)) out.push(chunk(l))
      out.push(chunk('\n', false))
    }
  } finally {
    Py_DECREF(notes)
  }
  return out
}

/** `str.splitlines(keepends=True)`: the line boundaries CPython's str recognises. */
function splitlinesKeepends(s: string): string[] {
  const out: string[] = []
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const isBreak = c === 10 || c === 13 || c === 11 || c === 12 || (c >= 28 && c <= 30) || c === 0x85 || c === 0x2028 || c === 0x2029
    if (!isBreak) continue
    if (c === 13 && s.charCodeAt(i + 1) === 10) i++
    out.push(s.slice(start, i + 1))
    start = i + 1
  }
  if (start < s.length) out.push(s.slice(start))
  return out
}

function safeReprOr(o: PyObject, failed: string): string {
  try {
    return reprText(o)
  } catch (e) {
    if (e instanceof PyErr) {
      Py_DECREF(e.exc)
      return failed
    }
    throw e
  }
}

function isSubtype(a: PyTypeObject, b: PyTypeObject): boolean {
  for (let t: PyTypeObject | null = a; t !== null; t = t.tp_base) if (t === b) return true
  return false
}

// --- whole reports: chains and exception groups -----------------------------------------------------------------

const CAUSE_MESSAGE = 'The above exception was the direct cause of the following exception:\n'
const CONTEXT_MESSAGE = 'During handling of the above exception, another exception occurred:\n'
const MAX_GROUP_WIDTH = 15
const MAX_GROUP_DEPTH = 10

/** `exception_print_context` / `_ExceptionPrintContext`. */
interface PrintContext {
  depth: number
  needClose: boolean
  readonly out: string[]
  /** The traceback module puts the margin in front of every line of a piece; pythonrun.c in front of the piece. */
  readonly everyLine: boolean
}

function indent(ctx: PrintContext): string {
  return ' '.repeat(2 * ctx.depth)
}

/** Writes a piece with the group margin (`|`, or `+` for a top-level group's traceback header). */
function emit(ctx: PrintContext, c: Chunk, marginChar = '|'): void {
  if (ctx.depth === 0 || !c.margin) {
    ctx.out.push(c.text)
    return
  }
  const prefix = `${indent(ctx)}${marginChar} `
  if (!ctx.everyLine) ctx.out.push(prefix + c.text)
  else ctx.out.push(c.text.split(/(?<=\n)/).map((l) => prefix + l).join(''))
}

function isExceptionGroup(interp: Interpreter, exc: PyObject): boolean {
  const g = interp.rt.exc['BaseExceptionGroup']
  return g !== undefined && isSubtype(exc.ob_type, g)
}

function groupMembers(exc: PyObject): PyObject[] {
  const excs = (exc as PyBaseExceptionObject).fields?.['excs'] ?? null
  return excs !== null ? (excs as unknown as { ob_item: PyObject[] }).ob_item : []
}

/** The traceback, then the message and notes. @cpython Python/pythonrun.c#print_exception */
function printOne(interp: Interpreter, ctx: PrintContext, exc: PyObject): void {
  const e = exc as PyBaseExceptionObject
  if (e.traceback !== null) {
    const group = isExceptionGroup(interp, exc)
    const header = group ? 'Exception Group Traceback (most recent call last):\n' : 'Traceback (most recent call last):\n'
    emit(ctx, chunk(header), group && ctx.depth === 1 ? '+' : '|')
    for (const entry of formatTraceback(interp, e.traceback)) for (const l of entry.split(/(?<=\n)/)) emit(ctx, chunk(l))
  }
  for (const c of exceptionOnlyChunks(interp, exc)) emit(ctx, c)
}

/**
 * An exception group: itself, then each member in a numbered frame (at most 15, at most 10 levels deep).
 * @cpython Python/pythonrun.c#print_exception_group
 */
function printGroup(interp: Interpreter, ctx: PrintContext, exc: PyObject, member: (i: number) => void): void {
  if (ctx.depth > MAX_GROUP_DEPTH) {
    emit(ctx, chunk(`... (max_group_depth is ${MAX_GROUP_DEPTH})\n`))
    return
  }
  if (ctx.depth === 0) ctx.depth = 1
  printOne(interp, ctx, exc)
  const total = groupMembers(exc).length
  const n = total <= MAX_GROUP_WIDTH ? total : MAX_GROUP_WIDTH + 1
  ctx.needClose = false
  for (let i = 0; i < n; i++) {
    const last = i === n - 1
    if (last) ctx.needClose = true
    const truncated = i >= MAX_GROUP_WIDTH
    ctx.out.push(`${indent(ctx)}${i === 0 ? '+-' : '  '}+---------------- ${truncated ? '...' : i + 1} ----------------\n`)
    ctx.depth++
    if (!truncated) member(i)
    else {
      const more = total - MAX_GROUP_WIDTH
      emit(ctx, chunk(`and ${more} more exception${more > 1 ? 's' : ''}\n`))
    }
    if (last && ctx.needClose) {
      ctx.out.push(`${indent(ctx)}+------------------------------------\n`)
      ctx.needClose = false
    }
    ctx.depth--
  }
  if (ctx.depth === 1) ctx.depth = 0
}

/** A chained exception, then the sentence that links it to the next. @cpython Python/pythonrun.c#print_chained */
function printChained(interp: Interpreter, ctx: PrintContext, value: PyObject, message: string, seen: Set<PyObject>): void {
  const needClose = ctx.needClose
  printRecursive(interp, ctx, value, seen)
  ctx.needClose = needClose
  emit(ctx, chunk('\n'))
  emit(ctx, chunk(message))
  emit(ctx, chunk('\n'))
}

/**
 * pythonrun.c's order: the cause (or, unless suppressed, the context) first, each exception once in printing order.
 * @cpython Python/pythonrun.c#print_exception_recursive
 */
function printRecursive(interp: Interpreter, ctx: PrintContext, exc: PyObject, seen: Set<PyObject>): void {
  seen.add(exc)
  const e = exc as PyBaseExceptionObject
  if (e.cause !== null) {
    if (!seen.has(e.cause)) printChained(interp, ctx, e.cause, CAUSE_MESSAGE, seen)
  } else if (!e.suppress_context && e.context !== null && !seen.has(e.context)) {
    printChained(interp, ctx, e.context, CONTEXT_MESSAGE, seen)
  }
  if (!isExceptionGroup(interp, exc)) printOne(interp, ctx, exc)
  else printGroup(interp, ctx, exc, (i) => printRecursive(interp, ctx, groupMembers(exc)[i]!, seen))
}

/** `TracebackException`'s links: which chained exceptions and members a report shows. */
interface ExceptionNode {
  readonly exc: PyObject
  cause: ExceptionNode | null
  context: ExceptionNode | null
  members: ExceptionNode[] | null
}

/**
 * `TracebackException.__init__` (compact): the chains and members, collected through a last-in-first-out queue with
 * one seen set, so an exception reached twice is shown where it was reached first.
 */
function collectNodes(interp: Interpreter, top: PyObject): ExceptionNode {
  const seen = new Set<PyObject>([top])
  const node = (exc: PyObject): ExceptionNode => {
    seen.add(exc)
    return { exc, cause: null, context: null, members: null }
  }
  const root: ExceptionNode = { exc: top, cause: null, context: null, members: null }
  const queue: ExceptionNode[] = [root]
  while (queue.length > 0) {
    const te = queue.pop()!
    const e = te.exc as PyBaseExceptionObject
    te.cause = e.cause !== null && !seen.has(e.cause) ? node(e.cause) : null
    const needContext = te.cause === null && !e.suppress_context
    te.context = e.context !== null && needContext && !seen.has(e.context) ? node(e.context) : null
    te.members = isExceptionGroup(interp, te.exc) ? groupMembers(te.exc).map(node) : null
    if (te.cause !== null) queue.push(te.cause)
    if (te.context !== null) queue.push(te.context)
    if (te.members !== null) queue.push(...te.members)
  }
  return root
}

/** `TracebackException.format`: the chain oldest first, then each exception (groups with their members). */
function formatNode(interp: Interpreter, ctx: PrintContext, te: ExceptionNode): void {
  const chain: [string | null, ExceptionNode][] = []
  for (let n: ExceptionNode | null = te; n !== null; ) {
    const e = n.exc as PyBaseExceptionObject
    if (n.cause !== null) {
      chain.push([CAUSE_MESSAGE, n])
      n = n.cause
    } else if (n.context !== null && !e.suppress_context) {
      chain.push([CONTEXT_MESSAGE, n])
      n = n.context
    } else {
      chain.push([null, n])
      n = null
    }
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const [link, n] = chain[i]!
    if (link !== null) emit(ctx, chunk(`\n${link}\n`))
    if (n.members === null) printOne(interp, ctx, n.exc)
    else printGroup(interp, ctx, n.exc, (k) => formatNode(interp, ctx, n.members![k]!))
  }
}

/** The lines of a whole report for `exc`, with its causes and contexts first. */
export function formatException(interp: Interpreter, exc: PyObject): string[] {
  const module = interp.profile.output.exceptionPrinter === 'traceback-module'
  const ctx: PrintContext = { depth: 0, needClose: false, out: [], everyLine: module }
  if (module) formatNode(interp, ctx, collectNodes(interp, exc))
  else printRecursive(interp, ctx, exc, new Set())
  return ctx.out
}

/** Prints an uncaught exception through `sys.excepthook`'s default format. */
export function printException(interp: Interpreter, exc: PyObject): void {
  interp.flushStdout()
  interp.writeStderr(formatException(interp, exc).join(''))
}

// --- SyntaxError ------------------------------------------------------------------------------------------------

function field(exc: PyObject, name: string): PyObject | null {
  const f = (exc as PyBaseExceptionObject).fields as Record<string, PyObject | null> | null
  return f ? (f[name] ?? null) : null
}

function formatSyntaxErrorLines(interp: Interpreter, exc: PyObject): string[] {
  const rt = interp.rt
  const typeName = exceptionTypeName(exc.ob_type)
  const filename = field(exc, 'filename')
  const lineno = field(exc, 'lineno')
  const text = field(exc, 'text')
  const offset = field(exc, 'offset')
  const endOffset = field(exc, 'end_offset')
  const msg = field(exc, 'msg')
  const out: string[] = []
  const num = (o: PyObject | null): number | null => (o !== null && o !== rt.None ? Number((o as unknown as { ob_ival: number }).ob_ival) : null)
  if (filename !== null && filename !== rt.None) {
    out.push(`  File "${s(filename)}", line ${num(lineno) ?? 0}\n`)
  }
  if (text !== null && text !== rt.None && interp.profile.output.syntaxErrorText === 'pgen') {
    out.push(...pgenErrorText(num(offset) ?? -1, s(text)))
  } else if (text !== null && text !== rt.None && interp.profile.output.exceptionPrinter === 'traceback-module') {
    out.push(...tracebackModuleErrorText(num(lineno), num(offset), num(field(exc, 'end_lineno')), num(endOffset), s(text)))
  } else if (text !== null && text !== rt.None) {
    // Only an exact SyntaxError has its end position read; subclasses get one caret.
    const exact = exc.ob_type === rt.exc['SyntaxError']
    const ln = num(lineno) ?? 0
    const endLineno = exact ? (num(field(exc, 'end_lineno')) ?? ln) : ln
    out.push(...pythonrunErrorText(ln, num(offset) ?? -1, endLineno, exact ? (num(endOffset) ?? -1) : -1, s(text)))
  }
  const m = msg !== null && msg !== rt.None ? safeStr(msg) : safeStr(exc)
  out.push(`${typeName}: ${m}\n`)
  return out
}

/**
 * The source line and one caret as 2.7–3.9 print them: an offset just past a final newline moves onto it, the
 * leading blanks are stripped (moving the offset left), and the caret goes under character `offset` (1-based);
 * offset -1 prints no caret.
 * @cpython Python/pythonrun.c#print_error_text (3.8)
 */
function pgenErrorText(offset0: number, text0: string): string[] {
  let offset = offset0
  let text = text0
  if (offset >= 0) {
    if (offset > 0 && offset === text.length && text[offset - 1] === '\n') offset--
    for (;;) {
      const nl = text.indexOf('\n')
      if (nl < 0 || nl >= offset) break
      offset -= nl + 1
      text = text.slice(nl + 1)
    }
    while (text[0] === ' ' || text[0] === '\t' || text[0] === '\f') {
      text = text.slice(1)
      offset--
    }
  }
  const out = [`    ${text}${text === '' || !text.endsWith('\n') ? '\n' : ''}`]
  if (offset !== -1) out.push(`    ${' '.repeat(Math.max(0, offset - 1))}^\n`)
  return out
}

/**
 * 3.10–3.12's C printer: the line with its leading blanks stripped, carets from `offset` to `end_offset` (one when
 * the end is unknown), none when the offset points left of the text.
 * @cpython Python/pythonrun.c#print_exception_file_and_line
 * @cpython Python/pythonrun.c#print_error_text
 */
function pythonrunErrorText(lineno: number, offset0: number, endLineno: number, endOffset0: number, text0: string): string[] {
  const lineSize = text0.length
  let endOffset = endOffset0
  if (endLineno > lineno) endOffset = lineSize
  if (endOffset > lineSize + 1) endOffset = lineSize + 1
  const carets = endOffset > 0 && endOffset > offset0 ? endOffset - offset0 : 1
  let offset = offset0 - 1
  let text = text0
  while (text[0] === ' ' || text[0] === '\t' || text[0] === '\f') {
    text = text.slice(1)
    offset--
  }
  let len = text.length
  if (len > 0 && text[len - 1] === '\n') len--
  if (offset > len) offset = len
  for (;;) {
    const nl = text.indexOf('\n')
    if (nl < 0 || nl >= offset) break
    text = text.slice(nl + 1)
    len -= nl + 1
    offset -= nl + 1
  }
  const out = [`    ${text}${text[len] !== '\n' ? '\n' : ''}`]
  if (offset < 0) return out
  out.push(`    ${' '.repeat(offset)}${'^'.repeat(carets)}\n`)
  return out
}

/**
 * 3.13+'s `traceback` module: the line without leading blanks, carets from `offset` to `end_offset` (to the line's
 * end when the error spans lines), none when the offset points into the stripped blanks.
 * @cpython Lib/traceback.py#TracebackException._format_syntax_error
 */
function tracebackModuleErrorText(lineno: number | null, offset0: number | null, endLineno: number | null, endOffset0: number | null, text: string): string[] {
  const rtext = text.replace(/\n+$/, '')
  const ltext = rtext.replace(/^[ \n\f]+/, '')
  const spaces = rtext.length - ltext.length
  if (offset0 === null) return [`    ${ltext}\n`]
  let offset = offset0
  let endOffset = lineno === endLineno ? (endOffset0 !== null && endOffset0 !== 0 ? endOffset0 : offset) : rtext.length + 1
  if (text && offset > text.length) offset = rtext.length + 1
  if (text && endOffset > text.length) endOffset = rtext.length + 1
  if (offset >= endOffset || endOffset < 0) endOffset = offset + 1
  const colno = offset - 1 - spaces
  const endColno = endOffset - 1 - spaces
  if (colno < 0) return [`    ${ltext}\n`]
  // Other whitespace (tabs) is kept for alignment.
  const caretspace = [...ltext.slice(0, colno)].map((c) => (/\s/.test(c) ? c : ' ')).join('')
  return [`    ${ltext}\n`, `    ${caretspace}${'^'.repeat(endColno - colno)}\n`]
}

/** A SyntaxError exception (as PyErr) from the compiler's or parser's error data. */
export function formatSyntaxError(interp: Interpreter, info: SyntaxErrorInfo): PyErr {
  const rt = interp.rt
  const make = interp.coreApi().makeSyntaxErrorObject as ((rt: unknown, info: SyntaxErrorInfo) => PyObject) | undefined
  if (make) return new PyErr(make(rt, info))
  const err = interp.newError(info.type, info.msg)
  const e = err.exc as PyBaseExceptionObject
  const fields: Record<string, PyObject | null> = {}
  fields['msg'] = interp.str(info.msg)
  fields['filename'] = interp.str(info.filename)
  fields['lineno'] = interp.int(info.lineno)
  fields['offset'] = interp.int(info.offset)
  fields['text'] = info.text !== null ? interp.str(info.text) : (Py_INCREF(rt.None), rt.None)
  fields['end_lineno'] = info.end_lineno !== null ? interp.int(info.end_lineno) : (Py_INCREF(rt.None), rt.None)
  fields['end_offset'] = info.end_offset !== null ? interp.int(info.end_offset) : (Py_INCREF(rt.None), rt.None)
  e.fields = { ...(e.fields ?? {}), ...fields }
  return err
}

// --- unraisable ---------------------------------------------------------------------------------------------------

/**
 * `PyErr_WriteUnraisable` / `PyErr_FormatUnraisable`: "Exception ignored in: <obj>" and a traceback, per profile.
 * `exc` and `obj` are borrowed.
 */
export function writeUnraisable(interp: Interpreter, exc: PyObject, obj: PyObject | null, msg: string | null): void {
  const fmt = interp.profile.output.unraisableFormat
  if (fmt !== 'legacy-one-line') {
    // `err_msg` as the hook sees it: a whole header (3.13+ templates, no object) or "Exception ignored <msg>".
    const errMsg = msg === null ? null : obj === null ? msg : `Exception ignored ${msg}`
    if (interp.sys.callUnraisableHook(exc, obj, errMsg)) return
    writeUnraisableDefault(interp, exc, obj, errMsg)
    return
  }
  interp.flushStdout()
  // 2.7 prints the value as the error indicator holds it: the bare message of an exception C code raised.
  const e = exc as PyBaseExceptionObject
  const args = e.unnormalized ? (e.args as unknown as { ob_item?: PyObject[] } | null)?.ob_item : undefined
  const value = args !== undefined && args.length === 1 ? safeRepr(args[0]!) : safeRepr(exc)
  interp.writeStderr(`Exception ${exceptionTypeName(exc.ob_type)}: ${value} in ${obj ? safeRepr(obj) : '<unknown>'} ignored\n`)
}

/**
 * The default `sys.unraisablehook`: "<err_msg>: <obj>" (err_msg defaults to "Exception ignored in"), or "<err_msg>:"
 * without an object, then the traceback. `exc` and `obj` are borrowed.
 * @cpython Python/errors.c#write_unraisable_exc_file
 */
export function writeUnraisableDefault(interp: Interpreter, exc: PyObject, obj: PyObject | null, errMsg: string | null): void {
  interp.flushStdout()
  const header = obj !== null ? `${errMsg ?? 'Exception ignored in'}: ${safeRepr(obj)}` : errMsg !== null ? `${errMsg}:` : 'Exception ignored in: None'
  const lines = [header + '\n']
  const e = exc as PyBaseExceptionObject
  if (e.traceback) {
    lines.push('Traceback (most recent call last):\n')
    lines.push(...formatTraceback(interp, e.traceback, true))
  }
  lines.push(...formatExceptionOnly(interp, exc))
  interp.writeStderr(lines.join(''))
}

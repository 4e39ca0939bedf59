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
import { anchorsFor } from './traceback-anchors.js'
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
  if (mod === null || mod === 'builtins' || mod === '__main__') return name
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
export function formatTraceback(interp: Interpreter, tb: PyObject | null): string[] {
  const lines: string[] = []
  let last: string | null = null
  let repeat = 0
  const flushRepeat = (): void => {
    if (repeat > 3) lines.push(`  [Previous line repeated ${repeat - 3} more time${repeat - 3 === 1 ? '' : 's'}]\n`)
  }
  for (let t = tb as unknown as TracebackEntry | null; t !== null; t = t.tb_next as unknown as TracebackEntry | null) {
    const entry = formatEntry(interp, t)
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

function formatEntry(interp: Interpreter, t: TracebackEntry): string {
  const fo = t.tb_frame as PyFrameObject
  const f = fo.f_frame
  const code = f !== null ? f.code : null
  const filename = code ? s(code.co_filename) : '<unknown>'
  const name = code ? s(code.co_name) : '<unknown>'
  let out = `  File "${filename}", line ${t.tb_lineno}, in ${name}\n`
  if (interp.finalizingSources) return out
  const isRepl = filename === '<stdin>' || filename.startsWith('<')
  if (isRepl && !interp.profile.output.replSourceLines) return out
  const src = interp.sources.line(filename, t.tb_lineno)
  if (src === null) return out
  const stripped = src.trimStart()
  if (stripped.trim() === '') return out
  out += `    ${stripped.trimEnd()}\n`
  if (!interp.profile.output.tracebackCarets || f === null) return out
  const pos: Position | undefined = f.unit.positions[t.tb_lasti]
  if (!pos || pos.lineno !== t.tb_lineno || pos.end_lineno !== pos.lineno || pos.col_offset < 0 || pos.end_col_offset < 0) return out
  const indent = src.length - stripped.length
  const lineBytes = new TextEncoder().encode(src)
  const toChars = (byteOff: number): number => new TextDecoder().decode(lineBytes.slice(0, byteOff)).length
  const start = toChars(pos.col_offset) - indent
  const end = toChars(pos.end_col_offset) - indent
  const body = stripped.trimEnd()
  if (start <= 0 && end >= body.length) return out
  if (start < 0 || end <= start) return out
  const segment = stripped.slice(start, end)
  const anchors = anchorsFor(segment, interp)
  let carets = ' '.repeat(start)
  if (anchors === null) carets += '^'.repeat(end - start)
  else {
    for (let i = 0; i < end - start; i++) carets += i >= anchors.left && i < anchors.right ? anchors.primary : anchors.secondary
  }
  out += `    ${carets}\n`
  return out
}

/** `Type: message` (or `Type` alone), with 3.10+ name suggestions. */
export function formatExceptionOnly(interp: Interpreter, exc: PyObject): string[] {
  const rt = interp.rt
  const t = exc.ob_type
  if (isSubtype(t, rt.exc['SyntaxError']!)) return formatSyntaxErrorLines(interp, exc)
  const typeName = exceptionTypeName(t)
  const msg = safeStr(exc)
  let line = msg === '' ? typeName : `${typeName}: ${msg}`
  const hint = suggestionFor(interp, exc)
  if (hint !== null) line += hint
  const out = [line + '\n']
  const notes = (exc as PyBaseExceptionObject).notes
  if (notes) for (const n of (notes as unknown as { ob_item: PyObject[] }).ob_item) out.push(safeStr(n) + '\n')
  return out
}

function isSubtype(a: PyTypeObject, b: PyTypeObject): boolean {
  for (let t: PyTypeObject | null = a; t !== null; t = t.tp_base) if (t === b) return true
  return false
}

/** The lines of a whole report for `exc`, with its causes and contexts first. */
export function formatException(interp: Interpreter, exc: PyObject, seen = new Set<PyObject>()): string[] {
  seen.add(exc)
  const e = exc as PyBaseExceptionObject
  const lines: string[] = []
  if (e.cause !== null && e.cause !== undefined && !seen.has(e.cause)) {
    lines.push(...formatException(interp, e.cause, seen))
    lines.push('\nThe above exception was the direct cause of the following exception:\n\n')
  } else if (e.context !== null && e.context !== undefined && !e.suppress_context && !seen.has(e.context)) {
    lines.push(...formatException(interp, e.context, seen))
    lines.push('\nDuring handling of the above exception, another exception occurred:\n\n')
  }
  if (e.traceback !== null && e.traceback !== undefined) {
    lines.push('Traceback (most recent call last):\n')
    lines.push(...formatTraceback(interp, e.traceback))
  }
  lines.push(...formatExceptionOnly(interp, exc))
  return lines
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
  if (text !== null && text !== rt.None) {
    const raw = s(text).replace(/\n$/, '')
    const stripped = raw.trimStart()
    const lead = raw.length - stripped.length
    out.push(`    ${stripped.trimEnd()}\n`)
    let off = num(offset)
    if (off !== null) {
      let end = num(endOffset) ?? off + 1
      off = Math.max(1, off - lead)
      end = end - lead
      if (!interp.profile.output.tracebackCarets || end <= off) end = off + 1
      const width = Math.max(1, end - off)
      const limit = stripped.trimEnd().length + 1
      const w = Math.min(width, Math.max(1, limit - off + 1))
      out.push(`    ${' '.repeat(off - 1)}${'^'.repeat(w)}\n`)
    }
  }
  const m = msg !== null && msg !== rt.None ? safeStr(msg) : safeStr(exc)
  out.push(`${typeName}: ${m}\n`)
  return out
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
  interp.flushStdout()
  if (fmt === 'legacy-one-line') {
    const e = exc as PyBaseExceptionObject
    const argsObj = e.args as unknown as { ob_item: PyObject[] } | null
    const value = argsObj && argsObj.ob_item.length === 1 && argsObj.ob_item[0]!.ob_type === interp.rt.types.str && !(e as unknown as { legacyInstance?: boolean }).legacyInstance ? safeRepr(exc) : safeRepr(exc)
    interp.writeStderr(`Exception ${exceptionTypeName(exc.ob_type)}: ${value} in ${obj ? safeRepr(obj) : '<unknown>'} ignored\n`)
    return
  }
  let header: string
  if (msg !== null && fmt === 'ignored-while-calling' && obj === null) header = `${msg}:`
  else if (msg !== null && obj === null) header = `${msg}:`
  else header = `Exception ignored ${msg ?? 'in'}: ${obj ? safeRepr(obj) : 'None'}`
  const lines = [header + '\n']
  const e = exc as PyBaseExceptionObject
  if (e.traceback) {
    lines.push('Traceback (most recent call last):\n')
    lines.push(...formatTraceback(interp, e.traceback))
  }
  lines.push(...formatExceptionOnly(interp, exc))
  interp.writeStderr(lines.join(''))
}

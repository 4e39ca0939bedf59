// Output normalisation shared by the recorder (scripts/record.mjs) and the runner (src/compare.ts).
// Plain ESM with JSDoc so Node can run it without a build; types in normalize.d.mts.
// Both sides of a comparison go through normalizeOutput, so a rule only has to make equal things look equal.

/** Placeholder for a machine address (`0x7f3a5c1e2b40`, or Pyodide's shorter `0x17e7aa0`). */
export const ADDR = '0xADDR'
/** Placeholder for the `%.4fs elapsed` of `gc: done, …` (DEBUG_STATS). */
export const ELAPSED = '0.0000s elapsed'
/** Placeholder for the standard library directory (`/root/.pyenv/versions/3.11.7/lib/python3.11/`, `/lib/python3.14/`). */
export const STDLIB = '<stdlib>/'

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Remove the frames Pyodide's own runner adds to a traceback (`_pyodide/_base.py`), each with its source and
 * caret lines.
 * @param {string} text
 * @returns {string}
 */
export function stripPyodideFrames(text) {
  const lines = text.split('\n')
  const out = []
  for (let i = 0; i < lines.length; i++) {
    if (/^ {2}File "[^"]*_pyodide\/_base\.py", line \d+, in /.test(lines[i])) {
      while (i + 1 < lines.length && /^ {4}/.test(lines[i + 1])) i++
      continue
    }
    out.push(lines[i])
  }
  return out.join('\n')
}

/**
 * Normalise one output stream (stdout, stderr or the merged stream).
 *
 * Rules, in order:
 * 1. `caseDir` (the directory the case ran in, absolute) followed by `/` is removed, so CPython 3.9+'s absolute
 *    `File "/tmp/…/gc1.py"` reads `File "gc1.py"` as 3.8 prints it. Extra `aliases` (e.g. a realpath) too.
 * 2. Standard-library directories (`…/lib/pythonX.Y/`) → `<stdlib>/`.
 * 3. Interpreter executables (`/…/bin/python2.7`) → their file name (`python2.7`).
 * 4. Pyodide runner frames (`_pyodide/_base.py`) are removed, and a `[stderr] ` line prefix.
 * 5. Addresses: `0x` + 5 or more hex digits → `0xADDR`; shorter ones only in the contexts `at 0x…`, `<… 0x…>`
 *    and `thread 0x…` (Pyodide's wasm32 addresses can be short).
 * 6. `%.4fs elapsed` → `0.0000s elapsed`.
 * 7. The interactive banner's build details: `Python 3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0] on linux`
 *    (2.7 and 3.8 break the line before `[GCC …]`) → `Python 3.11.7 (BUILD) on linux`.
 * 8. Process ids in shell job messages (`bash: line 1: 12345 Segmentation fault …` → `Segmentation fault …`) and
 *    `pid 12345` → `pid PID`.
 *
 * @param {string} text
 * @param {{ caseDir?: string, aliases?: string[] }} [ctx]
 * @returns {string}
 */
export function normalizeOutput(text, ctx = {}) {
  if (!text) return text ?? ''
  let s = text
  const dirs = [ctx.caseDir, ...(ctx.aliases ?? [])].filter((d) => typeof d === 'string' && d.length > 1)
  // longest first, so /private/tmp/x wins over /tmp/x
  dirs.sort((a, b) => b.length - a.length)
  for (const d of dirs) {
    const dir = d.endsWith('/') ? d : d + '/'
    s = s.replace(new RegExp(escapeRegExp(dir), 'g'), '')
  }
  s = s.replace(/(?:\/[^\s"'<>:/]+)*\/lib\/python\d\.\d+\//g, STDLIB)
  s = s.replace(/(?:\/[^\s"'<>:/]+)+\/bin\/(python[\d.]*)\b/g, '$1')
  s = stripPyodideFrames(s)
  s = s.replace(/^\[stderr\] /gm, '')
  s = s.replace(/0x[0-9a-fA-F]{5,}/g, ADDR)
  s = s.replace(/\b(at|thread|Thread) 0x[0-9a-fA-F]+\b/g, `$1 ${ADDR}`)
  s = s.replace(/(<[^<>\s]+(?: [^<>\s]+)* )0x[0-9a-fA-F]+>/g, `$1${ADDR}>`)
  s = s.replace(/\d+\.\d{4}s elapsed/g, ELAPSED)
  s = s.replace(/^Python (\d+\.\d+\.\d+\S*) \([^)\n]*\) ?\n?\[[^\]\n]*(?:\][^\]\n]*)*\] on (\w+)$/gm, 'Python $1 (BUILD) on $2')
  s = s.replace(/^(?:\S+: line \d+: +)?\d+ (Segmentation fault|Aborted|Killed|Bus error|Floating point exception)(\s+\(core dumped\))?(?:\s+.*)?$/gm, (_m, what, core) => (core ? `${what} (core dumped)` : what))
  s = s.replace(/\bpid \d+\b/gi, (m) => m.slice(0, 4) + 'PID')
  return s
}

/**
 * The shell message bash prints for a child killed by a signal, as on an interactive terminal.
 * @param {string | null | undefined} signal  Node's signal name (`SIGSEGV`)
 * @returns {string | null}
 */
export function shellSignalMessage(signal) {
  switch (signal) {
    case 'SIGSEGV': return 'Segmentation fault (core dumped)'
    case 'SIGABRT': return 'Aborted (core dumped)'
    case 'SIGBUS': return 'Bus error (core dumped)'
    case 'SIGFPE': return 'Floating point exception (core dumped)'
    case 'SIGKILL': return 'Killed'
    default: return null
  }
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15 }

/**
 * Exit status as a shell reports it: the exit code, or 128 + the signal number.
 * @param {number | null} code
 * @param {string | null} signal
 * @returns {number}
 */
export function shellExitCode(code, signal) {
  if (signal) {
    const n = SIGNALS[signal]
    if (n === undefined) throw new Error(`unknown signal ${signal}`)
    return 128 + n
  }
  return code ?? 0
}

/**
 * Append a shell's signal message as the last line of a stream.
 * @param {string} text
 * @param {string | null} message
 * @returns {string}
 */
export function appendShellMessage(text, message) {
  if (!message) return text
  const sep = text === '' || text.endsWith('\n') ? '' : '\n'
  return `${text}${sep}${message}\n`
}

#!/usr/bin/env node
// Runs ONE case under Pyodide (CPython 3.14.2 in wasm32) the way `python FILE [argv]` would, and prints a JSON
// result on stdout. Called by record.mjs, one process per run: Pyodide is loaded once per process, and a fresh
// process per run keeps the interpreter state (gc counters, stats, imported modules, free lists) of one case out
// of the next.
//
// Input (JSON on stdin): { dir, filename, files: { relpath: base64 }, argv, stdin }
// Output (JSON on stdout): { python, stdout, stderr, merged, exitCode, signal, fatal, leftovers }
//
// What "like python FILE" means here (see README.md, "Pyodide"):
// - the files are written to `dir` on Pyodide's file system and the process chdirs there, so relative open() works
//   and linecache finds the source (tracebacks and "Exception ignored" show source lines as native CPython does);
// - a fresh `__main__` module; `sys.argv = [filename, *argv]`; `sys.path[0] = dir`;
// - the file runs through PyRun_FileExFlags, as `python FILE` does (parser arena alive during the run, so
//   `sys.getrefcount(999999999)` is 4; compile-time warnings as native);
// - one gc.collect() before the module runs removes the runner's own cyclic garbage (about 3 objects);
// - no runner frame sits under the module frame (see HELPERS);
// - uncaught exceptions are printed by `sys.excepthook` (a SyntaxError of the script has no traceback header);
//   SystemExit is handled like `handle_system_exit`; atexit callbacks run at the end. Interpreter finalisation
//   (module teardown, the shutdown collections) does not happen: cases that depend on it are not recorded here.
import { TextDecoder, TextEncoder } from 'node:util'
import { loadPyodide } from 'pyodide'

const chunks = []
for await (const c of process.stdin) chunks.push(c)
const job = JSON.parse(Buffer.concat(chunks).toString('utf8'))

const streams = { stdout: [], stderr: [], merged: [] }
const dec = { stdout: new TextDecoder(), stderr: new TextDecoder() }
const writer = (name) => ({
  write(buf) {
    const s = dec[name].decode(buf, { stream: true })
    streams[name].push(s)
    streams.merged.push(s)
    return buf.length
  },
})

const py = await loadPyodide({
  env: { PYTHONHASHSEED: '0', PYTHONUNBUFFERED: '1', HOME: '/home/pyodide' },
})
py.setStdout(writer('stdout'))
py.setStderr(writer('stderr'))
const stdinBytes = job.stdin == null ? new Uint8Array(0) : new TextEncoder().encode(job.stdin)
let stdinPos = 0
py.setStdin({
  read(buf) {
    const n = Math.min(buf.length, stdinBytes.length - stdinPos)
    buf.set(stdinBytes.subarray(stdinPos, stdinPos + n))
    stdinPos += n
    return n
  },
  isatty: false,
})

py.FS.mkdirTree(job.dir)
for (const [rel, b64] of Object.entries(job.files)) {
  const p = `${job.dir}/${rel}`
  py.FS.mkdirTree(p.slice(0, p.lastIndexOf('/')))
  py.FS.writeFile(p, Buffer.from(b64, 'base64'))
}

// The script runs through CPython's own PyRun_FileExFlags (the pyrun_file path of `python FILE`: the parser arena
// lives while the module runs, the compiler emits its warnings), called through ctypes from a functools.partial that
// JS calls directly, so no Python frame of the runner sits under the module: tracebacks, the recursion depth and
// sys._getframe() are as under `python FILE`.
const HELPERS = String.raw`
import sys, os, types, builtins, gc, atexit, ctypes, functools

def _heap_prepare(dirpath, filename, argv):
    path = dirpath + '/' + filename
    os.chdir(dirpath)
    sys.argv = [filename] + list(argv)
    sys.path.insert(0, dirpath)
    main = types.ModuleType('__main__')
    main.__dict__.update(__file__=path, __builtins__=builtins, __cached__=None)
    sys.modules['__main__'] = main
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    bpath = path.encode()
    fp = libc.fopen(bpath, b'rb')
    if not fp:
        raise OSError('cannot open ' + path)
    run = ctypes.pythonapi.PyRun_FileExFlags
    run.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.py_object, ctypes.py_object, ctypes.c_int, ctypes.c_void_p]
    run.restype = ctypes.py_object
    Py_file_input = 257
    g = main.__dict__
    call = functools.partial(run, fp, bpath, Py_file_input, g, g, 1, None)
    del libc, run, g, main
    # baseline: collect the runner's own garbage, as a fresh native interpreter has none
    gc.collect()
    return call

def _heap_report():
    # the exception that escaped the module (Pyodide stored it in sys.last_exc); returns the exit status
    e = sys.last_exc
    if isinstance(e, SystemExit):
        code = e.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        sys.stderr.write(str(code) + '\n')
        return 1
    sys.excepthook(type(e), e, e.__traceback__)
    return 'SIGINT' if isinstance(e, KeyboardInterrupt) else 1

def _heap_exit():
    try:
        atexit._run_exitfuncs()
    except BaseException:
        pass
    for s in (sys.stdout, sys.stderr):
        try:
            s.flush()
        except BaseException:
            pass

def _heap_leftovers():
    # objects whose __del__ would run at interpreter exit (natively) but never runs here
    out = []
    for o in gc.get_objects():
        t = type(o)
        if getattr(t, '__module__', None) == '__main__' and not isinstance(o, type) and hasattr(t, '__del__') and not gc.is_finalized(o):
            out.append(t.__name__)
    return out
`

const result = { python: '', stdout: '', stderr: '', merged: '', exitCode: 0, signal: null, fatal: null, leftovers: [], leftoversError: null }
let ns
try {
  result.python = py.runPython('import sys; sys.version')
  ns = py.toPy({})
  py.runPython(HELPERS, { globals: ns })
  const call = ns.get('_heap_prepare')(job.dir, job.filename, py.toPy(job.argv ?? []))
  let status
  try {
    call()
    status = 0
  } catch (e) {
    if (e?.constructor?.name !== 'PythonError') throw e
    status = ns.get('_heap_report')()
  }
  call.destroy()
  ns.get('_heap_exit')()
  if (status === 'SIGINT') result.signal = 'SIGINT'
  else result.exitCode = ((Number(status) % 256) + 256) % 256
} catch (e) {
  // A wasm trap (memory access out of bounds, unreachable) or a fatal error of the runtime itself.
  result.fatal = String(e?.message ?? e).split('\n').slice(0, 3).join(' | ')
}
result.stdout = streams.stdout.join('')
result.stderr = streams.stderr.join('')
result.merged = streams.merged.join('')
// after the output is taken: scanning gc.get_objects() can touch memory a ctypes case corrupted
if (!result.fatal) {
  try {
    const left = ns.get('_heap_leftovers')()
    result.leftovers = left.toJs()
    left.destroy?.()
  } catch (e) {
    result.leftoversError = String(e?.message ?? e).split('\n')[0]
  }
}
process.stdout.write(JSON.stringify(result))
process.exit(0)

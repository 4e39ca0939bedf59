/**
 * Text files: `sys.stdout`/`sys.stderr` and the objects `open()` returns, over the in-memory file system.
 * A file object has a finalizer (as `io.IOBase` does): when its last reference goes — or the collector frees it —
 * it is closed and its data reaches the file system.
 * @cpython Modules/_io/iobase.c#iobase_finalize
 * @cpython Modules/_io/textio.c
 */
import {
  PyErr_Format,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  Py_DECREF,
  Py_INCREF,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  PyType_NewStatic,
  PyType_Ready,
  _PyObject_GC_TRACK,
  _PyObject_GC_UNTRACK,
  type PyMethodDef,
  type PyTypeObject,
  type Runtime,
  type visitproc,
} from '@heap/core'
import type { Interpreter } from '../interp.js'
import { def, int, jsStr, none, str, bool } from '../modules/util.js'
import { reprQuote } from './repr-util.js'

export type FileKind = 'stdout' | 'stderr' | 'stdin' | 'file'

export class PyTextIOObject extends PyObject {
  kind: FileKind
  name: string
  mode: string
  closed = false
  /** File contents being read or written, and the position. */
  data = ''
  pos = 0
  dict: PyObject | null = null
  constructor(type: PyTypeObject, kind: FileKind, name: string, mode: string) {
    super(type)
    this.kind = kind
    this.name = name
    this.mode = mode
  }
}

function interpOf(rt: Runtime): Interpreter {
  return rt.host as Interpreter
}

function self(o: PyObject): PyTextIOObject {
  return o as PyTextIOObject
}

function checkOpen(rt: Runtime, f: PyTextIOObject): void {
  if (f.closed) throw PyErr_Format(rt, 'ValueError', 'I/O operation on closed file.')
}

/** Writes a file's data into the file system and marks it closed. */
function closeFile(rt: Runtime, f: PyTextIOObject): void {
  if (f.closed) return
  f.closed = true
  if (f.kind === 'file' && (f.mode.includes('w') || f.mode.includes('a') || f.mode.includes('+'))) {
    interpOf(rt).fs.write(f.name, new TextEncoder().encode(f.data))
  }
}

export function createTextIOType(rt: Runtime): PyTypeObject {
  const methods: PyMethodDef[] = [
    def('write', (o, args, start, nargs) => {
      const f = self(o)
      if (nargs !== 1) throw PyErr_Format(rt, 'TypeError', `write() takes exactly one argument (${nargs} given)`)
      const s = args[start]!
      if (s.ob_type !== rt.types.str) throw PyErr_Format(rt, 'TypeError', `write() argument must be str, not ${s.ob_type.tp_name}`)
      checkOpen(rt, f)
      const text = jsStr(s)
      if (f.kind === 'stdout') interpOf(rt).writeStdout(text)
      else if (f.kind === 'stderr') interpOf(rt).writeStderr(text)
      else {
        if (!(f.mode.includes('w') || f.mode.includes('a') || f.mode.includes('+'))) throw PyErr_Format(rt, 'io.UnsupportedOperation', 'not writable')
        f.data = f.data.slice(0, f.pos) + text + f.data.slice(f.pos + text.length)
        f.pos += text.length
      }
      return int(rt, [...text].length)
    }),
    def('read', (o, args, start, nargs) => {
      const f = self(o)
      checkOpen(rt, f)
      if (f.kind === 'stdin') {
        const interp = interpOf(rt)
        let out = ''
        for (let l = interp.readLine(); l !== null; l = interp.readLine()) out += l
        return str(rt, out)
      }
      const n = nargs > 0 && args[start] !== rt.None ? Number((args[start] as unknown as { ob_ival: number }).ob_ival) : -1
      const end = n < 0 ? f.data.length : Math.min(f.data.length, f.pos + n)
      const out = f.data.slice(f.pos, end)
      f.pos = end
      return str(rt, out)
    }),
    def('readline', (o) => {
      const f = self(o)
      checkOpen(rt, f)
      if (f.kind === 'stdin') return str(rt, interpOf(rt).readLine() ?? '')
      return str(rt, readLine(f))
    }),
    def('readlines', (o) => {
      const f = self(o)
      checkOpen(rt, f)
      const lines: PyObject[] = []
      for (let l = readLine(f); l !== ''; l = readLine(f)) lines.push(str(rt, l))
      return (interpOf(rt).coreApi().PyList_FromArraySteal as (rt: Runtime, items: PyObject[]) => PyObject)(rt, lines)
    }),
    def('close', (o) => {
      closeFile(rt, self(o))
      return none(rt)
    }),
    def('flush', (o) => {
      const f = self(o)
      checkOpen(rt, f)
      if (f.kind === 'file') interpOf(rt).fs.write(f.name, new TextEncoder().encode(f.data))
      return none(rt)
    }),
    def('fileno', (o) => int(rt, self(o).kind === 'stdin' ? 0 : self(o).kind === 'stdout' ? 1 : self(o).kind === 'stderr' ? 2 : 3)),
    def('isatty', (o) => bool(rt, self(o).kind !== 'file' && interpOf(rt).terminal)),
    def('readable', (o) => bool(rt, self(o).kind === 'stdin' || self(o).mode.includes('r') || self(o).mode.includes('+'))),
    def('writable', (o) => bool(rt, self(o).kind !== 'stdin' && !self(o).mode.startsWith('r') || self(o).mode.includes('+'))),
    def('__enter__', (o) => {
      checkOpen(rt, self(o))
      Py_INCREF(o)
      return o
    }),
    def('__exit__', (o) => {
      closeFile(rt, self(o))
      return none(rt)
    }),
  ]
  const t = PyType_NewStatic(rt, '_io.TextIOWrapper', {
    basicsize: rt.profile.pointerSize * 26,
    flags: Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    slots: {
      tp_methods: methods,
      tp_getset: [
        { name: 'closed', get: (o) => bool(rt, self(o).closed), set: null },
        { name: 'name', get: (o) => str(rt, self(o).name), set: null },
        { name: 'mode', get: (o) => str(rt, self(o).mode), set: null },
        { name: 'encoding', get: () => str(rt, 'utf-8'), set: null },
      ],
      tp_dealloc: textio_dealloc,
      tp_traverse: textio_traverse,
      tp_finalize: (o) => closeFile(rt, self(o)),
      tp_iter: (o) => {
        checkOpen(rt, self(o))
        Py_INCREF(o)
        return o
      },
      tp_iternext: (o) => {
        const f = self(o)
        checkOpen(rt, f)
        const l = f.kind === 'stdin' ? (interpOf(rt).readLine() ?? '') : readLine(f)
        return l === '' ? null : str(rt, l)
      },
      tp_repr: (o) => {
        const f = self(o)
        if (f.kind === 'file') return str(rt, `<_io.TextIOWrapper name=${reprQuote(f.name)} mode=${reprQuote(f.mode)} encoding='UTF-8'>`)
        return str(rt, `<_io.TextIOWrapper name='<${f.kind}>' mode='${f.kind === 'stdin' ? 'r' : 'w'}' encoding='utf-8'>`)
      },
    },
  })
  t.tp_module = '_io'
  t.tp_qualname = 'TextIOWrapper'
  // Text files take weak references (`tp_weaklistoffset`). @cpython Modules/_io/textio.c#PyTextIOWrapper_Type
  t.tp_weaklist = true
  PyType_Ready(rt, t)
  return t
}

function readLine(f: PyTextIOObject): string {
  if (f.pos >= f.data.length) return ''
  const nl = f.data.indexOf('\n', f.pos)
  const end = nl < 0 ? f.data.length : nl + 1
  const line = f.data.slice(f.pos, end)
  f.pos = end
  return line
}

/** The finalizer closes the file first (PEP 442: once, and not again if resurrected). */
function textio_dealloc(o: PyObject): void {
  const f = self(o)
  const rt = o.ob_type.tp_runtime
  const fin = (rt as unknown as { callFinalizerFromDealloc?: (op: PyObject) => boolean }).callFinalizerFromDealloc
  if (fin !== undefined) {
    if (fin(o)) return
  } else closeFile(rt, f)
  if (f._gc_next !== null) _PyObject_GC_UNTRACK(f)
  if (rt.weakrefs.has(f)) rt.clearWeakRefs(f)
  const d = f.dict
  f.dict = null
  if (d) Py_DECREF(d)
  PyObject_GC_Del(f)
}

function textio_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const d = self(o).dict
  return d !== null ? visit(d, arg) : 0
}

/** A new file object (a new reference), tracked by the collector. */
export function newTextIO(rt: Runtime, type: PyTypeObject, kind: FileKind, name: string, mode: string): PyTextIOObject {
  const f = PyObject_GC_Init(rt, new PyTextIOObject(type, kind, name, mode), type.tp_basicsize)
  _PyObject_GC_TRACK(f)
  return f
}

/** `open(path, mode)` over the in-memory file system. */
export function openFile(interp: Interpreter, type: PyTypeObject, path: string, mode: string): PyTextIOObject {
  const rt = interp.rt
  if (!/^[rwax]\+?t?$|^[rwax]t\+?$/.test(mode) && !/^[rwa]b?\+?$/.test(mode)) throw PyErr_Format(rt, 'ValueError', `invalid mode: '${mode}'`)
  const exists = interp.fs.exists(path)
  if (mode.startsWith('r') && !exists) {
    throw interp.osError('FileNotFoundError', 'ENOENT', 'No such file or directory', path)
  }
  if (mode.startsWith('x') && exists) throw interp.osError('FileExistsError', 'EEXIST', 'File exists', path)
  const f = newTextIO(rt, type, 'file', path, mode)
  if (mode.startsWith('r') || mode.startsWith('a')) f.data = interp.fs.readText(path) ?? ''
  if (mode.startsWith('a')) f.pos = f.data.length
  if (mode.startsWith('w') || mode.startsWith('x')) interp.fs.write(path, new Uint8Array())
  return f
}

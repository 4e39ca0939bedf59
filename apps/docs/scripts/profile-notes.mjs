// What each profile field that differs between versions means for a Python programmer, for the generated page
// "What changed between versions". `a.b.*` applies to every field under `a.b`. The field's own doc comment (from
// the CPythonProfile interface) is shown after the note. gen-reference.mjs fails on a differing field that has
// neither, so a new profile field cannot reach the page unexplained.
export const FIELD_NOTES = {
  'cpython.version': 'The CPython release whose behaviour the profile reproduces, and which recorded the expected outputs.',
  'cpython.versionInfo': '`sys.version_info`.',
  'cpython.sysVersion': '`sys.version`, as that build prints it (also the interactive banner).',
  'cpython.hexversion': '`sys.hexversion`.',

  'objects.text.hash.*':
    'Which function `hash()` of a `str` or `bytes` uses under `PYTHONHASHSEED=0`: it decides the hash values a program prints and the iteration order of sets of strings. 64-bit builds used SipHash-2-4 up to 3.10 and SipHash-1-3 from 3.11; 32-bit (wasm) builds use FNV; Python 2 hashed per character.',

  'objects.immortality':
    'How the shared objects are protected from being freed: not at all (ordinary counts), by a huge initial count (3.11: 999 999 999), or by PEP 683 immortality (3.12+), where the count is a marker that increments and decrements leave alone.',
  'objects.immortalRefcount': 'What `sys.getrefcount` reports for an immortal object (`None`, small ints, …) — a constant, whatever the program does.',
  'objects.staticInitialRefcount': 'Where the count of a statically allocated object starts (3.11): `sys.getrefcount(1)` is this plus the real references.',
  'objects.staticObjects.*': 'Which objects are statically allocated or immortal: the singletons (`None`, `True`, `False`, `...`, `NotImplemented`), the small ints, the empty tuple, the one-character strings, the builtin types.',
  'objects.internedStrings':
    'Interned strings (identifiers, `sys.intern`) were ordinary objects; 3.12 made every interned string immortal; 3.13 made the ones interned at run time by `sys.intern` mortal again.',
  'objects.instanceDict':
    'Where an instance keeps its attributes: a real `__dict__` per instance (≤3.10), values stored in the instance with the dict made only on demand (3.11, 3.12), or inline values (3.13+). It changes `gc.collect()` counts: with real dicts, each instance in a cycle brings its dict along.',
  'objects.instanceLayout': 'The memory layout behind `instanceDict`; visible through `sys.getsizeof` and ctypes.',
  'objects.dictTracking': 'Whether a dict holding only atomic values (ints, strs) is left untracked by the collector (`gc.is_tracked({})` is False up to 3.13) or always tracked (3.14).',
  'objects.tupleUntracking': 'Tuples of atomic values stop being tracked during a collection; 3.14 also does it when the tuple is created.',
  'objects.freeLists.*': 'How many freed objects of a type are kept for reuse. Reuse is what makes a freed object\'s address (`id()`) come back, and what a dangling reference after ctypes sees.',
  'objects.listOverallocation': 'How much spare room `list.append` reserves when a list grows: visible as `sys.getsizeof` steps.',
  'objects.tupleHashCache': 'Whether `hash(t)` of a tuple is computed once and remembered (3.14) — a `__hash__` of an item then runs only once.',
  'objects.containsComparison': 'Which side\'s `__eq__` runs first in `x in list` and similar searches.',
  'objects.listExtend': 'How `list.extend` and `list(iterable)` size the new buffer (visible through `sys.getsizeof`).',
  'objects.listSortMerge': 'The merge strategy of `list.sort` (the number of comparisons a custom `__lt__` sees).',
  'objects.listSortRuns': 'How `list.sort` finds already sorted runs (the comparisons a custom `__lt__` sees).',
  'objects.typeVectorcall': 'Calling a builtin type (`list(x)`) skips building an argument tuple: one temporary object less.',
  'objects.dictUnion': '`d1 | d2` and `d1 |= d2` (3.9+).',
  'objects.sliceHashable': '`hash(slice(...))` works (3.12+).',
  'objects.rangeIteratorIndex': 'The internal state of a range iterator (its size).',
  'objects.zipStrict': '`zip(..., strict=True)` (3.10+).',
  'objects.setOps.*': 'How set operations with arbitrary iterables are computed: which temporary sets exist, and how many `__eq__`/`__hash__` calls items see.',
  'objects.dictKeys.*': 'The layout of a dict\'s key table: sizes reported by `sys.getsizeof`, and when tables are shared or copied.',
  'objects.sizeof.*': 'What `sys.getsizeof` reports for one kind of object (bytes, 64-bit build unless noted).',
  'objects.runtimeObjects.*': 'Attributes, reprs and teardown order of functions, methods, code objects, weak references and tracebacks.',
  'objects.exceptions.*': 'The fields and keyword arguments of the exception types (their sizes and what they keep alive).',

  'memory.poolSize': 'pymalloc\'s pool size (a pool holds blocks of one size class); it decides when freed memory is handed back and which addresses get reused.',
  'memory.arenaSize': 'pymalloc\'s arena size (arenas hold pools and are what the allocator requests from the OS).',

  'eval.callArguments':
    'How an argument reaches the callee\'s frame: the caller keeps its reference while the callee takes another (≤3.10: `getrefcount` of a parameter reads one more), or the reference is moved into the frame (3.11+).',
  'eval.borrowedFastLoads': 'Reading a local variable onto the stack without a new reference (3.14\'s `LOAD_FAST_BORROW`): `getrefcount(local)` reads one less.',
  'eval.frameLocalsRelease': 'The order a returning function releases its locals — the order their `__del__` methods print.',
  'eval.callArgsRelease': 'After calling a builtin, the order the caller releases the arguments it passed.',
  'eval.constantSlices': 'Slices with constant bounds (`x[1:2]`) are compiled as one constant `slice` object (3.14) instead of being built at each use.',
  'eval.frameObjects': 'Whether every call creates a frame object (≤3.10) or only when something asks for one — a traceback, `sys._getframe()` (3.11+).',

  'compiler.foldMaxLength.*':
    'How long a sequence constant folding may build from `seq * n` at compile time (tuples 256 and strings 4096 items on 3.x; 20 for any sequence in 2.7\'s peephole optimizer). Longer ones are built when the line runs — a new object each time, with its own `id()`.',
  'objects.immortal32.*':
    'The immortal count of a 32-bit build (Pyodide\'s wasm32 3.14): `sys.getrefcount` of an immortal object reads 7 << 28 there, and an object counts as immortal from 1 << 30.',
  'compiler.sourceNotDecodable.*':
    'A source file that is not valid in the default encoding (UTF-8; ASCII on Python 2) and declares none with a `# coding:` comment: the tokenizer\'s SyntaxError, whose wording, URL and location (a `File` header on 2.7 and 3.8, none on 3.11–3.13, the line and a caret on 3.14) changed over the versions.',

  'gc.collector': 'Generational (three generations), or the incremental collector of 3.14.0–3.14.4 (a young generation and two old spaces collected a slice at a time).',
  'gc.thresholds': '`gc.get_threshold()` at start-up: 3.13 raised the young generation\'s threshold from 700 to 2000.',
  'gc.threshold2Ignored': 'The incremental collector ignores threshold 2, and `gc.get_threshold()` reads it as 0.',
  'gc.countAccounting': 'What moves `gc.get_count()[0]`: container allocations minus deallocations, or containers starting and stopping being tracked (3.14).',
  'gc.autoCollect': 'When an automatic collection runs: inside the allocation that crossed the threshold (≤3.11), or at the next eval-breaker check after it (3.12+).',
  'gc.gcHeadSize': 'The bytes of collector bookkeeping before each container (`PyGC_Head`), counted by `sys.getsizeof`.',
  'gc.immortalsDuringCollect': 'What a collection does with immortal objects it meets: nothing, moves them to the permanent generation (3.12, 3.13), or stops tracking them (3.14).',
  'gc.resurrection':
    'What a collection frees after a finalizer resurrected an object: no finalizers ran (legacy), nothing at all and nothing counted (3.7, 3.8), or everything except the resurrected objects and what they reach (3.9+).',
  'gc.finalizerPolicy': 'Cycles with `__del__`: uncollectable and parked in `gc.garbage` (before 3.4), or finalized and freed (PEP 442).',
  'gc.api.*': 'Which parts of the `gc` module exist: `gc.callbacks` (3.3+), `get_stats` (3.4+), `freeze` (3.7+), `get_objects(generation)` (3.8+), `is_finalized` (3.9+).',
  'gc.debugFlags': 'The values of the `gc.DEBUG_*` constants.',
  'gc.debugStatsDonePeriod': 'Formatting of `gc.set_debug(gc.DEBUG_STATS)` reports.',
  'gc.debugStatsPermanentLine': '`DEBUG_STATS` reports include the size of the permanent generation (`gc.freeze()`).',
  'gc.debugObjectLinesNeedDebugObjects': 'Python 2 printed the objects found by `DEBUG_COLLECTABLE`/`DEBUG_UNCOLLECTABLE` only together with `DEBUG_OBJECTS`.',
  'gc.callbacksSkippedAtShutdown': '`gc.callbacks` are not called for the collections of interpreter shutdown (3.13+).',
  'gc.preHeaderSize': 'Extra words before the collector header of instances that keep their dict (and weakref list) outside the object body.',

  messages: 'Error and warning messages whose wording changed. Each row is one message; the table shows the profiles whose text differs.',

  'output.nameErrorHints': 'Suggestions appended to `NameError`/`AttributeError`: none, "Did you mean …?" (3.10+), and "Did you forget to import …?" (3.12+).',
  'output.tracebackCarets': 'Tracebacks underline the failing expression with `^^^^` (3.11+).',
  'output.replSourceLines': 'Tracebacks of code typed at the prompt show the source line (3.13+).',
  'output.absoluteMainPath': 'Tracebacks show the main script\'s absolute path (3.9+).',
  'output.unraisableFormat': 'How an exception nobody can catch (raised in `__del__`, a weakref callback, a gc callback) is reported: `Exception ignored in: …` (3.8+), or `Exception ignored while calling deallocator …` (3.14).',

  'unsafe.pyDeallocExported': '`ctypes.pythonapi._Py_Dealloc` exists (Python 3).',
  'unsafe.noneDealloc': 'Deallocating `None` through ctypes: a fatal error (≤3.11), or nothing — the immortal `None` is restored (3.12+).',
  'unsafe.smallIntDealloc': 'Deallocating a small int through ctypes: the C library aborts (`free(): invalid pointer`, ≤3.11), or the immortal int survives (3.12+).',
  'unsafe.header': 'How the object header stores the count (what `ctypes.c_ssize_t.from_address(id(obj))` reads and writes).',
}

/** The note for a dotted path: its own, or the nearest `prefix.*` above it. */
export function noteFor(path) {
  if (FIELD_NOTES[path] !== undefined) return FIELD_NOTES[path]
  const parts = path.split('.')
  for (let i = parts.length - 1; i > 0; i--) {
    const n = FIELD_NOTES[parts.slice(0, i).join('.') + '.*']
    if (n !== undefined) return n
  }
  return undefined
}

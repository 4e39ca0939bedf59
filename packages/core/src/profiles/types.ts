/**
 * A version profile: every behaviour of CPython that differs between versions, as data.
 * Code asks a profile a named question; it never compares version numbers.
 */

/** Where a value comes from: run on a real interpreter, Pyodide, read in source, or inferred. */
export type Evidence = 'run' | 'pyodide' | 'source' | 'derived' | 'nonCPython'

export interface CPythonProfile {
  /** The id users select with `--python`: 'legacy', '3.8', '3.11', '3.12', '3.13', '3.14'. */
  readonly id: string
  /** A one-line description for `heap profiles`. */
  readonly summary: string
  readonly cpython: {
    /** The exact release whose behaviour the profile follows, e.g. '3.11.7'. */
    readonly version: string
    readonly versionInfo: readonly [number, number, number, string, number]
    /** `sys.version` as that build prints it. */
    readonly sysVersion: string
    readonly hexversion: number
    /** `sys.platform` (2.7 still says 'linux2'; 3.3+ 'linux'), also shown in the interactive banner. */
    readonly platform: string
  }
  /** 8 for 64-bit builds; 4 to compare with wasm32 Pyodide. */
  readonly pointerSize: 8 | 4

  readonly objects: {
    readonly smallInts: { readonly min: number; readonly max: number }
    /** How static/immortal objects count references. */
    readonly immortality: 'none' | 'static-999999999' | 'pep683-uint32' | 'pep683-3<<30'
    /** The refcount an immortal object reports (null when nothing is immortal). */
    readonly immortalRefcount: number | null
    /**
     * The refcount immortal objects report on a 32-bit build, where it differs (3.14: 7 << 28). Immortality itself
     * starts at 1 << 30 on every profile (`IMMORTAL_MIN`).
     */
    readonly immortal32?: { readonly refcount: number }
    /** The refcount a statically allocated object starts with (3.11: 999999999). */
    readonly staticInitialRefcount: number | null
    /** Which objects are statically allocated / immortal. */
    readonly staticObjects: {
      readonly singletons: boolean // None, True, False, Ellipsis, NotImplemented
      readonly smallInts: boolean
      readonly emptyTuple: boolean
      readonly latin1Chars: boolean // '' and one-character latin-1 strings, b'' and one-byte bytes
      readonly builtinTypes: boolean
    }
    readonly internedStrings: 'mortal' | 'all-immortal' | 'c-api-immortal'
    readonly instanceDict: 'always-dict' | 'lazy-values' | 'inline-values'
    /**
     * Whether every class is a GC type (3.x), or only one that adds instance fields or has a GC base (2.7: the
     * instances of `class S(object): __slots__ = ()` are not tracked).
     * @cpython Objects/typeobject.c#type_new
     */
    readonly heapTypeGC: 'always' | 'when-adding-fields'
    /**
     * What `dict_traverse` visits: values only in str-keyed tables, value then key otherwise (3.x); every key then
     * its value (2.7).
     * @cpython Objects/dictobject.c#dict_traverse
     */
    readonly dictTraverse: 'str-keys-skipped' | 'keys-and-values'
    /**
     * Where a heap type's instances keep their `__dict__` and weakref list: pointers in the object body (≤3.10), the
     * dict in the pre-header (3.11), both in the pre-header (3.12+).
     */
    readonly instanceLayout: 'inline-pointers' | 'managed-dict' | 'managed-dict-and-weakref'
    /** `object.__getstate__` exists (3.11+). */
    readonly objectGetstate: boolean
    /**
     * PEP 487 (3.6+): `type.__new__` calls `__set_name__` on the class attributes (over a copy of the dict) and the
     * parent's `__init_subclass__` (through a `super` object); `object.__init_subclass__` exists. 2.7 has neither.
     */
    readonly initSubclass: boolean
    /** `sys.getsizeof` of a static type adds the GC header although static types are not GC objects (3.11, 3.12). */
    readonly getsizeofStaticTypeHeader: boolean
    readonly dictTracking: 'lazy' | 'always'
    /**
     * The order `PyDict_Next` visits a dict: insertion order (3.6+ compact dicts), or the hash table's slot order
     * (2.7: open addressing, 8 slots grown ×4). Only module teardown follows 'hash-slots' so far.
     */
    readonly dictOrder?: 'insertion' | 'hash-slots'
    /** Whether new modules get `__loader__` and `__spec__` (PEP 451, 3.4+); 2.7 has only `__name__`, `__doc__`, `__package__`. */
    readonly moduleSpecAttributes?: boolean
    readonly tupleUntracking: 'at-collection' | 'at-creation-and-collection'
    /** Type free lists: how many freed objects each keeps for reuse. */
    readonly freeLists: {
      readonly float: number
      readonly tuple: { readonly maxLength: number; readonly perLength: number }
      readonly list: number
      readonly dict: number
      /** Bound method objects (`method`), ≤3.8. */
      readonly method: number
      /** `builtin_function_or_method` objects, ≤3.8. */
      readonly cfunction: number
      /** Freed slices kept for reuse (`slice_cache`: one). */
      readonly slice: number
    }
    /** Trashcan: nesting depth after which deallocation is deferred. */
    readonly trashcanUnwindLevel: number
    /**
     * `list_resize`'s over-allocation: n + n/8 + (3 if n < 9 else 6) (≤3.8), or (n + n/8 + 6) rounded down to a
     * multiple of 4, exact (rounded up to 4) when growing by more than that margin (3.9+).
     */
    readonly listOverallocation: 'plus-3-or-6' | 'plus-6-multiple-of-4'
    /** A tuple caches its hash after the first `hash()` (item `__hash__` runs once). */
    readonly tupleHashCache: boolean
    /**
     * `x in list/tuple`, `x in dict.values()` and iterator search compare `x == item` (≤3.8) or `item == x` (3.9+,
     * bpo-37648): which side's `__eq__` runs first.
     */
    readonly containsComparison: 'needle-first' | 'item-first'
    /**
     * How `list.extend` (and `list()`) size the buffer: always `list_resize(m + n)`, `list()` pre-sizing exactly from
     * `len()` (≤3.8); an empty list without a buffer pre-sized exactly, rounded up to even (3.9–3.12); the same, with
     * sets, dicts and dict views copied without an iterator after `list_resize` (3.13+). Also: 3.9+ `pop()` of the
     * only item frees the buffer (an empty list that may be pre-sized again), ≤3.8 shrinks it to 0 items.
     */
    readonly listExtend: 'resize' | 'preallocate-empty' | 'preallocate-empty-sets-dicts-resize'
    /** `list.sort` merge policy: timsort's run-length invariants (≤3.10) or powersort (3.11+). */
    readonly listSortMerge: 'timsort' | 'powersort'
    /** `list.sort` natural runs: strictly descending only (≤3.12), or descending with equal groups (3.13+). */
    readonly listSortRuns: 'strict-descending' | 'descending-with-equal-groups'
    /** Builtin types called directly use their vectorcall (`list(x)` without an argument tuple; 3.9+). */
    readonly typeVectorcall: boolean
    /** `dict | dict` and `dict |= other` exist (3.9+). */
    readonly dictUnion: boolean
    /** `slice` objects are hashable (3.12+). */
    readonly sliceHashable: boolean
    /** `zip(..., strict=True)` (3.10+). */
    readonly zipStrict: boolean
    /** Range iterators keep an index (≤3.11) or advance their start (3.12+, one field less). */
    readonly rangeIteratorIndex: boolean
    /** Version differences of set operations. */
    readonly setOps: {
      /** `frozenset()` and empty `frozenset(iterable)` return one shared object (≤3.9). */
      readonly emptyFrozensetSingleton: boolean
      /** `s.issubset(iterable)`: builds a set of the iterable first (≤3.11), or computes the intersection (3.12+). */
      readonly issubsetIterable: 'copy-to-set' | 'intersection'
      /** `s.issuperset(iterable)`: builds a set first (≤3.10), or checks each item as it comes (3.11+). */
      readonly issupersetIterable: 'copy-to-set' | 'iterate'
      /** `s.intersection(iterable)` stops once the result is as large as s (3.12+). */
      readonly intersectionStopsWhenFull: boolean
    }
    /** A dict's keys table (`PyDictKeysObject`). */
    readonly dictKeys: {
      /** The header before the index table: 5 words (≤3.10), 3 words and two `uint32_t`-sized groups (3.11+). */
      readonly headerSize: StructSize
      /**
       * Str-only tables: ≤3.10 only change the lookup function (switched to the general one, for good, as soon as a
       * non-str key is looked up); 3.11+ store 16-byte entries and become general through a resize when a non-str key
       * is inserted. Only 3.11+'s str-only minimum tables use the keys free list.
       */
      readonly kinds: 'lookup-switch' | 'unicode-entries'
      /** Two-word entries (key, value) for str-only tables (3.11+), instead of three (hash, key, value). */
      readonly unicodeEntries: boolean
      /** Table size for n slots: the smallest power of two ≥ n (≤3.10), or 3.11+'s bit-length formula (1..7 → 16). */
      readonly sizing: 'at-least' | 'bit-length'
      /** `dict.update(d)` / `dict(d)` into an empty dict clone a compact source's table (3.10+). */
      readonly mergeClone: boolean
    }
    /** Size in bytes of one `str` of each kind, for getsizeof (header of compact ASCII / compact). */
    readonly sizeof: SizeofTable
    /** str, bytes and bytearray (`Objects/unicodeobject.c`, `bytesobject.c`, `bytearrayobject.c`). */
    readonly text: TextProfile
    /** Functions, classmethod/staticmethod, code objects, weak references and tracebacks. */
    readonly runtimeObjects: RuntimeObjectsProfile
    /** Exception instances (`Objects/exceptions.c`). */
    readonly exceptions: ExceptionsProfile
    /** int, bool, float, complex and the format-spec mini-language. */
    readonly numbers: NumbersProfile
  }

  /** Grammar differences the parser and compiler follow. */
  readonly language: {
    /** `print` is a statement (Python 2): `print(a, b)` prints a tuple, a trailing comma sets `softspace`. */
    readonly printStatement: boolean
    /** `/` of two ints floors (Python 2 without `from __future__ import division`); not folded at compile time. */
    readonly classicDivision: boolean
  }

  readonly memory: {
    /** pymalloc: requests up to this size use size classes. */
    readonly smallRequestThreshold: number
    readonly alignment: number
    readonly poolSize: number
    readonly arenaSize: number
  }

  readonly eval: {
    readonly callArguments: 'caller-keeps-callee-increfs' | 'moved-into-frame'
    /**
     * `f(*args)`: the argument tuple stays on the caller's stack for the whole call ('callargs-kept', ≤3.11); a
     * Python function's frame takes the items and the tuple is released before the body runs ('callargs-into-frame',
     * 3.12+, `_PyEvalFramePushAndInit_Ex`); 2.7 copies the star tuple into a new call tuple and keeps both.
     */
    readonly callFunctionEx: 'callargs-kept' | 'callargs-into-frame' | 'star-tuple-copied'
    readonly borrowedFastLoads: boolean
    readonly frameLocalsRelease: 'first-to-last' | 'last-to-first'
    /** After a call through a non-Python callable: the order the caller releases the arguments. */
    readonly callArgsRelease: 'first-to-last' | 'last-to-first'
    readonly constantSlices: boolean
    /**
     * A C function's static keyword parser (`_PyArg_Parser`) builds its tuple of keyword names on first use and
     * keeps it for good ('lazy', ≤3.11: one more GC object), or has it compiled in ('static', 3.12+).
     * @cpython Python/getargs.c#parser_init
     */
    readonly argParserKwtuple: 'lazy' | 'static'
    readonly recursionLimit: number
    /** Whether a frame object exists for every call (≤3.10) or only on demand (3.11+). */
    readonly frameObjects: 'always' | 'lazy'
    /**
     * Where the frame objects of an 'always' profile come from (GC objects, counted in generation 0 when allocated):
     * the code object's zombie frame (`co_zombieframe`: the frame of its last finished call, kept for the next one),
     * else a free list of up to `freeList` frames (emptied by a full collection); only a call that finds neither
     * allocates, and only a finished frame that fits in neither is freed.
     * @cpython Objects/frameobject.c#frame_dealloc
     */
    readonly frameReuse: {
      /** A code object keeps the frame of its last finished call for the next one (`co_zombieframe`, ≤3.10). */
      readonly zombieFrame: boolean
      /** How many finished frames the frame free list keeps (0: none). */
      readonly freeList: number
    }
    /** Generator objects' behaviour. @cpython Objects/genobject.c */
    readonly generators: {
      /** PEP 479: a StopIteration escaping a generator frame becomes RuntimeError (3.7+); false: it ends the generator. */
      readonly stopIterationToRuntimeError: boolean
      /** `close()` returns the value the generator returned on GeneratorExit (3.13+); false: always None. */
      readonly closeReturnsValue: boolean
      /**
       * 3.13.0: `close()` of a generator suspended at a yield outside any try block only marks it completed (no
       * GeneratorExit is thrown, its locals stay until it is freed), so a cycle through them survives finalization.
       */
      readonly closeAtPlainYieldKeepsLocals: boolean
      /** The getset attributes generators have (gi_suspended 3.11+, gi_yieldfrom 3.5+, __qualname__ 3.5+). */
      readonly attributes: readonly string[]
      /**
       * 3.12+ wraps a generator body in a cleanup handler (`INTRINSIC_STOPITERATION_ERROR`; RERAISE): its entry
       * (lasti and the exception) makes `co_stacksize` at least 2. The sim converts StopIteration in the generator
       * object and only counts the handler's stack.
       */
      readonly bodyHandlerDepth?: number
    }
  }

  /** Source locations the compiler gives instructions (they decide what a traceback's carets underline). */
  readonly compiler: {
    /**
     * The location of an assert's `RAISE_VARARGS`: the whole statement, the test (3.13+), or the statement unless the
     * test is a comparison, whose location `compiler_jump_if` leaves behind (3.11).
     * @cpython Python/compile.c#compiler_assert
     */
    readonly assertRaise: 'statement' | 'test' | 'compare-test'
    /** The location of a for loop's `GET_ITER` / `FOR_ITER`: the whole statement, or its iterable (3.13+). */
    readonly forIter: 'statement' | 'iter'
    /**
     * The location of a while loop's jump back (where Ctrl-C in the loop is reported): the last line of the body
     * (3.8), the whole statement when the test is a constant and the test otherwise (3.11: the rotated loop re-tests
     * at the bottom, and a constant test folds away), or the test (3.12+).
     * @cpython Python/compile.c#compiler_while
     */
    readonly whileJump: 'body' | 'statement-if-constant' | 'test'
    /**
     * How many objects the parser makes for one number literal, all kept by the script's parser arena: one (the
     * LL(1) parser, ≤3.8), or as many times as the PEG parser parses it (3.9+): twice through `primary`'s left
     * recursion, once more where an assignment-target attempt starts at it (a statement's first token, the token
     * after each `=`, the first item of a bracket there). Small ints are shared, so `sys.getrefcount(1)` counts each.
     * @cpython Parser/parser.c#primary_rule
     */
    readonly numberLiteralParses: 'once' | 'peg'
    /**
     * The PEG parser (3.9+) keeps each token's text as a bytes object in the arena: NEWLINE, INDENT, DEDENT and
     * ENDMARKER as `b''`, one-character tokens as the shared one-byte objects. The LL(1) parser (≤3.8) keeps none.
     * @cpython Parser/pegen.c#_PyPegen_fill_token
     */
    readonly tokenBytes: boolean
    /**
     * The LL(1) parser's AST (≤3.8) makes one interned identifier per NAME token (a dotted import name as one
     * string), kept by the arena: 'per-token'. The PEG parser (3.9+) makes one per parse of the token, as many as
     * its backtracking tries: not modelled ('not-modelled'; on 3.12+ identifiers are immortal anyway).
     * @cpython Python/ast.c#new_identifier
     */
    readonly arenaIdentifiers: 'per-token' | 'not-modelled'
    /**
     * A source file that does not decode and declares no encoding: the default source encoding, the message
     * (`{byte}` as `\\xff`, `{file}`, `{line}`) and where the SyntaxError points: nowhere (3.11–3.13: no header), at
     * the line (a `File "…", line N` header), or at the byte (3.14: the line, decoded with replacement characters, and
     * a caret).
     * @cpython Parser/tokenizer.c#decoding_fgets
     */
    readonly sourceNotDecodable: { readonly encoding: 'utf-8' | 'ascii'; readonly text: string; readonly located: 'none' | 'line' | 'byte' }
    /**
     * Where constants are folded: in the AST optimizer, before code generation and its warnings ('ast'), or in the
     * control-flow graph after it (3.14+: `x is -5` and `x is (1, 2)` no longer look like literals).
     */
    readonly constantFolding: 'ast' | 'cfg'
    /**
     * The longest sequence constant folding may produce from `seq * n`: the AST optimizer's limits (tuples 256,
     * str/bytes 4096), or 2.7's peephole optimizer (20 for any sequence).
     * @cpython Python/ast_opt.c#safe_multiply
     */
    readonly foldMaxLength: { readonly tuple: number; readonly str: number }
    /**
     * 2.7: a list comprehension runs inline in the enclosing scope, with no function of its own, and its loop
     * variables stay bound there after it ends.
     */
    readonly listCompInline: boolean
    /**
     * The AST optimizer folds `constant[constant]` (3.8–3.13 `fold_subscr`), before the compiler's checks see it
     * (`"abc"[0] is x` warns); 3.14 folds subscripts later, in the flow graph (absent: true).
     */
    readonly astFoldSubscript?: boolean
  }

  readonly gc: {
    readonly collector: 'generational' | 'incremental'
    readonly thresholds: readonly [number, number, number]
    readonly threshold2Ignored: boolean
    readonly countAccounting: 'alloc' | 'track'
    readonly autoCollect: 'in-allocation' | 'eval-breaker'
    readonly gcHeadSize: number
    /** Extra words before the GC head for instances with a managed dict (3.11+). */
    readonly preHeaderSize: number
    readonly immortalsDuringCollect: 'none' | 'move-to-permanent' | 'untrack'
    /**
     * When a collection untracks tuples of atomic items: the survivors, after the unreachable set is known ('survivors',
     * ≤3.13), or every collected tuple in `update_refs`, before it ('update-refs', 3.14: such a tuple in a garbage
     * cycle is not counted as collected).
     */
    readonly untrackTuples: 'survivors' | 'update-refs'
    /**
     * The generation that start-up objects (builtins, sys, `__main__` and its dict) sit in when the program starts:
     * the collections run while the interpreter imported its start-up modules promoted them (0: not modelled).
     */
    readonly startupGeneration: 0 | 1 | 2
    /**
     * The generation counts start-up leaves behind (null: all zero). A count 0 over its threshold is a collection
     * still pending, which the program's first eval-breaker check runs.
     */
    readonly startupCounts: readonly [number, number, number] | null
    readonly weakrefClearing: 'before-finalizers' | 'split'
    readonly resurrection: 'none' | 'all-or-nothing-counted' | 'all-or-nothing-uncounted' | 'per-object'
    readonly finalizerPolicy: 'legacy-gc-garbage' | 'pep442'
    /**
     * Module teardown at exit: 3.x `finalize_modules` (sys.modules entries set to None, a collection, then module
     * dicts cleared last-imported first), or 2.7 `PyImport_Cleanup` (a collection even when disabled, then
     * `__main__` cleared first, modules nobody else references next, then the rest, sys, builtins; no collection).
     */
    readonly moduleCleanup?: 'finalize-modules' | 'pyimport-cleanup'
    /** Whether `tp_clear` and friends report `Exception ignored in tp_clear of`. */
    readonly api: {
      readonly callbacks: boolean
      readonly getStats: boolean
      readonly freeze: boolean
      readonly getObjectsGeneration: boolean
      readonly isFinalized: boolean
    }
    readonly debugFlags: Readonly<Record<string, number>>
    /** DEBUG_STATS: whether the "done" line ends with a period (2.7). */
    readonly debugStatsDonePeriod: boolean
    readonly debugStatsPermanentLine: boolean
    readonly debugObjectLinesNeedDebugObjects: boolean
    readonly callbacksSkippedAtShutdown: boolean
  }

  readonly messages: Messages

  readonly output: {
    /**
     * How `print()` takes its arguments: the call's vector, running its keyword parser only when keywords are given
     * ('fastcall', ≤3.9); Argument Clinic, whose parser runs on every call and packs the values into a new tuple
     * ('clinic-tuple', 3.10–3.13) or leaves them in the vector ('clinic-array', 3.14).
     * @cpython Python/bltinmodule.c#builtin_print
     */
    readonly printArgs: 'fastcall' | 'clinic-tuple' | 'clinic-array'
    readonly nameErrorHints: 'none' | 'did-you-mean' | 'did-you-mean+forgot-import'
    readonly tracebackCarets: boolean
    /** Whether the C traceback printer (unraisable exceptions) draws carets too: 3.11/3.12 (3.13 dropped them). */
    readonly cTracebackCarets: boolean
    readonly replSourceLines: boolean
    readonly absoluteMainPath: boolean
    readonly unraisableFormat: 'legacy-one-line' | 'ignored-in' | 'ignored-while-calling'
    /** Caret anchors skip closing parentheses after a binary operation's left operand (3.12+). */
    readonly caretsSkipParens: boolean
    /** How builtin functions name themselves in argument errors: 'list.append' (3.10+) or 'append'. */
    readonly builtinNames: 'qualified' | 'short'
    /**
     * Who prints an uncaught exception: `pythonrun.c` (chains followed recursively, each exception printed once in
     * print order; a multi-line message gets the group margin on its first line only), or (3.13+) the traceback
     * module's `TracebackException` (chains collected breadth-last through a queue first; every line gets the margin).
     */
    readonly exceptionPrinter: 'pythonrun' | 'traceback-module'
    /** The last line of a traceback names an exception class of `__main__` as `__main__.E` (≤3.10), or `E`. */
    readonly exceptionMainModule: boolean
    /** The compiler warns about likely mistakes (`is` with a literal, calling a literal, a tuple assertion; 3.8+). */
    readonly syntaxWarnings: boolean
    /**
     * How a SyntaxError shows its line: 'pgen' (≤3.9: the line as it is, one caret under `offset`, an offset at the
     * final newline moved back onto the last character) or 'ranged' (3.10+: carets from `offset` to `end_offset`).
     */
    readonly syntaxErrorText: 'pgen' | 'ranged'
    /**
     * Classes ('module.Name') that the interactive start-up creates and drops before the first prompt, left as
     * cyclic garbage for the first collection (3.13: `_pyrepl.readline`'s dataclass, replaced by its `slots=True`
     * copy, which keeps the bases tuple).
     */
    readonly replStartupDiscardedClasses: readonly string[]
    /** A script ending in an uncaught KeyboardInterrupt exits through SIGINT (3.8+; status 130) or with status 1. */
    readonly unhandledKeyboardInterrupt: 'sigint' | 'exit-1'
  }

  readonly unsafe: {
    readonly pyDeallocExported: boolean
    readonly noneDealloc: 'fatal' | 're-immortalize'
    readonly smallIntDealloc: 'free-invalid-pointer' | 'survives'
    readonly header: 'refcnt64' | 'refcnt-split32' | 'refcnt32-overflow-flags'
    /** `Objects/object.c:NNN` of the finalizer-on-live-object assertion (null: a plain fatal error). */
    readonly finalizerAssertLine: number | null
    /** The two words before the GC head of instances with a managed dict (lower address first). */
    readonly preHeader: 'none' | 'values-dict' | 'weakref-dictorvalues' | 'weakref-dict'
    /** When a double free kills the process (a simulated choice; real runs vary). */
    readonly doubleFree: 'crash-at-exit' | 'crash-now'
    /** The line of `string_at` in the stdlib's `ctypes/__init__.py` (faulthandler shows it). */
    readonly stringAtLine: number
    /**
     * What a `void` C function returns through ctypes' default `c_int` restype: the return register's leftover
     * (-1 as observed on x86-64 after `_Py_Dealloc`; 0 under wasm32, where a void call leaves nothing).
     */
    readonly voidCallResult: number
  }

  /**
   * What a fresh interpreter holds before the program's first line beyond what the simulation builds (site, the
   * stdlib modules it imports, the io stack), per mode: measured from the real interpreter by
   * packages/conformance/scripts/calibrate-startup.mjs (generated into startup-images.ts).
   */
  readonly startupImage: StartupImages
  /**
   * What a `--with-pydebug` build of this version does differently (used when the embedder asks for a debug build).
   * Recorded against CPython 3.11.2's python3.11-dbg only; other versions inherit 3.11's values unverified.
   */
  readonly debugBuild: {
    /** `sys.abiflags` */
    readonly abiflags: string
    /** The PYMEM debug hooks' fill bytes: freed memory (DEADBYTE) and fresh, not yet written memory (CLEANBYTE). */
    readonly deadByte: number
    readonly cleanByte: number
    /**
     * The C source location `_Py_NegativeRefcount` reports, by the operation whose decref found the negative count
     * ('default': every `Py_XDECREF`, which reports its own line in object.h).
     */
    readonly decrefSites: Readonly<Record<'default' | 'dict-delitem' | 'ctypes-keep', string>>
    /** Where `PyObject_ClearWeakRefs` rejects an object whose count is not 0 (its `PyErr_BadInternalCall`). */
    readonly clearWeakRefsSite: string
  }

  readonly evidence: Readonly<Record<string, Evidence>>
}

/** A start-up image per mode (null: not measured for that mode). */
export interface StartupImages {
  readonly script: StartupImage | null
  readonly repl: StartupImage | null
}

/** The state start-up leaves behind that the simulation does not create itself. */
export interface StartupImage {
  /**
   * References held by start-up's objects to interpreter-shared objects, by key: `int:N`, `const:None`, `chr:N`,
   * `module:NAME`, `builtins:NAME`, `name:NAME` (an interned identifier), `type:NAME`.
   */
  readonly refs: readonly (readonly [string, number])[]
  /** Tracked objects start-up leaves in each generation (as `len(gc.get_objects(g))` counts them) that stay tracked. */
  readonly gcObjects: readonly number[]
  /** Tracked objects start-up leaves per generation that the next collection of it untracks (atomic tuples). */
  readonly untrackable: readonly number[]
  /** Objects in the permanent generation (`gc.get_freeze_count()`). */
  readonly frozen: number
  /** `gc.get_stats()` of start-up's collections: per generation, collections, collected, uncollectable. */
  readonly stats: readonly (readonly number[])[]
}

/** Message templates: `{name}` placeholders are filled by the caller. */
export interface Messages {
  readonly unboundLocal: string
  readonly unboundFree: string
  readonly nameError: string
  readonly globalNameError: string
  readonly attributeErrorDel: string
  /** `del C.x` for a missing class attribute. */
  readonly typeAttributeErrorDel: string
  /** Reading an empty `__slots__` member. */
  readonly memberAttributeError: string
  /** Setting / deleting / reading a property without setter / deleter / getter ('{name}' omitted when unnamed). */
  readonly propertyNoSetter: string
  readonly propertyNoDeleter: string
  readonly propertyNoGetter: string
  /** Calling an unbound method descriptor without arguments. */
  readonly methodDescrNoArgs: string
  readonly classAssignment: string
  readonly immutableTypeSetattr: string
  readonly superArg1: string
  readonly superBadObj: string
  readonly isinstanceArg2: string
  readonly issubclassArg2: string
  /** Setting an attribute on an object without `__dict__`. */
  readonly noDictSetattr: string
  readonly mroConflict: string
  /** An exception raised by `__set_name__` is wrapped in this RuntimeError (≤3.11), or propagates (null). */
  readonly setNameError: string | null
  /** Instantiating a class with abstract methods ({s}: plural suffix; {methods}: the names). */
  readonly abstractInstantiation: string
  readonly unraisableDel: string
  /** ctypes `c_char` given something else ({type}: its type). @cpython Modules/_ctypes/cfield.c#c_set */
  readonly ctypesCharExpected: string
  /**
   * How an exception in an atexit callback is reported: null prints `Error in atexit._run_exitfuncs:` and the
   * exception (≤3.9); a template with `{obj}` is a whole unraisable header (3.13+); otherwise the `in …` part of
   * `Exception ignored in …: <func>`.
   */
  readonly atexitCallbackError: string | null
  readonly noneDeallocFatal: string | null
  /** Argument Clinic's `Py_ssize_t` converter given a float (3.8), or null (the generic index error). */
  readonly ssizeArgFloat: string | null
  /** `l[i:j] = 5`. */
  readonly listSliceAssignNotIterable: string
  /** `range()`. */
  readonly rangeNoArguments: string
  /** `zip(x=1)` ({name}: the keyword). */
  readonly zipBadKeyword: string
  /** `enumerate()` without arguments. */
  readonly enumerateMissingIterable: string
  /** `iter(1, 2)` (for the builtins module). */
  readonly iterSentinelNotCallable: string
  /** Calling a weakref with arguments ({n}: how many). */
  readonly weakrefCallArgs: string
  /** An exception constructor given a keyword it does not take ({name}: the keyword, {type}: the type name). */
  readonly excBadKeyword: string
  /** ZeroDivisionError texts of the number types. */
  readonly intFloorDivZero: string
  readonly intModZero: string
  readonly intDivmodZero: string
  readonly floatDivZero: string
  readonly floatFloorDivZero: string
  readonly floatModZero: string
  readonly floatDivmodZero: string
  readonly complexDivZero: string
  /** `0.0 ** -1` (and `0 ** -1`). */
  readonly floatPowZeroNegative: string
  readonly complexPowZeroNegative: string
  /** `int(None)` / `float(None)` ({type}: the argument's type). */
  readonly intArgType: string
  readonly floatArgType: string
  /** `int('1', 2, 3)` ({n}: how many). */
  readonly intTooManyArgs: string
  /** The int/str digits limit ({limit}; {digits}: the string's digits). */
  readonly intMaxStrDigitsToStr: string
  readonly intMaxStrDigitsFromStr: string
  /** `sys.set_int_max_str_digits(5)`. */
  readonly intMaxStrDigitsSet: string
  /** `complex(x, y)` argument errors ({type}: the argument's type). */
  readonly complexStrWithSecond: string
  readonly complexSecondStr: string
  readonly complexFirstArg: string
  /** `complex(None)` (one argument). */
  readonly complexOnlyArg: string
  readonly complexSecondArg: string
  /** The operator name of a three-argument `pow()` TypeError: 'pow()' (≤3.9) or '** or pow()'. */
  readonly powTernaryOp: string
  /** `complex.__format__(5)`. */
  readonly complexFormatArg: string
  /** `add_note()` given a non-str ({type}: its type name). */
  readonly excNoteNotStr: string
  /** `split()` / `subgroup()` of an exception group given something that cannot match. */
  readonly excGroupMatcher: string
  /** The compiler's SyntaxWarning for `x is <literal>` ({op}: is / is not, {eq}: == / !=, {type}: the literal's type). */
  readonly isLiteralWarning: string | null
  /** The SyntaxWarning for an unknown backslash escape ({c}: the character), or null where it is a hidden DeprecationWarning. */
  readonly invalidEscapeWarning: string | null
  /** `'%c' % x` given a str of another length or a non-int ({what}: 'a string of length N' or the type name). */
  readonly percentCharArg: string
  /** `bytes.fromhex()` ending in a lone digit, or null (the non-hexadecimal message for the position after it). */
  readonly fromhexOddDigits: string | null
  /** Unpacking an exact list/tuple/dict into too few targets ({expected}, {got}), or null (no count). */
  readonly unpackTooManyGot: string | null
  /** PEP 765's SyntaxWarning for return/break/continue leaving a finally block ({kw}), or null (before 3.14). */
  readonly controlFlowInFinally: string | null
  readonly [key: string]: string | null
}

/** Text types. */
export interface TextProfile {
  /**
   * `_Py_HashBytes` under `PYTHONHASHSEED=0`: `wide` on 64-bit builds (SipHash-2-4 up to 3.10, SipHash-1-3 from
   * 3.11, 2.7's per-unit FNV), `narrow` on 32-bit builds (wasm32 Pyodide: FNV over 4-byte blocks).
   */
  readonly hash: { readonly wide: 'siphash24' | 'siphash13' | 'fnv-units'; readonly narrow: 'fnv' | 'siphash13' | 'siphash24' }
  /** Iterating an ASCII str gives a `str_ascii_iterator` (3.11+). */
  readonly asciiIterator: boolean
  /** `str.removeprefix`/`removesuffix` and the bytes ones (3.9+). */
  readonly removeprefix: boolean
  /** `str.replace(old, new, count=-1)` takes `count` by keyword (3.13+). */
  readonly replaceCountKeyword: boolean
  /**
   * `find`/`count`/`index`/`startswith` … bind `sub[, start[, end]]` with `PyArg_ParseTuple` (≤3.12: "find() takes
   * at most 3 arguments (5 given)", "must be str, not int") or Argument Clinic (3.13+).
   */
  readonly findArgs: 'parse-tuple' | 'clinic'
  /** `bytearray(list_or_tuple)` sizes the buffer once (3.11+) instead of appending item by item. */
  readonly bytearrayPresizeSequence: boolean
  /** `bytes.__bytes__` exists (3.11+). */
  readonly bytesDunderBytes: boolean
  /** `str()` binds its arguments with Argument Clinic's messages (3.13+ `unicode_vectorcall`). */
  readonly clinicStrNew: boolean
  /** The Unicode version of the character database (`unicodedata.unidata_version`): newer characters are unassigned. */
  readonly unicodeVersion: string
  /**
   * The static one-character strings U+0080..U+00FF come with their UTF-8 form (3.12+ `_PyUnicode_LATIN1_INIT`), which
   * `str.__sizeof__` counts.
   */
  readonly latin1CharsUtf8: boolean
  /**
   * One-character strings already interned at start-up as separate (deep-frozen) objects, not the latin-1
   * singletons (3.11, 3.12 `Tools/build/deepfreeze.py`): a literal `'a'` in user code is then not `chr(97)`.
   * Observed with `chr(i) is sys.intern(chr(i))`.
   */
  readonly deepfrozenInternedChars?: string
}

/**
 * The size of a C struct, from its fields: `words` pointer-sized fields (pointers, `Py_ssize_t`, `Py_hash_t`, `long`,
 * `uintptr_t`) and `bytes` of fixed-size ones (`int`, `double`, `uint64_t`, flag bytes), padded to `align` (default:
 * the pointer size; 1 for `offsetof`-style sizes such as `PyBytesObject_SIZE`, 8 for structs with a 64-bit field).
 * The same struct then has the right size on x86-64 (8-byte pointers) and on wasm32 (Pyodide, 4-byte pointers).
 */
export type StructSize = readonly [words: number, bytes?: number, align?: number]

/** `sys.getsizeof` parameters, as struct layouts (sizes with the GC header where noted). */
export interface SizeofTable {
  readonly object: StructSize
  readonly intBase: StructSize // ob_size / lv_tag field and header, without digits
  readonly intDigitSize: number // 4 (30-bit digits)
  readonly intZeroHasDigit: boolean // 3.11+: 0 reports one digit
  readonly float: StructSize
  readonly strAsciiBase: StructSize // compact ASCII header, plus one byte per char and the NUL
  readonly strLatin1Base: StructSize // compact (non-ASCII) header
  readonly strUcs2Base: StructSize
  readonly strUcs4Base: StructSize
  readonly bytesBase: StructSize
  /** `getsizeof(())`: GC header and `PyTupleObject` without items (3.14 adds `ob_hash`). */
  readonly tupleBase: StructSize
  readonly listBase: StructSize
  readonly dictEmpty: StructSize
  readonly setBase: StructSize
  readonly instance: StructSize // an instance of an empty class (with managed dict/weakref)
  /** `type.__basicsize__` (sizeof(PyHeapTypeObject)). */
  readonly heapType: StructSize
  /** `type.__sizeof__(int)`: the size of a static type object. */
  readonly staticType: StructSize
  /** `property.__basicsize__` (3.10 added `prop_name`). */
  readonly property: StructSize
  readonly function: StructSize
  /** `getsizeof` of a class: GC header, `PyHeapTypeObject` and the class's shared-keys table. */
  readonly type: StructSize
  readonly none: StructSize
  readonly bool: StructSize
  readonly range: StructSize
  /** `enumerate` (3.11 added a field) and `zip` (3.10 added `strict`), with their GC header. */
  readonly enumerate: StructSize
  readonly zip: StructSize
  readonly bytearray: StructSize
  /** A weak reference or proxy, with its GC header. */
  readonly weakref: StructSize
  /** `code.__basicsize__` (the code object without its bytecode). */
  readonly codeBase: StructSize
  /** `generator.__basicsize__`: the object (3.11+: up to the embedded frame's `localsplus`), without GC header. */
  readonly generator: StructSize
  /** 3.11+: a generator's `__sizeof__` adds one word per frame slot (`co_nlocalsplus + co_stacksize`). */
  readonly generatorFrameSlots: boolean
}

/** A `SizeofTable` resolved to bytes for one pointer size (`Runtime.sizeof`). */
export type SizeofBytes = { readonly [K in keyof SizeofTable]: SizeofTable[K] extends StructSize ? number : SizeofTable[K] }

export type ProfileId = 'legacy' | '3.8' | '3.11' | '3.12' | '3.13' | '3.14'

/** Version differences of functions, classmethod/staticmethod, code objects, weak references and tracebacks. */
export interface RuntimeObjectsProfile {
  /** `function.__builtins__`: a function keeps its globals' builtins (3.10+). */
  readonly funcBuiltins: boolean
  /** `function.__type_params__` (3.12+). */
  readonly funcTypeParams: boolean
  /**
   * `func_clear` (also run by the deallocator): code, globals … qualname (≤3.10); globals … annotations, with code,
   * name and qualname released by the deallocator afterwards (3.11); the same, name and qualname reset to '' (3.12+).
   */
  readonly funcClear: 'code-first' | 'globals-first' | 'globals-first-reset-names'
  /**
   * classmethod/staticmethod: plain wrappers (≤3.9), or wrappers that copy `__module__`, `__name__`, `__qualname__`,
   * `__doc__` (and `__annotations__`, see wrapsAnnotations), expose `__wrapped__`, repr as `<classmethod(f)>`, with a callable staticmethod (3.10+).
   */
  readonly methodWrappers: 'plain' | 'wraps'
  /** Whether those wrappers copy `__annotations__` too (3.10–3.13; 3.14's lazy annotations are not copied). */
  readonly wrapsAnnotations: boolean
  /** `classmethod.__get__` chains to the wrapped object's `__get__` (3.9–3.12). */
  readonly classmethodChaining: boolean
  /** `code.co_qualname` (3.11+). */
  readonly codeQualname: boolean
  /**
   * What a code object stores besides its constants and names: the name tuples `co_varnames`, `co_cellvars`,
   * `co_freevars` and the bytes `co_code` and `co_lnotab` (≤3.10, 'split'); or `co_localsplusnames`,
   * `co_localspluskinds`, `co_linetable` and `co_exceptiontable` (3.11+, 'localsplus'). Empty ones are `()` and `b''`.
   * @cpython Objects/codeobject.c#_PyCode_New
   */
  readonly codeLayout: 'split' | 'localsplus'
  /** 'localsplus': `co_varnames`, `co_cellvars` and `co_freevars` are built at each access (3.11) or once (3.12+). */
  readonly codeNameTuples: 'fresh' | 'cached'
  /** Equal constant and name tuples (and tables) of one compilation are one shared object (3.8+; not 2.7). @cpython Python/compile.c#merge_const_one */
  readonly codeMergeTuples: boolean
  /** `tp_name` of weakref.ref, weakref.ProxyType and weakref.CallableProxyType. */
  readonly weakrefTypeNames: readonly [string, string, string]
  /** The weakref repr looks the referent's `__name__` up as an attribute (≤3.11) or on its type (3.12+). */
  readonly weakrefReprName: 'getattr' | 'special'
  /** Proxy repr: `<weakproxy at … to A at …>` (≤3.12), or `<weakproxy at …; to 'A' at …>` / `<weakproxy at …; dead>`. */
  readonly proxyRepr: 'legacy' | 'quoted'
  /** `traceback.tb_lineno`: a read-only member (≤3.10) or a computed getset (3.11+). */
  readonly tracebackLineno: 'member' | 'getset'
  /** The name argument errors of `types.TracebackType(...)` show. */
  readonly tracebackNewName: string
}

/** Version differences of the number types and of `format()`. */
export interface NumbersProfile {
  /** `int.bit_count()` (3.10+). */
  readonly intBitCount: boolean
  /** `int.is_integer()` (3.12+). */
  readonly intIsInteger: boolean
  /** `int.to_bytes()` / `int.from_bytes()` default to length 1 and byteorder 'big' (3.11+). */
  readonly intToBytesDefaults: boolean
  /** `int.__round__(None)` is accepted (3.14). */
  readonly intRoundNone: boolean
  /** `int(x)` falls back to `x.__trunc__()` (≤3.13; 3.11–3.13 also warn, which is not modelled). */
  readonly intTruncFallback: boolean
  /** The default int/str conversion limit in decimal digits (`sys.get_int_max_str_digits()`), null when absent (2.7). */
  readonly intMaxStrDigits: number | null
  /**
   * complex has `__int__`/`__float__`/`__mod__`/`__floordiv__`/`__divmod__` slots that raise ("can't convert complex
   * to int", ≤3.9) and no `__complex__` method (added in 3.11).
   */
  readonly complexIntFloatSlots: boolean
  /**
   * complex arithmetic: real operands take part as reals (`c * 2.0` keeps the signs of c's zeros) and products and
   * quotients recover infinities as C11 Annex G asks (3.14), or every operand is made complex first (≤3.13).
   */
  readonly complexMixedMode: boolean
  /**
   * `bool(NotImplemented)`: true by default (≤3.8, no `__bool__`), true through a `__bool__` that warns (3.9–3.13;
   * the warning is not modelled), or a TypeError (3.14).
   */
  readonly notImplementedBool: 'default' | 'deprecated' | 'error'
  /** `~True` goes through bool's own `__invert__` (3.12+; its DeprecationWarning is not modelled). */
  readonly boolInvert: boolean
  /**
   * The number types that set `tp_getattro` themselves, so `vars(T)` lists a `__getattribute__` wrapper: int, float,
   * complex and ellipsis (≤3.12), int and complex (3.13), none (3.14).
   */
  readonly ownGetattro: readonly ('int' | 'float' | 'complex' | 'ellipsis')[]
  /** `hash(None)`: the address hash (≤3.11) or a constant, with NoneType's own comparisons (3.12+). */
  readonly noneHash: 'pointer' | 'constant'
  /** `float.from_number()` and `complex.from_number()` (3.14). */
  readonly fromNumber: boolean
  /** `sum()` of floats uses Neumaier's compensated summation (3.12+). */
  readonly sumCompensated: boolean
  /** `float.__floor__` and `float.__ceil__` exist (3.9+). */
  readonly floatFloorCeil: boolean
  /** `hash(nan)`: 0 (≤3.9) or the object's address hash (3.10+). */
  readonly nanHash: 'zero' | 'pointer'
  /** `str(float)`: the repr (3.x), or 12 significant digits (2.7). */
  readonly floatStr: 'repr' | 'g12'
  /** The format-spec mini-language. */
  readonly formatSpec: {
    /** The 'z' option (coerce negative zero; 3.11+). */
    readonly noNegZero: boolean
    /** A '0' before the width sets '=' alignment only for types that align right by default (3.10+). */
    readonly zeroPadNumericOnly: boolean
    /** Grouping of the fractional digits (`.3_f`, 3.14). */
    readonly fracGrouping: boolean
    /** "Invalid format specifier" names the spec and the type (3.10+). */
    readonly invalidSpecDetail: boolean
    /** A ' ' sign on a str: "Space not allowed in string format specifier" (3.10+). */
    readonly spaceSignMessage: boolean
  }
}

/** Version differences of exception instances. */
export interface ExceptionsProfile {
  /** `BaseException.add_note()`, `__notes__` in tracebacks and the `notes` slot of every exception (3.11+). */
  readonly notes: boolean
  /**
   * The fields each exception type's instance struct adds to `PyBaseExceptionObject`, in declaration order (they also
   * size the instances): object pointers, or `Py_ssize_t` for `written`, `start` and `end`.
   */
  readonly fields: Readonly<Record<string, readonly string[]>>
  /** The keyword arguments a constructor accepts (types not listed take none). */
  readonly keywords: Readonly<Record<string, readonly string[]>>
  /**
   * Pointer-sized words of `PyBaseExceptionObject` after the object header: dict, args, (notes,) traceback, context,
   * cause and the `suppress_context` flag — 7 from 3.11, 6 before; 2.7's struct is dict, args, message.
   */
  readonly baseSlots: number
  /** Builtin exception types this version does not have (neither created nor in `builtins`). */
  readonly absent: readonly string[]
  /** `repr()` of an exception with one argument: `E('x')`, or the name and the args tuple's repr, `E('x',)` (2.7). */
  readonly reprOneArg: 'call' | 'tuple'
  /**
   * How a traceback prints a `__notes__` that is a str: character by character, like any sequence (3.11, which also
   * leaves out the newline after the repr of a non-sequence `__notes__`), or its repr (3.12+).
   */
  readonly notesStr: 'sequence' | 'repr'
  /** AttributeError has its own `__getstate__` / `__reduce__`, which keep `name` (3.12+). */
  readonly attributeErrorReduce: boolean
}

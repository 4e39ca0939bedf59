import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const bin = join(here, '..', 'bin', 'heap.js')

function heap(args: string[], input?: string, cwd?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

function tmp(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'heap-cli-'))
  for (const [k, v] of Object.entries(files)) writeFileSync(join(d, k), v)
  return d
}

describe('heap run', () => {
  it('runs a program like python does', () => {
    const d = tmp({ 'p.py': 'import sys\nprint(sys.argv[1:], 6 * 7)\n' })
    const r = heap(['run', 'p.py', 'a', 'b'], undefined, d)
    expect(r).toEqual({ code: 0, stdout: "['a', 'b'] 42\n", stderr: '' })
  })
  it('reports a missing file with exit status 2', () => {
    const d = tmp({})
    const r = heap(['run', 'nope.py'], undefined, d)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`heap: can't open file '${join(d, 'nope.py')}': [Errno 2] No such file or directory\n`)
    // 3.8 names the file as given.
    expect(heap(['run', '--python', '3.8', 'nope.py'], undefined, d).stderr).toBe("heap: can't open file 'nope.py': [Errno 2] No such file or directory\n")
  })
  it('rejects an unknown version with one usage line and exit status 2', () => {
    const d = tmp({ 'p.py': 'pass\n' })
    for (const args of [['run', '--python', '9.9', 'p.py'], ['compare', '--python', '3.8,4', 'p.py']]) {
      const r = heap(args, undefined, d)
      expect(r.code).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(/unknown version '(9\.9|4)' \(choose from legacy, 3\.8, 3\.11, 3\.12, 3\.13, 3\.14\)/)
    }
  })
  it('prints a traceback and exits 1 on an uncaught exception', () => {
    const d = tmp({ 'e.py': 'x = 1\ndel x\nprint(x)\n' })
    const r = heap(['run', '--python', '3.8', 'e.py'], undefined, d)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('Traceback (most recent call last):\n  File "e.py", line 3, in <module>\n    print(x)\nNameError: name \'x\' is not defined\n')
  })
  it('counts the seed 2-cycle as 4 on 3.8 and 2 on 3.11', () => {
    const src = 'import gc\ngc.disable()\nclass T:\n    pass\na = T(); b = T(); a.o = b; b.o = a\ndel a, b\nprint(gc.collect())\n'
    const d = tmp({ 'c.py': src })
    expect(heap(['run', '--python', '3.8', 'c.py'], undefined, d).stdout).toBe('4\n')
    expect(heap(['run', '--python', '3.11', 'c.py'], undefined, d).stdout).toBe('2\n')
  })
  it('traces refcount events with their source lines', () => {
    const d = tmp({ 't.py': 'a = []\nb = a\ndel b\n' })
    const r = heap(['run', '--trace=incref,decref', 't.py'], undefined, d)
    expect(r.stderr).toMatch(/t\.py:2 +incref +list 0x[0-9a-f]+ \[\] +refcnt=2/)
    expect(r.stderr).toMatch(/t\.py:3 +decref +list 0x[0-9a-f]+ \[\] +refcnt=1/)
  })
  it('raises BrokenPipeError in the program when the reader of its stdout goes away, as CPython does', () => {
    const d = tmp({ 'many.py': 'for i in range(10 ** 6):\n    print(i)\n' })
    const r = spawnSync('bash', ['-c', `${process.execPath} ${bin} run many.py | head -1; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', cwd: d })
    expect(r.stdout).toBe('0\n')
    expect(r.stderr).toBe(`Traceback (most recent call last):\n  File "${join(d, 'many.py')}", line 2, in <module>\n    print(i)\nBrokenPipeError: [Errno 32] Broken pipe\nstatus 1\n`)
  })
  it('runs a directory through its __main__.py, and says so when it has none', () => {
    const d = tmp({})
    mkdirSync(join(d, 'app'))
    expect(heap(['run', '--python', '3.8', 'app'], undefined, d)).toMatchObject({ code: 1, stderr: "heap: can't find '__main__' module in 'app'\n" })
    writeFileSync(join(d, 'app', '__main__.py'), 'import sys\nprint(sys.argv[0])\n')
    expect(heap(['run', 'app'], undefined, d)).toMatchObject({ code: 0, stdout: 'app\n' })
  })
  it('reads its stdin as the program asks: input() and sys.stdin', () => {
    const d = tmp({ 'i.py': 'import sys\nname = input("name? ")\nprint("hello", name)\nprint([len(l) for l in sys.stdin])\n' })
    expect(heap(['run', 'i.py'], 'bob\nab\ncd\u00e9\nlast', d)).toMatchObject({ code: 0, stdout: 'name? hello bob\n[3, 4, 4]\n' })
    const eof = heap(['run', 'i.py'], '', d)
    expect(eof.code).toBe(1)
    expect(eof.stderr).toMatch(/\nEOFError: EOF when reading a line\n$/)
  })
  it('traces every kind with a bare --trace, without taking the file for a list of kinds', () => {
    const d = tmp({ 't.py': 'a = []\n' })
    const r = heap(['run', '--trace', 't.py'], undefined, d)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/t\.py:1 +alloc +list 0x[0-9a-f]+ \[\] +refcnt=1\n.*t\.py:1 +track +list/s)
    expect(heap(['run', '--trace=bogus', 't.py'], undefined, d)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^heap: unknown trace kind 'bogus'/) })
  })
  it('writes a heap graph at exit', () => {
    const d = tmp({ 'g.py': 'x = [1, [2]]\n' })
    const r = heap(['run', '--graph', 'heap.dot', 'g.py'], undefined, d)
    expect(r.code).toBe(0)
    const dot = readFileSync(join(d, 'heap.dot'), 'utf8')
    expect(dot).toMatch(/^digraph heap/)
    expect(dot).toMatch(/"root_global_x" -> "o\d+"/)
  })
})

describe('heap run: tools and unsafe code', () => {
  it('traces as JSON lines with --trace-format json', () => {
    const d = tmp({ 't.py': 'a = []\nb = a\ndel b\n' })
    const r = heap(['run', '--trace=incref,decref', '--trace-format', 'json', 't.py'], undefined, d)
    expect(r.code).toBe(0)
    const events = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; type?: string; refcnt?: number; line: number | null; file: string | null })
    const listEvents = events.filter((e) => e.type === 'list' && e.file === join(d, 't.py')).map((e) => [e.kind, e.line, e.refcnt])
    expect(listEvents).toContainEqual(['incref', 2, 3]) // `b = a`: a on the stack, then stored as b
    expect(listEvents.at(-1)).toEqual(['decref', 3, 1]) // `del b`
  })
  it('writes one graph per breakpoint() and one at exit', () => {
    const d = tmp({ 'b.py': 'x = [1]\nbreakpoint()\ny = {1: x}\n' })
    const r = heap(['run', '--graph', 'snap.dot', 'b.py'], undefined, d)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('heap: wrote snap.1.dot, snap.2.dot\n')
    const first = readFileSync(join(d, 'snap.1.dot'), 'utf8')
    const last = readFileSync(join(d, 'snap.2.dot'), 'utf8')
    expect(first).toMatch(/"root_global_x"/)
    expect(first).not.toMatch(/"root_global_y"/)
    expect(last).toMatch(/"root_global_y"/)
  })
  it('aborts like CPython 3.11 on _Py_Dealloc(None) and explains what the unsafe call broke', () => {
    const d = tmp({ 'n.py': 'import ctypes\nctypes.pythonapi._Py_Dealloc(ctypes.py_object(None))\nprint("never")\n' })
    const r = heap(['run', '--python', '3.11', '--explain', 'n.py'], undefined, d)
    expect(r.code).toBe(134)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^Fatal Python error: none_dealloc: deallocating None: bug likely caused by a refcount error in a C extension\n/)
    expect(r.stderr).toMatch(/Aborted \(core dumped\)\nWhat unsafe code did \(simulated\):\n {2}\S*n\.py:2 forced-dealloc {2}_Py_Dealloc on a live NoneType/)
    // 3.12+: None is immortal; the same call is harmless.
    const r12 = heap(['run', '--python', '3.12', 'n.py'], undefined, d)
    expect(r12).toMatchObject({ code: 0, stdout: 'never\n' })
  })
  it('--debug-build aborts on a negative refcount as python3.11-dbg does; without it the program goes on', () => {
    const d = tmp({ 'neg.py': 'import ctypes\nclass T(object):\n    pass\nt = T()\nctypes.c_ssize_t.from_address(id(t)).value = 0\nprint("zeroed")\ndel t\nprint("after")\n' })
    const r = heap(['run', '--debug-build', 'neg.py'], undefined, d)
    expect(r.code).toBe(134)
    expect(r.stdout).toBe('zeroed\n')
    expect(r.stderr).toMatch(/^\.\.\/Objects\/dictobject\.c:1986: _Py_NegativeRefcount: Assertion failed: object has negative ref count\n/)
    expect(r.stderr).toMatch(/object refcount : -1\n/)
    expect(heap(['run', 'neg.py'], undefined, d)).toMatchObject({ code: 0, stdout: 'zeroed\nafter\n' })
    expect(heap(['run', '--help']).stdout).toMatch(/--debug-build/)
  })
})

describe('heap repl (piped)', () => {
  it('behaves like python -i < file', () => {
    const r = heap(['repl', '--python', '3.11'], 'import sys\na = object()\nsys.getrefcount(a)\n')
    expect(r.stdout).toBe('2\n')
    // The banner and the prompts go to stderr, as with `python -i < file`.
    expect(r.stderr).toMatch(/^Python 3\.11\.7 \(.*\) \[.*\] on linux\nType "help", "copyright", "credits" or "license" for more information\.\n>>> >>> >>> >>> \n$/)
  })
  it('--debug-build has sys.gettotalrefcount', () => {
    expect(heap(['repl', '--debug-build'], 'import sys\nhasattr(sys, "gettotalrefcount")\n').stdout).toBe('True\n')
    expect(heap(['repl'], 'import sys\nhasattr(sys, "gettotalrefcount")\n').stdout).toBe('False\n')
  })
  it('traces as JSON lines for tools', () => {
    const r = heap(['repl', '--trace=incref', '--trace-format', 'json'], 'a = []\nb = a\n')
    const events = r.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { kind: string; type?: string; refcnt?: number; line: number | null })
    expect(events.length).toBeGreaterThan(0)
    expect(events.every((e) => e.kind === 'incref')).toBe(true)
    expect(events).toContainEqual(expect.objectContaining({ kind: 'incref', type: 'list', refcnt: 2, line: 1 }))
  })
})

describe('heap check', () => {
  it('passes a matching transcript and fails a wrong one with a diff', () => {
    const d = tmp({ 'ok.md': '```pycon\n>>> 1 + 1\n2\n```\n', 'bad.md': '```pycon\n>>> 1 + 1\n3\n```\n' })
    expect(heap(['check', 'ok.md'], undefined, d).code).toBe(0)
    const bad = heap(['check', 'bad.md'], undefined, d)
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/--- expected\n\+\+\+ got\n@@ .* @@\n >>> 1 \+ 1\n-3\n\+2/)
  })
})

describe('heap compare', () => {
  it('marks the lines that differ and says why', () => {
    const src = 'import gc\ngc.disable()\nclass T:\n    pass\na = T(); b = T(); a.o = b; b.o = a\ndel a, b\nprint("collected:", gc.collect())\n'
    const d = tmp({ 'c.py': src })
    const r = heap(['compare', '--python', '3.8,3.11', 'c.py'], undefined, d)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/≠ collected: 4 +│ collected: 2/)
    expect(r.stdout).toMatch(/every instance has a real __dict__/)
  })
})

describe('heap tour and profiles', () => {
  it('runs the whole tour non-interactively', () => {
    const r = heap(['tour'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/1\. Reference counting/)
    expect(r.stdout).toMatch(/End of the tour/)
    // Every chapter shows the heap its program left behind.
    expect(r.stdout).not.toMatch(/\(no snapshot\)/)
    expect(r.stdout.match(/objects created by the program and still alive: \d+/g)?.length).toBe(r.stdout.match(/heap at exit:/g)?.length)
    expect(r.stdout).toMatch(/collector lists: gen0: \d+/)
  }, 120_000)
  it('lists the profiles', () => {
    const r = heap(['profiles'])
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['legacy', '3.8', '3.11', '3.12', '3.13', '3.14'])
  })
  it('ends quietly when the reader of its output goes away', () => {
    const r = spawnSync('bash', ['-c', `${process.execPath} ${bin} tour --no-interactive | head -1; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' })
    expect(r.stdout).toMatch(/^A tour of CPython's memory management/)
    expect(r.stderr).toBe('status 0\n')
  })
  it('prints its version and help', () => {
    expect(heap(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
    expect(heap(['run', '--help']).stdout).toMatch(/--trace/)
  })
})

/** A command in a real terminal (tmux): keys in, the screen out. */
function terminal(name: string, command: string, size: [number, number]): { keys: (...k: string[]) => void; screen: () => string; waitFor: (re: RegExp) => string; alive: () => boolean; close: () => void } {
  const session = `heap-e2e-${name}-${process.pid}`
  const tmux = (...a: string[]): string => execFileSync('tmux', a, { encoding: 'utf8' })
  tmux('new-session', '-d', '-s', session, '-x', String(size[0]), '-y', String(size[1]), command)
  const screen = (): string => tmux('capture-pane', '-p', '-t', session)
  return {
    keys: (...k) => void tmux('send-keys', '-t', session, ...k),
    screen,
    waitFor: (re) => {
      for (let i = 0; i < 100; i++) {
        const s = screen()
        if (re.test(s)) return s
        execFileSync('sleep', ['0.1'])
      }
      throw new Error(`timed out waiting for ${re}: \n${screen()}`)
    },
    alive: () => spawnSync('tmux', ['has-session', '-t', session]).status === 0,
    close: () => void spawnSync('tmux', ['kill-session', '-t', session]),
  }
}

describe('heap repl in a terminal (tmux)', () => {
  it('shows a banner, evaluates, continues blocks, reads input(), interrupts on Ctrl-C and exits on Ctrl-D', () => {
    const home = tmp({})
    const t = terminal('repl', `env HOME=${home} ${process.execPath} ${bin} repl --python 3.12`, [100, 30])
    const waitFor = t.waitFor
    try {
      waitFor(/Python 3\.12\.1/)
      t.keys('def f():', 'Enter')
      waitFor(/^\.\.\.\s*$/m) // capture-pane drops the prompt's trailing space
      t.keys('    return 6 * 7', 'Enter', 'Enter')
      t.keys('f()', 'Enter')
      waitFor(/^42$/m)
      // History: Up recalls the last line; line editing: Home/End and inserted text.
      // Keys one at a time, as typed (node's readline drops cursor moves that arrive in one burst with text).
      const type = (...keys: string[]): void => {
        for (const k of keys) {
          t.keys(k)
          execFileSync('sleep', ['0.15'])
        }
      }
      type('Up', 'Enter')
      waitFor(/^42\n>>> f\(\)\n42$/m)
      type('2 * 3', 'C-a', '1', 'C-e', '0', 'Left', 'Left', 'BSpace', 'Enter')
      waitFor(/^>>> 12 \*30\n360$/m)
      // Ctrl-C while code runs interrupts it with a traceback; at the prompt it drops the pending lines.
      t.keys('while True: pass', 'Enter', 'Enter')
      execFileSync('sleep', ['0.5'])
      t.keys('C-c')
      waitFor(/^\^CTraceback \(most recent call last\):\n {2}File "<stdin>", line 1, in <module>\nKeyboardInterrupt\n>>>/m)
      t.keys('7 * 6', 'Enter')
      waitFor(/^>>> 7 \* 6\n42$/m)
      t.keys('def g(', 'Enter')
      waitFor(/^>>> def g\(\n\.\.\.\s*$/m)
      t.keys('C-c')
      waitFor(/^\.\.\.\s*\nKeyboardInterrupt\n>>>/m)
      // input() reads through the same line editor; Ctrl-D there is a bare EOFError, and the session goes on.
      t.keys('x = input("name? ")', 'Enter')
      waitFor(/^name\?\s*$/m)
      t.keys('alice', 'Enter')
      t.keys('x', 'Enter')
      waitFor(/^name\? alice\n>>> x\n'alice'$/m)
      t.keys('input("again? ")', 'Enter')
      waitFor(/^again\?\s*$/m)
      t.keys('C-d')
      waitFor(/^again\? Traceback \(most recent call last\):\n {2}File "<stdin>", line 1, in <module>\nEOFError\n>>>/m)
      t.keys('C-d')
      for (let i = 0; i < 50; i++) {
        if (!t.alive()) {
          expect(readFileSync(join(home, '.heap_history'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['f()', '12 *30']))
          return
        }
        execFileSync('sleep', ['0.1'])
      }
      throw new Error('the REPL did not exit on Ctrl-D')
    } finally {
      t.close()
    }
  }, 30_000)

  it('heap run: Ctrl-C raises KeyboardInterrupt in the running program', () => {
    const d = tmp({ 'spin.py': 'print("spinning")\nn = 0\nwhile True:\n    n += 1\n' })
    const t = terminal('run', `cd ${d} && ${process.execPath} ${bin} run --python 3.12 spin.py; echo EXIT=$?; sleep 5`, [100, 20])
    try {
      t.waitFor(/^spinning$/m)
      t.keys('C-c')
      t.waitFor(/Traceback \(most recent call last\):\n {2}File "\S*spin\.py", line 3, in <module>\n {4}while True:\n {10}\^{4}\nKeyboardInterrupt\nEXIT=130/)
    } finally {
      t.close()
    }
  }, 30_000)

  it('heap tour on a terminal: Enter goes on, q stops', () => {
    const t = terminal('tour', `${process.execPath} ${bin} tour; echo EXIT=$?; sleep 5`, [150, 50])
    try {
      t.waitFor(/^1\. Reference counting$[\s\S]*\[Enter\] next chapter, q to stop\s*$/m)
      t.keys('Enter')
      t.waitFor(/^2\. Counting through frames$/m)
      t.keys('q', 'Enter')
      const screen = t.waitFor(/EXIT=\d+/)
      expect(screen).toMatch(/EXIT=0/)
      expect(screen).not.toMatch(/^3\. /m)
    } finally {
      t.close()
    }
  }, 30_000)
})

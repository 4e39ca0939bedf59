import { describe, expect, test } from 'vitest'
import { normalizeOutput, stripPyodideFrames, shellExitCode, shellSignalMessage, appendShellMessage } from '../src/normalize.mjs'

describe('normalizeOutput', () => {
  test('replaces long addresses', () => {
    expect(normalizeOutput('<__main__.T object at 0x7f3a5c1e2b40>')).toBe('<__main__.T object at 0xADDR>')
    expect(normalizeOutput('Current thread 0x00007f01a2b3c740 (most recent call first):')).toBe('Current thread 0xADDR (most recent call first):')
  })

  test("replaces Pyodide's short addresses only in address contexts", () => {
    expect(normalizeOutput('<function Track.__del__ at 0x14598d8>')).toBe('<function Track.__del__ at 0xADDR>')
    expect(normalizeOutput('gc: collectable <Track 0x1a2b>')).toBe('gc: collectable <Track 0xADDR>')
    expect(normalizeOutput('hex(255) = 0xff')).toBe('hex(255) = 0xff')
  })

  test('strips the case directory so 3.9+ absolute paths read like 3.8', () => {
    const dir = '/tmp/heapconf-Ab12Cd'
    expect(normalizeOutput(`  File "${dir}/gc1.py", line 3, in <module>`, { caseDir: dir })).toBe('  File "gc1.py", line 3, in <module>')
    expect(normalizeOutput(`  File "/private${dir}/x.py"`, { caseDir: dir, aliases: [`/private${dir}`] })).toBe('  File "x.py"')
  })

  test('reduces standard-library and interpreter paths', () => {
    expect(normalizeOutput('  File "/root/.pyenv/versions/3.11.7/lib/python3.11/ctypes/__init__.py", line 519, in string_at')).toBe('  File "<stdlib>/ctypes/__init__.py", line 519, in string_at')
    expect(normalizeOutput('  File "/lib/python3.14/weakref.py", line 590')).toBe('  File "<stdlib>/weakref.py", line 590')
    expect(normalizeOutput('AttributeError: /root/.pyenv/versions/2.7.18/bin/python: undefined symbol: _Py_Dealloc')).toBe('AttributeError: python: undefined symbol: _Py_Dealloc')
  })

  test('normalises the elapsed time of DEBUG_STATS', () => {
    expect(normalizeOutput('gc: done, 2 unreachable, 0 uncollectable, 0.0009s elapsed')).toBe('gc: done, 2 unreachable, 0 uncollectable, 0.0000s elapsed')
    expect(normalizeOutput('gc: done, 4 unreachable, 4 uncollectable, 0.0003s elapsed.')).toBe('gc: done, 4 unreachable, 4 uncollectable, 0.0000s elapsed.')
  })

  test("normalises the interactive banner's build details", () => {
    expect(normalizeOutput('Python 3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0] on linux\nType "help"')).toBe('Python 3.11.7 (BUILD) on linux\nType "help"')
    expect(normalizeOutput('Python 2.7.18 (default, May  9 2026, 07:29:50) \n[GCC 12.2.0] on linux2\n')).toBe('Python 2.7.18 (BUILD) on linux2\n')
  })

  test('drops pids from shell job messages', () => {
    expect(normalizeOutput('bash: line 1: 12345 Segmentation fault      (core dumped) python x.py')).toBe('Segmentation fault (core dumped)')
    expect(normalizeOutput('12345 Aborted (core dumped) python x.py')).toBe('Aborted (core dumped)')
    expect(normalizeOutput('child pid 4242 exited')).toBe('child pid PID exited')
  })

  test('is idempotent', () => {
    const raw = 'Exception ignored in: <function T.__del__ at 0x7f0011223344>\ngc: done, 2 unreachable, 0 uncollectable, 0.0012s elapsed\n'
    const once = normalizeOutput(raw)
    expect(normalizeOutput(once)).toBe(once)
  })

  test('leaves ordinary output alone', () => {
    const text = 'collect -> 2\n[1, 2, 3]\n0x1f 1234567 3.14\n'
    expect(normalizeOutput(text)).toBe(text)
    expect(normalizeOutput('')).toBe('')
  })
})

describe('stripPyodideFrames', () => {
  test("removes _pyodide/_base.py frames with their source and caret lines", () => {
    const tb = [
      'Traceback (most recent call last):',
      '  File "/lib/python314.zip/_pyodide/_base.py", line 597, in eval_code_async',
      '    await CodeRunner(',
      '    ...<9 lines>...',
      '  File "/lib/python314.zip/_pyodide/_base.py", line 411, in run_async',
      '    coroutine = eval(self.code, globals, locals)',
      '  File "del2.py", line 3, in <module>',
      '    print(x)',
      '          ^',
      "NameError: name 'x' is not defined",
    ].join('\n')
    expect(stripPyodideFrames(tb)).toBe(['Traceback (most recent call last):', '  File "del2.py", line 3, in <module>', '    print(x)', '          ^', "NameError: name 'x' is not defined"].join('\n'))
  })
})

describe('shell status', () => {
  test('exit codes as a shell reports them', () => {
    expect(shellExitCode(0, null)).toBe(0)
    expect(shellExitCode(3, null)).toBe(3)
    expect(shellExitCode(null, 'SIGSEGV')).toBe(139)
    expect(shellExitCode(null, 'SIGABRT')).toBe(134)
    expect(shellExitCode(null, 'SIGINT')).toBe(130)
  })

  test('signal messages are appended as the last stderr line', () => {
    expect(shellSignalMessage('SIGSEGV')).toBe('Segmentation fault (core dumped)')
    expect(shellSignalMessage('SIGABRT')).toBe('Aborted (core dumped)')
    expect(shellSignalMessage('SIGINT')).toBeNull()
    expect(appendShellMessage('Fatal Python error: x\n', 'Aborted (core dumped)')).toBe('Fatal Python error: x\nAborted (core dumped)\n')
    expect(appendShellMessage('partial', 'Aborted (core dumped)')).toBe('partial\nAborted (core dumped)\n')
    expect(appendShellMessage('', 'Segmentation fault (core dumped)')).toBe('Segmentation fault (core dumped)\n')
    expect(appendShellMessage('x\n', null)).toBe('x\n')
  })
})

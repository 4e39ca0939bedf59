// The Python programs every packaging check runs (Node, the browser bundle, the installed `heap` command).
// Expected outputs as printed by real CPython 3.11.7 (`python3 prog.py`); 3.8.18, 3.12.1 and 3.13.0 print the same.
export const PROGRAMS = [
  { filename: 'hello.py', source: 'print(1+1)\n', stdout: '2\n' },
  {
    // Two lists that only reference each other: refcounting cannot free them, the cycle collector finds both.
    filename: 'cycle.py',
    source: ['import gc', 'a = []', 'b = [a]', 'a.append(b)', 'del a, b', 'print(gc.collect())', ''].join('\n'),
    stdout: '2\n',
  },
]

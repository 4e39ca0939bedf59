# What a compiled code object keeps referenced: empty name tuples are (), empty tables b''. compile() frees the
# parser's arena at once; exec() of a string keeps it (with one bytes object per token on 3.9+) while the code runs.
import sys

compile('pass', 'warm-up', 'exec')  # the first compile() initialises the compiler's own state

def kept_by_code(src):
    before = (sys.getrefcount(()), sys.getrefcount(b''))
    code = compile(src, 'snippet', 'exec')
    after = (sys.getrefcount(()), sys.getrefcount(b''))
    return (after[0] - before[0], after[1] - before[1])

for src in ['pass', 'x = 1', 'def f(): pass', 'def f():\n    pass\n', 'def f(a, b=2):\n    return a + b\n',
            'def f():\n    try:\n        pass\n    except Exception:\n        pass\n', 'class C: pass',
            'class C:\n    x = 1\n', 'f = lambda: 0', 'def f(a):\n    def g():\n        return a\n    return g\n']:
    print('%r %r' % (src, kept_by_code(src)))

def during_exec(src):
    ns = {'sys': sys}
    exec(src + '\nn = sys.getrefcount(b"")\n', ns)
    return ns['n']

base = during_exec('')
for src in ['x = 1', 'x = 1\ny = 2', 'if True:\n    x = 1\n', 'x = (1, 2)\nprint(x)']:
    print('%r %r' % (src, during_exec(src) - base))

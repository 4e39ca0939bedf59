# Context and cause chains as the traceback prints them: implicit context, raise ... from, from None, explicit
# __context__ / __cause__ assignment, and a chain three deep.
import sys

def parse(s):
    try:
        return {'a': 1}[s]
    except KeyError as e:
        raise ValueError('cannot parse %r' % s) from e

def load(s):
    try:
        parse(s)
    except ValueError:
        raise RuntimeError('load failed')

try:
    load('b')
except RuntimeError as r:
    print(type(r.__context__).__name__, type(r.__context__.__cause__).__name__, r.__context__.__suppress_context__)
    sys.excepthook(type(r), r, r.__traceback__)

try:
    try:
        raise KeyError('hidden')
    except KeyError:
        raise TypeError('shown') from None
except TypeError as t:
    print(repr(t.__context__), t.__cause__, t.__suppress_context__)
    sys.excepthook(type(t), t, t.__traceback__)

a = ValueError('a')
b = TypeError('b')
b.__context__ = a
c = KeyError('c')
c.__cause__ = b
sys.excepthook(type(c), c, None)
c.__suppress_context__ = False
c.__cause__ = None
print(c.__suppress_context__)
sys.excepthook(type(c), c, None)

# a cycle of contexts is printed once
x = ValueError('x')
y = ValueError('y')
x.__context__ = y
y.__context__ = x
sys.excepthook(type(x), x, None)

load('c')

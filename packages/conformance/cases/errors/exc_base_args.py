# BaseException: args, str/repr for 0, 1 and several arguments, args mutation, the chaining attributes.
for e in [BaseException(), Exception('one'), ValueError('a', 2), TypeError(None), LookupError(('t',)), RuntimeError(RuntimeError())]:
    print(repr(e), '|', str(e), '|', e.args, len(e.args))

e = ValueError(1, 'a')
print(e.__reduce__())
e.x = 5
print(e.__dict__, e.__reduce__())
print(e.__setstate__({'y': 2}), e.y, sorted(e.__dict__))
try:
    e.__setstate__(3)
except TypeError as x:
    print('TypeError:', x)

e.args = [1, 2]
print(e.args, repr(e), str(e))
e.args = 'ab'
print(e.args, repr(e))
e.args = ()
print(repr(e), repr(str(e)))
for bad in [3, None]:
    try:
        e.args = bad
    except TypeError as x:
        print('TypeError:', x)
try:
    del e.args
except TypeError as x:
    print('TypeError:', x)

# __traceback__, __context__, __cause__, __suppress_context__
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
for v in [1, None]:
    try:
        e.__traceback__ = v
        print('__traceback__ =', e.__traceback__)
    except TypeError as x:
        print('TypeError:', x)
for attr in ['__context__', '__cause__']:
    for v in [1, None, KeyError('k')]:
        try:
            setattr(e, attr, v)
            print(attr, repr(getattr(e, attr)), e.__suppress_context__)
        except TypeError as x:
            print('TypeError:', x)
    try:
        delattr(e, attr)
    except TypeError as x:
        print('TypeError:', x)
try:
    del e.__traceback__
except TypeError as x:
    print('TypeError:', x)
e.__suppress_context__ = False
print(e.__suppress_context__)
for bad in [0, 'yes']:
    try:
        e.__suppress_context__ = bad
    except TypeError as x:
        print('TypeError:', x)
try:
    del e.__suppress_context__
except TypeError as x:
    print('TypeError:', x)
print(e.with_traceback(None) is e)
try:
    e.with_traceback(5)
except TypeError as x:
    print('TypeError:', x)

# keyword arguments are refused by the builtin __init__, not by __new__
for f in [lambda: ValueError(x=1), lambda: BaseException('a', b=2), lambda: KeyError(k=1)]:
    try:
        f()
    except TypeError as x:
        print('TypeError:', x)
class Loose(ValueError):
    def __init__(self, *args, **kwargs):
        self.kw = sorted(kwargs)
l = Loose(1, x=2)
print(repr(l), l.args, l.kw)

# a raised exception gets a traceback; catching it sets nothing else
try:
    raise KeyError('z')
except KeyError as caught:
    print(type(caught.__traceback__).__name__, caught.__context__, caught.__cause__, caught.__suppress_context__)

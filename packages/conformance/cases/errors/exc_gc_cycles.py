# Exceptions and the cycles they create: a traceback keeps the frame (and its locals) alive; `except E as e`
# deletes e at the end of the handler; a saved exception makes a cycle that only the collector can free.
import gc
gc.disable()
gc.collect()

def handled():
    try:
        raise ValueError('x')
    except ValueError as e:
        pass
    try:
        e
    except NameError as n:
        return type(n).__name__

print('bound after except:', handled())

def keep():
    try:
        raise ValueError('kept')
    except ValueError as e:
        saved = e
    return 'done'

print(keep(), gc.collect())

def keep_context():
    try:
        try:
            raise KeyError('first')
        except KeyError:
            raise ValueError('second')
    except ValueError as e:
        saved = e
    return saved.__context__.args

print(keep_context(), gc.collect())

class Holder:
    pass

def hold():
    h = Holder()
    try:
        raise RuntimeError('held')
    except RuntimeError as e:
        h.err = e
    return h

h = hold()
print(type(h.err.__traceback__).__name__, gc.collect())
del h
print(gc.collect())

e = ValueError('plain')
print(gc.is_tracked(e), [type(r).__name__ for r in gc.get_referents(e)])
e.extra = [1]
e.__context__ = KeyError('c')
print(sorted(type(r).__name__ for r in gc.get_referents(e)))
s = SystemExit(3)
print(sorted(type(r).__name__ for r in gc.get_referents(s)))
st = StopIteration()
print([type(r).__name__ for r in gc.get_referents(st)])
a = ValueError('a')
b = ValueError('b')
a.__context__ = b
b.__context__ = a
del a, b
print(gc.collect())

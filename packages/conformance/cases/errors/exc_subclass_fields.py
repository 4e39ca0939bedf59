# The fields of SystemExit, StopIteration, KeyError, ImportError, NameError and AttributeError.
s = SystemExit()
print(repr(s), repr(s.code), str(s))
for args in [(0,), ('bye',), (1, 2)]:
    s = SystemExit(*args)
    print(repr(s), repr(s.code), str(s))
s.code = 9
print(s.code)
del s.code
print(s.code)

print(repr(StopIteration().value), StopIteration(1, 2).value, repr(StopIteration('v')))
try:
    raise StopIteration('done')
except StopIteration as stop:
    print('StopIteration value:', repr(stop.value), stop.args)

for k in [KeyError(), KeyError('a'), KeyError('a', 'b'), KeyError(1), KeyError(''), KeyError(KeyError('z'))]:
    print(repr(k), '|', str(k))
try:
    {}['missing']
except KeyError as k:
    print(repr(k), str(k), k.args)

for args in [(), ('m',), ('m', 'n')]:
    e = ImportError(*args)
    print(repr(e), '|', str(e), '|', e.msg, e.name, e.path)
e = ImportError('no module', name='nm', path='/p')
print(repr(e), str(e), e.msg, e.name, e.path, e.__reduce__())
e = ImportError(42)
print(repr(e), str(e), e.msg)
e.msg = 'changed'
print(str(e))
m = ModuleNotFoundError("No module named 'q'", name='q')
print(repr(m), m.name, isinstance(m, ImportError))
for f in [lambda: ImportError(x=1), lambda: ModuleNotFoundError(path='a', other=2)]:
    try:
        f()
    except TypeError as x:
        print('TypeError:', x)

for f in [lambda: NameError('n', name='x'), lambda: AttributeError('a', name='x', obj=3), lambda: UnboundLocalError('u', name='v')]:
    try:
        e = f()
        print(repr(e), str(e), e.name, getattr(e, 'obj', '-'))
    except TypeError as x:
        print('TypeError:', x)
for f in [lambda: NameError(obj=1), lambda: AttributeError(x=1)]:
    try:
        f()
    except TypeError as x:
        print('TypeError:', x)

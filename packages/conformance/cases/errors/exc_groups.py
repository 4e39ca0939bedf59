# BaseExceptionGroup / ExceptionGroup (3.11+): construction checks, message and exceptions, split, subgroup,
# derive, and an uncaught nested group.
import sys
eg = ExceptionGroup('msg', [ValueError(1), TypeError('t')])
print(repr(eg), '|', str(eg), '|', eg.message, eg.exceptions, type(eg.exceptions).__name__)
beg = BaseExceptionGroup('m', [ValueError(1)])
print(type(beg).__name__, repr(beg))
beg2 = BaseExceptionGroup('m', (KeyboardInterrupt(),))
print(type(beg2).__name__, repr(beg2), str(beg2))
print(repr(ExceptionGroup), ExceptionGroup.__module__, [c.__name__ for c in ExceptionGroup.__mro__])
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
for f in [lambda: BaseExceptionGroup('x'), lambda: BaseExceptionGroup(1, []), lambda: BaseExceptionGroup('m', 1),
          lambda: BaseExceptionGroup('m', []), lambda: BaseExceptionGroup('m', [1]), lambda: ExceptionGroup('m', [KeyboardInterrupt()]),
          lambda: BaseExceptionGroup('m', [ValueError()], 3), lambda: BaseExceptionGroup('m', [ValueError()], x=3), lambda: BaseExceptionGroup()]:
    try:
        print(repr(f()))
    except (TypeError, ValueError) as x:
        print(type(x).__name__ + ':', x)
try:
    eg.message = 'other'
except AttributeError as x:
    print('AttributeError:', x)

m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.split((KeyError, TypeError))))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))), eg.subgroup(KeyError))
print(repr(eg.split(Exception)[0] is eg), repr(eg.derive([KeyError('k')])))
try:
    eg.split(1)
except TypeError as x:
    print('TypeError:', x)

nested = ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [TypeError('b'), ValueError('c')])])
vals, rest = nested.split(ValueError)
print(repr(vals))
print(repr(rest))
nested.add_note('outer note')
nested.__cause__ = KeyError('why')
part = nested.subgroup(TypeError)
print(repr(part), part.__notes__, repr(part.__cause__), part.__suppress_context__)

class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + '!', excs)
mg = MyGroup('mine', [ValueError(1), TypeError(2)])
print(repr(mg), repr(mg.split(TypeError)))
class Plain(ExceptionGroup):
    pass
pg = Plain('p', [ValueError(1), TypeError(2)])
print(repr(pg.subgroup(ValueError)))

try:
    raise ExceptionGroup('many', [ValueError(i) for i in range(17)])
except ExceptionGroup as many:
    sys.excepthook(type(many), many, many.__traceback__)

def inner():
    raise ExceptionGroup('inner', [KeyError('k'), ValueError('v')])
def outer():
    try:
        inner()
    except ExceptionGroup as e:
        raise ExceptionGroup('outer', [e, TypeError('t')])
outer()

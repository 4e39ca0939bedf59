# User exception classes: __init__ calling super().__init__ (or not), __str__, __repr__, extra attributes.
class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code)
        self.code = code
        self.detail = detail
    def __str__(self):
        return 'app error %d: %s' % (self.code, self.detail)

class Quiet(AppError):
    def __repr__(self):
        return '<Quiet %d>' % self.code

class NoSuper(ValueError):
    def __init__(self, a):
        self.a = a

class Plain(LookupError):
    pass

e = AppError(3, 'disk full')
print(repr(e), '|', str(e), '|', e.args, e.code, e.detail, sorted(e.__dict__))
q = Quiet(4, 'hush')
print(repr(q), '|', str(q), '|', isinstance(q, AppError), isinstance(q, Exception))
n = NoSuper(5)
print(repr(n), '|', str(n), '|', n.args, n.a)
p = Plain('k', 'v')
print(repr(p), '|', str(p), '|', p.args, type(p).__mro__[1:3])
try:
    raise Quiet(7, 'inner')
except AppError as caught:
    print('caught', type(caught).__name__, caught.code, caught.args)

class WithNew(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, 'fixed')
        return self
w = WithNew(1, 2)
print(repr(w), w.args)

class Multi(KeyError, AttributeError):
    pass
mm = Multi('name')
print(repr(mm), str(mm), [c.__name__ for c in Multi.__mro__])

def fail():
    raise AppError(42, 'fatal')
fail()

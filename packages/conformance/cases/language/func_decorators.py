def trace(f):
    def wrapper(*args, **kw):
        print("call", f.__name__, args)
        r = f(*args, **kw)
        print("ret", r)
        return r
    return wrapper
def repeat(n):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
def add(a, b):
    return a + b
@repeat(3)
def hi(name):
    return "hi " + name
add(1, 2)
print(hi("x"))
print(add.__name__)

a = 1000
b = 1000
print(a is b)
c = 1000; d = 1000
print(c is d)
def f():
    return 1000
print(f() is f(), f() is a)
e = 2.5
g = 2.5
print(e is g)

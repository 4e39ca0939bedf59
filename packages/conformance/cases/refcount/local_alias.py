import sys
def f():
    x = object()
    a = sys.getrefcount(x)
    y = x
    b = sys.getrefcount(x)
    del y
    c = sys.getrefcount(x)
    return a, b, c
print("local, +alias, -alias: %r" % (f(),))

import sys
D = object()
base = sys.getrefcount(D)
def f(a=D):
    return a
print("a default value: +%d" % (sys.getrefcount(D) - base))
def g(a=D, b=D):
    return a
print("two more defaults: +%d" % (sys.getrefcount(D) - base))
del f, g
print("functions deleted: +%d" % (sys.getrefcount(D) - base))

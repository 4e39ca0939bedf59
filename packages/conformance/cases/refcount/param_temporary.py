import sys
def f(p):
    return sys.getrefcount(p)
def g(p):
    q = p
    return sys.getrefcount(p)
print("temporary argument: %d" % f(object()))
print("temporary argument + local alias: %d" % g(object()))

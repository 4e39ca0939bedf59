import sys
class K(object):
    pass
k = K()
def f(*args):
    return sys.getrefcount(args[0])
def g(**kw):
    return sys.getrefcount(kw["a"])
print("via *args: %d" % f(k))
print("via **kwargs: %d" % g(a=k))
print("via an unpacked list: %d" % f(*[k]))

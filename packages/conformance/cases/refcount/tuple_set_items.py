import sys
class K(object):
    pass
x = K()
base = sys.getrefcount(x)
t = (x, x)
print("tuple of 2: +%d" % (sys.getrefcount(x) - base))
s = set([x])
print("plus a set: +%d" % (sys.getrefcount(x) - base))
s.add(x)
print("set.add of a member: +%d" % (sys.getrefcount(x) - base))
fs = frozenset(s)
print("plus a frozenset: +%d" % (sys.getrefcount(x) - base))
del t, s, fs
print("all released: +%d" % (sys.getrefcount(x) - base))

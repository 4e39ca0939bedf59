import sys
class K(object):
    pass
k = K()
base = sys.getrefcount(k)
def gen(o):
    yield 1
    yield 2
g = gen(k)
print("generator created, not started: +%d" % (sys.getrefcount(k) - base))
next(g)
print("suspended at the first yield: +%d" % (sys.getrefcount(k) - base))
for _ in g:
    pass
print("exhausted: +%d" % (sys.getrefcount(k) - base))

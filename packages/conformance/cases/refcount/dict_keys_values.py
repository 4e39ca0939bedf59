import sys
class K(object):
    pass
k = K(); v = K()
kb = sys.getrefcount(k); vb = sys.getrefcount(v)
d = {k: v}
print("key +%d, value +%d" % (sys.getrefcount(k) - kb, sys.getrefcount(v) - vb))
d[k] = v
print("same assignment again: key +%d, value +%d" % (sys.getrefcount(k) - kb, sys.getrefcount(v) - vb))
d2 = dict(d)
print("copied dict: key +%d, value +%d" % (sys.getrefcount(k) - kb, sys.getrefcount(v) - vb))
del d[k]
del d2
print("after removal: key +%d, value +%d" % (sys.getrefcount(k) - kb, sys.getrefcount(v) - vb))

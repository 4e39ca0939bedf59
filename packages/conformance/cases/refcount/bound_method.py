import sys
class C(object):
    def m(self):
        return 1
c = C()
base = sys.getrefcount(c)
m = c.m
print("a bound method holds its instance: +%d" % (sys.getrefcount(c) - base))
m2 = c.m
print("each bound method is new: +%d, same object: %s" % (sys.getrefcount(c) - base, m is m2))
del m, m2
print("released: +%d" % (sys.getrefcount(c) - base))

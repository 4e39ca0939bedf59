import sys
class C(object):
    pass
base = sys.getrefcount(C)
objs = [C() for i in range(10)]
print("10 instances: class +%d" % (sys.getrefcount(C) - base))
del objs
print("instances gone: class +%d" % (sys.getrefcount(C) - base))
class S(object):
    __slots__ = ('a',)
base = sys.getrefcount(S)
objs = [S() for i in range(10)]
print("10 slotted instances: class +%d" % (sys.getrefcount(S) - base))

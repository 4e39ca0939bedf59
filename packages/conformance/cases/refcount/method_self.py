import sys
class C(object):
    def count(self):
        return sys.getrefcount(self)
c = C()
print("self inside a method (c held by a global): %d" % c.count())
print("on a temporary: %d" % C().count())

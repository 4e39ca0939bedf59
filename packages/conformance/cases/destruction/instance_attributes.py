import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
class Holder(object):
    pass
h = Holder()
h.z = T("z")
h.a = T("a")
h.m = T("m")
del h
print("| instance freed")
h = Holder()
h.one = T("one")
h.one = T("two")
print("| attribute rebound")
del h

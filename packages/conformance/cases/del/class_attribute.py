import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
class C(object):
    shared = T("class attribute")
c = C()
print(c.shared.name)
del C.shared
print("after del C.shared: %s" % hasattr(c, "shared"))

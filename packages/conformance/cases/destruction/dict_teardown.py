import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
d = {"a": T("d0"), "b": T("d1"), "c": T("d2")}
d = None
print("| dict freed")
d = {"a": T("e0"), "b": T("e1")}
d["a"] = T("e2")
print("| value replaced")
d.clear()
print("| clear")
d = {1: T("k1"), 2: T("k2"), 3: T("k3")}
d.popitem()
print("| popitem")
del d
print("| end")

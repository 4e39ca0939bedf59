import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
d = {"a": T("a"), "b": T("b")}
del d["a"]
print("after del d['a']")
try:
    del d["zz"]
except KeyError as e:
    print("KeyError: %s" % e)
d.pop("b")
print("after pop")

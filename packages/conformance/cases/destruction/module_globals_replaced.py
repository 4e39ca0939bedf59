import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
g1 = T("g1")
g2 = T("g2")
globals()["g1"] = None
print("g1 replaced via globals()")
del globals()["g2"]
print("g2 deleted via globals()")

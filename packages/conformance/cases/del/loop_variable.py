import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
for item in [T("i0"), T("i1")]:
    pass
print("after the loop")
del item
print("after del item")

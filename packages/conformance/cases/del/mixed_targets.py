import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
class Box(object):
    pass
b = Box(); b.attr = T("attr")
l = [T("item")]
n = T("name")
del b.attr, l[0], n
print("after del b.attr, l[0], n")

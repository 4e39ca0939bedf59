import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
a = b = c = T("shared")
del a
print("del a")
b = 1
print("b rebound")
del c
print("del c")

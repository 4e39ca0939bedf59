import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
x = T("x0")
x = T("x1")
print("rebound")
x = None
print("set to None")

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def f():
    x = T("x")
    y = T("y")
    del x
    print("after del x")
    return y
r = f()
print("returned")
del r
print("end")

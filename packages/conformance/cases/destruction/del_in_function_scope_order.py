import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def f():
    first = T("first")
    second = T("second")
    first = None
    print("first released")
    third = T("third")
f()
print("end")

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def make():
    t = T("captured")
    def inner():
        return t.name
    return inner
f = make()
print("make returned: %s" % f())
del f
print("closure gone")

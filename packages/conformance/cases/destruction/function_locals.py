import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def f():
    a = T("a")
    b = T("b")
    c = T("c")
    print("returning")
f()
print("after f")
def g():
    a = T("a2")
    b = T("b2")
    return b
r = g()
print("after g, kept %s" % r.name)
del r

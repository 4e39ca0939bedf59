import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
a = T("a"); b = T("b"); c = T("c")
del a, b, c
print("after del a, b, c")
x = T("x"); y = T("y")
del (x, y)
print("after del (x, y)")
p = T("p"); q = T("q")
del [q, p]
print("after del [q, p]")

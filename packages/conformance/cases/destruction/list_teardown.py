import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
l = [T("l0"), T("l1"), T("l2")]
l = None
print("| list freed")
l = [T("c0"), T("c1"), T("c2")]
del l[:]
print("| del l[:]")
l = [T("p0"), T("p1")]
l.pop()
print("| pop")
l.pop(0)
print("| pop(0)")
l = [T("r0"), T("r1"), T("r2")]
l[0:2] = [T("new")]
print("| slice assignment")
del l
print("| end")

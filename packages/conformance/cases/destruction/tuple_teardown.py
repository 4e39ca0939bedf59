import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
t = (T("t0"), T("t1"), (T("t2"), T("t3")))
del t
print("| nested tuple")

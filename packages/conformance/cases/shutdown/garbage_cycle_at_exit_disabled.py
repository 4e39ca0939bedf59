import sys, gc
gc.disable()
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
a = T("cycle-a"); b = T("cycle-b"); a.o = b; b.o = a
del a, b
print("end of script")

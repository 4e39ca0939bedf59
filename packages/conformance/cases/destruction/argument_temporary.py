import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def use(o):
    sys.stdout.write("using %s\n" % o.name)
use(T("arg"))
print("after call")
def keep(o):
    global kept
    kept = o
keep(T("kept"))
print("after keep")
kept = None
print("end")

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def fail():
    local = T("local of fail")
    raise ValueError("oops")
try:
    fail()
except ValueError:
    print("in handler")
print("after handler")

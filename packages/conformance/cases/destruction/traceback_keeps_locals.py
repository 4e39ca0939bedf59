import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def fail():
    local = T("local")
    raise ValueError("oops")
try:
    fail()
except ValueError:
    info = sys.exc_info()
print("traceback saved")
del info
print("traceback dropped")

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
g = T("g")
def drop():
    global g
    del g
print("before")
drop()
print("after drop, g defined: %s" % ("g" in globals()))

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
z = T("z (defined first)")
a = T("a")
m = T("m")
print("end of script")

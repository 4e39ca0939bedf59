import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
for i in range(3):
    t = T("t%d" % i)
    print("created t%d" % i)
print("loop done")
del t

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
l = [T("s%d" % i) for i in range(6)]
del l[1:4]
print("after del l[1:4]: %s" % [x.name for x in l])
del l[::2]
print("after del l[::2]: %s" % [x.name for x in l])
del l[:]
print("after del l[:]")

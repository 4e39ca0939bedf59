import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
l = [T("l0"), T("l1"), T("l2")]
del l[1]
print("after del l[1]")
del l[-1]
print("after del l[-1]")
try:
    del l[5]
except IndexError as e:
    print("IndexError: %s" % e)
print("end %d" % len(l))
del l

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
a = T("a")
b = a
del a
print("after del a")
del b
print("after del b")
try:
    del b
except NameError as e:
    print("NameError: %s" % e)

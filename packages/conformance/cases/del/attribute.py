import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
class Box(object):
    pass
b = Box()
b.item = T("item")
b.other = b.item
del b.item
print("after del b.item")
del b.other
print("after del b.other")
try:
    del b.other
except AttributeError as e:
    print("AttributeError: %s" % e)

import sys
class Box(object):
    pass
b = Box()
b.item = object()
print("one attribute: %d" % sys.getrefcount(b.item))
c = Box()
c.item = b.item
print("two attributes: %d" % sys.getrefcount(b.item))
del c.item
print("after del c.item: %d" % sys.getrefcount(b.item))
print("instance held by name only: %d" % sys.getrefcount(b))

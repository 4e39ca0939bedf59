import gc
gc.disable()
gc.collect()
x = []
y = object()
class C(object):
    pass
c = C()
objs = gc.get_objects()
print("list: %s" % any(o is x for o in objs))
print("object(): %s" % any(o is y for o in objs))
print("instance: %s" % any(o is c for o in objs))
print("int: %s" % any(o is 12345 for o in objs))
print("returns a list: %s" % (type(objs).__name__,))

import gc, weakref
gc.disable()
gc.collect()
class N(object):
    pass
a = N(); b = N(); a.o = b; b.o = a
w = weakref.ref(a)
del a, b
print("cycle with an external weakref: %d" % gc.collect())
print("weakref cleared: %s" % (w() is None))
c = N(); c.o = c
c.w = weakref.ref(c)
del c
print("cycle holding a weakref to itself: %d" % gc.collect())

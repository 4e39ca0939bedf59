import weakref, gc
gc.disable()
gc.collect()
saved = []
class R(object):
    def __del__(self):
        saved.append(self)
r = R()
w = weakref.ref(r)
del r
print("refcount path: weakref alive after resurrection: %s" % (w() is not None))
del saved[:]
a = R(); b = R(); a.o = b; b.o = a
wa = weakref.ref(a)
del a, b
gc.collect()
print("gc path: weakref alive after resurrection: %s, saved %d" % (wa() is not None, len(saved)))
del saved[:]

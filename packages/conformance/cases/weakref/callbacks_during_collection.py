import gc, weakref
gc.disable()
gc.collect()
class N(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
log = []
a = N("a"); b = N("b"); a.o = b; b.o = a
wa = weakref.ref(a, lambda r: print("callback a, cleared: %s" % (r() is None)))
wb = weakref.ref(b, lambda r: print("callback b, cleared: %s" % (r() is None)))
del a, b
print("collect -> %d" % gc.collect())

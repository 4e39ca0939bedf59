import gc
gc.disable()
gc.collect()
class Res(object):
    def __del__(self):
        pass
a = Res(); b = Res(); a.o = b; b.o = a
del a, b
gc.set_debug(gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_COLLECTABLE)
n = gc.collect()
gc.set_debug(0)
print("collect -> %d, garbage %d" % (n, len(gc.garbage)))

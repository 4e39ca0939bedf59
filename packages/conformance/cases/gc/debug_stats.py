import gc
gc.disable()
gc.collect()
class N(object):
    pass
a = N(); b = N(); a.o = b; b.o = a
del a, b
gc.set_debug(gc.DEBUG_STATS)
n = gc.collect()
gc.set_debug(0)
print("collect -> %d" % n)

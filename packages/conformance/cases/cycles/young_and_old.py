import gc
gc.disable()
gc.collect()
class N(object):
    pass
a = N(); b = N(); a.o = b; b.o = a
keep = [a]
del a, b
gc.collect()
print("survivors moved to the oldest generation")
del keep[:]
print("collect(0) finds: %d" % gc.collect(0))
print("collect(1) finds: %d" % gc.collect(1))
print("collect(2) finds: %d" % gc.collect(2))
c = N(); d = N(); c.o = d; d.o = c
del c, d
print("a young cycle, collect(0): %d" % gc.collect(0))

import gc
gc.disable()
gc.collect()
class N(object):
    pass
for i in range(1000):
    a = N(); b = N(); a.o = b; b.o = a
del a, b
print("1000 2-cycles: %d" % gc.collect())

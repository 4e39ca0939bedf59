import gc
gc.disable()
gc.collect()
class R(object):
    def __del__(self):
        print("nested collect -> %d" % gc.collect())
a = R(); b = R(); a.o = b; b.o = a
del a, b
print("outer collect -> %d" % gc.collect())
r = R()
del r
print("end")

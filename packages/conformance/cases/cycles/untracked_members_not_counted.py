import gc
gc.disable()
gc.collect()
class N(object):
    pass
a = N(); b = N(); a.o = b; b.o = a
a.s = "a string"; a.i = 10 ** 30; a.f = 1.5; a.t = (1, 2); b.big = "x" * 1000
del a, b
print("cycle with atomic attributes: %d" % gc.collect())
a = N(); b = N(); a.o = b; b.o = a
a.l = [1, 2, 3]; b.d = {"k": [1]}
del a, b
print("cycle with container attributes: %d" % gc.collect())

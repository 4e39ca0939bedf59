import gc
gc.disable()
gc.collect()
s0 = gc.get_stats()
print(len(s0), sorted(s0[0]))
gc.collect(0)
s1 = gc.get_stats()
print("gen0 collections +%d" % (s1[0]["collections"] - s0[0]["collections"]))
class N(object):
    pass
a = N(); b = N(); a.o = b; b.o = a
del a, b
gc.collect()
s2 = gc.get_stats()
print("gen2 collections +%d, collected +%d, uncollectable +%d" % (s2[2]["collections"] - s1[2]["collections"], s2[2]["collected"] - s1[2]["collected"], s2[2]["uncollectable"] - s1[2]["uncollectable"]))

import gc
gc.disable()
gc.collect()
l = []
t = (l,)
l.append(t)
del l, t
print("list <-> tuple: %d" % gc.collect())
l = []
t = (1, "two", l)
l.append(t)
del l, t
print("tuple with atomics <-> list: %d" % gc.collect())

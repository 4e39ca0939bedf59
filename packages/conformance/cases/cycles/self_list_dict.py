import gc
gc.disable()
gc.collect()
l = []
l.append(l)
del l
print("self-appending list: %d" % gc.collect())
d = {}
d["self"] = d
del d
print("self-referencing dict: %d" % gc.collect())
l = [[]]
l[0].append(l)
del l
print("list <-> list: %d" % gc.collect())

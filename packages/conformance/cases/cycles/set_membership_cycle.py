import gc
gc.disable()
gc.collect()
class N(object):
    pass
n = N()
n.group = set([n])
del n
print("instance in a set it refers to: %d" % gc.collect())
d = {}
d[1] = [d]
del d
print("dict -> list -> dict: %d" % gc.collect())

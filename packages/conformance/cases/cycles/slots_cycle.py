import gc
gc.disable()
gc.collect()
class S(object):
    __slots__ = ("other", "name")
a = S(); b = S(); a.other = b; b.other = a; a.name = "a"; b.name = "b"
del a, b
print("__slots__ instances (no dicts): %d" % gc.collect())

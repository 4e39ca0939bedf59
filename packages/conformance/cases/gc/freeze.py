import gc
gc.disable()
gc.collect()
print(gc.get_freeze_count() >= 0)
before = gc.get_freeze_count()
x = []
gc.freeze()
frozen = gc.get_freeze_count() - before
print("froze some objects: %s" % (frozen > 0))
print("count after freeze: %s" % (gc.get_count(),))
print("x frozen, not in any generation: %s" % (not any(o is x for g in range(3) for o in gc.get_objects(g))))
gc.unfreeze()
print("after unfreeze: %d" % gc.get_freeze_count())
print("x back in generation 2: %s" % any(o is x for o in gc.get_objects(2)))

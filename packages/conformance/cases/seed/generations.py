import gc
gc.disable()
gc.collect()
print(gc.get_threshold())
x = []
def where():
    return [g for g in range(3) if any(o is x for o in gc.get_objects(g))]
print("new object in generation %s" % where())
gc.collect(0)
print("after collect(0): %s" % where())
gc.collect(1)
print("after collect(1): %s" % where())
gc.collect()
print("after collect(): %s" % where())

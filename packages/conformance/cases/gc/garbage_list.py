import gc
print(type(gc.garbage).__name__, gc.garbage)
gc.garbage.append("anything")
print(gc.garbage)
del gc.garbage[:]
print(gc.garbage)

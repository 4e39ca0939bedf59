import gc
gc.disable()
gc.collect()
print(gc.collect())
print(gc.collect(0))
print(gc.collect(generation=1))

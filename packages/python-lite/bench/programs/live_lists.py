# A full collection over 300,000 live lists (nothing to free: the traversal cost alone).
import gc
gc.disable()
keep = [[i] for i in range(300000)]
print(gc.collect())
print(len(keep))

import gc
gc.disable()
gc.collect()
class Node(object):
    pass
a = Node(); b = Node(); a.o = b; b.o = a
del a, b
gc.set_debug(gc.DEBUG_LEAK)
n = gc.collect()
gc.set_debug(0)
print(n, len(gc.garbage))
del gc.garbage[:]

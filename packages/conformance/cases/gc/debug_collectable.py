import gc
gc.disable()
gc.collect()
class Node(object):
    pass
a = Node(); b = Node(); a.o = b; b.o = a
l = [a]
del a, b
gc.set_debug(gc.DEBUG_COLLECTABLE)
print("holding a reference: %d" % gc.collect())
del l[:]
print("released: %d" % gc.collect())
gc.set_debug(0)

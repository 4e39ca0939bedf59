import gc
gc.disable()
gc.collect()
class Node(object):
    def __init__(self, name):
        self.name = name
a = Node("a"); b = Node("b"); a.o = b; b.o = a
del a, b
gc.set_debug(gc.DEBUG_SAVEALL)
n = gc.collect()
gc.set_debug(0)
print(n, sorted(type(x).__name__ for x in gc.garbage))
print(sorted(x.name for x in gc.garbage if isinstance(x, Node)))
del gc.garbage[:]
print("after emptying gc.garbage: %d" % gc.collect())

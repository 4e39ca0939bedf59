import gc
gc.disable()
gc.collect()
class Node(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("%s.__del__: peer %s has peer %s" % (self.name, self.peer.name, self.peer.peer.name))
a = Node("a"); b = Node("b"); a.peer = b; b.peer = a
del a, b
print(gc.collect())

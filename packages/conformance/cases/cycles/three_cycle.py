import gc
gc.disable()
gc.collect()
class N(object):
    def __init__(self, name):
        self.name = name
a = N("a"); b = N("b"); c = N("c")
a.next = b; b.next = c; c.next = a
del a, b, c
print("3-cycle of instances: %d" % gc.collect())

import gc
gc.disable()
gc.collect()
class N(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
a = N("a"); b = N("b"); a.o = b; b.o = a
b.o = None
del a, b
print("cycle broken before the names went: %d" % gc.collect())

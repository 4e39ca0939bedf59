import gc
gc.disable()
gc.collect()
class N(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
a = N("a"); b = N("b"); a.o = b; b.o = a
keep = [a]
del a, b
print("held from a global list: %d" % gc.collect())
del keep[:]
print("after releasing it: %d" % gc.collect())

import gc
gc.disable()
gc.collect()
class N(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
a = N("a"); b = N("b"); a.o = b; b.o = a
tail = a
for i in range(3):
    tail.tail = N("t%d" % i)
    tail = tail.tail
del a, b, tail
print("2-cycle with a chain of 3: %d" % gc.collect())

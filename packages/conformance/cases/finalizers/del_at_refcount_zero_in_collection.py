import gc
gc.disable()
gc.collect()
class F(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
a = F("cycle-a"); b = F("cycle-b"); a.o = b; b.o = a
a.child = F("child")
del a, b
print(gc.collect())

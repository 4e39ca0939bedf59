import gc
gc.disable()
gc.collect()
class F(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
a = F("a"); b = F("b"); a.o = b; b.o = a
a.lst = [F("in-list")]
del a, b
n = gc.collect()
print("collect -> %d, garbage %d" % (n, len(gc.garbage)))
for g in gc.garbage:
    g.o = None
    del g
del gc.garbage[:]
print("released by hand")

import gc
gc.disable()
gc.collect()
class N(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
a = N("a"); b = N("b"); a.o = b; b.o = a
c = N("c"); d = N("d"); c.o = d; d.o = c
b.link = c
del a, b, c, d
print("two 2-cycles linked by one edge: %d" % gc.collect())

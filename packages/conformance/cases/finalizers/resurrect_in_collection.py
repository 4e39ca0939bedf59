import gc
gc.disable()
gc.collect()
saved = []
class R(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
        if self.name == "keep":
            saved.append(self)
a = R("keep"); b = R("other"); a.o = b; b.o = a
c = R("c"); d = R("d"); c.o = d; d.o = c
del a, b, c, d
print("collect -> %d" % gc.collect())
print("saved: %s" % [(x.name, x.o.name) for x in saved])
del saved[:]
print("collect again -> %d" % gc.collect())

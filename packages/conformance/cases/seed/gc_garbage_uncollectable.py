import gc
gc.disable()
gc.collect()
class Res(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
a = Res("a"); b = Res("b")
a.peer = b; b.peer = a
del a, b
print("collect: %d" % gc.collect())
print("garbage: %r" % sorted(x.name for x in gc.garbage))
del gc.garbage[:]
print("after clearing gc.garbage: %d" % gc.collect())

import gc
gc.disable()
gc.collect()
class WithDel(object):
    def __del__(self):
        print("__del__ WithDel, peer is %s" % type(self.peer).__name__)
class Plain(object):
    pass
a = WithDel(); b = Plain(); a.peer = b; b.peer = a
del a, b
print("mixed cycle: %d" % gc.collect())
print("garbage: %d" % len(gc.garbage))

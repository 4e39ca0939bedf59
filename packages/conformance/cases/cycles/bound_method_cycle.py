import gc
gc.disable()
gc.collect()
class C(object):
    def method(self):
        return 1
c = C()
c.m = c.method
del c
print("instance holding its own bound method: %d" % gc.collect())

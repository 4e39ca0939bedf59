import gc
gc.disable()
gc.collect()
class C(object):
    pass
del C
print("empty class: %d" % gc.collect())
class D(object):
    x = 1
    def m(self):
        return self
    @staticmethod
    def s():
        return 2
del D
print("class with methods: %d" % gc.collect())
class E(object):
    pass
e = E()
del E
print("class with a live instance: %d" % gc.collect())
del e
print("after the instance goes: %d" % gc.collect())

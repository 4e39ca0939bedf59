import gc
gc.disable()
gc.collect()
class Bad(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        raise KeyError(self.name)
a = Bad("a"); b = Bad("b"); a.o = b; b.o = a
del a, b
print("collect -> %d" % gc.collect())

import gc
gc.disable()
gc.collect()
class Maker(object):
    def __del__(self):
        x = []
        x.append(x)
        print("made a new cycle in __del__")
a = Maker(); a.me = a
del a
print("first collect -> %d" % gc.collect())
print("second collect -> %d" % gc.collect())

import gc
gc.disable()
gc.collect()
class R(object):
    def __del__(self):
        saved.append(self)
saved = []
a = R(); b = R(); a.o = b; b.o = a
print(gc.is_finalized(a))
del a, b
gc.collect()
print([gc.is_finalized(x) for x in saved])
print(gc.is_finalized(object()), gc.is_finalized([]))
del saved[:]

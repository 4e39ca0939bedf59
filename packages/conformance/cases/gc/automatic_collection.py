import gc
gc.collect()
gens = []
gc.callbacks.append(lambda phase, info: gens.append(info["generation"]) if phase == "start" else None)
class N(object):
    def __init__(self, i):
        self.i = i
    def __del__(self):
        freed.append(self.i)
freed = []
saved = gc.get_threshold()
gc.set_threshold(50, 10, 10)
for i in range(100):
    a = N(i); b = N(-i); a.o = b; b.o = a
del a, b
gc.set_threshold(*saved)
print("automatic collections ran: %s" % (len(gens) > 0))
print("cycles freed without gc.collect(): %s" % (len(freed) > 0))
print("generations: %s" % "".join(map(str, gens)))
print("freed: %d" % len(freed))

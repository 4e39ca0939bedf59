import gc
gc.disable()
gc.collect()
log = []
def cb(phase, info):
    log.append((phase, sorted(info.items())))
gc.callbacks.append(cb)
class N(object):
    pass
a = N(); b = N(); a.o = b; b.o = a
del a, b
n = gc.collect()
gc.callbacks.remove(cb)
print(n)
for entry in log:
    print(entry)
gc.collect()
print(len(log))

import gc
gc.disable()
gc.collect()
class N(object):
    pass
for size in (1, 2, 5, 50, 500):
    ring = [N() for _ in range(size)]
    for i in range(size):
        ring[i].next = ring[(i + 1) % size]
    del ring
    print("ring of %d: %d" % (size, gc.collect()))

import gc
gc.disable()
gc.collect()
class A(object):
    pass
print(gc.get_count())
keep = [A() for _ in range(50)]
c = gc.get_count()
print("51 new tracked objects: %d" % c[0])
del keep
print("after freeing them: %d" % gc.get_count()[0])
gc.collect(0)
print("after collect(0): %s" % (gc.get_count(),))
gc.collect(1)
print("after collect(1): %s" % (gc.get_count(),))
gc.collect()
print("after collect(): %s" % (gc.get_count(),))

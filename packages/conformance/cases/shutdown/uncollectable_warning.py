import gc, warnings
warnings.simplefilter("default")
from _testcapi import with_tp_del
@with_tp_del
class Legacy(object):
    def __tp_del__(self):
        pass
a = Legacy(); b = Legacy(); a.o = b; b.o = a
del a, b
gc.collect()
print("garbage: %d" % len(gc.garbage))

import weakref
class C(object):
    pass
def cb(ref):
    print("callback, referent gone: %s, is w: %s" % (ref() is None, ref is w))
c = C()
w = weakref.ref(c, cb)
print("deleting")
del c
print("end")

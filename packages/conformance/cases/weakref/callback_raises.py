import weakref
class C(object):
    pass
def cb(r):
    raise ValueError("callback error")
c = C()
w = weakref.ref(c, cb)
del c
print("continues")

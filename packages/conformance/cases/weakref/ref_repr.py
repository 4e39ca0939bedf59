import weakref
class Thing(object):
    pass
t = Thing()
w = weakref.ref(t)
print(repr(w))
del t
print(repr(w))

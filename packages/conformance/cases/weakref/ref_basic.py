import weakref
class C(object):
    pass
c = C()
w = weakref.ref(c)
print(w() is c)
del c
print(w() is None)
print(w() is None)

import weakref
class K(object):
    pass
s = weakref.WeakSet()
a = K(); b = K()
s.add(a); s.add(b)
print(len(s), a in s)
del a
print(len(s))

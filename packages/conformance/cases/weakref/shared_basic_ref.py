import weakref
class C(object):
    pass
c = C()
a = weakref.ref(c)
b = weakref.ref(c)
print(a is b)
d = weakref.ref(c, lambda r: None)
print(d is a, d == a)
print(weakref.getweakrefcount(c))
print(len(weakref.getweakrefs(c)))
del c
print(weakref.getweakrefcount(a))
print(a == d)

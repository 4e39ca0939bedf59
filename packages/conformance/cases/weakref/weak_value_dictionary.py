import weakref
class C(object):
    def __init__(self, n):
        self.n = n
d = weakref.WeakValueDictionary()
a = C(1); b = C(2)
d["a"] = a
d["b"] = b
print(sorted(d.keys()))
del a
print(sorted(d.keys()))
print(d["b"].n)
print(d.get("a"))

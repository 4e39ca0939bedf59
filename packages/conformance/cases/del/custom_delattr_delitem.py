class Logged(object):
    def __delattr__(self, name):
        print("__delattr__(%r)" % name)
        object.__delattr__(self, name)
    def __delitem__(self, key):
        print("__delitem__(%r)" % (key,))
o = Logged()
o.x = 1
del o.x
del o[3]
del o[1:2]
del o["k"], o[0]
print(hasattr(o, "x"))

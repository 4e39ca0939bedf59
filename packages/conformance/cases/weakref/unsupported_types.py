import weakref
for o in (1, "s", (1,), [], {}, None):
    try:
        weakref.ref(o)
        print("%s: ok" % type(o).__name__)
    except TypeError as e:
        print("%s: TypeError: %s" % (type(o).__name__, e))
class S(object):
    __slots__ = ()
class SW(object):
    __slots__ = ("__weakref__",)
try:
    weakref.ref(S())
except TypeError as e:
    print("slots: TypeError: %s" % e)
print("slots with __weakref__: %s" % (weakref.ref(SW())() is None))
def f():
    pass
print("function: %s" % (weakref.ref(f)() is f))

import gc
class A(object):
    pass
class S(object):
    __slots__ = ()
def f():
    pass
for name, o in (("[]", []), ("set()", set()), ("frozenset of int", frozenset([1])), ("instance", A()), ("empty-slots instance", S()), ("function", f), ("class", A), ("bytearray", bytearray())):
    print("%s: %s" % (name, gc.is_tracked(o)))

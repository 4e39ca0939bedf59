import sys
class Empty(object):
    pass
class One(object):
    def __init__(self):
        self.a = 1
class Slots(object):
    __slots__ = ("a", "b")
class NoSlots(object):
    __slots__ = ()
print("empty: %d" % sys.getsizeof(Empty()))
print("one attribute: %d" % sys.getsizeof(One()))
print("two slots: %d" % sys.getsizeof(Slots()))
print("no slots: %d" % sys.getsizeof(NoSlots()))
o = One()
print("its __dict__: %d" % sys.getsizeof(o.__dict__))

import gc
class C(object):
    pass
c = C()
c.a = [1]
c.b = "s"
print(sorted(type(x).__name__ for x in gc.get_referents(c)))
print(gc.get_referents([1, "a", None]))
print(sorted(gc.get_referents({"k": "v"})))
print(gc.get_referents((1, 2)))
print(gc.get_referents(1, "x", 2.5))
print(len(gc.get_referents([], [1], [1, 2])))

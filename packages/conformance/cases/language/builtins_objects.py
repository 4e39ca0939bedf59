class C:
    x = 1
c = C()
print(isinstance(c, C), isinstance(1, (str, int)), isinstance(True, int), issubclass(bool, int))
print(type(1), type("s").__name__, type(c) is C, type(None))
print(hash(1) == hash(1.0), hash(-1), hash(0), hash((1, 2)) == hash((1, 2)))
print(getattr(c, "x"), getattr(c, "y", "default"), hasattr(c, "x"))
setattr(c, "y", 5)
print(c.y)
delattr(c, "y")
print(hasattr(c, "y"))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(repr("a'b"), repr('a"b'), repr("a'\"b"), repr([1, "x"]), ascii("é"))
print(callable(len), callable(C), callable(c))
print(id(c) == id(c), dir(C)[-1], "x" in dir(c))

x = object()
print(id(x) == id(x))
objs = [object() for _ in range(100)]
print(len(set(id(o) for o in objs)) == len(objs))
y = x
print(id(y) == id(x))
print(isinstance(id(x), int), id(x) > 0)

import sys
for name, o in (("[]", []), ("()", ()), ("{}", {}), ("set()", set()), ("frozenset()", frozenset())):
    print("%s: %d" % (name, sys.getsizeof(o)))
print("[].__sizeof__(): %d" % [].__sizeof__())
print("().__sizeof__(): %d" % ().__sizeof__())

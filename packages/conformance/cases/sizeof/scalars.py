import sys
for name, o in (("None", None), ("1.5", 1.5), ("object()", object()), ("range(10)", range(10)), ("slice(1, 2)", slice(1, 2)), ("Ellipsis", Ellipsis), ("1j", 1j)):
    print("%s: %d" % (name, sys.getsizeof(o)))

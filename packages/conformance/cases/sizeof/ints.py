import sys
for v in (0, 1, -1, 2**30 - 1, 2**30, 2**60, 2**64, 2**100, -2**100, True, False):
    print("%r: %d" % (v, sys.getsizeof(v)))

import gc
for g in (3, -1, 100):
    try:
        gc.collect(g)
    except ValueError as e:
        print("collect(%d): %s: %s" % (g, type(e).__name__, e))
try:
    gc.collect("2")
except TypeError as e:
    print("collect('2'): TypeError")

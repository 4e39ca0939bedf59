import gc
gc.disable()
gc.collect()
def outer():
    def inner(n):
        return inner(n - 1) if n else 0
    return inner(3)
print(outer())
print("recursive inner function (function <-> cell): %d" % gc.collect())
def make():
    def f():
        return f
    return f
g = make()
del g
print("returned self-referencing closure: %d" % gc.collect())

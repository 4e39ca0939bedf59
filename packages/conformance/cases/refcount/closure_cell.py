import sys
def outer():
    x = object()
    def inner():
        return x
    return inner, sys.getrefcount(x)
f, inside = outer()
print("in outer, captured by a cell: %d" % inside)
print("held by the closure only: %d" % sys.getrefcount(f()))
g = f
print("function held twice, value count unchanged: %d" % sys.getrefcount(f()))

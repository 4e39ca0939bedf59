import sys
G = object()
def f(p):
    return sys.getrefcount(p)
def h(a, b):
    return sys.getrefcount(a)
print("global passed as argument: %d" % f(G))
print("same global passed twice: %d" % h(G, G))
print("global at module level: %d" % sys.getrefcount(G))

import sys
G = object()
def read_global():
    return sys.getrefcount(G)
def bind_local():
    g = G
    return sys.getrefcount(G)
print("LOAD_GLOBAL: %d" % read_global())
print("plus a local: %d" % bind_local())
H = G
print("second global: %d" % read_global())

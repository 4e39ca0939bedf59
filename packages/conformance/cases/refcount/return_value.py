import sys
def make():
    return object()
r = make()
print("returned and bound: %d" % sys.getrefcount(r))
def passthrough(o):
    return o
s = passthrough(r)
print("after passthrough, two names: %d" % sys.getrefcount(r))

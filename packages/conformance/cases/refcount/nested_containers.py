import sys
a = []
b = [a]
c = {"k": a}
d = (a, b)
print("held by name, list, dict, tuple: %d" % sys.getrefcount(a))
e = [b, b]
print("b: %d" % sys.getrefcount(b))
del d
print("after del d: a %d, b %d" % (sys.getrefcount(a), sys.getrefcount(b)))

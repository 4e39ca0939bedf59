import sys
x = object()
base = sys.getrefcount(x)
l = [x, x, x]
print("in a list 3 times: +%d" % (sys.getrefcount(x) - base))
l.append(x)
print("after append: +%d" % (sys.getrefcount(x) - base))
l.pop()
print("after pop: +%d" % (sys.getrefcount(x) - base))
l2 = l[:]
print("after copying the list: +%d" % (sys.getrefcount(x) - base))
l.clear() if hasattr(l, "clear") else l.__delitem__(slice(None))
print("after clear: +%d" % (sys.getrefcount(x) - base))
del l2
print("after del copy: +%d" % (sys.getrefcount(x) - base))
print("item read by subscript: %d" % sys.getrefcount([x][0]))

import sys
class K(object):
    pass
items = [K(), K()]
counts = []
for it in items:
    counts.append(sys.getrefcount(it))
print("inside the loop: %r" % counts)
print("after the loop the name still holds the last item: %d" % sys.getrefcount(items[-1]))
del it
print("after del: %d" % sys.getrefcount(items[-1]))

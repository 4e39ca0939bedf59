import sys
class CM(object):
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
cm = CM()
base = sys.getrefcount(cm)
with cm as target:
    inside = sys.getrefcount(cm) - base
print("inside the with block: +%d" % inside)
print("after it (target still bound): +%d" % (sys.getrefcount(cm) - base))

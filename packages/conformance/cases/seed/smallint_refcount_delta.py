import sys
before = sys.getrefcount(1)
a = 1
b = 1
after = sys.getrefcount(1)
print(after - before)
print(a is b)

import sys
print(sys.getrefcount(1))
a = 1
b = 1
print(sys.getrefcount(1))

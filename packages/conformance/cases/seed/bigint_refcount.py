import sys
a = 999999999
print(sys.getrefcount(999999999))
b = 999999999
print(sys.getrefcount(999999999))

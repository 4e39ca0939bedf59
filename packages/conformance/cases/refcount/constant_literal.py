import sys
print(sys.getrefcount(123456789))
x = 123456789
print(sys.getrefcount(x))
y = 123456789
print(sys.getrefcount(x))
print(x is y)
print(sys.getrefcount("a constant string, not an identifier"))

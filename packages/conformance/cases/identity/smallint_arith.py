a = 200
b = 56
print(a + b is 256)
print(a + b + 1 is 257)
x = 1000
y = 999 + int("1")
print(x == y, x is y)
print(-5 is int("-5"), -6 is int("-6"))
print(len([]) is 0, len([1] * 300) is 300)

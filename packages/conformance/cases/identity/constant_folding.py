a = 2 ** 8
print(a is 256)
b = "ab" * 3
print(b is "ababab")
c = (1, 2) + (3,)
print(c == (1, 2, 3))
d = -5
print(d is -5)

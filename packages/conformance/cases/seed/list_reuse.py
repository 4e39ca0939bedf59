l = [1, 2]
old = id(l)
del l
m = [3, 4]
print(id(m) == old)

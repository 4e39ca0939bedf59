print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x * x for x in range(4)})
print(sorted({c for c in "mississippi"}))
print([[j for j in range(i)] for i in range(4)])
x = "outer"
print([x for x in "ab"], x)
print({k: v for k, v in zip("abc", range(3)) if v})

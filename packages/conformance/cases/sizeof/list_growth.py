import sys
l = []
sizes = [sys.getsizeof(l)]
for i in range(40):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(sizes)
print([sys.getsizeof(list(range(n))) for n in range(10)])
print([sys.getsizeof([0] * n) for n in range(10)])

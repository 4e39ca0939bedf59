import sys
d = {}
sizes = [sys.getsizeof(d)]
for i in range(30):
    d[i] = i
    sizes.append(sys.getsizeof(d))
print(sizes)

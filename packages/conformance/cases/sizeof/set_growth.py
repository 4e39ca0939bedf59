import sys
s = set()
sizes = [sys.getsizeof(s)]
for i in range(30):
    s.add(i)
    sizes.append(sys.getsizeof(s))
print(sizes)

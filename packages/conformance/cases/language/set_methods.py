a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union([9]), a.intersection(b), a.issubset(a | b), {1} < a, a.isdisjoint({7}))
a.add(10); a.discard(99); a.remove(1)
print(sorted(a), len(a), 2 in a)
try:
    a.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(set(), set("aab") == {"a", "b"}, frozenset([1, 2]) | {3})
print(sorted({x % 3 for x in range(10)}), set([3, 1, 2]))

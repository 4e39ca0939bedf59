l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0)
print(l)
l.remove(5)
print(l.pop(), l.pop(0), l)
print(l.index(2), l.count(1), len(l))
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.reverse()
print(l, l.copy() == l, l.copy() is l)
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print([1, 2] + [3], [0] * 3, [1, [2, 3]][1][0], l[::-1], l[1:-1])
l.clear()
print(l)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
r = [1, 2]
r.append(r)
print(r)

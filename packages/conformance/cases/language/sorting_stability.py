records = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records))
data = [5, 3, 8, 1]
data.sort(key=lambda v: -v)
print(data, sorted([3, 1, 2], key=None))
print(sorted([[2, "b"], [1, "c"], [2, "a"]]))

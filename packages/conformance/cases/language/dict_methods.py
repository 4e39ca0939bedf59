d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, len(d))
print(d.setdefault("d", 4), d.setdefault("a", 100))
print(d.pop("b"), d.pop("zz", "default"), d.popitem(), d)
d.update({"x": 9}, y=10)
print(d)
print(dict(zip("ab", [1, 2])), dict.fromkeys("xy", 0), {**d, "a": -1})
keys = d.keys()
d["new"] = 1
print(keys, sorted(d))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
e = {}
e[1] = "int"; e[1.0] = "float"; e[True] = "bool"
print(e)
print({1: "a"} == {1: "a"}, d.copy() is d)
r = {}
r["self"] = r
print(r)

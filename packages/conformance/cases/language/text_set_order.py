# Sets of str and bytes iterate in CPython's order: the hashes are CPython's (PYTHONHASHSEED=0).
words = ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "kiwi", "lemon", "mango", "nectarine", "orange"]
s = set()
for w in words:
    s.add(w)
print(s)
print(set(words[:5]), frozenset(words[3:9]))
x = "a"
print({x, "b", "c"}, {x, "bb", "ccc", "dddd", "eeeee"})
print(set("mississippi"), set("hello world"), set("αβγδε"), set("😀😁😂🤣"))
print({b"x", b"y", b"z"}, set([b"alpha", b"beta", b"gamma", b"delta"]), set(b"bytes"))
print(hash("a"), hash("abc"), hash("é"), hash("€uro"), hash("😀"), hash(""), hash(b"abc"), hash(b""))
print(hash("abc") == hash(b"abc"), hash("x" * 100) == hash("x" * 100), hash("é") == hash("e\u0301"))
t = set(words)
t.discard("fig")
t.remove("kiwi")
t |= {"pear", "plum"}
print(t)
print(t & {"apple", "plum", "zzz"}, {"apple", "plum"} - t, t ^ {"apple", "quince"})
print(sorted(t) == sorted(list(t)), "apple" in t, "kiwi" in t)
d = {}
for w in words:
    d.setdefault(w[0], []).append(w)
print(d)
print(list({w: len(w) for w in words}), {k: v for k, v in zip("abc", "xyz")})
print(set([w.upper() for w in words[:6]]), {w[::-1] for w in words[:6]})
many = set()
for i in range(40):
    many.add("w%d" % i)
print(many)
print(set([w.encode() for w in words]))

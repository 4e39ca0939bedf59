t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, 2 in t)
print(t.index(2), t.count(1), (1,), (), tuple("ab"))
a, b, c = t
print(a, b, c, max(t), min(t), sum(t))
print((1, 2) < (1, 3), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)

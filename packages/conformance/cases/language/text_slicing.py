# Indexing and slicing str by code point (astral characters count as one), with negative indexes and steps.
s = "ab😀cdé€𝄞f"
print(len(s), [s[i] for i in range(len(s))])
print([s[-i] for i in range(1, len(s) + 1)])
for sl in [slice(None), slice(2, 5), slice(-3, None), slice(None, None, -1), slice(1, None, 2), slice(-1, 0, -2), slice(10, 20), slice(5, 2), slice(None, None, 3), slice(-100, 100)]:
    print(sl, repr(s[sl]))
t = "hello"
print(t[::-1], t[1:-1], t[-2:], t[:-2], t[::2], t[100:], repr(t[3:1]))
print(t[0:5] is t, t[:] is t, t[::1] is t)
for bad in [5, -6, 100]:
    try:
        t[bad]
    except IndexError as e:
        print("IndexError", e)
try:
    t["1"]
except TypeError as e:
    print("TypeError", e)
try:
    t[1] = "x"
except TypeError as e:
    print("TypeError", e)
try:
    t[::0]
except ValueError as e:
    print("ValueError", e)
print(list(iter("a😀b")), type(iter("abc")).__name__, type(iter("é")).__name__)
it = iter("xyz")
print(next(it), it.__length_hint__(), list(it), it.__length_hint__())
print("😀" in s, "cd" in s, "" in s, "zz" in s)
try:
    1 in s
except TypeError as e:
    print("TypeError", e)

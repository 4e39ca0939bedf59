print(int("42"), int(3.9), int(-3.9), int("-7"), int(True), int("1_000"))
print(float("2.5"), float(3), float("-inf"), float(" 1e2 "))
print(str(42), str(2.5), str(None), str([1, "a"]), str(b"x"))
print(bool(0), bool(""), bool([]), bool("0"), bool(0.0), bool(None), bool([0]))
print(list("abc"), tuple([1, 2]), set([1, 1]), dict([("a", 1)]))
print(chr(65), ord("z"), round(3.14159, 2), round(1234, -2), divmod(17, 5), pow(2, 10))
for bad in ("abc", "1.5", ""):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float("x")
except ValueError as e:
    print("ValueError:", e)

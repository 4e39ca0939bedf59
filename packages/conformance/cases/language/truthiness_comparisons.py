x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 0 < 0 < 1)
print(x if x > 3 else -x, "yes" if [] else "no")
print(0 or "default", "" or [] or None, 1 and 2, 0 and 1, not 0, not [1])
print(None is None, None == False, [] == [], "a" in "cat", 3 not in [1, 2])
print([1, 2] < [1, 3], "abc" > "abd", (1, "a") < (1, "b"))
try:
    1 < "a"
except TypeError as e:
    print("TypeError:", e)

# Format specs on str (str.__format__, format(), f-strings) and nested specs in str.format.
print(format("abc", ">6"), format("abc", "<6") + "|", format("abc", "^7"), format("abc", "*^7"), format("abcdef", ".3"), format("abc", ""))
print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"), "{0:{1}{2}}|".format("ab", ">", 6), "{:{}}".format("x", 4) + "|")
w = 8
print(f"{'left':<{w}}|{'right':>{w}}|{'mid':^{w}}|", f"{'x'!r:>5}", f"{'é'!a}")
print("{:d}".format(42), "{:5d}|{:<5d}|{:x}".format(1, 2, 255), "{:,}".format(1234567))
try:
    format("abc", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format("abc", "=5")
except ValueError as e:
    print("ValueError:", e)
print("{}".format(True), "{0}".format(None), "{!r:>6}".format("ab"), "{0:}".format(1.5), format(None), format(True, "d"))

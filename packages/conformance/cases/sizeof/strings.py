import sys
for s in ("", "a", "abc", "x" * 100, "\xe9", "\u20ac", "\U0001F600", "a\u20ac"):
    print("%r len %d: %d" % (s, len(s), sys.getsizeof(s)))

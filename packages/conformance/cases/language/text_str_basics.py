# str construction, subclasses, concatenation, repetition, comparison, len, identity of unchanged results, sizes.
import sys


class S(str):
    pass


class R(str):
    def __repr__(self):
        return "R(" + str.__repr__(self) + ")"


s = S("sub")
print(s, repr(s), type(s).__name__, type(s + "x").__name__, type(s.upper()).__name__, type(str(s)).__name__, s == "sub", isinstance(s, str))
print(R("r"), repr(R("r")), str(R("r")), len(S("abc")), S("ab")[0], type(S("ab")[0]).__name__)
print(str(), repr(str("x")), str(b"b"), str(123), str([1, "a"]), str(None), str(object=" kw "))
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1, "" + "", "x" * 1)
print("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "é" > "z", "😀" > "\uffff", "\uffff" > "\ue000", sorted(["b", "A", "a", "é", "😀", "\uffff", "Z"]))
print(len(""), len("abc"), len("é"), len("😀"), len("e\u0301"), len("日本"))
a = "unchanged"
print(a.strip() is a, a.replace("x", "y") is a, a.lower() is a, a + "" is a, "" + a is a, a * 1 is a, a[:] is a, str(a) is a, a.center(3) is a, a.zfill(1) is a)
print(a.upper() is a, "%s" % a == a, a.join(["x"]), "".join([a]) is a, a.split()[0] is a)
for x in ["", "a", "abc", "é", "€", "😀", "a" * 100]:
    print(repr(x[:10]), sys.getsizeof(x), x.__sizeof__())
for bad in [lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * "b", lambda: "a" < 1, lambda: "a".foo, lambda: str(1, 2, 3, 4), lambda: str(x=1), lambda: "a".__format__(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(chr(65), chr(233), chr(0x1F600), ord("A"), ord("é"), ord("😀"))

# str methods: searching, splitting, stripping, case, classification, padding, translation.
def show(label, value):
    print(label, repr(value))


def attempt(label, f):
    try:
        show(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


s = "The quick brown fox jumps over the lazy dog"
show("find", [s.find("o"), s.find("o", 13), s.find("o", 13, 15), s.rfind("o"), s.find("cat"), s.find("")])
show("index", [s.index("quick"), s.rindex("o"), s.count("o"), s.count("o", 20), s.count(""), "aaaa".count("aa")])
attempt("index-missing", lambda: s.index("cat"))
attempt("rindex-missing", lambda: s.rindex("cat", 0, 5))
show("startswith", [s.startswith("The"), s.startswith("quick", 4), s.startswith(("a", "T")), s.endswith("dog"), s.endswith("lazy", 0, -4), "".startswith("")])
attempt("startswith-bad", lambda: s.startswith(["The"]))
attempt("startswith-tuple-bad", lambda: s.startswith(("The", 1)))
show("split", [s.split(), s.split(" ", 2), s.rsplit(" ", 2), "a,,b,".split(","), "  a  b  ".split(), "  a  b  ".split(None, 1), "  a  b  ".rsplit(None, 1)])
show("splitlines", ["one\ntwo\r\nthree\rfour\x0bfive\x1csix\u2028seven".splitlines(), "a\n\nb\n".splitlines(True), "".splitlines()])
attempt("split-empty", lambda: "abc".split(""))
show("partition", ["key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="), "none".rpartition("=")])
show("join", ["-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), " ".join(("only",))])
attempt("join-bad", lambda: "-".join(["a", 2, "c"]))
attempt("join-notiter", lambda: "-".join(5))
show("strip", ["  pad  ".strip(), "  pad  ".lstrip(), "  pad  ".rstrip(), "xxhixx".strip("x"), "abcba".strip("ab"), "\t\n\x0b\x0c\r\x1c\x85\xa0\u3000 mid \u2009".strip()])
show("replace", ["aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"), "abab".replace("ab", "")])
show("case", ["Hello World".lower(), "Hello World".upper(), "Hello World".swapcase(), "hello world".title(), "hELLO wORLD".capitalize(), "they're bill's".title()])
show("unicode-case", ["straße".upper(), "ǆemal".title(), "ǅ".lower(), "ﬁne".title(), "ΣΑΣ ΑΣ".lower(), "İ".lower(), "Straße".casefold(), "ΌΣΟΣ".lower(), "ß".capitalize()])
show("is", ["abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "٣".isdecimal(), " \t".isspace(), "".isspace()])
show("is-case", ["abc".islower(), "ABC".isupper(), "Abc Def".istitle(), "ABC def".istitle(), "123".islower(), "a1".islower(), "ǅ".istitle()])
show("is-other", ["name_1".isidentifier(), "1name".isidentifier(), "héllo".isidentifier(), "class".isidentifier(), "abc".isprintable(), "a\tb".isprintable(), "".isprintable(), "é".isascii(), "".isascii()])
show("pad", ["ab".center(7, "*"), "ab".center(6), "abc".center(6, "-"), "ab".ljust(5, "."), "ab".rjust(5), "42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2)])
attempt("center-fill", lambda: "ab".center(5, "xy"))
show("expandtabs", ["a\tbc\tdef\tg".expandtabs(), "a\tb".expandtabs(4), "x\ty\nab\tc".expandtabs(3), "a\tb".expandtabs(0)])
table = str.maketrans("abc", "xyz", "d")
show("maketrans", sorted(table.items()))
show("translate", ["abcdabcd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}), "abc".translate({97: 65})])
attempt("maketrans-len", lambda: str.maketrans("ab", "x"))
show("getnewargs", "abc".__getnewargs__())

s = "naïve café ☃ 😀"
print(len(s), s.upper(), s[-1], s[6:10])
print([c for c in "añb"], "😀".encode("utf-8"), len("😀".encode("utf-16-le")))
print(sorted("bacd"), "".join(reversed("abc")), "ß".upper(), "İ".lower() == "i̇")
print("é" == "e\u0301", len("e\u0301"))

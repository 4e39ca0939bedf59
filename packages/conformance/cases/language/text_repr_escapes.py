# repr() and ascii() of str and bytes: quote choice, backslash escapes, printable characters per Unicode version.
samples = [
    "plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\tnl\ncr\r", "\x00\x01\x1f\x7f",
    "caf\xe9 \xa0nbsp \xad shy \xff", "Ελληνικά", "Кириллица", "עברית", "العربية", "हिन्दी", "日本語のテキスト", "한국어",
    "\u2028\u2029\u200b\ufeff", "\ud800 lone", "emoji 😀🎉👍", "\U0001f972 newer", "\U000e0001 tag", "\U0010ffff", "\u0378 unassigned",
    "zero width \u200d joiner", "combining e\u0301",
]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(repr(b"plain"), repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""), repr(b"\x00\t\n\r\x7f\x80\xff\\"))
print(repr(bytearray(b"ab'c")), repr(bytes(range(30, 40))))
print(str(b"bytes str"), str(bytearray(b"x")))
print("%r %a %s" % ("é", "é", "é"))
print(repr("a" * 3 + "'" + '"'))

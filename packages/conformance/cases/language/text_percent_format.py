# printf-style formatting of str (no floats): conversions, flags, width/precision, mapping keys, errors.
def attempt(fmt, args):
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt("%s|%r|%a", ("x", "y", "é"))
attempt("%5s|%-5s|%.2s|%5.1s|%-6r|", ("ab", "ab", "abc", "xyz", "q"))
attempt("%d %i %u", (42, -7, 3))
attempt("%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%8.4d", (42, 42, 42, 5, 5, -3, 7, -12))
attempt("%x %X %o %#x %#X %#o %#5x %-#6o|", (255, 255, 8, 255, 255, 8, 10, 8))
attempt("%x", (-255,))
attempt("%d %s", (True, False))
attempt("%c%c%c", ("a", 98, 0x20ac))
attempt("%*d|%-*d|%.*s", (5, 1, 4, 2, 2, "abcdef"))
attempt("%(name)s is %(age)d, %(name)r", {"name": "Ann", "age": 7})
attempt("%%|%s%%", ("x",))
attempt("%s", ([1, 2],))
attempt("%s", ((1, 2),))
attempt("%s %s", ((1, 2),))
attempt("no conversions", ())
attempt("no conversions", {"a": 1})
attempt("%d", ("x",))
attempt("%x", ("x",))
attempt("%c", ("ab",))
attempt("%c", (1114112,))
attempt("%d %d", (1,))
attempt("%d", (1, 2))
attempt("%s", ())
attempt("%z", (1,))
attempt("%(a)s", (1,))
attempt("%(a)s", {"b": 1})
attempt("%(a", {"a": 1})
attempt("abc %", ())
attempt("%*d", ("x", 1))
print("%s" % "single", "%d%%" % 50, "%s and %s" % ("a", "b"))
x = "%s-%s"
print(x % ("p", "q"), x.__mod__(("r", "s")))
print(b"%s %d %x %c %r %a %%" % (b"bytes", 12, 255, 65, b"q", "\xe9"))
print(b"%5s|%-5s|%c|%c" % (b"ab", bytearray(b"cd"), b"z", 10))
for args in [("str",), (300,), ()]:
    try:
        print(b"%s %c" % (args + (1,) if args else ()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    b"%c" % 300
except Exception as e:
    print(type(e).__name__ + ":", e)
try:
    b"%d" % (1, 2)
except Exception as e:
    print(type(e).__name__ + ":", e)
print(bytearray(b"%s-%s") % (b"a", b"b"))

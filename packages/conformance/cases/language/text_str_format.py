# str.format / format_map with plain fields (no format specs), conversions, indexing and the parsing errors.
class P:
    x = "px"
    items = ["i0", "i1"]


print("{} {} {}".format("a", "b", "c"), "{2}{1}{0}".format("a", "b", "c"), "{0}{0}".format("r"))
print("{name} is {age}".format(name="Ann", age="7"), "{0[1]} {0[0]}".format(["x", "y"]), "{d[k]}".format(d={"k": "v"}))
print("{p.x} {p.items[1]}".format(p=P()), "{!r} {!s} {!a}".format("q", "q", "é"), "{{literal}} {}".format("f"))
print("{a}-{b}".format_map({"a": "1", "b": "2"}), "plain".format(), "{0!r:}".format("e"))
print("{}".format(12), "{0}{1}".format("x", 3))
for fmt, args, kwargs in [("{", (), {}), ("}", (), {}), ("{0} {}", (1, 2), {}), ("{} {0}", (1, 2), {}), ("{1}", (1,), {}), ("{x}", (), {}),
                          ("{0!x}", (1,), {}), ("{0!}", (1,), {}), ("{0.}", (1,), {}), ("{0[}", (1,), {}), ("{a.b}", (), {"a": 1}), ("{0[0]}", ({},), {}), ("{!r", ("x",), {})]:
    try:
        print(repr(fmt.format(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    "{0}".format_map({"a": 1})
except ValueError as e:
    print("ValueError:", e)
try:
    "{a}".format_map(5)
except TypeError as e:
    print("TypeError:", e)
for fmt in ["{0!}", "{0.}", "{0[}", "{!r", "{0:", "{0:{", "{0:{}", "{0]}", "{0[0]x}", "{0.a[1]}", "{:{:{}}}", "a{}b{{c}}d}}", "{0!rr}", "{ 0}", "{-1}", "{0[-1]}", "{00}", "{0x}", "{a{b}"]:
    try:
        print(repr(fmt), repr(fmt.format("ab", "cd", "ef")))
    except Exception as e:
        print(repr(fmt), type(e).__name__ + ":", e)

empty_tuple = ()
empty_str = ""
empty_bytes = b""
a = "a"
print(empty_tuple is tuple(), tuple([]) is empty_tuple)
print(empty_str is str(), "".join([]) is empty_str)
print(empty_bytes is bytes())
print(chr(97) is a, "abc"[0] is a)
print(bool(1) is True, bool(0) is False, (1 == 1) is True)
print(frozenset() is frozenset())
print(float("1.5") is float("1.5"))
print(type(None)() is None, type(Ellipsis)() is Ellipsis, type(NotImplemented)() is NotImplemented)

import sys
a = "hello"
b = "hel" + "lo"
c = "".join(["hel", "lo"])
print(a is b, a == c, a is c)
print(sys.intern(c) is a)
d = "hello world!"
e = "hello world!"
print(d is e)
f = "hello world" + "!" * int("1")
print(d == f, d is f)
print(sys.intern(f) is sys.intern(d))

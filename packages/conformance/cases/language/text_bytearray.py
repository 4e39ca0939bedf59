# bytearray: mutation, slice assignment and deletion, in-place operators, and getsizeof following the allocation.
import sys

ba = bytearray(b"abc")
print(ba, len(ba), ba[0], ba[-1], ba[1:], bytes(ba), list(ba))
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba.insert(0, 95)
ba.insert(-1, 33)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(33)
ba[1:3] = b"XYZ"
print(ba)
ba[::2] = b"...."
print(ba)
del ba[0]
del ba[-2:]
del ba[::2]
print(ba)
ba += b"!!"
print(ba)
ba *= 2
print(ba, ba == b"Z.d!!Z.d!!" or ba)
c = ba.copy()
c.reverse()
print(c, c is ba, ba.clear(), ba, len(ba))
print(bytearray(5), bytearray([1, 2, 3]), bytearray("é", "utf-8"), bytearray(range(3)), bytearray(b"x") + b"y", bytearray(b"ab") * 2)
print(bytearray(b"Hello").upper(), bytearray(b"a,b").split(b","), bytearray(b"  x ").strip(), bytearray(b"abc").decode(), bytearray(b"ab").hex())
print(bytearray(b"x") == bytearray(b"x"), bytearray(b"a") < b"b", b"a" == bytearray(b"a"), bytearray(b"a") in [b"a"])
print(bytearray.fromhex("41 42"), type(iter(bytearray())).__name__, 97 in bytearray(b"abc"))

def size(label, b):
    print(label, sys.getsizeof(b), b.__alloc__(), len(b))

b = bytearray()
size("empty", b)
for i in range(20):
    b.append(i)
    print(sys.getsizeof(b), end=" ")
print()
size("after appends", b)
for i in range(15):
    b.pop()
size("after pops", b)
b = bytearray(b"abcdefghij")
size("ten", b)
del b[0]
size("del front", b)
b.append(1)
size("append after del", b)
del b[:5]
size("del slice front", b)
b = bytearray()
b.extend(b"abc")
size("extend bytes", b)
b.extend(range(10))
size("extend iterable", b)
b += b"xyz"
size("iadd", b)
b[2:4] = b"zzzzzz"
size("grow slice", b)
b.insert(0, 65)
size("insert", b)
b.clear()
size("clear", b)
size("from list", bytearray([1, 2, 3]))
size("from range", bytearray(range(40)))
size("repeat", bytearray(b"ab") * 5)
for bad in [lambda: bytearray(b"a").pop(5), lambda: bytearray().pop(), lambda: bytearray(b"a").remove(9), lambda: bytearray(b"a").append(300),
            lambda: bytearray(b"a").__setitem__(0, 256), lambda: hash(bytearray()), lambda: bytearray(b"abc").__setitem__(slice(None, None, 2), b"x"),
            lambda: bytearray("abc"), lambda: bytearray(b"a")[5]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)

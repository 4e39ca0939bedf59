a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
x = y = z = []
x.append(1)
print(y, z is x)
l = [0, 1, 2, 3, 4]
l[1:3] = ["a", "b", "c"]
l[-1] = "end"
l[::2] = [9, 9, 9]
print(l)
d = {}
d["k"] = d.get("k", 0) + 1
class O: pass
o = O(); o.attr = 7; o.attr += 1
print(d, o.attr)
if (n := len(l)) > 3:
    print("walrus", n)
i = 10
i //= 3; i **= 2; i -= 1; i %= 5; i <<= 3; i |= 1; i ^= 2; i >>= 1; i &= 6
print(i)
s = "ab"
s *= 3
print(s)

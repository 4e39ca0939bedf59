# int, float and complex subclasses; __index__, __int__, __float__ and __complex__ conversions
class MyInt(int):
    pass
m = MyInt(7)
print(m, type(m).__name__, m + 1, type(m + 1).__name__, -m, type(-m).__name__, +m, type(+m).__name__, int(m), type(int(m)).__name__)
print(MyInt('ff', 16), MyInt(), isinstance(m, int), m == 7, hash(m) == hash(7), m.real, type(m.real).__name__)
class Idx:
    def __index__(self):
        return 3
class In:
    def __int__(self):
        return 11
print(int(Idx()), int(In()), [10, 20, 30, 40][Idx()], bin(Idx()), hex(255), oct(8), bin(-10), hex(-(2 ** 70)), oct(0))
class MyFloat(float):
    pass
mf = MyFloat(2.5)
print(mf, type(mf).__name__, mf + 1, type(mf + 1).__name__, -mf, float(mf), type(float(mf)).__name__, MyFloat('1e3'), MyFloat.fromhex('0x1p3'), type(MyFloat.fromhex('0x1p3')).__name__)
class F:
    def __float__(self):
        return 4.5
class I:
    def __index__(self):
        return 9
print(float(F()), float(I()), 1.5 + True, 3 / 2.0, 3.0 / 2, 7 % 2.5, 2 ** -1, 10 ** -2, 1e-7)
class C:
    def __complex__(self):
        return 1 + 1j
class MyComplex(complex):
    pass
mc = MyComplex(1, 2)
print(complex(C()), mc, type(mc).__name__, mc + 1, type(mc + 1).__name__, complex(mc), type(complex(mc)).__name__, hash(mc) == hash(1 + 2j))

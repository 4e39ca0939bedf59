# complex reprs and arithmetic; bool and the singletons None, NotImplemented, Ellipsis
cs = [1 + 2j, 2j, -2j, 0j, -0j, complex(-0.0, -1), complex(1, -0.0), complex(-0.0, 0.0), 1.5 - 0.25j, 1e20 + 1e-20j, complex(float('nan'), float('inf')), complex(float('-inf'), 0)]
for c in cs:
    print(c, repr(c), c.real, c.imag, c.conjugate(), -c, +c, abs(c), bool(c), c == c, [c])
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0, b ** 3, (2 + 0j) ** 3, (0j) ** 0, 1j ** 2, (1 + 1j) ** 10)
print(a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a, a + 1.5, 1.5 * a, a == 1 + 2j, a != b, (1 + 0j) == 1, (1 + 0j) == 1.0, (0.5 + 0j) == 0.5, 1j == 1)
print(abs(3 + 4j), abs(complex(1e308, 1e308)), abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), 1)), (1 + 2j).__getnewargs__())
print(complex(), complex(1), complex(1, 2), complex(1.5, -2), complex('1+2j'), complex(' ( 1-2j ) '), complex('1e3j'), complex('-j'), complex('j'), complex('inf+nanj'),
      complex('1_0+2_0j'), complex('-1.5e-3-inFj'), complex(real=1, imag=2), complex(True, False))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(0j), hash(complex(0, -0.0)), hash(2j) == 1000003 * hash(2.0) or hash(2j) == (1000003 * 2) - 2 ** 32)
print(True, False, repr(True), True + True, True * 10, True / 2, True // 1, -True, ~int(False), True & False, True | False, True ^ True, True & 1, True | 2, type(True & False).__name__, type(True & 1).__name__)
print(bool(), bool(0), bool(1), bool(-1), bool(''), bool('x'), bool([]), bool([0]), bool(None), bool(0.0), bool(0j), bool(1j), int(True), float(False), True == 1, False == 0, hash(True), True is bool(1))
print(True > False, max(True, 2), sum([True, True, True]), isinstance(True, int), issubclass(bool, int), type(True).__mro__, bool.__bases__, True.real, True.numerator, (True).bit_length())
print(None, repr(None), bool(None), None is None, type(None)(), type(None)() is None, type(None).__name__, None == None, None != 0)
print(NotImplemented, repr(NotImplemented), Ellipsis, ..., repr(...), type(...)() is ..., type(NotImplemented)() is NotImplemented, NotImplemented.__reduce__(), Ellipsis.__reduce__())
print(type(NotImplemented).__name__, type(...).__name__, [None, True, ..., NotImplemented], (None,), {None: 1, True: 2, 1.0: 3})
print({1: 'int', 1.0: 'float', True: 'bool'}, {0, 0.0, False, -0.0}, {2 ** 70: 'a', 2.0 ** 70: 'b'}, len({1, 1.0, 1 + 0j}), {0.5, 1 / 2})

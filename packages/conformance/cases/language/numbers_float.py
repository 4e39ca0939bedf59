# float repr (shortest round trip), arithmetic, rounding, conversions and the float methods
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1234567890123456.0, 1e22, 1e23, 1e-4, 1e-5, 1.5e-7,
        5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -0.0, 0.0, 1.0, 100.0, 3.14159, 2.675, 1e100, 9007199254740993.0,
        0.30000000000000004, 4.35, 1.1 * 3, 2 ** 0.5, 10 / 7]
for v in vals:
    print(v, repr(-v), [v], v == float(repr(v)))
print(float('inf'), -float('inf'), float('nan'), -float('nan'), 1e308 * 10, -1e308 * 10, float('inf') - float('inf'))
print(7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2), divmod(-0.0, 1), divmod(0.0, -1), -0.0 % 1, 0.0 % -1)
print(1e300 % 7, 1e300 // 7, float('inf') // 1, float('inf') % 1, 1 // float('inf'), -1 // float('inf'), -1 % float('inf'), divmod(float('nan'), 1))
print(2.5 * 4, 0.1 * 3, 1e308 + 1e308, 5e-324 / 2, 5e-324 * 0.5, 1.0 - 1e-16, 1 + 1e-16 == 1, 3 * 1.1, -2.5 + 2.5)
print(2 ** 0.5, 2.0 ** 10, 10.0 ** -2, (-2.0) ** 3, (-2.0) ** -3, 1.1 ** 2, 1.5 ** 3, 0.5 ** 1074, 2.0 ** -1074, 2.0 ** 1023, 1.0000001 ** 1000)
print(0.0 ** 0, float('nan') ** 0, 1 ** float('nan'), (-1) ** float('inf'), float('inf') ** -1, (-float('inf')) ** 3, (-0.0) ** 3, 4 ** 0.5, 8 ** (1 / 3))
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(0.125, 2), round(0.375, 2), round(1.25, 1), round(1.35, 1))
print(round(123.456, -1), round(-123.456, -2), round(1e300, 2), round(1.5, -400), round(1.5, 400), round(5e-324, 323), round(5e-324, 324), round(0.5e308, -308))
print(round(3.7), type(round(3.7)).__name__, round(-3.7), round(1e20), round(3.14159, 3), (3.14159).__round__(3), round(2.5, None), round(0.285, 2), round(-0.0, 1))
print(int(3.99), int(-3.99), int(1e20), int(-0.0), int(2.0 ** 70), float(10 ** 20), float(2 ** 1023), float(True), float(-7))
print(float('2.5'), float(' 1e2 '), float('-inf'), float('+Infinity'), float('nAn'), float('1_000.5'), float('.5'), float('5.'), float('-1e-500'), float('1e500'))
print(float('\u0661.\u0665'), float('\u2003 3.25 \n'), float('1e1_0'), float(), float(2 ** 53 + 1), float(-(2 ** 63)))
print((1.5).hex(), (-0.1).hex(), (5e-324).hex(), (1e308).hex(), (0.0).hex(), (-0.0).hex(), float('inf').hex(), (1.0).hex(), (2.0 ** -1022).hex())
print(float.fromhex('0x1.999999999999ap-4'), float.fromhex('-0x1p-1074'), float.fromhex('0x1p-1075'), float.fromhex('0x1.8p-1075'), float.fromhex('  inf  '),
      float.fromhex('0x.8'), float.fromhex('1.'), float.fromhex('ff'), float.fromhex('0X1P+3'), float.fromhex('-0x0p0'), float.fromhex('0x1.fffffffffffff8p1023') if False else 0)
print((3.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-0.0).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e300).as_integer_ratio()[1], (2.0 ** 70).as_integer_ratio())
print((2.5).is_integer(), (2.0).is_integer(), (-0.0).is_integer(), float('inf').is_integer(), (1e300).is_integer())
print((2.5).__trunc__(), (-2.5).__trunc__(), (2.5).conjugate(), (2.5).real, (2.5).imag, (2.5).__getnewargs__(), float.__getformat__('double'))
print(hash(1.0) == hash(1), hash(2.0 ** 70) == hash(2 ** 70), hash(-1.0), hash(0.0), hash(-0.0), hash(float('inf')), hash(float('-inf')), hash(1e300) == hash(int(1e300)))
print(0.1 + 0.2 == 0.3, 0.5 == 1 / 2, 1.0 < 1, float('nan') == float('nan'), float('nan') != float('nan'), 2.0 > 1, -0.0 == 0.0, 1e16 == 10 ** 16)
print(abs(-2.5), abs(-0.0), -(0.0), +(-0.0), bool(0.0), bool(-0.0), bool(0.1), bool(float('nan')), max(0.5, 1), min(-0.0, 0.0))
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum([1, 0.5, 2 ** 60]), sum([], 0.0), sum([0.1] * 10, 1))

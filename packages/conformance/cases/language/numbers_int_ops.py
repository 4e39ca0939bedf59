# int arithmetic: floor division and modulo signs, powers, shifts and bitwise operators on negatives, big values
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (2 ** 70, 3), (-(2 ** 70), 3), (2 ** 70, -(2 ** 35)), (10 ** 20 + 7, 10 ** 10)]
for a, b in pairs:
    print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
for a, b in pairs:
    print(a / b)
print(2 ** 100, (-2) ** 63, (-3) ** 3, 0 ** 0, 7 ** 0, 10 ** 30 - 1, 2 ** -2, (-2) ** -3, 10 ** -400)
print(pow(3, 200, 1000007), pow(-3, 4, 5), pow(3, 4, -5), pow(3, -1, 7), pow(3, -2, -7), pow(7, 0, 1), pow(2, 3, None))
print(1 << 70, (1 << 70) >> 68, -1 >> 5, -17 >> 2, -17 << 3, 5 >> 100, -5 >> 100, 0 << 1000, -(2 ** 80) >> 3)
print(0xFF & 0x0F, 0xF0 | 0x0F, 5 ^ 3, ~5, ~-1, -6 & 3, -6 | 3, -6 ^ 3, -(2 ** 70) & 0xFFFF, (2 ** 70) | -1, -(2 ** 64) ^ (2 ** 63))
print(-5, +5, -(-5), abs(-10 ** 25), abs(7), -0, +(2 ** 65))
print(10 ** 400 // 10 ** 399, (10 ** 400 + 5) % 7, 2 ** 1000 // 3 ** 600)
print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 2 ** 60 / 3, (2 ** 80 + 1) / 2 ** 27, 10 ** 30 / 10 ** 10, (10 ** 400 + 1) / 10 ** 390, 1 / 10 ** 400)
print(2 ** 53 + 1 == 2 ** 53 + 1.0, 2 ** 53 + 1 > 2 ** 53 + 0.0, 2 ** 53 + 1 < float(2 ** 53 + 2), 10 ** 400 > float('inf'), -10 ** 400 > float('-inf'))
print(1 == 1.0, 1 < 1.5, 2 > 1.5, 3 == 3.000000000000001, 12345678901234567890 == 12345678901234567890.0, 12345678901234567891 == 12345678901234567890.0)
print(1 == float('nan'), 1 != float('nan'), 1 < float('nan'), 5 >= 5, -5 <= -6)
f = 1
for i in range(1, 41):
    f *= i
print(f, f.bit_length(), f // 10 ** 30, f % 1000003)
print((255).bit_length(), (-256).bit_length(), (0).bit_length(), (2 ** 100).bit_length(), (1).bit_length(), ((1 << 53) - 1).bit_length())
print(hasattr(1, 'bit_count') and (255).bit_count(), hasattr(1, 'bit_count') and (-(2 ** 70 - 1)).bit_count())
print((10).as_integer_ratio(), (-3).as_integer_ratio(), (7).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator)
print(round(12345, -2), round(12355, -1), round(-12355, -1), round(15, -1), round(25, -1), round(2 ** 100, -10), round(7), round(7, 2), round(-5, -1))
print(type(round(7)), type(round(7, -1)), (7).__trunc__(), (7).__floor__(), (-7).__ceil__(), (12).__round__(-1))
print(hash(1) == hash(1.0), hash(-1), hash(-2), hash(2 ** 100) == hash(2 ** 100 % (2 ** 61 - 1)) or hash(2 ** 100) == hash(2 ** 100 % (2 ** 31 - 1)))
print(int(), int(3.99), int(-3.99), int(1e20), int(True), int('42'), int(' -7 '), int('1_000_000'), int('+12'), int('0'), int('-0'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0x_ff', 0), int('0o17', 0), int('0b101', 0), int('101', 2), int('z', 36), int('Zz', 36), int('00', 0), int('0_0', 0))
print(int('\u0661\u0662\u0663'), int('\uff11\uff12'), int('\u2003 12 \u3000'), int('12', base=8), int(12.9))
print(sum([1, 2, 3]), sum(range(100)), sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([1, 2.5]), sum([True, True, 3]))
print(divmod(2 ** 100, 7), divmod(-2 ** 100, 7), (2 ** 64).to_bytes(9, 'big'), (-1).to_bytes(2, 'little', signed=True), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'\xff\xfe', 'big', signed=True))

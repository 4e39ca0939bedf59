# the format-spec mini-language for int, float, complex and str: fill, align, sign, #, 0, width, grouping, precision, types
ints = [0, 7, -7, 255, -255, 1234567, -1234567, 2 ** 64, -(2 ** 70)]
for spec in ['', 'd', '5', '<6', '^7', '>8', '=8', '+', ' ', '-', '08', '+08', '*^9', '0>6', ',', '_', '012,', '_x', '#x', '#X', 'x', 'X', 'o', '#o', 'b', '#b', '#010b', '_b', 'n', '09_o', '+#x', ' #o']:
    print(repr(spec), [format(i, spec) for i in ints])
for spec in ['e', '.2e', 'E', 'f', '.0f', '.3f', 'F', 'g', '.3g', 'G', '%', '.1%', '10.2f', ',.2f', '+.1e']:
    print(repr(spec), [format(i, spec) for i in ints[:7]])
print(format(65, 'c'), format(0x1F600, 'c'), format(97, '^5c'), format(True, ''), format(True, 'd'), format(True, '5'), format(False, '#x'))
floats = [0.0, -0.0, 1.0, -1.5, 3.14159265, 1234567.891, -0.0001, 1e16, 1.5e-7, 123456789012345678.0, 1e100, 5e-324, float('inf'), float('-inf'), float('nan')]
for spec in ['', 'f', '.2f', '.0f', '#.0f', 'e', '.3e', '#.0e', 'E', 'g', '.3g', '#g', '#.3g', 'G', '.10g', '%', '.1%', 'n', '.2', '.10', '#', '<12', '^12', '>12', '=12', '012', '+', ' ', '+.3f', ',', '_', ',.2f', '012,.1f', '*>12.3e', '.0%', 'F', '.3F']:
    print(repr(spec), [format(x, spec) for x in floats])
print(format(0.5, '.0f'), format(1.5, '.0f'), format(2.5, '.0f'), format(0.125, '.2f'), format(0.375, '.2f'), format(2.675, '.2f'), format(1 / 3, '.20f'), format(1e22, 'f'), format(5e-324, '.3e'))
print(format(0.1, '.30f'), format(2 ** 0.5, '.50g'), format(1e300, '.5e'), format(123.456, '.2'), format(12.0, '.2'), format(99.99, '.1f'), format(9.99, '.0e'), format(0.0001, '.2f'))
complexes = [0j, -0j, 1 + 2j, -1.5 - 0.5j, 3j, complex(-0.0, 1), complex(1, -0.0), 1e20 + 2j, complex(float('nan'), float('inf')), 1 / 3 + 2 / 3j]
for spec in ['', 'f', '.2f', 'e', '.3e', 'g', '.2g', 'G', '<30', '^30', '>30', '+', ' ', '.1', '#', ',', '_.3f', 'n', '*^24.2f']:
    print(repr(spec), [format(c, spec) for c in complexes])
strs = ['', 'a', 'abc', 'héllo', 'x' * 12]
for spec in ['', 's', '5', '<5', '>5', '^5', '^6', '*^7', '.2', '^7.2', '10.1s', '\u20ac>6', '-<4']:
    print(repr(spec), [format(s, spec) for s in strs])
n, x, s = 42, 3.14159, 'hi'
w, p = 10, 3
print(f'{n:>10}|{n:<10}|{n:^10}|{n:010}|{n:+}|{n:#x}|{n:,}|{x:.2f}|{x:10.3f}|{x:<10.1e}|{x:%}|{s:>5}|{s:*^8}|{n!r:>6}|{x!s:^12}|{s!r:^9}|')
print(f'{x:{w}.{p}f}|{n:{w}d}|{s:>{w}}|{1234567.891:,.2f}|{1234567:_}|{255:08b}|{-0.0:.1f}|{float("inf"):>6}|')
print(format(1234.5, '012,.2f'), format(-1234.5, '=+12.1f'), format(1234.5, '^+14,.2f'), format(2 ** 64, '030_x'), format(123456, '010,'), format(-123456, '012,d'))

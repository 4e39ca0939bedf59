def mk(n):
    return int(str(n))
for n in (-7, -6, -5, -4, -1, 0, 1, 100, 255, 256, 257, 258, 1000):
    print("%5d %s" % (n, mk(n) is mk(n)))

# printf-style formatting of floats (%e %f %g and their flags).
print("%f|%.2f|%10.3f|%-10.1f|%+.1f|% .0f|%08.2f" % (3.14159, 2.5, -1.0, 0.05, 2.0, 2.5, -3.14159))
print("%e|%.2e|%E|%g|%G|%.3g|%g|%g" % (12345.678, 0.000123, 1e100, 0.0001, 1e-10, 3.14159, 100000.0, 1e6))
print("%#.0f|%#g|%#x" % (3.0, 1.0, 255))
print("%f %f %f" % (float("inf"), float("-inf"), float("nan")), "%5.1f%%" % 99.5)
print("%d %x" % (3.99, 255), "%s %r" % (1.5, 0.1))
try:
    print("%d" % 1.5j)
except TypeError as e:
    print("TypeError:", e)
try:
    print("%f" % "x")
except TypeError as e:
    print("TypeError:", e)

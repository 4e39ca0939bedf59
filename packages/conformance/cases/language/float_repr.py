print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e22, 1.5e-7, 123456789.0)
print(float("inf"), -float("inf"), float("nan"), 1e308 * 10)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5))
print(-0.0, 0.0 == -0.0, 3.0, 1.0e0, 100.0, 1e5, 1e-5, 0.0001)
print(7.0 // 2, 7.5 % 2, -7.5 % 2, divmod(7.5, 2), 2 ** 0.5)
print(float(10 ** 20), int(3.99), int(-3.99), float("1e3"), 1e3 == 1000)
print(repr(1.1), str(1.1), 1.1 * 3, (0.1).hex() if hasattr(0.1, "hex") else "")
print(3.14159.__round__(3), abs(-2.5), 5 / 2, 4 / 2, 10 ** -2)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def f(a, b=2):
    return a + b
for call in (lambda: f(), lambda: f(1, 2, 3), lambda: f(1, c=3), lambda: len(1, 2), lambda: "a" + 1, lambda: None()):
    try:
        call()
    except TypeError as e:
        print("TypeError: %s" % e)
f(1, 2, 3)

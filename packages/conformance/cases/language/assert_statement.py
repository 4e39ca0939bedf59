def check(x):
    assert isinstance(x, int), "need an int, got %r" % (x,)
    return x * 2
print(check(2))
try:
    check("a")
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare:", repr(e))

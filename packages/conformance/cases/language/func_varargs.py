def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f())
print(f(1, 2, a=3, b=4))
def g(a, *rest, key=None, **extra):
    return a, rest, key, extra
print(g(1, 2, 3, key="k", z=0))
nums = [1, 2, 3]
opts = {"key": "v"}
print(g(*nums, **opts))
print(max(*nums), "-".join(map(str, [*nums, *nums])))
print({**opts, "x": 1})

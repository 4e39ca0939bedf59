def f(a, b=1, *args, c, d=2, **kw):
    "documentation"
    return a
print(f.__name__, f.__doc__, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:6])
f.custom = "attr"
print(f.custom, callable(f), callable(1))

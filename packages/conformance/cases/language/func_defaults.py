def f(a, b=2, c="three"):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c="x"), f(c=0, a=9))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe(1), safe(2))
print(f.__defaults__)

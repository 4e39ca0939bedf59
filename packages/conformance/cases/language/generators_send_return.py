def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
g = acc()
print(next(g), g.send(5), g.send(10))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
def delegate():
    r = yield from acc()
    yield "inner returned %s" % r
d = delegate()
print(next(d), d.send(1), d.send(2), next(d))

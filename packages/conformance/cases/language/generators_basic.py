def gen(n):
    print("start")
    for i in range(n):
        yield i * i
    print("end")
g = gen(3)
print(type(g).__name__)
print(next(g))
print(list(g))
print(list(g))
def squares():
    n = 0
    while True:
        yield n * n
        n += 1
s = squares()
print([next(s) for _ in range(6)])

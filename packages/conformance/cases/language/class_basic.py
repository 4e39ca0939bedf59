class Counter:
    total = 0
    def __init__(self, start=0):
        self.value = start
        Counter.total += 1
    def inc(self, by=1):
        self.value += by
        return self
c = Counter(5)
c.inc().inc(3)
print(c.value, Counter.total)
d = Counter()
print(d.value, Counter.total, c.total)
print(type(c).__name__, isinstance(c, Counter))

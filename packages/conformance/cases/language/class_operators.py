class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(-self.x, -self.y)
    def __iadd__(self, o):
        print("iadd")
        self.x += o.x
        self.y += o.y
        return self
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return "V(%d, %d)" % (self.x, self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __call__(self, z):
        return self.x + self.y + z
a = V(1, 2)
print(a + V(3, 4), a * 2, 3 * a, -a)
a += V(1, 1)
print(a, sorted([V(2, 0), V(1, 5), V(1, 2)]))
print(bool(V(0, 0)), bool(a), a(10))
print(V(1, 1) > V(0, 9))

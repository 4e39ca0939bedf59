class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
a, b = Key(1), Key(1)
print(a == b, a is b, a != b)
d = {a: "first"}
d[b] = "second"
print(len(d), d[Key(1)])
print(len({Key(1), Key(1), Key(2)}))
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)

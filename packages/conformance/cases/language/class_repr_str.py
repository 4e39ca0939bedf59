class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)
p = Point(1, "a")
print(p)
print(repr(p))
print([p])
print(str(p), "%s %r" % (p, p), f"{p} {p!r}")
class OnlyRepr:
    def __repr__(self):
        return "<only repr>"
print(OnlyRepr(), str(OnlyRepr()))

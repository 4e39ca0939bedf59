def factory(kind):
    class Made:
        def __repr__(self):
            return "Made(%s)" % kind
    return Made
A = factory("a")
B = factory("b")
print(A(), B(), A is B, A.__name__, A.__qualname__)
class Outer:
    class Inner:
        def hi(self):
            return "inner"
    def make(self):
        return self.Inner()
print(Outer().make().hi(), Outer.Inner.__qualname__)

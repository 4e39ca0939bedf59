class Base:
    def __init__(self, x):
        print("Base.__init__", x)
        self.x = x
    def describe(self):
        return "Base(%r)" % self.x
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        print("Child.__init__", y)
        self.y = y
    def describe(self):
        return "Child<" + super().describe() + ", %r>" % self.y
print(Child(1, 2).describe())

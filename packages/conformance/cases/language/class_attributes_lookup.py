class C:
    shared = []
    def __init__(self):
        self.own = []
a, b = C(), C()
a.shared.append(1)
a.own.append(2)
print(b.shared, b.own)
a.shared = ["rebound"]
print(a.shared, b.shared, C.shared)
print(sorted(k for k in C.__dict__ if not k.startswith("__")), sorted(a.__dict__))
print(C.__name__, C.__qualname__, a.__class__ is C)

class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress
with Managed("a") as v:
    print("inside", v)
with Managed("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
with Managed("outer"), Managed("inner") as i:
    print("both", i)
try:
    with Managed("c"):
        raise KeyError("k")
except KeyError:
    print("propagated")

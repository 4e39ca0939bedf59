class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(name)
l = Lazy()
print(l.real, l.x_hello)
print(hasattr(l, "x_a"), hasattr(l, "other"))
print(getattr(l, "other", "default"))
class Recorder:
    def __setattr__(self, name, value):
        print("setting", name, "=", value)
        object.__setattr__(self, name, value)
r = Recorder()
r.a = 5
print(r.a, vars(r))

import sys
def hook(u):
    print("hook: %s %s %s" % (u.exc_type.__name__, u.exc_value, u.object.__qualname__ if hasattr(u.object, "__qualname__") else type(u.object).__name__))
sys.unraisablehook = hook
class Bad:
    def __del__(self):
        raise RuntimeError("bad")
Bad()
print("end")

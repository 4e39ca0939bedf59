class Base(Exception):
    pass
class Specific(Base):
    pass
for exc in (Specific("s"), Base("b"), KeyError("k"), IndexError(3), LookupError()):
    try:
        raise exc
    except Specific:
        print("Specific", exc)
    except Base:
        print("Base", exc)
    except LookupError as e:
        print("LookupError", type(e).__name__, repr(e), str(e))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
e = ValueError("a", 2)
print(e.args, str(e), repr(e))

def attempt(v):
    try:
        r = 10 // v
    except ZeroDivisionError as e:
        print("except:", e)
        return "error"
    except (TypeError, ValueError) as e:
        print("tuple except:", type(e).__name__)
        return "type"
    else:
        print("else:", r)
        return "ok"
    finally:
        print("finally for", repr(v))
print(attempt(2))
print(attempt(0))
print(attempt("x"))
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise
except ValueError as e:
    print("re-raised:", e)

def f():
    try:
        raise ValueError("first")
    finally:
        print("cleanup")
try:
    f()
except ValueError as e:
    print("caught %s" % e)
try:
    try:
        raise KeyError("a")
    finally:
        raise TypeError("from finally")
except TypeError as e:
    print("finally replaced it: %r, context %r" % (e, e.__context__))

import gc
gc.disable()
gc.collect()
def f():
    try:
        raise ValueError("x")
    except ValueError as e:
        saved = e
    return None
f()
print("exception saved in a local of the frame its traceback holds: %d" % gc.collect())
def g():
    try:
        raise ValueError("y")
    except ValueError as e:
        pass
g()
print("handled normally: %d" % gc.collect())

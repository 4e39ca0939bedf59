import gc
n = int("5")
for name, o in (("int", n), ("float", 1.5), ("str", "abc"), ("bytes", b"x"), ("None", None), ("bool", True), ("object()", object())):
    print("%s: %s" % (name, gc.is_tracked(o)))

# The start-up image: what a fresh interpreter holds before the program's first line. Read by
# scripts/calibrate-startup.mjs (not compared: it is the calibration input). Valid Python 2.7 and 3.x, runnable
# as a script (image.py) and through `python -i` (image.repl: a blank line ends each block).
import gc, sys
sizes = []
try:
    sizes = [len(gc.get_objects(g)) for g in range(3)]
except TypeError:
    sizes = [-1, -1, len(gc.get_objects())]

try:
    frozen = gc.get_freeze_count()
except AttributeError:
    frozen = 0

try:
    stats = gc.get_stats()
except AttributeError:
    stats = []

print("gc.sizes %d %d %d" % tuple(sizes))
print("gc.frozen %d" % frozen)
for g in range(len(stats)):
    print("gc.stats %d %d %d %d" % (g, stats[g]['collections'], stats[g]['collected'], stats[g]['uncollectable']))

unreachable = gc.collect()
print("gc.after %d %d" % (unreachable, len(gc.get_objects())))

def emit(key, obj):
    print("ref %s %d %s %d" % (key, id(obj), type(obj).__name__, sys.getrefcount(obj)))

def shared():
    for i in range(-5, 257):
        emit("int:%d" % i, i)
    for name, obj in [("None", None), ("True", True), ("False", False), ("Ellipsis", Ellipsis), ("NotImplemented", NotImplemented), ("()", ()), ("''", ''), ("b''", b''), ("frozenset()", frozenset())]:
        emit("const:" + name, obj)
    for i in range(256):
        emit("chr:%d" % i, chr(i))
    for name in sorted(sys.modules):
        emit("module:" + name, sys.modules[name])
    for mod in [sys.modules['builtins' if 'builtins' in sys.modules else '__builtin__'], sys, gc]:
        names = sorted(mod.__dict__)
        for name in names:
            if mod is not sys and mod is not gc:
                emit("builtins:" + name, mod.__dict__[name])
            emit("name:" + name, [k for k in mod.__dict__ if k == name][0])
    for name, obj in [("NoneType", None), ("function", emit), ("builtin_function_or_method", len), ("module", sys), ("ellipsis", Ellipsis), ("NotImplementedType", NotImplemented)]:
        emit("type:" + name, type(obj))

shared()

# The start-up image: what a fresh interpreter holds before the program's first line. Read by
# scripts/calibrate-startup.mjs (not compared: it is the calibration input). Valid Python 2.7 and 3.x, runnable
# as a script (image.py) and through `python -i` (image.repl: a blank line ends each block).
# The counts come first, before `import gc` (whose import adds references to small ints of its own), and the
# lines are collected and written once at the end, so that nothing allocates enough to start a collection.
import sys
out = []
def emit(key, obj):
    out.append("ref " + key + " " + str(id(obj)) + " " + type(obj).__name__ + " " + str(sys.getrefcount(obj)))

def shared():
    for i in range(-5, 257):
        emit("int:" + str(i), i)
    for name, obj in [("None", None), ("True", True), ("False", False), ("Ellipsis", Ellipsis), ("NotImplemented", NotImplemented), ("()", ()), ("''", ''), ("b''", b''), ("frozenset()", frozenset())]:
        emit("const:" + name, obj)
    for i in range(256):
        emit("chr:" + str(i), chr(i))
    for name in sorted(sys.modules):
        emit("module:" + name, sys.modules[name])
    for mod in [sys.modules['builtins' if 'builtins' in sys.modules else '__builtin__'], sys]:
        for name in sorted(mod.__dict__):
            if mod is not sys:
                emit("builtins:" + name, mod.__dict__[name])
            emit("name:" + name, name)
    intern = sys.intern if hasattr(sys, 'intern') else __builtins__.intern
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_":
        emit("name:" + c, intern(c))
    for name, obj in [("NoneType", None), ("function", emit), ("builtin_function_or_method", len), ("module", sys), ("ellipsis", Ellipsis), ("NotImplementedType", NotImplemented)]:
        emit("type:" + name, type(obj))

shared()
import gc
# measured inside a function: nothing it makes stays referenced afterwards
def measure():
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
    out.append("gc.sizes %d %d %d" % tuple(sizes))
    out.append("gc.frozen %d" % frozen)
    for g in range(len(stats)):
        out.append("gc.stats %d %d %d %d" % (g, stats[g]['collections'], stats[g]['collected'], stats[g]['uncollectable']))
    unreachable = gc.collect()
    out.append("gc.after %d %d" % (unreachable, len(gc.get_objects())))

measure()
sys.stdout.write("\n".join(out) + "\n")

import ctypes
class T(object):
    pass
def f():
    t = T()
    ctypes.c_ssize_t.from_address(id(t)).value = 0
    print("refcount written: 0")
    t = None
    print("not reached")
f()

import ctypes
class T(object):
    pass
d = {"k": T()}
ctypes.c_ssize_t.from_address(id(d["k"])).value = 0
print("refcount written: 0")
del d["k"]
print("not reached")

import ctypes
class T(object):
    pass
t = T()
ctypes.c_ssize_t.from_address(id(t)).value = 0
print("refcount written: 0")
del t
print("not reached")

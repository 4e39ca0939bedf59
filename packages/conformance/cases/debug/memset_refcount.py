import ctypes
class T(object):
    pass
t = T()
ctypes.memset(id(t), 0, ctypes.sizeof(ctypes.c_ssize_t))
print("refcount memset to 0")
t = None
print("not reached")

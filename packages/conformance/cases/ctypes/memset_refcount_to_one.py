import ctypes, sys
class T(object):
    def __del__(self):
        print("__del__ while still referenced")
t = T()
keep = [t, t]
ctypes.c_ssize_t.from_address(id(t)).value = 1
print("refcount forced to 1")
del t
print("after del t")

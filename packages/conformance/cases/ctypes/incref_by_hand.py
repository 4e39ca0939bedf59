import ctypes, sys
class T(object):
    def __del__(self):
        print("__del__")
t = T()
ctypes.pythonapi.Py_IncRef(ctypes.py_object(t))
del t
print("after del: leaked, no __del__")
u = T()
r = ctypes.c_ssize_t.from_address(id(u))
print(r.value)
ctypes.pythonapi.Py_IncRef(ctypes.py_object(u))
print(r.value)
ctypes.pythonapi.Py_DecRef(ctypes.py_object(u))
print(r.value)
del r
del u
print("end")

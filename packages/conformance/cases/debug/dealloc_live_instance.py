import ctypes
class T(object):
    pass
t = T()
print("before")
ctypes.pythonapi._Py_Dealloc(ctypes.py_object(t))
print("not reached")

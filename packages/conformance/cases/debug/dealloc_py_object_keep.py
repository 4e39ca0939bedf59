import ctypes
x = 10 ** 20
y = x
ctypes.pythonapi._Py_Dealloc(ctypes.py_object(x))
print("not reached")

import ctypes
d={'a':[1]}
ctypes.pythonapi._Py_Dealloc(ctypes.py_object(d))
print(d)

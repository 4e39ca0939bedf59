import ctypes
x=[1,2,3]
ctypes.pythonapi._Py_Dealloc(ctypes.py_object(x))
y=[object() for i in range(100)]
print('survived', x)

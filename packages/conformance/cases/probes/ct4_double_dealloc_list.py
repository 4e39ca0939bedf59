import ctypes
x=[1,2,3]
p=ctypes.py_object(x)
ctypes.pythonapi._Py_Dealloc(p)
ctypes.pythonapi._Py_Dealloc(p)
print('survived')

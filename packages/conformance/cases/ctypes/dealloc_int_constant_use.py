import ctypes
x = 10 ** 20
y = x
ctypes.pythonapi._Py_Dealloc(ctypes.py_object(x))
z = [10 ** 21 + i for i in range(10)]
print(type(z[0]).__name__)

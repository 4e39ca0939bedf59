import ctypes; ctypes.pythonapi._Py_Dealloc(ctypes.py_object(None)); print('survived')

import ctypes
class K(object):
    def __init__(self):
        self.tag = "original"
k = K()
back = ctypes.cast(id(k), ctypes.py_object).value
print(back is k, back.tag)
p = ctypes.py_object(k)
print(p.value is k)

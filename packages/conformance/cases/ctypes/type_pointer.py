import ctypes
x = [1, 2, 3]
typ = ctypes.c_void_p.from_address(id(x) + ctypes.sizeof(ctypes.c_ssize_t)).value
print(typ == id(list))
n = 12345678901
print(ctypes.c_void_p.from_address(id(n) + ctypes.sizeof(ctypes.c_ssize_t)).value == id(int))

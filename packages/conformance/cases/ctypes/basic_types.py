import ctypes
i = ctypes.c_int(42)
print(i.value)
i.value = -7
print(i.value)
print(ctypes.c_ubyte(300).value, ctypes.c_int8(200).value)
print(ctypes.sizeof(ctypes.c_int), ctypes.sizeof(ctypes.c_char), ctypes.sizeof(ctypes.c_double))
arr = (ctypes.c_int * 4)(1, 2, 3, 4)
print(list(arr), len(arr))

import ctypes, sys
print(ctypes.sizeof(ctypes.c_void_p), ctypes.sizeof(ctypes.c_ssize_t))
print(sys.maxsize == 2 ** (8 * ctypes.sizeof(ctypes.c_void_p) - 1) - 1)

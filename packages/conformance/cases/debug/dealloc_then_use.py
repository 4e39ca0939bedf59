import ctypes
x = 10 ** 20
addr = id(x)
p = ctypes.py_object(x)
ctypes.pythonapi._Py_Dealloc(p)
print("deallocated")
# The debug hooks filled the freed block with 0xDD: refcount and type pointer read as dead bytes.
print(ctypes.c_ssize_t.from_address(addr).value)
print(ctypes.c_size_t.from_address(addr + ctypes.sizeof(ctypes.c_void_p)).value == int("dd" * 8, 16))
del x
print("not reached")

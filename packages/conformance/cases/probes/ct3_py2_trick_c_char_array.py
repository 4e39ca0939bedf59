import ctypes,sys
x=[1,2,3]
buf=(ctypes.c_char*sys.getsizeof(x)).from_address(id(x))
buf[0:8]=b'\x00'*8
del x
print('survived')

import ctypes,sys
x=[1,2,3]
ctypes.memset(id(x),0,8)
print(sys.getrefcount(x))
y=[[i] for i in range(1000)]
print('survived', x)

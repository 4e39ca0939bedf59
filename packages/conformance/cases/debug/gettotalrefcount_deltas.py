import ctypes, sys
class K(object):
    pass
# Warm up the ctypes functions used below: their first use caches objects of their own.
w = K()
ctypes.pythonapi.Py_IncRef(ctypes.py_object(w))
ctypes.pythonapi.Py_DecRef(ctypes.py_object(w))
ctypes.c_ssize_t.from_address(id(w)).value = 1
g = sys.gettotalrefcount
t0 = g()
t1 = g()
x = []
t2 = g()
del x
t3 = g()
L = [object() for i in range(100)]
t4 = g()
del L
t5 = g()
d = {"a": 1, "b": (2, 3)}
t6 = g()
e = {}
t7 = g()
k = K()
t8 = g()
ctypes.pythonapi.Py_IncRef(ctypes.py_object(k))
t9 = g()
ctypes.c_ssize_t.from_address(id(k)).value = 5
t10 = g()
ctypes.pythonapi.Py_DecRef(ctypes.py_object(k))
t11 = g()
ts = [t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11]
print([b - a for a, b in zip(ts, ts[1:])])
print(sys.getrefcount(k))
print(hasattr(sys, "gettotalrefcount"), sys.abiflags)

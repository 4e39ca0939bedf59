import sys
import gc, weakref
import time as t
from ctypes import c_int, sizeof
import ctypes
print(type(sys).__name__, sys.__name__, gc.__name__, weakref.__name__, t.__name__)
print(isinstance(t.time(), float), t.time() > 0)
print(c_int(3).value, sizeof(c_int) == ctypes.sizeof(ctypes.c_int))
print("gc" in sys.modules, __name__)
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e)

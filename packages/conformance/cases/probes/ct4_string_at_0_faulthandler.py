import faulthandler; faulthandler.enable()  # stands for python -X faulthandler
import ctypes; ctypes.string_at(0)

import atexit, sys
class T(object):
    def __del__(self):
        sys.stdout.write("__del__ of a global\n")
t = T()
atexit.register(lambda: sys.stdout.write("atexit handler\n"))
print("end of script")

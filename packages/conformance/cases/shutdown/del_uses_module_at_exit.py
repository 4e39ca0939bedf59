import sys, os
class T(object):
    def __del__(self):
        sys.stdout.write("__del__ at exit, os.sep=%s\n" % os.sep)
t = T()
print("end of script")

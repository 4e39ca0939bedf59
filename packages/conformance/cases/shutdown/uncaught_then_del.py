import sys
class T(object):
    def __del__(self):
        sys.stdout.write("__del__ after the traceback\n")
def f():
    t = T()
    raise RuntimeError("boom")
f()

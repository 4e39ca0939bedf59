import sys
class Quiet(object):
    def __del__(self):
        try:
            raise KeyError("inside __del__")
        except KeyError:
            pass
try:
    raise ValueError("outer")
except ValueError:
    q = Quiet()
    del q
    print("current exception: %r" % (sys.exc_info()[1],))

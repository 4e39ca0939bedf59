import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def outer():
    x = T("cell")
    def inner():
        nonlocal x
        del x
    inner()
    print("after inner deleted the cell contents")
    try:
        x
    except NameError as e:
        print("%s: %s" % (type(e).__name__, e))
outer()

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def f(x=T("default")):
    return x.name
print(f())
del f
print("function deleted")

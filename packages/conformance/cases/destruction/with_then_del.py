import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
    def __enter__(self):
        sys.stdout.write("enter\n")
        return self
    def __exit__(self, *a):
        sys.stdout.write("exit\n")
        return False
with T("cm"):
    print("body")
print("after with")
with T("cm2") as c:
    print("body2")
print("after second with")
del c

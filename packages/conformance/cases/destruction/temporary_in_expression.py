import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
    def hello(self):
        sys.stdout.write("hello from %s\n" % self.name)
        return 1
x = T("temp").hello() + 1
print("statement done: %d" % x)
print(len([T("in list")]))
print("end")

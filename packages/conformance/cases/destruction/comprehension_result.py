import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
print(len([T("c%d" % i) for i in range(3)]))
print("statement done")
print(sum(1 for _ in (T("g%d" % i) for i in range(2))))
print("end")

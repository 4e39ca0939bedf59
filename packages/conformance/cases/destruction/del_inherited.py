import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
class Sub(T):
    def __del__(self):
        sys.stdout.write("Sub.__del__ %s\n" % self.name)
        T.__del__(self)
class Plain(T):
    pass
s = Sub("s")
del s
p = Plain("p")
del p
print("end")

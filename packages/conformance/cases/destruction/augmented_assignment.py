import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
l = []
l += [T("x")]
print("appended")
l *= 0
print("l *= 0")
n = 5
n += 1
print(n)

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
def gen():
    t = T("gen local")
    try:
        yield 1
        yield 2
    finally:
        sys.stdout.write("finally\n")
g = gen()
print(next(g))
del g
print("generator deleted")
g2 = gen()
print(next(g2))
g2.close()
print("closed")

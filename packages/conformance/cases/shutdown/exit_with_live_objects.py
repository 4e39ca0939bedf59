import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
a = T("a")
def main():
    b = T("b local")
    sys.exit(2)
main()

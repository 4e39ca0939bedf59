import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
a = T("a"); a.next = T("b"); a.next.next = T("c"); a.next.next.next = T("d")
del a
print("| chain freed")

import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
    def __hash__(self):
        return int(self.name[1:])
s = set([T("s3"), T("s1"), T("s2")])
print("built")
del s
print("| set freed")

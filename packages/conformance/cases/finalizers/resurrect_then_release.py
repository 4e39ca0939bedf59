import sys
keep = []
class Phoenix(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
        keep.append(self)
p = Phoenix("p")
del p
print("alive again: %s" % keep[0].name)
q = keep.pop()
print("still usable: %s" % q.name)
del q
print("end")

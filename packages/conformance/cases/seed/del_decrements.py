import sys
class Big(object):
    def __del__(self):
        print("freed")
x = Big()
holders = [x, x, x]
before = sys.getrefcount(x)
del x
print("del x dropped the count by %d" % (before - sys.getrefcount(holders[0])))
del holders[0]
print("still alive, count %d" % sys.getrefcount(holders[0]))
del holders[:]
print("end")

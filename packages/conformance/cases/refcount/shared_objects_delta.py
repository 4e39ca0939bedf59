import sys
def delta(o, n=50):
    before = sys.getrefcount(o)
    keep = [o] * n
    return sys.getrefcount(o) - before
print("None: %d" % delta(None))
print("True: %d" % delta(True))
print("small int 7: %d" % delta(7))
print("256: %d" % delta(256))
print("(): %d" % delta(()))
print("'': %d" % delta(''))
print("a user object: %d" % delta(object()))

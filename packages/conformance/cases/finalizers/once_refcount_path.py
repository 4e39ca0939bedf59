import sys
saved = []
class L(object):
    calls = 0
    def __del__(self):
        L.calls += 1
        sys.stdout.write("__del__ call %d\n" % L.calls)
        saved.append(self)
x = L()
del x
print("resurrected: %d" % len(saved))
del saved[:]
print("dropped again; calls = %d" % L.calls)

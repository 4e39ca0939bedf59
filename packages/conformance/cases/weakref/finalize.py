import weakref
class C(object):
    pass
c = C()
f = weakref.finalize(c, print, "finalizer ran", 1, 2)
print(f.alive)
del c
print(f.alive)
d = C()
g = weakref.finalize(d, print, "never")
print(g.detach()[1:])
print(g.alive)
del d
e = C()
h = weakref.finalize(e, lambda: "result")
print(h.peek()[1:])
print(h())
print(h())
print("end")

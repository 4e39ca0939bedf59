import weakref
class C(object):
    def m(self):
        return "called"
c = C()
r = weakref.ref(c.m)
print("plain ref to a bound method dies at once: %s" % (r() is None))
wm = weakref.WeakMethod(c.m)
print(wm()())
del c
print(wm() is None)

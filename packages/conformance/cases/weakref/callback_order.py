import weakref
class C(object):
    pass
c = C()
refs = [weakref.ref(c, lambda r, i=i: print("callback %d" % i)) for i in range(4)]
plain = weakref.ref(c)
del c
print("end")

import weakref
class C(object):
    pass
keep = C()
weakref.finalize(keep, print, "finalize at exit")
other = C()
f = weakref.finalize(other, print, "not at exit")
f.atexit = False
print("end of script")

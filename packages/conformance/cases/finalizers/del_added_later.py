class C(object):
    pass
c = C()
def fin(self):
    print("late __del__")
C.__del__ = fin
del c
print("after first")
d = C()
del C.__del__
del d
print("after removing __del__")

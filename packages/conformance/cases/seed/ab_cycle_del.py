import gc

class A(object):
    def __init__(self, b=None):
        self.b = b

    def __del__(self):
        print("We're deleting an instance of A containing:", self.b)

class B(object):
    def __init__(self, a=None):
        self.a = a

    def __del__(self):
        print("We're deleting an instance of B containing:", self.a)

gc.disable()
gc.collect()
a = A()
b = B(a)
a.b = b
del a, b
print(gc.collect())
print(len(gc.garbage))

import sys
def f():
    pass
class C(object):
    pass
def gen():
    yield 1
print("function: %d" % sys.getsizeof(f))
print("lambda: %d" % sys.getsizeof(lambda: 0))
print("class: %d" % sys.getsizeof(C))
print("generator: %d" % sys.getsizeof(gen()))
print("bound method: %d" % sys.getsizeof(C().__init__))

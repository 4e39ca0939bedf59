import weakref
class C(object):
    def __init__(self):
        self.value = 42
    def hello(self):
        return "hello"
c = C()
p = weakref.proxy(c)
print(p.value, p.hello())
print(type(p).__name__)
del c
try:
    p.value
except ReferenceError as e:
    print("ReferenceError: %s" % e)

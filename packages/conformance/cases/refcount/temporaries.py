import sys
print("object(): %d" % sys.getrefcount(object()))
print("[]: %d" % sys.getrefcount([]))
print("{}: %d" % sys.getrefcount({}))
a = 10 ** 20
b = 3
print("a + b (new int): %d" % sys.getrefcount(a + b))
print("str concatenation: %d" % sys.getrefcount("abc" + str(b)))

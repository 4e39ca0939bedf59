import ctypes, sys
class K(object):
    pass
k = K()
word = ctypes.c_ssize_t.from_address(id(k))
print(word.value == sys.getrefcount(k) - 1)
before = word.value
others = [k, k, k]
print(word.value - before)
del others
print(word.value - before)

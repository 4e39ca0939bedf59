import sys
for b in (b"", b"a", b"abc", b"x" * 100):
    print("bytes len %d: %d" % (len(b), sys.getsizeof(b)))
for b in (bytearray(), bytearray(b"abc")):
    print("bytearray len %d: %d" % (len(b), sys.getsizeof(b)))

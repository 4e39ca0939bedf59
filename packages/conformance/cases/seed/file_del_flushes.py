import weakref
f = open("test.txt", "w")
f.write("written but never flushed or closed")
w = weakref.ref(f)
del f    # refcount reaches zero: the file object is deallocated, which flushes and closes it
print(w() is None)
print(open("test.txt").read())

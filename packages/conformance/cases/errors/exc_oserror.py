# OSError: the errno -> subclass mapping, the fields, str() with one and two file names, characters_written.
for args in [(), (1,), (2, 'No such file or directory'), (2, 'No such file', 'x'), (2, 'nf', 'x', None, 'y'),
             (13, 'perm'), (17, 'exists', 'f'), (999, 'other'), ('a', 'b'), (1, 2, 3, 4, 5, 6), (None, 'x', 'f')]:
    e = OSError(*args)
    print(type(e).__name__, repr(e), '|', str(e), '|', e.errno, e.strerror, e.filename, e.filename2, e.args)
print(type(FileNotFoundError(13, 'x')).__name__, type(OSError(True, 'x')).__name__)
print(IOError is OSError, EnvironmentError is OSError)
print(OSError(2, 'x', 'f').__reduce__())
print(OSError(2, 'x', 'f', None, 'g').__reduce__())
print(OSError(5, 'io').__reduce__())

b = BlockingIOError(11, 'would block', 5)
print(type(b).__name__, b.characters_written, b.filename, b.args, str(b))
b.characters_written = 7
print(b.characters_written)
del b.characters_written
try:
    b.characters_written
except AttributeError as x:
    print('AttributeError:', x)
try:
    del b.characters_written
except AttributeError as x:
    print('AttributeError:', x)
try:
    OSError(1, 'x').characters_written
except AttributeError as x:
    print('AttributeError:', x)
print(str(BlockingIOError(1, 'x', 'f')))

class MyOSError(OSError):
    def __init__(self, a, b, c):
        super().__init__(a, b)
        self.c = c
m = MyOSError(2, 'x', 'extra')
print(type(m).__name__, m.errno, m.strerror, str(m), m.c, m.args)
class PlainOSError(OSError):
    pass
p = PlainOSError(2, 'x', 'file')
print(type(p).__name__, str(p), p.filename)
try:
    OSError(1, 2, x=3)
except TypeError as x:
    print('TypeError:', x)
e = OSError(2, 'x', 'f')
e.errno = 3
e.filename2 = 'g'
print(str(e), e.args)
try:
    open('/nonexistent/file.txt')
except FileNotFoundError as nf:
    print(type(nf).__name__, nf.filename, nf.strerror)

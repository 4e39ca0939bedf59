# SyntaxError's fields and str(); the Unicode errors' fields and messages.
print(str(SyntaxError('m', ('/a/b/f.py', 3, 4, 'txt'))), '|', str(SyntaxError('m', (None, 3, 4, 'txt'))), '|',
      str(SyntaxError('m', ('f.py', None, 4, 'txt'))), '|', str(SyntaxError('m')), '|', str(SyntaxError()), '|', str(SyntaxError(1, 2, 3)))
e = SyntaxError('bad', ('f.py', 3, 4, 'line text\n'))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.print_file_and_line, repr(e), e.args)
e.lineno = 7
print(str(e))
e = IndentationError('ind', ('g.py', 1, 2, 'x'))
print(type(e).__name__, repr(e), str(e), isinstance(e, SyntaxError))
print(repr(TabError('tab')), TabError.__mro__[1].__name__)
for f in [lambda: SyntaxError('a', 1), lambda: SyntaxError('a', (1, 2, 3))]:
    try:
        f()
    except (TypeError, IndexError) as x:
        print(type(x).__name__ + ':', x)
try:
    compile('x = (', 'snippet.py', 'exec')
except SyntaxError as s:
    print(type(s).__name__, s.filename, s.lineno, repr(s.text))

e = UnicodeEncodeError('ascii', 'a\xe9b', 1, 2, 'ordinal not in range(128)')
print(str(e))
print(repr(e), e.encoding, repr(e.object), e.start, e.end, e.reason)
print(str(UnicodeEncodeError('ascii', 'a\u1234b', 1, 2, 'r')))
print(str(UnicodeEncodeError('ascii', 'a\U00012345b', 1, 2, 'r')))
print(str(UnicodeEncodeError('ascii', 'abc', 0, 3, 'r')), '|', str(UnicodeEncodeError('ascii', 'abc', 5, 6, 'r')))
d = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte')
print(str(d))
print(repr(d), d.encoding, d.object, d.start, d.end, d.reason)
print(str(UnicodeDecodeError('utf-8', b'ab', 0, 2, 'r')))
d = UnicodeDecodeError('utf-8', bytearray(b'ab'), 0, 2, 'r')
print(type(d.object).__name__, d.args)
t = UnicodeTranslateError('a\xe9', 1, 2, 'r')
print(str(t), repr(t), t.encoding)
t.start = 0
t.end = 1
print(str(t))
t.reason = 5
print(str(t))
for f in [lambda: UnicodeDecodeError(), lambda: UnicodeEncodeError(1, 2, 3, 4, 5), lambda: UnicodeEncodeError('a', b'b', 1, 2, 'r'),
          lambda: UnicodeDecodeError('a', 'str', 1, 2, 'r'), lambda: UnicodeDecodeError('a', b'b', 'x', 2, 'r'),
          lambda: UnicodeTranslateError('a', 1, 2, 'r', 5)]:
    try:
        f()
    except TypeError as x:
        print('TypeError:', x)
for bad in ['x', None]:
    try:
        t.start = bad
    except TypeError as x:
        print('TypeError:', x)
try:
    del t.end
except TypeError as x:
    print('TypeError:', x)
print(isinstance(t, UnicodeError), isinstance(t, ValueError), repr(UnicodeError(1, 2)))

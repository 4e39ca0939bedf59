# UnicodeEncodeError / UnicodeDecodeError raised by the codecs carry CPython's args and attributes.
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, isinstance(e, UnicodeError), isinstance(e, ValueError), e.args)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e.args)
try:
    "a€€b".encode("latin-1")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
try:
    b"ab\xe2\x82".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, str(e))

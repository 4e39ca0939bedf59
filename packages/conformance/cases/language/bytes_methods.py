b = b"hello world"
print(b, len(b), b[0], b[:5], b.upper(), b.split())
print(b.decode(), bytes([65, 66, 67]), bytes(3), b"ab" + b"cd", b"x" * 3)
print(b.hex(), bytes.fromhex("41 42"), b.find(b"o"), b.replace(b"l", b"L"))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
print(ba, bytes(ba), list(ba))
print(b"\x00\xff\n\t\\'", repr(b'"'), b"a" in b"cat")

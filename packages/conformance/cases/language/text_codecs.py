# str.encode / bytes.decode for utf-8, ascii, latin-1, utf-16/32 with the standard error handlers and messages.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


text = "añ€😀"
for enc in ["utf-8", "UTF8", "utf_8", "latin-1", "iso-8859-1", "ascii", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        attempt(enc + "/" + errors, lambda: text.encode(enc, errors))
attempt("latin run", lambda: "a€€b".encode("latin-1"))
attempt("surrogate", lambda: "\ud800".encode())
attempt("surrogatepass", lambda: "\ud800".encode("utf-8", "surrogatepass"))
attempt("surrogateescape", lambda: "\udc80\udcff".encode("utf-8", "surrogateescape"))
attempt("bad handler", lambda: "é".encode("ascii", "bogus"))
attempt("bad handler unused", lambda: "e".encode("ascii", "bogus"))
attempt("unknown", lambda: "e".encode("nope"))
attempt("kw", lambda: "é".encode(encoding="latin-1", errors="strict"))
for data in [b"caf\xc3\xa9", b"\xff", b"a\xffb\xfe", b"\xe2\x82", b"\xe2\x28\xa1", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\x80", b"\xf0\x9f\x98\x80", b"\xf0\x9f\x98"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        attempt(repr(data) + "/" + errors, lambda: data.decode("utf-8", errors))
attempt("ascii decode", lambda: b"ab\x80c".decode("ascii"))
attempt("ascii replace", lambda: b"ab\x80c".decode("ascii", "replace"))
attempt("surrogateescape decode", lambda: b"a\xff".decode("utf-8", "surrogateescape"))
attempt("latin-1 decode", lambda: bytes(range(250, 256)).decode("latin-1"))
attempt("utf-16 decode", lambda: "hé😀".encode("utf-16").decode("utf-16"))
attempt("utf-32 decode", lambda: "hé😀".encode("utf-32").decode("utf-32"))
attempt("str decode", lambda: str(b"\xc3\xa9", "utf-8"))
attempt("str decode errors", lambda: str(b"\xff", "utf-8", "replace"))
attempt("str decode str", lambda: str("x", "utf-8"))
attempt("str decode int", lambda: str(5, "utf-8"))

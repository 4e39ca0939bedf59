try:
    [][0]
except IndexError:
    raise RuntimeError("clean") from None

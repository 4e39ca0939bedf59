try:
    {}["key"]
except KeyError:
    raise ValueError("while handling")

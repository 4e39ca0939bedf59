def make():
    def inner(x):
        return x.strip()
    return inner
result = make()(None)

# repr() and str() of exceptions with no, one and several arguments (2.7 shows the args tuple: E('x',)).
for e in [ValueError(), ValueError('x'), ValueError('x', 2), KeyError('k'), KeyError(), IndexError(3), Exception(None)]:
    print(repr(e))
    print(str(e))
    print(len(e.args))
print(repr(SystemExit(2)))
print(SystemExit(2).code)

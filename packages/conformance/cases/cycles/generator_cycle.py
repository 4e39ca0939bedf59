import gc
gc.disable()
gc.collect()
def make():
    def gen():
        yield me
    me = gen()
    return me
g = make()
next(g)
del g
print("suspended generator reachable from its own frame: %d" % gc.collect())
def plain():
    yield 1
g = plain()
next(g)
del g
print("suspended generator without a cycle: %d" % gc.collect())

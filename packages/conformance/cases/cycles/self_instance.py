import gc
gc.disable()
gc.collect()
class P(object):
    pass
p = P()
p.me = p
del p
print("instance referring to itself: %d" % gc.collect())
p = P()
p.me = p
p.__dict__
del p
print("same, __dict__ materialised: %d" % gc.collect())
